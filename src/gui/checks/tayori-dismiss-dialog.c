/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dismiss dialog: AdwMessageDialog plus a reason entry, wrapped as _run_async/_finish. */
#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-dismiss-dialog.h"

static char *
entry_reason (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = entry_reason (entry);

  adw_message_dialog_set_response_enabled (dialog, "dismiss", *reason != '\0');
}

static void
reason_activate_cb (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "dismiss"))
    adw_message_dialog_response (dialog, "dismiss");
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *reason = entry_reason (entry);

  if (g_str_equal (response, "dismiss") && *reason != '\0')
    g_task_return_pointer (task, g_steal_pointer (&reason), g_free);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not dismissed");
  g_object_unref (task);
}

void
tayori_dismiss_dialog_run_async (GtkWindow           *parent,
                                 const char          *message,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GtkWidget *dialog;
  GtkWidget *entry;
  g_autofree char *body = NULL;
  GTask *task;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (message != NULL);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, tayori_dismiss_dialog_run_async);

  body = g_strdup_printf (_("“%s”\n\nSay why this does not apply here. The reason is kept with the "
                            "article and shown to whoever approves it."), message);
  dialog = adw_message_dialog_new (parent, _("Dismiss This Finding?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "dismiss", _("_Dismiss"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dismiss", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "dismiss", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "dismiss");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE, -1);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect (dialog, "response", G_CALLBACK (response_cb), task);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

char *
tayori_dismiss_dialog_run_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tayori_dismiss_dialog_run_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
