/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small previews of images (thumbnail row, image dialog), decoded off the main thread. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Scaled to fit @size × @size, keeping the aspect ratio. */
void        tayori_media_texture_load_async  (GFile                *file,
                                              int                   size,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GdkTexture *tayori_media_texture_load_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
