/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The 「SNS」 tab beside the article: the SNS composer (src/gui/sns) over the application's
 * post queue, following the page's article. F9 switches between the article and the tab. */
#include <glib/gi18n.h>

#include "tayori-article-page-private.h"

static void
toggle_sns_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TayoriArticlePage *self = TAYORI_ARTICLE_PAGE (widget);
  gboolean sns = g_strcmp0 (gtk_stack_get_visible_child_name (self->page_stack), "sns") == 0;

  if (self->sns_composer != NULL)
    gtk_stack_set_visible_child_name (self->page_stack, sns ? "article" : "sns");
}

void
_tayori_article_page_sns_set_article (TayoriArticlePage *self)
{
  if (self->sns_composer != NULL)
    tayori_sns_composer_set_article (self->sns_composer, self->article);
}

void
_tayori_article_page_setup_sns (TayoriArticlePage *self)
{
  TayoriSnsService *service = tayori_sns_service_get_default ();
  GtkEventController *shortcuts;

  /* A page made without the application (tests of the page alone) has no post queue */
  gtk_stack_page_set_visible (gtk_stack_get_page (self->page_stack, GTK_WIDGET (self->sns_bin)), service != NULL);
  if (service == NULL)
    return;
  tayori_sns_service_set_store (service, self->store);
  self->sns_composer = TAYORI_SNS_COMPOSER (tayori_sns_composer_new (service));
  adw_bin_set_child (self->sns_bin, GTK_WIDGET (self->sns_composer));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F9, 0),
                                                          gtk_named_action_new ("page.toggle-sns")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}

void
_tayori_article_page_class_add_sns_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "page.toggle-sns", NULL, toggle_sns_action);
}
