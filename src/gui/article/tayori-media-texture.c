/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Decoding a photo from a camera takes tens of milliseconds: GdkPixbuf does it in a worker
 * thread at the size the preview needs, and the texture is made on the main thread. */
#include "tayori-media-texture.h"

static void
pixbuf_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_finish (result, &error);
  if (pixbuf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GFileInputStream) stream = NULL;
  GError *error = NULL;
  int size = GPOINTER_TO_INT (g_task_get_task_data (task));

  stream = g_file_read_finish (G_FILE (object), result, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  gdk_pixbuf_new_from_stream_at_scale_async (G_INPUT_STREAM (stream), size, size, TRUE,
                                             g_task_get_cancellable (task),
                                             pixbuf_ready_cb, g_object_ref (task));
}

void
tayori_media_texture_load_async (GFile               *file,
                                 int                  size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_media_texture_load_async);
  g_task_set_task_data (task, GINT_TO_POINTER (size), NULL);
  g_file_read_async (file, G_PRIORITY_DEFAULT, cancellable, read_cb, task);
}

GdkTexture *
tayori_media_texture_load_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
