/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the store for a window. A damaged store is set aside (never deleted) and the user
 * chooses between the latest automatic backup and starting afresh, in a dialog on @parent. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-store.h"

G_BEGIN_DECLS

void         tayori_store_loader_open_async  (GtkWindow            *parent,
                                              const char           *path,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* @out_created: TRUE when the store file did not exist before (a first run). */
TayoriStore *tayori_store_loader_open_finish (GAsyncResult         *result,
                                              gboolean             *out_created,
                                              GError              **error);

G_END_DECLS
