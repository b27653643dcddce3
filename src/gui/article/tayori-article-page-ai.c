/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The side pane beside the preview holds the writing checks or the AI assist panel, one at a
 * time, each with its toggle in the preview's header (F7 runs the checks, F8 shows the AI
 * panel). Also: the AI badge in the status bar, the AI panel's proofreading findings and new
 * language versions, and the category classifier relearning each article as it is saved. */
#include <glib/gi18n.h>

#include "tayori-ai-training.h"
#include "tayori-article-page-private.h"

/* The side pane */

static void
side_toggled_cb (TayoriArticlePage *self,
                 GtkToggleButton   *toggled)
{
  /* One pane at a time: the other toggle goes off */
  if (gtk_toggle_button_get_active (toggled))
    {
      gtk_stack_set_visible_child_name (self->side_stack, toggled == self->ai_button ? "ai" : "checks");
      gtk_toggle_button_set_active (toggled == self->ai_button ? self->checks_button : self->ai_button, FALSE);
    }
  adw_flap_set_reveal_flap (self->checks_flap, gtk_toggle_button_get_active (self->checks_button) ||
                                               gtk_toggle_button_get_active (self->ai_button));
}

/* The flap also opens and closes by itself (it closes when it folds or the writer clicks
 * beside it, and opens when it unfolds): the toggles follow */
static void
reveal_changed_cb (TayoriArticlePage *self)
{
  gboolean ai = g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "ai") == 0;

  if (adw_flap_get_reveal_flap (self->checks_flap))
    {
      if (!gtk_toggle_button_get_active (self->checks_button) && !gtk_toggle_button_get_active (self->ai_button))
        gtk_toggle_button_set_active (ai ? self->ai_button : self->checks_button, TRUE);
      return;
    }
  gtk_toggle_button_set_active (self->checks_button, FALSE);
  gtk_toggle_button_set_active (self->ai_button, FALSE);
}

static void
toggle_ai_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);

  gtk_toggle_button_set_active (self->ai_button, !gtk_toggle_button_get_active (self->ai_button));
}

static void
show_checks_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_toggle_button_set_active (TAYORI_ARTICLE_PAGE (widget)->checks_button, TRUE);
}

/* What the AI panel hands over */

static void
prepare_cb (TayoriArticlePage *self)
{
  tayori_body_editor_commit (self->body_editor);
}

static void
proofread_cb (TayoriArticlePage *self,
              GPtrArray         *findings)
{
  tayori_check_scheduler_set_proofread (self->checks, findings);
}

static void
version_created_cb (TayoriArticlePage *self,
                    gint64             id)
{
  /* The window lists the new article, then opens it */
  g_signal_emit_by_name (self, "saved", id);
  g_signal_emit_by_name (self, "open-article", id);
  _tayori_article_page_show_message (self, _("The linked version was created"));
}

/* The classifier */

/* Whether the classifier learns from @article at all (tayori_ai_training_update's rule) */
static gboolean
teaches (TayoriArticle *article)
{
  return article != NULL && *tayori_article_get_category (article) != '\0' &&
         tayori_article_get_status (article) != TAYORI_ARTICLE_STATUS_ARCHIVED;
}

static gboolean
teaches_the_same (TayoriArticle *a,
                  TayoriArticle *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (a == NULL || teaches (a) != teaches (b) || g_strcmp0 (tayori_article_get_category (a), tayori_article_get_category (b)) != 0)
    return FALSE;
  text_a = tayori_ai_training_article_text (a);
  text_b = tayori_ai_training_article_text (b);
  return g_str_equal (text_a, text_b);
}

void
_tayori_article_page_ai_saved (TayoriArticlePage *self)
{
  g_autoptr(TayoriArticle) saved = NULL;

  /* Drafts without a category teach nothing: no copy of a long body on every autosave */
  if (self->ai == NULL || self->article == NULL || (!teaches (self->ai_learnt) && !teaches (self->article)))
    return;
  if (teaches_the_same (self->ai_learnt, self->article))
    return;
  saved = tayori_article_copy (self->article);
  tayori_ai_service_relearn (self->ai, self->ai_learnt, saved);
  g_set_object (&self->ai_learnt, saved);
}

/* Set-up */

void
_tayori_article_page_ai_set_article (TayoriArticlePage *self)
{
  g_clear_object (&self->ai_learnt);
  /* Loaded from the store: what the classifier learnt of it */
  if (self->article != NULL)
    self->ai_learnt = tayori_article_copy (self->article);
  tayori_ai_panel_set_article (self->ai_panel, self->article);
  tayori_ai_provenance_button_set_article (self->provenance_button, self->article);
}

void
_tayori_article_page_setup_ai (TayoriArticlePage *self)
{
  GtkEventController *shortcuts;

  self->ai = tayori_ai_service_get_default ();
  if (self->ai != NULL)
    {
      g_object_ref (self->ai);
      tayori_ai_service_train (self->ai, self->store);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->ai_button), self->ai != NULL);
  tayori_ai_panel_setup (self->ai_panel, self->ai, self->store, self->settings);

  g_signal_connect_object (self->checks_button, "toggled", G_CALLBACK (side_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ai_button, "toggled", G_CALLBACK (side_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_flap, "notify::reveal-flap", G_CALLBACK (reveal_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ai_panel, "prepare", G_CALLBACK (prepare_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ai_panel, "proofread", G_CALLBACK (proofread_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ai_panel, "version-created", G_CALLBACK (version_created_cb), self,
                           G_CONNECT_SWAPPED);

  /* F8 in the capture phase, like F7: the body editor would take it otherwise */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F8, 0),
                                                          gtk_named_action_new ("page.toggle-ai")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
_tayori_article_page_dispose_ai (TayoriArticlePage *self)
{
  if (self->ai_panel != NULL)
    tayori_ai_panel_set_article (self->ai_panel, NULL);
  g_clear_object (&self->ai_learnt);
  g_clear_object (&self->ai);
}

void
_tayori_article_page_class_add_ai_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.toggle-ai", NULL, toggle_ai_action);
  gtk_widget_class_install_action (widget_class, "page.show-checks", NULL, show_checks_action);
}
