/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriConflictDialog: nothing is overwritten without the writer seeing both sides; the
 * differences are computed off the main thread by the history window's diff. */
#include <glib/gi18n.h>

#include "tayori-conflict-dialog.h"
#include "tayori-history-diff.h"

struct _TayoriConflictDialog
{
  AdwMessageDialog parent_instance;

  GtkTextBuffer *diff_buffer;
  GCancellable  *cancellable;
  TayoriArticle *theirs;
  gint64         article_id;
};

G_DEFINE_FINAL_TYPE (TayoriConflictDialog, tayori_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
article_text (TayoriArticle *article)
{
  const char *summary = tayori_article_get_summary (article);

  return g_strdup_printf ("%s\n\n%s%s%s", tayori_article_get_title (article), summary,
                          *summary != '\0' ? "\n\n" : "", tayori_article_get_body (article));
}

/* A titled, scrolled, read-only view of one side. */
static GtkWidget *
side_view (const char    *heading,
           TayoriArticle *article)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  g_autofree char *text = article_text (article);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (view, "tayori-diff-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), scrolled);
  return box;
}

static void
diff_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TayoriConflictDialog) self = user_data;
  g_autoptr(GPtrArray) diff = NULL;
  g_autoptr(GError) error = NULL;

  diff = tayori_history_diff_finish (result, &error);
  if (diff == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_text_buffer_set_text (self->diff_buffer, error->message, -1);
      return;
    }
  tayori_history_diff_render (diff, self->diff_buffer);
}

GtkWidget *
tayori_conflict_dialog_new (GtkWindow     *parent,
                            TayoriArticle *mine,
                            TayoriArticle *theirs)
{
  TayoriConflictDialog *self;
  GtkWidget *box, *sides, *diff_label, *diff_scrolled, *diff_view;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (mine) && TAYORI_IS_ARTICLE (theirs), NULL);

  self = g_object_new (TAYORI_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Changed in the CMS"),
                       "body", _("Someone changed this article in the CMS since your last sync. Nothing was overwritten; both versions stay in the history. Choose which one to keep."),
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Later"),
                                    "merge", _("Merge by _Hand"),
                                    "theirs", _("Use the _CMS Version"),
                                    "mine", _("_Keep My Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "mine", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), side_view (_("My Version"), mine));
  gtk_box_append (GTK_BOX (sides), side_view (_("CMS Version"), theirs));

  diff_label = gtk_label_new (_("Differences (from the CMS version to mine)"));
  gtk_label_set_xalign (GTK_LABEL (diff_label), 0);
  gtk_widget_add_css_class (diff_label, "heading");
  diff_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (diff_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (diff_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (diff_view), GTK_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (diff_view, "tayori-diff-view");
  gtk_accessible_update_property (GTK_ACCESSIBLE (diff_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Differences"), -1);
  self->diff_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (diff_view));
  diff_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (diff_scrolled), diff_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (diff_scrolled), 260);
  gtk_widget_add_css_class (diff_scrolled, "card");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), sides);
  gtk_box_append (GTK_BOX (box), diff_label);
  gtk_box_append (GTK_BOX (box), diff_scrolled);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  gtk_window_set_default_size (GTK_WINDOW (self), 760, -1);

  self->theirs = g_object_ref (theirs);
  self->article_id = tayori_article_get_id (mine);
  tayori_history_diff_async (theirs, mine, self->cancellable, diff_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

GtkWidget *
tayori_conflict_dialog_new_from_result (GtkWindow      *parent,
                                        TayoriCmsSync  *sync,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_autoptr(TayoriArticle) mine = NULL;
  g_autoptr(TayoriArticle) theirs = NULL;

  theirs = tayori_cms_sync_get_conflict_finish (sync, result, &mine, error);
  return theirs != NULL ? tayori_conflict_dialog_new (parent, mine, theirs) : NULL;
}

gint64
tayori_conflict_dialog_get_article_id (TayoriConflictDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_CONFLICT_DIALOG (self), 0);
  return self->article_id;
}

TayoriArticle *
tayori_conflict_dialog_get_theirs (TayoriConflictDialog *self)
{
  g_return_val_if_fail (TAYORI_IS_CONFLICT_DIALOG (self), NULL);
  return self->theirs;
}

GtkWidget *
tayori_conflict_dialog_new_theirs_window (GtkWindow     *parent,
                                          TayoriArticle *theirs)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *side = side_view (_("CMS Version"), theirs);

  gtk_window_set_title (GTK_WINDOW (window), _("CMS Version"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 600);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_vexpand (gtk_widget_get_last_child (side), TRUE);
  gtk_window_set_child (GTK_WINDOW (window), side);
  return window;
}

static void
tayori_conflict_dialog_dispose (GObject *object)
{
  TayoriConflictDialog *self = TAYORI_CONFLICT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->theirs);

  G_OBJECT_CLASS (tayori_conflict_dialog_parent_class)->dispose (object);
}

static void
tayori_conflict_dialog_class_init (TayoriConflictDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tayori_conflict_dialog_dispose;
}

static void
tayori_conflict_dialog_init (TayoriConflictDialog *self)
{
  self->cancellable = g_cancellable_new ();
}
