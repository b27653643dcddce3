/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asks why a finding does not apply before it is dismissed: a message dialog with a reason
 * entry whose Dismiss button stays disabled while the reason is empty. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @message: the finding's message, shown so the writer knows what is being dismissed. */
void  tayori_dismiss_dialog_run_async  (GtkWindow           *parent,
                                        const char          *message,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
/* The reason, trimmed; NULL with G_IO_ERROR_CANCELLED when the writer cancelled. */
char *tayori_dismiss_dialog_run_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
