/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReturnDialog: a return always says why; the response stays disabled until it does.
 * Once an approver passed the article, it may go back to them instead of the writer. */
#include <glib/gi18n.h>

#include "tayori-return-dialog.h"
#include "tayori-review-util.h"

struct _TayoriReturnDialog
{
  AdwMessageDialog parent_instance;

  GtkTextView    *note_view;
  GtkCheckButton *previous_check;   /* NULL when nobody approved yet */
};

G_DEFINE_FINAL_TYPE (TayoriReturnDialog, tayori_return_dialog, ADW_TYPE_MESSAGE_DIALOG)

char *
tayori_return_dialog_dup_note (TayoriReturnDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_RETURN_DIALOG (self), NULL);

  return tayori_review_text_view_dup_text (self->note_view);
}

gboolean
tayori_return_dialog_get_to_previous (TayoriReturnDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_RETURN_DIALOG (self), FALSE);

  return self->previous_check != NULL && gtk_check_button_get_active (self->previous_check);
}

/* 「作成者に戻す」 / 「前の段階に戻す」 */
static GtkWidget *
target_choice_new (TayoriReturnDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *writer = gtk_check_button_new_with_mnemonic (_("Back to the _Writer"));

  self->previous_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Back to the _Previous Approver")));
  gtk_check_button_set_group (self->previous_check, GTK_CHECK_BUTTON (writer));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (writer), TRUE);
  gtk_box_append (GTK_BOX (box), writer);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->previous_check));
  return box;
}

static void
note_changed_cb (TayoriReturnDialog *self)
{
  g_autofree char *note = tayori_return_dialog_dup_note (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "return", note != NULL);
}

GtkWidget *
tayori_return_dialog_new (GtkWindow *parent,
                          guint      approvals)
{
  TayoriReturnDialog *self;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self = g_object_new (TAYORI_TYPE_RETURN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Return for Changes"),
                       "body", approvals > 0
                         ? _("The article goes back with your note, to the writer or to the approver before you.")
                         : _("The article goes back to the writer with your note."),
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  if (approvals > 0)
    gtk_box_append (GTK_BOX (box), target_choice_new (self));
  gtk_box_append (GTK_BOX (box), tayori_review_note_field_new (_("Return Note"), &self->note_view));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (note_changed_cb), self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  note_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
tayori_return_dialog_class_init (TayoriReturnDialogClass *klass)
{
}

static void
tayori_return_dialog_init (TayoriReturnDialog *self)
{
}
