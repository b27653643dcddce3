/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriHistoryWindow: every store call and diff is cancelled when the selection changes
 * or the window closes, so a slow diff of a long body never lands on the wrong version. */
#include <glib/gi18n.h>

#include "tayori-history-diff.h"
#include "tayori-history-window.h"

struct _TayoriHistoryWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *list_stack;
  AdwStatusPage *message_page;
  GtkListBox *revision_list;
  GtkStack *diff_stack;
  GtkTextView *diff_view;

  TayoriStore *store;
  TayoriArticle *article;
  GPtrArray *revisions;            /* TayoriRevision, in list order */
  TayoriArticle *selected;         /* content of the selected revision, once loaded */
  GCancellable *cancellable;       /* the window's lifetime */
  GCancellable *selection_cancellable;
};

G_DEFINE_FINAL_TYPE (TayoriHistoryWindow, tayori_history_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RESTORE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

char *
tayori_history_window_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: time of a saved version, strftime format; ja: "%-m月%-d日 %H:%M" */
    return g_date_time_format (local, _("%b %-d, %H:%M"));
  /* Translators: time of a saved version in another year; ja: "%Y年%-m月%-d日 %H:%M" */
  return g_date_time_format (local, _("%b %-d, %Y, %H:%M"));
}

static TayoriRevision *
selected_revision (TayoriHistoryWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->revision_list);

  if (row == NULL || self->revisions == NULL)
    return NULL;
  return g_ptr_array_index (self->revisions, gtk_list_box_row_get_index (row));
}

static void
show_message (TayoriHistoryWindow *self,
              const char          *title,
              const char          *description)
{
  adw_status_page_set_title (self->message_page, title);
  adw_status_page_set_description (self->message_page, description);
  gtk_stack_set_visible_child_name (self->list_stack, "message");
}

static void
diff_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GError) error = NULL;
  TayoriHistoryWindow *self;

  diff = tayori_history_diff_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TAYORI_HISTORY_WINDOW (user_data);
  tayori_history_diff_render (diff, gtk_text_view_get_buffer (self->diff_view));
  gtk_stack_set_visible_child_name (self->diff_stack, "diff");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", TRUE);
}

static void
revision_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TayoriArticle) revision = NULL;
  g_autoptr(GError) error = NULL;
  TayoriHistoryWindow *self;

  revision = tayori_store_load_revision_finish (TAYORI_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TAYORI_HISTORY_WINDOW (user_data);
  if (revision == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read this version: %s"), error->message);

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), text, -1);
      gtk_stack_set_visible_child_name (self->diff_stack, "diff");
      return;
    }
  g_set_object (&self->selected, revision);
  tayori_history_diff_async (revision, self->article, self->selection_cancellable, diff_cb, self);
}

static void
row_selected_cb (TayoriHistoryWindow *self)
{
  TayoriRevision *revision = selected_revision (self);

  g_cancellable_cancel (self->selection_cancellable);
  g_clear_object (&self->selection_cancellable);
  g_clear_object (&self->selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
  if (revision == NULL)
    return;

  self->selection_cancellable = g_cancellable_new ();
  gtk_stack_set_visible_child_name (self->diff_stack, "busy");
  tayori_store_load_revision_async (self->store, revision->id, self->selection_cancellable,
                                    revision_loaded_cb, self);
}

static GtkWidget *
create_row (TayoriRevision *revision)
{
  g_autofree char *time = tayori_history_window_format_time (revision->saved);
  GtkWidget *row = adw_action_row_new ();
  const char *kind = revision->kind == TAYORI_SAVE_AUTO ? _("Autosaved") : _("Saved");
  g_autofree char *subtitle = NULL;

  if (revision->title != NULL && *revision->title != '\0')
    /* Translators: kind of save, then the title the article had: "自動保存・避難所のお知らせ" */
    subtitle = g_strdup_printf (_("%s · %s"), kind, revision->title);
  else
    subtitle = g_strdup (kind);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), time);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  return row;
}

static void
revisions_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  TayoriHistoryWindow *self;

  revisions = tayori_store_list_revisions_finish (TAYORI_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = TAYORI_HISTORY_WINDOW (user_data);
  if (revisions == NULL)
    {
      show_message (self, _("History Unavailable"), error->message);
      return;
    }
  if (revisions->len == 0)
    {
      show_message (self, _("No Saved Versions Yet"),
                    _("Versions appear here as the article is saved."));
      return;
    }

  self->revisions = g_steal_pointer (&revisions);
  for (guint i = 0; i < self->revisions->len; i++)
    gtk_list_box_append (self->revision_list, create_row (g_ptr_array_index (self->revisions, i)));
  gtk_stack_set_visible_child_name (self->list_stack, "list");
  gtk_list_box_select_row (self->revision_list, gtk_list_box_get_row_at_index (self->revision_list, 0));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TayoriHistoryWindow *self = TAYORI_HISTORY_WINDOW (widget);
  TayoriRevision *revision = selected_revision (self);
  g_autofree char *time = NULL;

  if (self->selected == NULL || revision == NULL)
    return;
  time = tayori_history_window_format_time (revision->saved);
  g_signal_emit (self, signals[SIGNAL_RESTORE], 0, self->selected, time);
  gtk_window_close (GTK_WINDOW (self));
}

GtkWidget *
tayori_history_window_new (GtkWindow     *parent,
                           TayoriStore   *store,
                           TayoriArticle *article)
{
  TayoriHistoryWindow *self;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);

  self = g_object_new (TAYORI_TYPE_HISTORY_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->article = g_object_ref (article);
  adw_window_title_set_subtitle (self->window_title, tayori_article_get_title (article));
  tayori_store_list_revisions_async (store, tayori_article_get_id (article), self->cancellable,
                                     revisions_listed_cb, self);
  return GTK_WIDGET (self);
}

static void
tayori_history_window_dispose (GObject *object)
{
  TayoriHistoryWindow *self = TAYORI_HISTORY_WINDOW (object);

  /* Rows going away must not start loading a revision */
  if (self->revision_list != NULL)
    g_signal_handlers_disconnect_by_func (self->revision_list, row_selected_cb, self);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->selection_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection_cancellable);
  g_clear_object (&self->selected);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (tayori_history_window_parent_class)->dispose (object);
}

static void
tayori_history_window_class_init (TayoriHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_history_window_dispose;

  /**
   * TayoriHistoryWindow::restore:
   * @revision: the content of the chosen version
   * @time_label: when it was saved, for messages
   *
   * Emitted when the user chooses to go back to a version.
   */
  signals[SIGNAL_RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, TAYORI_TYPE_ARTICLE, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, message_page);
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, revision_list);
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, diff_stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriHistoryWindow, diff_view);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_action (widget_class, "history.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tayori_history_window_init (TayoriHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.restore", FALSE);
}
