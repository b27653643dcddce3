/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The questions asked before a request leaves the machine: "send exactly this text to that
 * service?", and, when the organisation's policy refuses the request, why (the built-in
 * assistant can answer instead). Both are AdwMessageDialogs wrapped as _run_async/_finish. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

/* @text: exactly what will be sent; its "[個人情報]" spans are counted for the user. */
void     tayori_ai_send_dialog_run_async     (GtkWindow           *parent,
                                              TayoriAiEndpoint    *endpoint,
                                              const char          *text,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* TRUE when the user chose to send. */
gboolean tayori_ai_send_dialog_run_finish    (GAsyncResult        *result);

/* @reason: the policy's message, in the UI language. */
void     tayori_ai_refusal_dialog_run_async  (GtkWindow           *parent,
                                              TayoriAiEndpoint    *endpoint,
                                              const char          *reason,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
/* TRUE when the user chose to let the built-in assistant answer. */
gboolean tayori_ai_refusal_dialog_run_finish (GAsyncResult        *result);

/* "Name (host)" for an endpoint, as the UI shows it. */
char    *tayori_ai_endpoint_describe         (TayoriAiEndpoint    *endpoint);

G_END_DECLS
