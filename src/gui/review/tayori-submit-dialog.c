/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSubmitDialog: 「承認依頼」 is refused while the checks report errors, unless the writer
 * gives a reason; the reason is recorded in the review log with the request. */
#include <glib/gi18n.h>

#include "tayori-review-util.h"
#include "tayori-submit-dialog.h"

struct _TayoriSubmitDialog
{
  AdwMessageDialog parent_instance;

  GtkTextView *note_view;
  GtkEntry    *reason_entry;   /* NULL when there are no errors */
};

G_DEFINE_FINAL_TYPE (TayoriSubmitDialog, tayori_submit_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
tayori_submit_dialog_dup_note (TayoriSubmitDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_SUBMIT_DIALOG (self), NULL);

  return tayori_review_text_view_dup_text (self->note_view);
}

char *
tayori_submit_dialog_dup_override_reason (TayoriSubmitDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_SUBMIT_DIALOG (self), NULL);

  return self->reason_entry != NULL ? tayori_review_dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry)))
                                    : NULL;
}

static void
reason_changed_cb (TayoriSubmitDialog *self)
{
  g_autofree char *reason = tayori_submit_dialog_dup_override_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "submit", reason != NULL);
}

static GtkWidget *
blockers_box (TayoriSubmitDialog *self,
              const char * const *blockers)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("The checks found errors:"));

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; blockers[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("• %s", blockers[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      gtk_box_append (GTK_BOX (box), label);
    }

  self->reason_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->reason_entry, _("Why it must be sent anyway (required)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason for Sending Despite Errors"), -1);
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (reason_changed_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reason_entry));
  return box;
}

GtkWidget *
tayori_submit_dialog_new (GtkWindow          *parent,
                          const char * const *blockers)
{
  TayoriSubmitDialog *self;
  GtkWidget *box, *label;
  gboolean has_errors = blockers != NULL && blockers[0] != NULL;

  self = g_object_new (TAYORI_TYPE_SUBMIT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Request Approval"),
                       "body", _("The article is sent to the CMS and waits there for the approvers."),
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "submit", has_errors ? _("_Send Anyway") : _("_Request Approval"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "submit",
                                              has_errors ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  if (has_errors)
    gtk_box_append (GTK_BOX (box), blockers_box (self, blockers));

  label = gtk_label_new (_("Note for the approver (optional)"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), tayori_review_note_field_new (_("Note for the Approver"), &self->note_view));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  if (has_errors)
    reason_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
tayori_submit_dialog_class_init (TayoriSubmitDialogClass *klass)
{
}

static void
tayori_submit_dialog_init (TayoriSubmitDialog *self)
{
}
