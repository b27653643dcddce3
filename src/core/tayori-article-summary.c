/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleSummary: what one row of the article list shows. Starts as an empty
 * placeholder and is filled in place, notifying only the fields that changed. */
#include <glib/gi18n.h>

#include "tayori-article-summary.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_CATEGORY,
  PROP_WARD,
  PROP_AUTHOR,
  PROP_UPDATED,
  PROP_UPDATED_LABEL,
  PROP_LOADED,
  N_PROPS
};

struct _TayoriArticleSummary
{
  GObject parent_instance;

  gint64 id;
  char *title;
  TayoriArticleStatus status;
  char *category;
  char *ward;
  char *author;
  GDateTime *updated;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (TayoriArticleSummary, tayori_article_summary, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static char *
format_updated (GDateTime *updated)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (updated == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (updated);
  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (local) == g_date_time_get_year (now))
    /* Translators: g_date_time_format() format of a last-change time this year, e.g. "11月22日 14:05" */
    return g_date_time_format (local, _("%b %-d %H:%M"));
  /* Translators: g_date_time_format() format of a last-change time in another year */
  return g_date_time_format (local, _("%b %-d, %Y"));
}

static void
tayori_article_summary_finalize (GObject *object)
{
  TayoriArticleSummary *self = TAYORI_ARTICLE_SUMMARY (object);

  g_free (self->title);
  g_free (self->category);
  g_free (self->ward);
  g_free (self->author);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (tayori_article_summary_parent_class)->finalize (object);
}

static void
tayori_article_summary_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TayoriArticleSummary *self = TAYORI_ARTICLE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_TITLE:         g_value_set_string (value, self->title); break;
    case PROP_STATUS:        g_value_set_enum (value, self->status); break;
    case PROP_STATUS_LABEL:  g_value_set_string (value, tayori_article_status_to_label (self->status)); break;
    case PROP_CATEGORY:      g_value_set_string (value, self->category); break;
    case PROP_WARD:          g_value_set_string (value, self->ward); break;
    case PROP_AUTHOR:        g_value_set_string (value, self->author); break;
    case PROP_UPDATED:       g_value_set_boxed (value, self->updated); break;
    case PROP_UPDATED_LABEL: g_value_take_string (value, format_updated (self->updated)); break;
    case PROP_LOADED:        g_value_set_boolean (value, self->loaded); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_summary_class_init (TayoriArticleSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tayori_article_summary_finalize;
  object_class->get_property = tayori_article_summary_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TAYORI_TYPE_ARTICLE_STATUS,
                                               TAYORI_ARTICLE_STATUS_DRAFT, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_WARD] = g_param_spec_string ("ward", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_LABEL] = g_param_spec_string ("updated-label", NULL, NULL, NULL, flags);
  properties[PROP_LOADED] = g_param_spec_boolean ("loaded", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_article_summary_init (TayoriArticleSummary *self)
{
}

TayoriArticleSummary *
tayori_article_summary_new (void)
{
  return g_object_new (TAYORI_TYPE_ARTICLE_SUMMARY, NULL);
}

static void
update_string (TayoriArticleSummary  *self,
               char                 **slot,
               const char            *value,
               guint                  prop_id)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
tayori_article_summary_fill (TayoriArticleSummary *self,
                             gint64                id,
                             const char           *title,
                             TayoriArticleStatus   status,
                             const char           *category,
                             const char           *ward,
                             const char           *author,
                             GDateTime            *updated)
{
  GObject *object = G_OBJECT (self);
  gboolean same_updated;

  g_return_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self));

  g_object_freeze_notify (object);
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (object, properties[PROP_ID]);
    }
  update_string (self, &self->title, title, PROP_TITLE);
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (object, properties[PROP_STATUS]);
      g_object_notify_by_pspec (object, properties[PROP_STATUS_LABEL]);
    }
  update_string (self, &self->category, category, PROP_CATEGORY);
  update_string (self, &self->ward, ward, PROP_WARD);
  update_string (self, &self->author, author, PROP_AUTHOR);
  same_updated = (self->updated == NULL || updated == NULL)
                 ? self->updated == updated
                 : g_date_time_equal (self->updated, updated);
  if (!same_updated)
    {
      g_clear_pointer (&self->updated, g_date_time_unref);
      self->updated = updated ? g_date_time_to_utc (updated) : NULL;
      g_object_notify_by_pspec (object, properties[PROP_UPDATED]);
      g_object_notify_by_pspec (object, properties[PROP_UPDATED_LABEL]);
    }
  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (object, properties[PROP_LOADED]);
    }
  g_object_thaw_notify (object);
}

void
tayori_article_summary_update_from (TayoriArticleSummary *self,
                                    TayoriArticleSummary *source)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self));
  g_return_if_fail (TAYORI_IS_ARTICLE_SUMMARY (source));

  tayori_article_summary_fill (self, source->id, source->title, source->status,
                               source->category, source->ward, source->author,
                               source->updated);
}

gboolean
tayori_article_summary_get_loaded (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), FALSE);
  return self->loaded;
}

gint64
tayori_article_summary_get_id (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), 0);
  return self->id;
}

const char *
tayori_article_summary_get_title (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), NULL);
  return self->title;
}

TayoriArticleStatus
tayori_article_summary_get_status (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), TAYORI_ARTICLE_STATUS_DRAFT);
  return self->status;
}

const char *
tayori_article_summary_get_category (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), NULL);
  return self->category;
}

const char *
tayori_article_summary_get_ward (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), NULL);
  return self->ward;
}

const char *
tayori_article_summary_get_author (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), NULL);
  return self->author;
}

GDateTime *
tayori_article_summary_get_updated (TayoriArticleSummary *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE_SUMMARY (self), NULL);
  return self->updated;
}
