/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriThumbnailEditor: the alternative text is bound to the article; the picture follows
 * the article's "thumbnail" (a media hash), decoded off the main thread. */
#include <glib/gi18n.h>

#include "tayori-form-util.h"
#include "tayori-media-import.h"
#include "tayori-media-store.h"
#include "tayori-media-texture.h"
#include "tayori-paths.h"
#include "tayori-thumbnail-editor.h"

#define PICTURE_SIZE 128

struct _TayoriThumbnailEditor
{
  AdwPreferencesGroup parent_instance;

  AdwActionRow *thumbnail_row;
  GtkStack *thumbnail_stack;
  GtkPicture *thumbnail_picture;
  AdwEntryRow *alt_row;
  GtkLabel *alt_error;

  TayoriArticle *article;
  GBinding *alt_binding;
  GSignalGroup *article_signals;
  GtkFileChooserNative *chooser;
  GCancellable *cancellable;   /* the picture being decoded */
};

G_DEFINE_FINAL_TYPE (TayoriThumbnailEditor, tayori_thumbnail_editor, ADW_TYPE_PREFERENCES_GROUP)

static void
update_alt_validity (TayoriThumbnailEditor *self)
{
  gboolean missing = self->article != NULL &&
                     !tayori_form_is_blank (tayori_article_get_thumbnail (self->article)) &&
                     tayori_form_is_blank (tayori_article_get_thumbnail_alt (self->article));
  const char *message = gtk_label_get_label (self->alt_error);

  gtk_widget_set_visible (GTK_WIDGET (self->alt_error), missing);
  tayori_form_set_invalid (GTK_WIDGET (self->alt_row), missing, message);
  tayori_form_set_invalid (GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (self->alt_row))),
                           missing, message);
}

static void
texture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GdkTexture) texture = NULL;
  TayoriThumbnailEditor *self;

  /* Cancelled (the editor is gone or moved on), or not an image we can decode: the row
   * keeps its placeholder icon */
  texture = tayori_media_texture_load_finish (result, NULL);
  if (texture == NULL)
    return;
  self = TAYORI_THUMBNAIL_EDITOR (user_data);
  gtk_picture_set_paintable (self->thumbnail_picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->thumbnail_stack, "picture");
}

static void
update_picture (TayoriThumbnailEditor *self)
{
  const char *thumbnail = self->article ? tayori_article_get_thumbnail (self->article) : NULL;
  gboolean has_thumbnail = !tayori_form_is_blank (thumbnail);
  g_autofree char *media_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->thumbnail_stack, "empty");
  gtk_picture_set_paintable (self->thumbnail_picture, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thumbnail.remove", has_thumbnail);
  update_alt_validity (self);

  if (!has_thumbnail)
    {
      adw_action_row_set_subtitle (self->thumbnail_row, _("No image"));
      return;
    }
  if (!tayori_media_store_is_hash (thumbnail))
    {
      /* A path from an imported file: shown as it is */
      adw_action_row_set_subtitle (self->thumbnail_row, thumbnail);
      return;
    }

  adw_action_row_set_subtitle (self->thumbnail_row, _("Image set"));
  media_dir = tayori_paths_media_dir ();
  path = tayori_media_store_lookup (media_dir, thumbnail);
  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  /* Unowned: dispose cancels the load before the editor goes away */
  tayori_media_texture_load_async (file, PICTURE_SIZE, self->cancellable, texture_loaded_cb, self);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriThumbnailEditor) self = user_data;
  g_autoptr(TayoriAttachment) image = NULL;
  g_autoptr(GError) error = NULL;

  image = tayori_media_import_finish (result, &error);
  if (image == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not use the image: %s"), error->message);

      gtk_widget_activate_action (GTK_WIDGET (self), "page.show-message", "s", message);
      return;
    }
  if (self->article == NULL)
    return;
  tayori_article_set_thumbnail (self->article, image->hash);
  if (tayori_form_is_blank (tayori_article_get_thumbnail_alt (self->article)))
    gtk_widget_grab_focus (GTK_WIDGET (self->alt_row));
}

static void
chooser_response_cb (GtkNativeDialog       *chooser,
                     int                    response,
                     TayoriThumbnailEditor *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tayori_media_import_async (file, NULL, imported_cb, g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriThumbnailEditor *self = TAYORI_THUMBNAIL_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/gif");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  self->chooser = gtk_file_chooser_native_new (_("Choose Thumbnail Image"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriThumbnailEditor *self = TAYORI_THUMBNAIL_EDITOR (widget);

  tayori_article_set_thumbnail (self->article, NULL);
}

void
tayori_thumbnail_editor_set_article (TayoriThumbnailEditor *self,
                                     TayoriArticle         *article)
{
  g_return_if_fail (TAYORI_IS_THUMBNAIL_EDITOR (self));

  if (!g_set_object (&self->article, article))
    return;
  g_clear_pointer (&self->alt_binding, g_binding_unbind);
  if (article != NULL)
    self->alt_binding = g_object_bind_property (article, "thumbnail-alt", self->alt_row, "text",
                                                G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_group_set_target (self->article_signals, article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thumbnail.choose", article != NULL);
  update_picture (self);
}

static void
tayori_thumbnail_editor_dispose (GObject *object)
{
  TayoriThumbnailEditor *self = TAYORI_THUMBNAIL_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->alt_binding, g_binding_unbind);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_THUMBNAIL_EDITOR);

  G_OBJECT_CLASS (tayori_thumbnail_editor_parent_class)->dispose (object);
}

static void
tayori_thumbnail_editor_class_init (TayoriThumbnailEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_thumbnail_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-thumbnail-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriThumbnailEditor, thumbnail_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriThumbnailEditor, thumbnail_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriThumbnailEditor, thumbnail_picture);
  gtk_widget_class_bind_template_child (widget_class, TayoriThumbnailEditor, alt_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriThumbnailEditor, alt_error);

  gtk_widget_class_install_action (widget_class, "thumbnail.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "thumbnail.remove", NULL, remove_action);
}

static void
tayori_thumbnail_editor_init (TayoriThumbnailEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tayori_form_name_entry_row (self->alt_row, _("Thumbnail alternative text"));

  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::thumbnail",
                                  G_CALLBACK (update_picture), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::thumbnail-alt",
                                  G_CALLBACK (update_alt_validity), self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "thumbnail.choose", FALSE);
  update_picture (self);
}
