/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriImageDialog: the image is decoded off the main thread for the preview; the insert
 * response stays disabled until the alternative text describes something. */
#include <glib/gi18n.h>

#include "tayori-form-util.h"
#include "tayori-image-dialog.h"
#include "tayori-markdown-format.h"
#include "tayori-media-texture.h"

#define PREVIEW_SIZE 480

struct _TayoriImageDialog
{
  AdwMessageDialog parent_instance;

  GtkPicture *picture;
  GtkLabel *file_label;
  AdwEntryRow *alt_row;
  GtkLabel *error_label;

  char *file_name;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TayoriImageDialog, tayori_image_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
validate (TayoriImageDialog *self)
{
  const char *alt = tayori_image_dialog_get_alt (self);
  gboolean valid = tayori_markdown_alt_is_valid (alt, self->file_name);
  /* An empty field is not an error yet; the file name typed as a description is */
  gboolean show_error = !valid && !tayori_form_is_blank (alt);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "insert", valid);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), show_error);
  tayori_form_set_invalid (GTK_WIDGET (self->alt_row), show_error, gtk_label_get_label (self->error_label));
}

static void
texture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = tayori_media_texture_load_finish (result, NULL);

  /* NULL when cancelled (the dialog is gone) or undecodable: the dialog works without it */
  if (texture != NULL)
    gtk_picture_set_paintable (TAYORI_IMAGE_DIALOG (user_data)->picture, GDK_PAINTABLE (texture));
}

const char *
tayori_image_dialog_get_alt (TayoriImageDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_IMAGE_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->alt_row));
}

GtkWidget *
tayori_image_dialog_new (GtkWindow  *parent,
                         GFile      *file,
                         const char *file_name)
{
  TayoriImageDialog *self = g_object_new (TAYORI_TYPE_IMAGE_DIALOG,
                                          "transient-for", parent,
                                          NULL);

  self->file_name = g_strdup (file_name);
  gtk_label_set_label (self->file_label, file_name);
  tayori_media_texture_load_async (file, PREVIEW_SIZE, self->cancellable, texture_loaded_cb, self);
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->alt_row))));
  return GTK_WIDGET (self);
}

static void
tayori_image_dialog_dispose (GObject *object)
{
  TayoriImageDialog *self = TAYORI_IMAGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_IMAGE_DIALOG);

  G_OBJECT_CLASS (tayori_image_dialog_parent_class)->dispose (object);
}

static void
tayori_image_dialog_finalize (GObject *object)
{
  TayoriImageDialog *self = TAYORI_IMAGE_DIALOG (object);

  g_clear_pointer (&self->file_name, g_free);

  G_OBJECT_CLASS (tayori_image_dialog_parent_class)->finalize (object);
}

static void
tayori_image_dialog_class_init (TayoriImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_image_dialog_dispose;
  object_class->finalize = tayori_image_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriImageDialog, picture);
  gtk_widget_class_bind_template_child (widget_class, TayoriImageDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriImageDialog, alt_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriImageDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, validate);
}

static void
tayori_image_dialog_init (TayoriImageDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  tayori_form_name_entry_row (self->alt_row, _("Alternative text"));
}
