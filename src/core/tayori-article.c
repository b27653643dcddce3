/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticle: the notice being edited, as plain properties. Text fields live in one
 * array indexed by property id so every setter shares one compare-store-notify path. */
#include "tayori-article-private.h"

enum {
  PROP_0,
  PROP_ID,
  /* text that is "" when unset */
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_BODY,
  PROP_SUMMARY,
  PROP_THUMBNAIL_ALT,
  PROP_WARD,
  PROP_DEPARTMENT,
  PROP_CONTACT_SECTION,
  PROP_CONTACT_PHONE,
  PROP_CONTACT_FAX,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_ADDRESS,
  PROP_AUTHOR,
  /* text that is NULL when unset */
  PROP_THUMBNAIL,
  PROP_PUBLISH_START,
  PROP_PUBLISH_END,
  PROP_TRANSLATION_GROUP,
  PROP_CATEGORIES,
  PROP_AUDIENCES,
  PROP_EMERGENCY,
  PROP_LANGUAGE,
  PROP_STATUS,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_LINKS,
  PROP_ATTACHMENTS,
  PROP_DISMISSALS,
  PROP_AI_PROVENANCE,
  N_PROPS
};

#define FIRST_TEXT     PROP_TITLE
#define FIRST_OPTIONAL PROP_THUMBNAIL
#define LAST_TEXT      PROP_TRANSLATION_GROUP
#define N_TEXT         (LAST_TEXT - FIRST_TEXT + 1)

static const char * const text_names[N_TEXT] = {
  "title", "category", "body", "summary", "thumbnail-alt", "ward", "department",
  "contact-section", "contact-phone", "contact-fax", "contact-email", "contact-address",
  "author", "thumbnail", "publish-start", "publish-end", "translation-group",
};

enum {
  CHANGED,
  N_SIGNALS
};

struct _TayoriArticle
{
  GObject parent_instance;

  gint64 id;
  char *text[N_TEXT];
  char **categories;
  char **audiences;
  gboolean emergency;
  TayoriLanguage language;
  TayoriArticleStatus status;
  GDateTime *created;
  GDateTime *updated;
  GPtrArray *links;
  GPtrArray *attachments;
  GPtrArray *dismissals;
  GPtrArray *ai_provenance;
};

