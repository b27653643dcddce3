/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The media store copies files, so the picture goes through a temporary file that is removed
 * again whatever happens. */
#include <glib/gstdio.h>
#include <unistd.h>

#include "tayori-ai-media.h"
#include "tayori-media-store.h"
#include "tayori-paths.h"

static void
store_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GBytes *png = task_data;
  g_autofree char *media_dir = tayori_paths_media_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;
  char *hash;
  int fd;

  fd = g_file_open_tmp ("tayori-ai-XXXXXX.png", &path, &error);
  if (fd < 0)
    {
      g_task_return_error (task, error);
      return;
    }
  close (fd);
  if (!g_file_set_contents (path, g_bytes_get_data (png, NULL), (gssize) g_bytes_get_size (png), &error))
    {
      g_unlink (path);
      g_task_return_error (task, error);
      return;
    }
  file = g_file_new_for_path (path);
  hash = tayori_media_store_add_file (media_dir, file, &error);
  g_unlink (path);
  if (hash == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hash, g_free);
}

void
tayori_ai_media_store_png_async (GBytes              *png,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (png != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_ai_media_store_png_async);
  g_task_set_task_data (task, g_bytes_ref (png), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, store_thread);
}

char *
tayori_ai_media_store_png_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
