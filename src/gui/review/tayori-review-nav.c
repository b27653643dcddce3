/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewNav: follows the CMS service's counts; activating an entry tells the window
 * which view to show. */
#define G_LOG_DOMAIN "tayori-review-nav"

#include <glib/gi18n.h>

#include "tayori-cms-service.h"
#include "tayori-review-nav.h"
#include "tayori-review-util.h"
#include "tayori-style.h"

struct _TayoriReviewNav
{
  GtkWidget         parent_instance;

  GtkListBox       *list;
  GtkListBoxRow    *queue_row;
  GtkListBoxRow    *returned_row;
  GtkListBoxRow    *expired_row;
  GtkLabel         *queue_badge;
  GtkLabel         *returned_badge;
  GtkLabel         *expired_badge;

  TayoriCmsService *service;
};

G_DEFINE_FINAL_TYPE (TayoriReviewNav, tayori_review_nav, GTK_TYPE_WIDGET)

enum {
  SHOW_QUEUE,
  SHOW_EXPIRED,
  OPEN_ARTICLE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void
set_badge (GtkLabel *badge,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);
  g_autofree char *name = g_strdup_printf (ngettext ("%u item", "%u items", count), count);

  gtk_label_set_text (badge, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (badge), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_visible (GTK_WIDGET (badge), count > 0);
}

static void
update (TayoriReviewNav *self)
{
  g_autoptr(GPtrArray) accounts = tayori_cms_service_dup_accounts (self->service);
  guint queue = 0, returned = 0, expired = 0;

  g_object_get (self->service, "queue-count", &queue, "returned-count", &returned,
                "expired-count", &expired, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), accounts->len > 0);
  set_badge (self->queue_badge, queue);
  set_badge (self->returned_badge, returned);
  set_badge (self->expired_badge, expired);
  gtk_widget_set_visible (GTK_WIDGET (self->returned_row), returned > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->queue_row), tayori_cms_service_get_can_review (self->service));
}

static void
row_activated_cb (TayoriReviewNav *self,
                  GtkListBoxRow   *row)
{
  GPtrArray *returned;

  if (row == self->queue_row)
    g_signal_emit (self, signals[SHOW_QUEUE], 0);
  else if (row == self->expired_row)
    g_signal_emit (self, signals[SHOW_EXPIRED], 0);
  else
    {
      returned = tayori_cms_service_get_returned (self->service);
      for (guint i = 0; i < returned->len; i++)
        {
          TayoriCmsRemoteItem *item = g_ptr_array_index (returned, i);

          if (item->article_id > 0)
            {
              g_signal_emit (self, signals[OPEN_ARTICLE], 0, item->article_id);
              return;
            }
        }
    }
}

static void
tayori_review_nav_dispose (GObject *object)
{
  TayoriReviewNav *self = TAYORI_REVIEW_NAV (object);

  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_REVIEW_NAV);

  G_OBJECT_CLASS (tayori_review_nav_parent_class)->dispose (object);
}

static void
tayori_review_nav_class_init (TayoriReviewNavClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_review_nav_dispose;

  signals[SHOW_QUEUE] =
    g_signal_new ("show-queue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SHOW_EXPIRED] =
    g_signal_new ("show-expired", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[OPEN_ARTICLE] =
    g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/review/tayori-review-nav.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, list);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, queue_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, returned_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, expired_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, queue_badge);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, returned_badge);
  gtk_widget_class_bind_template_child (widget_class, TayoriReviewNav, expired_badge);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
tayori_review_nav_init (TayoriReviewNav *self)
{
  tayori_style_load_resource (GTK_WIDGET (self), TAYORI_REVIEW_STYLE);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->service = tayori_cms_service_get_default ();
  if (self->service == NULL)
    return;
  g_object_ref (self->service);
  g_signal_connect_object (self->service, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "accounts-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}