G_DEFINE_FINAL_TYPE (TayoriArticle, tayori_article, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers shared by setters and property dispatch */

static void
emit_changed (TayoriArticle *self,
              guint          prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
get_text (TayoriArticle *self,
          guint          prop_id)
{
  const char *value = self->text[prop_id - FIRST_TEXT];

  if (value == NULL && prop_id < FIRST_OPTIONAL)
    return "";
  return value;
}

static void
set_text (TayoriArticle *self,
          guint          prop_id,
          const char    *value)
{
  char **slot = &self->text[prop_id - FIRST_TEXT];

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  emit_changed (self, prop_id);
}

static char ***
strv_slot (TayoriArticle *self,
           guint          prop_id)
{
  return prop_id == PROP_CATEGORIES ? &self->categories : &self->audiences;
}

static void
set_strv (TayoriArticle      *self,
          guint               prop_id,
          const char * const *value)
{
  static const char * const empty[] = { NULL };
  char ***slot = strv_slot (self, prop_id);

  if (value == NULL)
    value = empty;
  if (g_strv_equal ((const char * const *) *slot, value))
    return;
  g_strfreev (*slot);
  *slot = g_strdupv ((char **) value);
  emit_changed (self, prop_id);
}

static gboolean
date_times_equal (GDateTime *a,
                  GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b);
}

/* Timestamps are bookkeeping, not content: they notify but do not emit "changed" */
static void
set_date_time (TayoriArticle  *self,
               GDateTime     **slot,
               guint           prop_id,
               GDateTime      *value)
{
  if (date_times_equal (*slot, value))
    return;
  g_clear_pointer (slot, g_date_time_unref);
  if (value != NULL)
    *slot = g_date_time_to_utc (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* GObject */

static void
tayori_article_finalize (GObject *object)
{
  TayoriArticle *self = TAYORI_ARTICLE (object);

  for (guint i = 0; i < N_TEXT; i++)
    g_free (self->text[i]);
  g_strfreev (self->categories);
  g_strfreev (self->audiences);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->dismissals, g_ptr_array_unref);
  g_clear_pointer (&self->ai_provenance, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_article_parent_class)->finalize (object);
}

static void
tayori_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TayoriArticle *self = TAYORI_ARTICLE (object);

  if (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT)
    {
      g_value_set_string (value, get_text (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_CATEGORIES:
    case PROP_AUDIENCES:   g_value_set_boxed (value, *strv_slot (self, prop_id)); break;
    case PROP_EMERGENCY:   g_value_set_boolean (value, self->emergency); break;
    case PROP_LANGUAGE:    g_value_set_enum (value, self->language); break;
    case PROP_STATUS:      g_value_set_enum (value, self->status); break;
    case PROP_CREATED:     g_value_set_boxed (value, self->created); break;
    case PROP_UPDATED:     g_value_set_boxed (value, self->updated); break;
    case PROP_LINKS:       g_value_set_boxed (value, self->links); break;
    case PROP_ATTACHMENTS: g_value_set_boxed (value, self->attachments); break;
    case PROP_DISMISSALS:  g_value_set_boxed (value, self->dismissals); break;
    case PROP_AI_PROVENANCE: g_value_set_boxed (value, self->ai_provenance); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TayoriArticle *self = TAYORI_ARTICLE (object);

  if (prop_id >= FIRST_TEXT && prop_id <= LAST_TEXT)
    {
      set_text (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:          tayori_article_set_id (self, g_value_get_int64 (value)); break;
    case PROP_CATEGORIES:
    case PROP_AUDIENCES:   set_strv (self, prop_id, g_value_get_boxed (value)); break;
    case PROP_EMERGENCY:   tayori_article_set_emergency (self, g_value_get_boolean (value)); break;
    case PROP_LANGUAGE:    tayori_article_set_language (self, g_value_get_enum (value)); break;
    case PROP_STATUS:      tayori_article_set_status (self, g_value_get_enum (value)); break;
    case PROP_CREATED:     tayori_article_set_created (self, g_value_get_boxed (value)); break;
    case PROP_UPDATED:     tayori_article_set_updated (self, g_value_get_boxed (value)); break;
    case PROP_LINKS:       tayori_article_set_links (self, g_value_get_boxed (value)); break;
    case PROP_ATTACHMENTS: tayori_article_set_attachments (self, g_value_get_boxed (value)); break;
    case PROP_DISMISSALS:  tayori_article_set_dismissals (self, g_value_get_boxed (value)); break;
    case PROP_AI_PROVENANCE: tayori_article_set_ai_provenance (self, g_value_get_boxed (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_article_class_init (TayoriArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tayori_article_finalize;
  object_class->get_property = tayori_article_get_property;
  object_class->set_property = tayori_article_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  for (guint prop_id = FIRST_TEXT; prop_id <= LAST_TEXT; prop_id++)
    properties[prop_id] = g_param_spec_string (text_names[prop_id - FIRST_TEXT], NULL, NULL,
                                               prop_id < FIRST_OPTIONAL ? "" : NULL, flags);
  properties[PROP_CATEGORIES] = g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_AUDIENCES] = g_param_spec_boxed ("audiences", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_EMERGENCY] = g_param_spec_boolean ("emergency", NULL, NULL, FALSE, flags);
  properties[PROP_LANGUAGE] = g_param_spec_enum ("language", NULL, NULL, TAYORI_TYPE_LANGUAGE,
                                                 TAYORI_LANGUAGE_JA, flags);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, TAYORI_TYPE_ARTICLE_STATUS,
                                               TAYORI_ARTICLE_STATUS_DRAFT, flags);
  properties[PROP_CREATED] = g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED] = g_param_spec_boxed ("updated", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_LINKS] = g_param_spec_boxed ("links", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_ATTACHMENTS] = g_param_spec_boxed ("attachments", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_DISMISSALS] = g_param_spec_boxed ("dismissals", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  properties[PROP_AI_PROVENANCE] = g_param_spec_boxed ("ai-provenance", NULL, NULL, G_TYPE_PTR_ARRAY, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted once per setter call that changed content (not id or timestamps): autosave hook */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tayori_article_init (TayoriArticle *self)
{
  self->categories = g_new0 (char *, 1);
  self->audiences = g_new0 (char *, 1);
  self->language = TAYORI_LANGUAGE_JA;
  self->status = TAYORI_ARTICLE_STATUS_DRAFT;
  self->links = tayori_links_copy (NULL);
  self->attachments = tayori_attachments_copy (NULL);
  self->dismissals = tayori_dismissals_copy (NULL);
  self->ai_provenance = tayori_ai_provenances_copy (NULL);
}

TayoriArticle *
tayori_article_new (void)
{
  return g_object_new (TAYORI_TYPE_ARTICLE, NULL);
}

TayoriArticle *
tayori_article_copy (TayoriArticle *self)
{
  TayoriArticle *copy;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);

  copy = tayori_article_new ();
  copy->id = self->id;
  for (guint i = 0; i < N_TEXT; i++)
    copy->text[i] = g_strdup (self->text[i]);
  g_strfreev (copy->categories);
  copy->categories = g_strdupv (self->categories);
  g_strfreev (copy->audiences);
  copy->audiences = g_strdupv (self->audiences);
  copy->emergency = self->emergency;
  copy->language = self->language;
  copy->status = self->status;
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;
  copy->updated = self->updated ? g_date_time_ref (self->updated) : NULL;
  g_ptr_array_unref (copy->links);
  copy->links = tayori_links_copy (self->links);
  g_ptr_array_unref (copy->attachments);
  copy->attachments = tayori_attachments_copy (self->attachments);
  g_ptr_array_unref (copy->dismissals);
  copy->dismissals = tayori_dismissals_copy (self->dismissals);
  g_ptr_array_unref (copy->ai_provenance);
  copy->ai_provenance = tayori_ai_provenances_copy (self->ai_provenance);
  return copy;
}

gboolean
tayori_article_content_equal (TayoriArticle *a,
                              TayoriArticle *b)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (a), FALSE);
  g_return_val_if_fail (TAYORI_IS_ARTICLE (b), FALSE);

  for (guint i = 0; i < N_TEXT; i++)
    if (g_strcmp0 (a->text[i], b->text[i]) != 0)
      return FALSE;
  return g_strv_equal ((const char * const *) a->categories, (const char * const *) b->categories) &&
         g_strv_equal ((const char * const *) a->audiences, (const char * const *) b->audiences) &&
         a->emergency == b->emergency &&
         a->language == b->language &&
         a->status == b->status &&
         tayori_links_equal (a->links, b->links) &&
         tayori_attachments_equal (a->attachments, b->attachments) &&
         tayori_dismissals_equal (a->dismissals, b->dismissals) &&
         tayori_ai_provenances_equal (a->ai_provenance, b->ai_provenance);
}

gint64
tayori_article_get_id (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), 0);
  return self->id;
}

/* The store assigns ids: notify for bindings, but it is no edit */
void
tayori_article_set_id (TayoriArticle *self,
                       gint64         id)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* One getter/setter pair per text property, all through get_text()/set_text() */
#define TEXT_ACCESSORS(field, PROP)                                      \
  const char *                                                           \
  tayori_article_get_##field (TayoriArticle *self)                       \
  {                                                                      \
    g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);               \
    return get_text (self, PROP);                                        \
  }                                                                      \
  void                                                                   \
  tayori_article_set_##field (TayoriArticle *self, const char *value)    \
  {                                                                      \
    g_return_if_fail (TAYORI_IS_ARTICLE (self));                         \
    set_text (self, PROP, value);                                        \
  }

TEXT_ACCESSORS (title, PROP_TITLE)
TEXT_ACCESSORS (category, PROP_CATEGORY)
TEXT_ACCESSORS (body, PROP_BODY)
TEXT_ACCESSORS (summary, PROP_SUMMARY)
TEXT_ACCESSORS (thumbnail, PROP_THUMBNAIL)
TEXT_ACCESSORS (thumbnail_alt, PROP_THUMBNAIL_ALT)
TEXT_ACCESSORS (ward, PROP_WARD)
TEXT_ACCESSORS (department, PROP_DEPARTMENT)
TEXT_ACCESSORS (contact_section, PROP_CONTACT_SECTION)
TEXT_ACCESSORS (contact_phone, PROP_CONTACT_PHONE)
TEXT_ACCESSORS (contact_fax, PROP_CONTACT_FAX)
TEXT_ACCESSORS (contact_email, PROP_CONTACT_EMAIL)
TEXT_ACCESSORS (contact_address, PROP_CONTACT_ADDRESS)
TEXT_ACCESSORS (publish_start, PROP_PUBLISH_START)
TEXT_ACCESSORS (publish_end, PROP_PUBLISH_END)
TEXT_ACCESSORS (translation_group, PROP_TRANSLATION_GROUP)
TEXT_ACCESSORS (author, PROP_AUTHOR)

const char * const *
tayori_article_get_categories (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return (const char * const *) self->categories;
}

void
tayori_article_set_categories (TayoriArticle      *self,
                               const char * const *categories)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  set_strv (self, PROP_CATEGORIES, categories);
}

const char * const *
tayori_article_get_audiences (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return (const char * const *) self->audiences;
}

void
tayori_article_set_audiences (TayoriArticle      *self,
                              const char * const *audiences)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  set_strv (self, PROP_AUDIENCES, audiences);
}

gboolean
tayori_article_get_emergency (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), FALSE);
  return self->emergency;
}

