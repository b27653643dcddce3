/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing front-matter Markdown files into the store off the main thread: every file is
 * read and parsed first, then all articles go in one transaction, so nothing is half-imported. */
#pragma once

#include <gio/gio.h>

#include "tayori-store.h"

G_BEGIN_DECLS

void    tayori_import_files_async  (TayoriStore          *store,
                                    GPtrArray            *files,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
/* The ids of the new articles (gint64), in the order of the files. */
GArray *tayori_import_files_finish (GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS
