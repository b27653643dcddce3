/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Article status and language enums: GTypes, the stable keys used in files and the store,
 * and the translated labels the UI shows. */
#include <glib/gi18n.h>

#include "tayori-article-status.h"

/* value_nick is the stable key; value_name carries the untranslated label (N_) */
static const GEnumValue status_values[] = {
  { TAYORI_ARTICLE_STATUS_DRAFT,     N_("Draft"),     "draft" },
  { TAYORI_ARTICLE_STATUS_IN_REVIEW, N_("In review"), "in_review" },
  { TAYORI_ARTICLE_STATUS_RETURNED,  N_("Returned"),  "returned" },
  { TAYORI_ARTICLE_STATUS_APPROVED,  N_("Approved"),  "approved" },
  { TAYORI_ARTICLE_STATUS_SCHEDULED, N_("Scheduled"), "scheduled" },
  { TAYORI_ARTICLE_STATUS_PUBLISHED, N_("Published"), "published" },
  { TAYORI_ARTICLE_STATUS_ARCHIVED,  N_("Archived"),  "archived" },
  { 0, NULL, NULL },
};

static const GEnumValue language_values[] = {
  { TAYORI_LANGUAGE_JA,      N_("Japanese"),      "ja" },
  { TAYORI_LANGUAGE_JA_EASY, N_("Easy Japanese"), "ja-easy" },
  { TAYORI_LANGUAGE_EN,      N_("English"),       "en" },
  { 0, NULL, NULL },
};

GType
tayori_article_status_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("TayoriArticleStatus", status_values));
  return type_id;
}

GType
tayori_language_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("TayoriLanguage", language_values));
  return type_id;
}

static const GEnumValue *
lookup_value (const GEnumValue *values,
              int               value)
{
  for (const GEnumValue *v = values; v->value_name != NULL; v++)
    if (v->value == value)
      return v;
  return NULL;
}

static gboolean
lookup_key (const GEnumValue *values,
            const char       *key,
            int              *out_value)
{
  if (key == NULL)
    return FALSE;
  for (const GEnumValue *v = values; v->value_name != NULL; v++)
    {
      if (g_str_equal (v->value_nick, key))
        {
          if (out_value != NULL)
            *out_value = v->value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
tayori_article_status_to_key (TayoriArticleStatus status)
{
  const GEnumValue *v = lookup_value (status_values, status);

  g_return_val_if_fail (v != NULL, NULL);
  return v->value_nick;
}

gboolean
tayori_article_status_from_key (const char          *key,
                                TayoriArticleStatus *out_status)
{
  int value;

  if (!lookup_key (status_values, key, &value))
    return FALSE;
  if (out_status != NULL)
    *out_status = value;
  return TRUE;
}

const char *
tayori_article_status_to_label (TayoriArticleStatus status)
{
  const GEnumValue *v = lookup_value (status_values, status);

  g_return_val_if_fail (v != NULL, NULL);
  return _(v->value_name);
}

const char *
tayori_language_to_key (TayoriLanguage language)
{
  const GEnumValue *v = lookup_value (language_values, language);

  g_return_val_if_fail (v != NULL, NULL);
  return v->value_nick;
}

gboolean
tayori_language_from_key (const char     *key,
                          TayoriLanguage *out_language)
{
  int value;

  if (!lookup_key (language_values, key, &value))
    return FALSE;
  if (out_language != NULL)
    *out_language = value;
  return TRUE;
}

const char *
tayori_language_to_label (TayoriLanguage language)
{
  const GEnumValue *v = lookup_value (language_values, language);

  g_return_val_if_fail (v != NULL, NULL);
  return _(v->value_name);
}
