/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckReport: the findings of a run in display order as a GListModel. Findings the
 * article's dismissals match (same rule, field and span text) are kept but not listed. */
#include <string.h>

#include "tayori-check-document-private.h"
#include "tayori-check-report.h"

struct _TayoriCheckReport
{
  GObject parent_instance;

  TayoriArticle *article;  /* the text the findings are about; may be NULL */
  GPtrArray *dismissals;   /* TayoriDismissal */
  GPtrArray *all;          /* TayoriFinding, display order */
  GPtrArray *visible;      /* the ones no dismissal matches */
};

static void tayori_check_report_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckReport, tayori_check_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tayori_check_report_list_model_init))

static GType
report_get_item_type (GListModel *model)
{
  return TAYORI_TYPE_FINDING;
}

static guint
report_get_n_items (GListModel *model)
{
  return TAYORI_CHECK_REPORT (model)->visible->len;
}

static gpointer
report_get_item (GListModel *model,
                 guint       position)
{
  TayoriCheckReport *self = TAYORI_CHECK_REPORT (model);

  if (position >= self->visible->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
tayori_check_report_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = report_get_item_type;
  iface->get_n_items = report_get_n_items;
  iface->get_item = report_get_item;
}

static void
tayori_check_report_finalize (GObject *object)
{
  TayoriCheckReport *self = TAYORI_CHECK_REPORT (object);

  g_clear_object (&self->article);
  g_ptr_array_unref (self->dismissals);
  g_ptr_array_unref (self->all);
  g_ptr_array_unref (self->visible);

  G_OBJECT_CLASS (tayori_check_report_parent_class)->finalize (object);
}

static void
tayori_check_report_class_init (TayoriCheckReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_check_report_finalize;
}

static void
tayori_check_report_init (TayoriCheckReport *self)
{
  self->dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_dismissal_free);
  self->all = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
is_dismissed (TayoriCheckReport *self,
              TayoriFinding     *finding)
{
  g_autofree char *span = NULL;

  if (self->article == NULL)
    return FALSE;
  for (guint i = 0; i < self->dismissals->len; i++)
    {
      const TayoriDismissal *dismissal = g_ptr_array_index (self->dismissals, i);

      if (strcmp (dismissal->rule_id, tayori_finding_get_rule_id (finding)) != 0 ||
          strcmp (dismissal->field, tayori_finding_get_field (finding)) != 0)
        continue;
      if (span == NULL)
        span = tayori_finding_dup_span (finding,
                                        tayori_check_field_text (self->article,
                                                                 tayori_finding_get_field (finding)));
      if (strcmp (dismissal->span, span) == 0)
        return TRUE;
    }
  return FALSE;
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return tayori_finding_compare (*(TayoriFinding * const *) a, *(TayoriFinding * const *) b);
}

static void
copy_dismissals (TayoriCheckReport *self,
                 GPtrArray         *dismissals)
{
  g_ptr_array_set_size (self->dismissals, 0);
  for (guint i = 0; dismissals != NULL && i < dismissals->len; i++)
    g_ptr_array_add (self->dismissals, tayori_dismissal_copy (g_ptr_array_index (dismissals, i)));
}

/* Sorts and filters again; returns the number of items the model had */
static guint
update (TayoriCheckReport *self)
{
  guint old_n = self->visible->len;

  g_ptr_array_sort (self->all, compare_findings);
  g_ptr_array_set_size (self->visible, 0);
  for (guint i = 0; i < self->all->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (self->all, i);

      if (!is_dismissed (self, finding))
        g_ptr_array_add (self->visible, g_object_ref (finding));
    }
  return old_n;
}

TayoriCheckReport *
tayori_check_report_new (GPtrArray     *findings,
                         TayoriArticle *article)
{
  TayoriCheckReport *self;

  g_return_val_if_fail (findings != NULL, NULL);
  g_return_val_if_fail (article == NULL || TAYORI_IS_ARTICLE (article), NULL);

  self = g_object_new (TAYORI_TYPE_CHECK_REPORT, NULL);
  if (article != NULL)
    {
      self->article = g_object_ref (article);
      copy_dismissals (self, tayori_article_get_dismissals (article));
    }
  for (guint i = 0; i < findings->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (findings, i)));
  update (self);
  return self;
}

void
tayori_check_report_replace_family (TayoriCheckReport *self,
                                    const char        *family,
                                    GPtrArray         *findings)
{
  guint old_n;

  g_return_if_fail (TAYORI_IS_CHECK_REPORT (self));
  g_return_if_fail (family != NULL);

  for (guint i = self->all->len; i > 0; i--)
    if (strcmp (tayori_finding_get_family (g_ptr_array_index (self->all, i - 1)), family) == 0)
      g_ptr_array_remove_index (self->all, i - 1);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    g_ptr_array_add (self->all, g_object_ref (g_ptr_array_index (findings, i)));
  old_n = update (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->visible->len);
}

void
tayori_check_report_set_dismissals (TayoriCheckReport *self,
                                    GPtrArray         *dismissals)
{
  guint old_n;

  g_return_if_fail (TAYORI_IS_CHECK_REPORT (self));

  copy_dismissals (self, dismissals);
  old_n = update (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->visible->len);
}

guint
tayori_check_report_count (TayoriCheckReport *self,
                           TayoriSeverity     severity)
{
  guint count = 0;

  g_return_val_if_fail (TAYORI_IS_CHECK_REPORT (self), 0);

  for (guint i = 0; i < self->visible->len; i++)
    if (tayori_finding_get_severity (g_ptr_array_index (self->visible, i)) == severity)
      count++;
  return count;
}

guint
tayori_check_report_get_n_dismissed (TayoriCheckReport *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_REPORT (self), 0);
  return self->all->len - self->visible->len;
}

GPtrArray *
tayori_check_report_dup_all (TayoriCheckReport *self)
{
  GPtrArray *all;

  g_return_val_if_fail (TAYORI_IS_CHECK_REPORT (self), NULL);

  all = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->all->len; i++)
    g_ptr_array_add (all, g_object_ref (g_ptr_array_index (self->all, i)));
  return all;
}

gboolean
tayori_check_report_can_submit (TayoriCheckReport  *self,
                                GStrv              *reasons)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean can_submit = TRUE;

  g_return_val_if_fail (TAYORI_IS_CHECK_REPORT (self), FALSE);

  for (guint i = 0; i < self->visible->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (self->visible, i);

      if (tayori_finding_get_severity (finding) != TAYORI_SEVERITY_ERROR)
        continue;
      can_submit = FALSE;
      g_strv_builder_add (builder, tayori_finding_get_message (finding));
    }
  if (reasons != NULL)
    *reasons = g_strv_builder_end (builder);
  return can_submit;
}
