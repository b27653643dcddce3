/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSaveStatus: words, not just an icon: a failure names its reason and says the text
 * is kept, so nobody copies an article out "to be safe". */
#include <glib/gi18n.h>

#include "tayori-history-window.h"
#include "tayori-save-status.h"

struct _TayoriSaveStatus
{
  GtkWidget parent_instance;

  GtkImage *icon;
  GtkLabel *label;

  GSignalGroup *saver_signals;
};

G_DEFINE_FINAL_TYPE (TayoriSaveStatus, tayori_save_status, GTK_TYPE_WIDGET)

static char *
describe (TayoriArticleSaver *saver)
{
  const char *error_message = tayori_article_saver_get_error_message (saver);
  TayoriArticle *article = tayori_article_saver_get_article (saver);

  switch (tayori_article_saver_get_state (saver))
    {
    case TAYORI_SAVE_STATE_IDLE:
      {
        GDateTime *updated = article != NULL ? tayori_article_get_updated (article) : NULL;
        g_autofree char *time = updated != NULL ? tayori_history_window_format_time (updated) : NULL;

        /* Translators: %s is a date and time, e.g. "最終保存 11月22日 14:05" */
        return time != NULL ? g_strdup_printf (_("Last saved %s"), time) : g_strdup ("");
      }
    case TAYORI_SAVE_STATE_SAVING:
      return g_strdup (error_message != NULL ? _("Trying to save again…") : _("Saving…"));
    case TAYORI_SAVE_STATE_SAVED:
      {
        g_autoptr(GDateTime) local = g_date_time_to_local (tayori_article_saver_get_saved_time (saver));
        g_autofree char *time = g_date_time_format (local, "%H:%M");

        /* Translators: %s is the time of day, e.g. "保存しました 14:05" */
        return g_strdup_printf (_("Saved %s"), time);
      }
    case TAYORI_SAVE_STATE_FAILED:
      return g_strdup_printf (_("Could not save (%s). Your text stays here and saving will be retried."),
                              error_message);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update (TayoriSaveStatus *self)
{
  TayoriArticleSaver *saver = g_signal_group_dup_target (self->saver_signals);
  g_autofree char *text = NULL;
  gboolean failed;

  if (saver == NULL)
    return;
  text = describe (saver);
  failed = tayori_article_saver_get_state (saver) == TAYORI_SAVE_STATE_FAILED;
  g_object_unref (saver);

  gtk_label_set_label (self->label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label), failed ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), failed);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->label), "error");
}

void
tayori_save_status_set_saver (TayoriSaveStatus   *self,
                              TayoriArticleSaver *saver)
{
  g_return_if_fail (TAYORI_IS_SAVE_STATUS (self));

  g_signal_group_set_target (self->saver_signals, saver);
  update (self);
}

static void
tayori_save_status_dispose (GObject *object)
{
  TayoriSaveStatus *self = TAYORI_SAVE_STATUS (object);
  GtkWidget *child;

  g_clear_object (&self->saver_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_SAVE_STATUS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tayori_save_status_parent_class)->dispose (object);
}

static void
tayori_save_status_class_init (TayoriSaveStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_save_status_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-save-status.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSaveStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, TayoriSaveStatus, label);
}

static void
tayori_save_status_init (TayoriSaveStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->saver_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE_SAVER);
  g_signal_group_connect_swapped (self->saver_signals, "notify::state", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->saver_signals, "notify::saved-time", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->saver_signals, "notify::error-message", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->saver_signals, "notify::article", G_CALLBACK (update), self);
}
