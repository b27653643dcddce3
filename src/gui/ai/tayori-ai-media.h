/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Putting a generated picture into the media store off the main thread, the way the
 * thumbnail editor stores a chosen file: by the SHA-256 of its content. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void  tayori_ai_media_store_png_async  (GBytes              *png,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The media hash of the stored picture. */
char *tayori_ai_media_store_png_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
