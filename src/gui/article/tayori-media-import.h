/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copying a chosen file into the media store off the main thread, for images and
 * attachments alike. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"

G_BEGIN_DECLS

/* The result describes the stored copy: display name, content hash, MIME type and size. */
void              tayori_media_import_async  (GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
TayoriAttachment *tayori_media_import_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
