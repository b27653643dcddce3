/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The page.* actions: save a version, history and restore, export, and page.show-message,
 * which any widget inside the page uses to tell the user something. The preview's actions
 * are in tayori-article-page-preview.c. */
#include <glib/gi18n.h>

#include "tayori-article-export.h"
#include "tayori-article-page-private.h"
#include "tayori-history-window.h"

/* Article properties a restore leaves alone: identity, bookkeeping and workflow */
static const char * const restore_keeps[] = {
  "id", "created", "updated", "status", "author", "translation-group", NULL,
};

/* A restore in progress: the current text is saved as a version before it is replaced */
typedef struct {
  TayoriArticlePage *self;
  TayoriArticle *article;
  TayoriArticle *revision;
  char *time_label;
} Restore;

static void
restore_free (Restore *restore)
{
  g_clear_object (&restore->self);
  g_clear_object (&restore->article);
  g_clear_object (&restore->revision);
  g_free (restore->time_label);
  g_free (restore);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Restore, restore_free)

void
_tayori_article_page_show_message (TayoriArticlePage *self,
                                   const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_tayori_article_page_update_actions (TayoriArticlePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_article = self->article != NULL;

  gtk_widget_action_set_enabled (widget, "page.save", has_article);
  gtk_widget_action_set_enabled (widget, "page.history",
                                 has_article && tayori_article_get_id (self->article) != 0);
  gtk_widget_action_set_enabled (widget, "page.export-markdown", has_article);
  gtk_widget_action_set_enabled (widget, "page.export-html", has_article);
  gtk_widget_action_set_enabled (widget, "page.run-checks", has_article);
  _tayori_article_page_update_zoom_actions (self);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _tayori_article_page_show_message (TAYORI_ARTICLE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/* Save */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  /* A failure is already on the status line, with the retry under way */
  tayori_article_saver_save_finish (TAYORI_ARTICLE_SAVER (object), result, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);

  tayori_article_saver_save_async (self->saver, TAYORI_SAVE_MANUAL, NULL, saved_cb, NULL);
}

/* History and restore */

static void
copy_content (TayoriArticle *target,
              TayoriArticle *source)
{
  guint n_properties;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source),
                                                                   &n_properties);

  g_object_freeze_notify (G_OBJECT (target));
  for (guint i = 0; i < n_properties; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_strv_contains (restore_keeps, pspecs[i]->name) ||
          (pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (source), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (target), pspecs[i]->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (target));
}

static void
restored_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Restore) restore = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (tayori_article_saver_save_finish (TAYORI_ARTICLE_SAVER (object), result, &error))
    message = g_strdup_printf (_("Restored the version of %s"), restore->time_label);
  else
    message = g_strdup_printf (_("Restored the version of %s, but it is not saved yet: %s"),
                               restore->time_label, error->message);
  _tayori_article_page_show_message (restore->self, message);
}

static void
current_kept_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Restore) restore = user_data;
  g_autoptr(GError) error = NULL;
  TayoriArticleSaver *saver;

  if (!tayori_article_saver_save_finish (TAYORI_ARTICLE_SAVER (object), result, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("Nothing was restored: the current text could not be saved first (%s)."),
                         error->message);

      _tayori_article_page_show_message (restore->self, message);
      return;
    }
  if (restore->article != restore->self->article)
    return;  /* another article was opened meanwhile */
  copy_content (restore->article, restore->revision);
  saver = restore->self->saver;
  tayori_article_saver_save_async (saver, TAYORI_SAVE_MANUAL, NULL, restored_cb, g_steal_pointer (&restore));
}

static void
restore_cb (TayoriArticlePage *self,
            TayoriArticle     *revision,
            const char        *time_label)
{
  Restore *restore;

  if (self->article == NULL)
    return;
  restore = g_new0 (Restore, 1);
  restore->self = g_object_ref (self);
  restore->article = g_object_ref (self->article);
  restore->revision = g_object_ref (revision);
  restore->time_label = g_strdup (time_label);
  /* The current state becomes a version of its own, so the restore can be undone */
  tayori_body_editor_commit (self->body_editor);
  tayori_article_saver_save_async (self->saver, TAYORI_SAVE_MANUAL, NULL, current_kept_cb, restore);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  GtkWidget *window;

  /* The history compares with what is on screen, typed a moment ago included */
  tayori_body_editor_commit (self->body_editor);
  window = tayori_history_window_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->article);
  g_signal_connect_object (window, "restore", G_CALLBACK (restore_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Export */

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriArticlePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (tayori_article_export_finish (result, &error))
    message = g_strdup (_("Exported"));
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);
  _tayori_article_page_show_message (self, message);
}

static void
export_response_cb (GtkNativeDialog   *chooser,
                    int                response,
                    TayoriArticlePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->article != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      tayori_body_editor_commit (self->body_editor);
      tayori_article_export_async (self->article, self->preset, self->export_format, file, NULL,
                                   exported_cb, g_object_ref (self));
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  TayoriExportFormat format = g_str_equal (action_name, "page.export-html") ? TAYORI_EXPORT_HTML
                                                                           : TAYORI_EXPORT_MARKDOWN;
  g_autofree char *name = tayori_article_export_suggest_name (self->article, format);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  if (format == TAYORI_EXPORT_HTML)
    {
      gtk_file_filter_set_name (filter, _("Web page (HTML)"));
      gtk_file_filter_add_suffix (filter, "html");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Markdown with front matter"));
      gtk_file_filter_add_suffix (filter, "md");
    }
  self->chooser = gtk_file_chooser_native_new (format == TAYORI_EXPORT_HTML ? _("Export as HTML")
                                                                            : _("Export as Markdown"),
                                               GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  self->export_format = format;
  g_signal_connect (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
_tayori_article_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "page.history", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "page.export-markdown", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.export-html", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "page.show-message", "s", show_message_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "page.save", NULL);
}
