/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "what will be sent" dialog shows the masked request text read-only and scrollable, so
 * the user judges the real payload, not a description of it; the refusal dialog says why the
 * policy stops the request. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-send-dialog.h"

#define MASK "[個人情報]"

char *
tayori_ai_endpoint_describe (TayoriAiEndpoint *endpoint)
{
  const char *label = tayori_ai_endpoint_get_label (endpoint);
  const char *host = tayori_ai_endpoint_get_host (endpoint);

  if (label == NULL || *label == '\0')
    label = tayori_ai_endpoint_get_name (endpoint);
  if (host == NULL || *host == '\0')
    return g_strdup (label);
  /* TRANSLATORS: an AI service and its host, e.g. "Azure OpenAI (example.openai.azure.com)" */
  return g_strdup_printf (_("%s (%s)"), label, host);
}

static guint
count_masked (const char *text)
{
  guint n = 0;

  for (const char *p = strstr (text, MASK); p != NULL; p = strstr (p + strlen (MASK), MASK))
    n++;
  return n;
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  g_task_return_boolean (task, g_str_equal (response, g_task_get_task_data (task)));
  g_object_unref (task);
}

static GtkWidget *
payload_view (const char *text)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text to be sent"), -1);
  gtk_widget_add_css_class (view, "tayori-ai-payload");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 160);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  return frame;
}

static void
present (GtkWidget           *dialog,
         const char          *yes,
         gpointer             source_tag,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  GTask *task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, (gpointer) yes, NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
tayori_ai_send_dialog_run_async (GtkWindow           *parent,
                                 TayoriAiEndpoint    *endpoint,
                                 const char          *text,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *service = NULL;
  g_autofree char *body = NULL;
  g_autofree char *masked = NULL;
  guint n_masked;
  GtkWidget *dialog;

  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint));
  g_return_if_fail (text != NULL);

  service = tayori_ai_endpoint_describe (endpoint);
  n_masked = count_masked (text);
  if (n_masked > 0)
    masked = g_strdup_printf (ngettext ("%u piece of personal data was replaced with [個人情報].",
                                        "%u pieces of personal data were replaced with [個人情報].", n_masked),
                              n_masked);
  else
    masked = g_strdup (_("No personal data was found in it."));
  /* TRANSLATORS: %s is the service and its host; the second line says what was masked */
  body = g_strdup_printf (_("Exactly the text below will leave this computer for %s.\n%s"), service, masked);

  dialog = adw_message_dialog_new (parent, _("Send to an AI Service?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), payload_view (text));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  present (dialog, "send", tayori_ai_send_dialog_run_async, callback, user_data);
}

gboolean
tayori_ai_send_dialog_run_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}

void
tayori_ai_refusal_dialog_run_async (GtkWindow           *parent,
                                    TayoriAiEndpoint    *endpoint,
                                    const char          *reason,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *service = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint));

  service = tayori_ai_endpoint_describe (endpoint);
  /* TRANSLATORS: %s is the service and its host */
  heading = g_strdup_printf (_("Not Sent to %s"), service);
  /* TRANSLATORS: %s is the organisation policy's reason */
  body = g_strdup_printf (_("%s\n\nThe built-in assistant can answer instead, without anything leaving this computer."),
                          reason);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "builtin", _("Use the _Built-in Assistant"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "builtin");
  present (dialog, "builtin", tayori_ai_refusal_dialog_run_async, callback, user_data);
}

gboolean
tayori_ai_refusal_dialog_run_finish (GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}