void
tayori_article_set_emergency (TayoriArticle *self,
                              gboolean       emergency)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  emergency = !!emergency;
  if (self->emergency == emergency)
    return;
  self->emergency = emergency;
  emit_changed (self, PROP_EMERGENCY);
}

TayoriLanguage
tayori_article_get_language (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), TAYORI_LANGUAGE_JA);
  return self->language;
}

void
tayori_article_set_language (TayoriArticle  *self,
                             TayoriLanguage  language)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  if (self->language == language)
    return;
  self->language = language;
  emit_changed (self, PROP_LANGUAGE);
}

TayoriArticleStatus
tayori_article_get_status (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), TAYORI_ARTICLE_STATUS_DRAFT);
  return self->status;
}

void
tayori_article_set_status (TayoriArticle       *self,
                           TayoriArticleStatus  status)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  if (self->status == status)
    return;
  self->status = status;
  emit_changed (self, PROP_STATUS);
}

GDateTime *
tayori_article_get_created (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->created;
}

void
tayori_article_set_created (TayoriArticle *self,
                            GDateTime     *created)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  set_date_time (self, &self->created, PROP_CREATED, created);
}

GDateTime *
tayori_article_get_updated (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->updated;
}

void
tayori_article_set_updated (TayoriArticle *self,
                            GDateTime     *updated)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  set_date_time (self, &self->updated, PROP_UPDATED, updated);
}

