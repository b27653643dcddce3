/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hashing and copying a picture or a PDF can take a while on a network share: it runs in a
 * GTask thread and the caller gets a TayoriAttachment back. */
#include "tayori-media-import.h"
#include "tayori-media-store.h"
#include "tayori-paths.h"

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = g_task_get_task_data (task);
  g_autofree char *media_dir = tayori_paths_media_dir ();
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *mime_type = NULL;
  GError *error = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  hash = tayori_media_store_add_file (media_dir, file, &error);
  if (hash == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_file_info_get_content_type (info) != NULL)
    mime_type = g_content_type_get_mime_type (g_file_info_get_content_type (info));
  g_task_return_pointer (task,
                         tayori_attachment_new (g_file_info_get_display_name (info), hash,
                                                mime_type, g_file_info_get_size (info)),
                         (GDestroyNotify) tayori_attachment_free);
}

void
tayori_media_import_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_media_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

TayoriAttachment *
tayori_media_import_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
