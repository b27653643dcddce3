/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleRow: follows its summary's notifications (a lazy list fills summaries after
 * the row is bound) and gives the status badge one CSS class per status. */
#define G_LOG_DOMAIN "tayori-article-row"

#include <glib/gi18n.h>

#include "tayori-article-row.h"

struct _TayoriArticleRow
{
  AdwBin                parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkLabel             *ward_label;
  GtkLabel             *updated_label;

  TayoriArticleSummary *summary;
  GSignalGroup         *summary_signals;
  char                 *status_class;
};

G_DEFINE_FINAL_TYPE (TayoriArticleRow, tayori_article_row, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SUMMARY,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
tayori_article_row_set_status_class (TayoriArticleRow *self,
                                     const char       *status_class)
{
  if (g_strcmp0 (self->status_class, status_class) == 0)
    return;

  if (self->status_class != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  g_free (self->status_class);
  self->status_class = g_strdup (status_class);
  if (self->status_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
}

static void
tayori_article_row_update (TayoriArticleRow *self)
{
  TayoriArticleSummary *summary = self->summary;
  TayoriArticleStatus status;
  g_autofree char *status_class = NULL;
  g_autofree char *updated = NULL;
  const char *title;
  const char *ward;

  if (summary == NULL || !tayori_article_summary_get_loaded (summary))
    {
      gtk_label_set_label (self->title_label, _("Loading…"));
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->ward_label), FALSE);
      gtk_label_set_label (self->updated_label, NULL);
      return;
    }

  title = tayori_article_summary_get_title (summary);
  gtk_label_set_label (self->title_label, title != NULL && *title != '\0' ? title : _("Untitled"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");

  status = tayori_article_summary_get_status (summary);
  status_class = g_strdelimit (g_strconcat ("status-", tayori_article_status_to_key (status), NULL), "_", '-');
  gtk_label_set_label (self->status_label, tayori_article_status_to_label (status));
  tayori_article_row_set_status_class (self, status_class);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);

  ward = tayori_article_summary_get_ward (summary);
  gtk_label_set_label (self->ward_label, ward);
  gtk_widget_set_visible (GTK_WIDGET (self->ward_label), ward != NULL && *ward != '\0');

  g_object_get (summary, "updated-label", &updated, NULL);
  gtk_label_set_label (self->updated_label, updated);
}

static void
tayori_article_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TayoriArticleRow *self = TAYORI_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      g_value_set_object (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TayoriArticleRow *self = TAYORI_ARTICLE_ROW (object);

  switch (prop_id)
    {
    case PROP_SUMMARY:
      tayori_article_row_set_summary (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_row_dispose (GObject *object)
{
  TayoriArticleRow *self = TAYORI_ARTICLE_ROW (object);

  g_clear_object (&self->summary_signals);
  g_clear_object (&self->summary);
  g_clear_pointer (&self->status_class, g_free);

  G_OBJECT_CLASS (tayori_article_row_parent_class)->dispose (object);
}

static void
tayori_article_row_class_init (TayoriArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tayori_article_row_get_property;
  object_class->set_property = tayori_article_row_set_property;
  object_class->dispose = tayori_article_row_dispose;

  properties[PROP_SUMMARY] =
    g_param_spec_object ("summary", NULL, NULL, TAYORI_TYPE_ARTICLE_SUMMARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tayori/Tayori/ui/tayori-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleRow, ward_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleRow, updated_label);
}

static void
tayori_article_row_init (TayoriArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->summary_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE_SUMMARY);
  g_signal_group_connect_swapped (self->summary_signals, "notify",
                                  G_CALLBACK (tayori_article_row_update), self);
  tayori_article_row_update (self);
}

GtkWidget *
tayori_article_row_new (void)
{
  return g_object_new (TAYORI_TYPE_ARTICLE_ROW, NULL);
}

static void
tayori_article_row_factory_setup_cb (GtkListItemFactory *factory,
                                     GtkListItem        *item,
                                     gpointer            user_data)
{
  gtk_list_item_set_child (item, tayori_article_row_new ());
}

static void
tayori_article_row_factory_bind_cb (GtkListItemFactory *factory,
                                    GtkListItem        *item,
                                    gpointer            user_data)
{
  tayori_article_row_set_summary (TAYORI_ARTICLE_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
tayori_article_row_factory_unbind_cb (GtkListItemFactory *factory,
                                      GtkListItem        *item,
                                      gpointer            user_data)
{
  tayori_article_row_set_summary (TAYORI_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

GtkListItemFactory *
tayori_article_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (tayori_article_row_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (tayori_article_row_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (tayori_article_row_factory_unbind_cb), NULL);
  return factory;
}

TayoriArticleSummary *
tayori_article_row_get_summary (TayoriArticleRow *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_ROW (self), NULL);

  return self->summary;
}

void
tayori_article_row_set_summary (TayoriArticleRow     *self,
                                TayoriArticleSummary *summary)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_ROW (self));
  g_return_if_fail (summary == NULL || TAYORI_IS_ARTICLE_SUMMARY (summary));

  if (!g_set_object (&self->summary, summary))
    return;

  g_signal_group_set_target (self->summary_signals, summary);
  tayori_article_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}