GPtrArray *
tayori_article_get_links (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->links;
}

void
tayori_article_set_links (TayoriArticle *self,
                          GPtrArray     *links)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE (self));

  copy = tayori_links_copy (links);
  if (tayori_links_equal (self->links, copy))
    return;
  g_ptr_array_unref (self->links);
  self->links = g_steal_pointer (&copy);
  emit_changed (self, PROP_LINKS);
}

GPtrArray *
tayori_article_get_attachments (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->attachments;
}

void
tayori_article_set_attachments (TayoriArticle *self,
                                GPtrArray     *attachments)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE (self));

  copy = tayori_attachments_copy (attachments);
  if (tayori_attachments_equal (self->attachments, copy))
    return;
  g_ptr_array_unref (self->attachments);
  self->attachments = g_steal_pointer (&copy);
  emit_changed (self, PROP_ATTACHMENTS);
}

GPtrArray *
tayori_article_get_dismissals (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->dismissals;
}

void
tayori_article_set_dismissals (TayoriArticle *self,
                               GPtrArray     *dismissals)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE (self));

  copy = tayori_dismissals_copy (dismissals);
  if (tayori_dismissals_equal (self->dismissals, copy))
    return;
  g_ptr_array_unref (self->dismissals);
  self->dismissals = g_steal_pointer (&copy);
  emit_changed (self, PROP_DISMISSALS);
}

void
tayori_article_add_dismissal (TayoriArticle         *self,
                              const TayoriDismissal *dismissal)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  g_return_if_fail (dismissal != NULL);

  g_ptr_array_add (self->dismissals, tayori_dismissal_copy (dismissal));
  emit_changed (self, PROP_DISMISSALS);
}

GPtrArray *
tayori_article_get_ai_provenance (TayoriArticle *self)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (self), NULL);
  return self->ai_provenance;
}

void
tayori_article_set_ai_provenance (TayoriArticle *self,
                                  GPtrArray     *records)
{
  g_autoptr(GPtrArray) copy = NULL;

  g_return_if_fail (TAYORI_IS_ARTICLE (self));

  copy = tayori_ai_provenances_copy (records);
  if (tayori_ai_provenances_equal (self->ai_provenance, copy))
    return;
  g_ptr_array_unref (self->ai_provenance);
  self->ai_provenance = g_steal_pointer (&copy);
  emit_changed (self, PROP_AI_PROVENANCE);
}

void
tayori_article_add_ai_provenance (TayoriArticle            *self,
                                  const TayoriAiProvenance *record)
{
  g_return_if_fail (TAYORI_IS_ARTICLE (self));
  g_return_if_fail (record != NULL);

  g_ptr_array_add (self->ai_provenance, tayori_ai_provenance_copy (record));
  emit_changed (self, PROP_AI_PROVENANCE);
}
