/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriLinkDialog: the same URL rule as the sanitiser's for links the author types, so
 * what is inserted is what the reader gets. */
#include <glib/gi18n.h>

#include "tayori-form-util.h"
#include "tayori-link-dialog.h"
#include "tayori-markdown-format.h"

struct _TayoriLinkDialog
{
  AdwMessageDialog parent_instance;

  AdwEntryRow *url_row;
  AdwEntryRow *text_row;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (TayoriLinkDialog, tayori_link_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_url (TayoriLinkDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
}

static void
validate (TayoriLinkDialog *self)
{
  g_autofree char *url = dup_url (self);
  gboolean valid = tayori_markdown_url_is_allowed (url);
  gboolean show_error = !valid && *url != '\0';

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", valid);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), show_error);
  tayori_form_set_invalid (GTK_WIDGET (self->url_row), show_error, gtk_label_get_label (self->error_label));
}

char *
tayori_link_dialog_dup_markdown (TayoriLinkDialog *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (TAYORI_IS_LINK_DIALOG (self), NULL);

  url = dup_url (self);
  return tayori_markdown_link (gtk_editable_get_text (GTK_EDITABLE (self->text_row)), url);
}

GtkWidget *
tayori_link_dialog_new (GtkWindow  *parent,
                        const char *text)
{
  TayoriLinkDialog *self = g_object_new (TAYORI_TYPE_LINK_DIALOG,
                                         "transient-for", parent,
                                         NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->text_row), text != NULL ? text : "");
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->url_row))));
  return GTK_WIDGET (self);
}

static void
tayori_link_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TAYORI_TYPE_LINK_DIALOG);

  G_OBJECT_CLASS (tayori_link_dialog_parent_class)->dispose (object);
}

static void
tayori_link_dialog_class_init (TayoriLinkDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_link_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-link-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriLinkDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriLinkDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriLinkDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
tayori_link_dialog_init (TayoriLinkDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tayori_form_name_entry_row (self->url_row, _("Link URL"));
  tayori_form_name_entry_row (self->text_row, _("Link Text"));
}
