/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asks the Background portal (org.freedesktop.portal.Background.RequestBackground) to let
 * Tayori run and start with the session while posts are scheduled. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     tayori_sns_background_request_async  (const char          *reason,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* FALSE when there is no portal or the person refused; @error says which. */
gboolean tayori_sns_background_request_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
