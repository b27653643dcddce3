/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAttachmentsEditor: chosen files are hashed and copied off the main thread, then
 * appended to the article that was current when they were chosen. */
#include <glib/gi18n.h>

#include "tayori-attachments-editor.h"
#include "tayori-media-import.h"

struct _TayoriAttachmentsEditor
{
  AdwPreferencesGroup parent_instance;

  TayoriArticle *article;
  gulong notify_id;
  GPtrArray *rows;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
};

/* One chosen file on its way into the media store */
typedef struct {
  TayoriAttachmentsEditor *self;
  TayoriArticle *article;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->self);
  g_clear_object (&import->article);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

G_DEFINE_FINAL_TYPE (TayoriAttachmentsEditor, tayori_attachments_editor, ADW_TYPE_PREFERENCES_GROUP)

static gpointer
copy_item (gconstpointer item,
           gpointer      user_data)
{
  return tayori_attachment_copy (item);
}

static void
remove_clicked_cb (GtkWidget               *button,
                   TayoriAttachmentsEditor *self)
{
  g_autoptr(GPtrArray) attachments = NULL;
  guint index;

  if (!g_ptr_array_find (self->rows, gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW), &index))
    return;
  attachments = g_ptr_array_copy (tayori_article_get_attachments (self->article),
                                  copy_item, NULL);
  g_ptr_array_set_free_func (attachments, (GDestroyNotify) tayori_attachment_free);
  g_ptr_array_remove_index (attachments, index);
  tayori_article_set_attachments (self->article, attachments);
}

static void
add_row (TayoriAttachmentsEditor *self,
         const TayoriAttachment  *attachment)
{
  g_autofree char *description = tayori_attachment_describe (attachment);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), attachment->name);
  g_autofree char *content_type = attachment->mime_type != NULL
                                  ? g_content_type_from_mime_type (attachment->mime_type) : NULL;
  g_autoptr(GIcon) icon = content_type != NULL ? g_content_type_get_symbolic_icon (content_type)
                                               : g_themed_icon_new ("mail-attachment-symbolic");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), attachment->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_gicon (icon));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
rebuild (TayoriAttachmentsEditor *self)
{
  GPtrArray *attachments = self->article != NULL ? tayori_article_get_attachments (self->article) : NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; attachments != NULL && i < attachments->len; i++)
    add_row (self, g_ptr_array_index (attachments, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.add", self->article != NULL);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  g_autoptr(TayoriAttachment) attachment = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  attachment = tayori_media_import_finish (result, &error);
  if (attachment == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("Could not add the attachment: %s"), error->message);
      gtk_widget_activate_action (GTK_WIDGET (import->self), "page.show-message", "s", message);
      return;
    }
  attachments = g_ptr_array_copy (tayori_article_get_attachments (import->article),
                                  copy_item, NULL);
  g_ptr_array_set_free_func (attachments, (GDestroyNotify) tayori_attachment_free);
  g_ptr_array_add (attachments, g_steal_pointer (&attachment));
  tayori_article_set_attachments (import->article, attachments);
}

static void
chooser_response_cb (GtkNativeDialog         *chooser,
                     int                      response,
                     TayoriAttachmentsEditor *self)
{
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->article != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          Import *import = g_new0 (Import, 1);

          import->self = g_object_ref (self);
          import->article = g_object_ref (self->article);
          tayori_media_import_async (file, self->cancellable, import_cb, import);
        }
    }
  g_clear_object (&self->chooser);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TayoriAttachmentsEditor *self = TAYORI_ATTACHMENTS_EDITOR (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Add Attachments"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
tayori_attachments_editor_set_article (TayoriAttachmentsEditor *self,
                                       TayoriArticle           *article)
{
  g_return_if_fail (TAYORI_IS_ATTACHMENTS_EDITOR (self));

  if (self->article == article)
    return;
  g_clear_signal_handler (&self->notify_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->notify_id = g_signal_connect_swapped (article, "notify::attachments",
                                                G_CALLBACK (rebuild), self);
  rebuild (self);
}

static void
tayori_attachments_editor_dispose (GObject *object)
{
  TayoriAttachmentsEditor *self = TAYORI_ATTACHMENTS_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_ATTACHMENTS_EDITOR);

  G_OBJECT_CLASS (tayori_attachments_editor_parent_class)->dispose (object);
}

static void
tayori_attachments_editor_finalize (GObject *object)
{
  TayoriAttachmentsEditor *self = TAYORI_ATTACHMENTS_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_attachments_editor_parent_class)->finalize (object);
}

static void
tayori_attachments_editor_class_init (TayoriAttachmentsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_attachments_editor_dispose;
  object_class->finalize = tayori_attachments_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-attachments-editor.ui");
  gtk_widget_class_install_action (widget_class, "attachments.add", NULL, add_action);
}

static void
tayori_attachments_editor_init (TayoriAttachmentsEditor *self)
{
  self->rows = g_ptr_array_new ();
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attachments.add", FALSE);
}
