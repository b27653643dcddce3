/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article as one JSON object: the revision snapshots, and the one shape the articles
 * row is written from and read back as (see tayori-store-articles.c). Keys are stable. */
#include <glib/gi18n.h>
#include "tayori-json.h"
#include "tayori-store-private.h"

static void
add_time (JsonBuilder *builder,
          const char  *key,
          GDateTime   *value)
{
  g_autofree char *text = value != NULL ? tayori_store_format_time (value) : NULL;

  tayori_json_add_string (builder, key, text);
}

JsonNode *
tayori_store_article_to_json (TayoriArticle *a)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "title", tayori_article_get_title (a));
  tayori_json_add_string (builder, "category", tayori_article_get_category (a));
  tayori_json_add_strv (builder, "categories", tayori_article_get_categories (a));
  tayori_json_add_string (builder, "body", tayori_article_get_body (a));
  tayori_json_add_string (builder, "summary", tayori_article_get_summary (a));
  tayori_json_add_string (builder, "thumbnail", tayori_article_get_thumbnail (a));
  tayori_json_add_string (builder, "thumbnail_alt", tayori_article_get_thumbnail_alt (a));
  tayori_json_add_strv (builder, "audiences", tayori_article_get_audiences (a));
  tayori_json_add_string (builder, "ward", tayori_article_get_ward (a));
  tayori_json_add_string (builder, "department", tayori_article_get_department (a));
  tayori_json_add_string (builder, "contact_section", tayori_article_get_contact_section (a));
  tayori_json_add_string (builder, "contact_phone", tayori_article_get_contact_phone (a));
  tayori_json_add_string (builder, "contact_fax", tayori_article_get_contact_fax (a));
  tayori_json_add_string (builder, "contact_email", tayori_article_get_contact_email (a));
  tayori_json_add_string (builder, "contact_address", tayori_article_get_contact_address (a));
  tayori_json_add_string (builder, "publish_start", tayori_article_get_publish_start (a));
  tayori_json_add_string (builder, "publish_end", tayori_article_get_publish_end (a));
  json_builder_set_member_name (builder, "emergency");
  json_builder_add_boolean_value (builder, tayori_article_get_emergency (a));
  tayori_json_add_string (builder, "language", tayori_language_to_key (tayori_article_get_language (a)));
  tayori_json_add_string (builder, "translation_group", tayori_article_get_translation_group (a));
  tayori_json_add_string (builder, "status", tayori_article_status_to_key (tayori_article_get_status (a)));
  tayori_json_add_string (builder, "author", tayori_article_get_author (a));
  tayori_json_add_links (builder, tayori_article_get_links (a));
  tayori_json_add_attachments (builder, tayori_article_get_attachments (a), FALSE);
  tayori_json_add_dismissals (builder, "dismissals", tayori_article_get_dismissals (a));
  tayori_ai_provenance_list_to_json (builder, "ai_provenance", tayori_article_get_ai_provenance (a));
  add_time (builder, "created", tayori_article_get_created (a));
  add_time (builder, "updated", tayori_article_get_updated (a));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  return json_object_get_string_member_with_default (object, key, NULL);
}

static JsonArray *
get_array (JsonObject *object,
           const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static GStrv
get_strv (JsonObject *object,
          const char *key)
{
  JsonArray *array = get_array (object, key);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *value = json_array_get_string_element (array, i);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

static GPtrArray *
get_links (JsonObject *object)
{
  JsonArray *array = get_array (object, "links");
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item != NULL)
        g_ptr_array_add (links, tayori_link_new (get_string (item, "title"),
                                                 get_string (item, "url")));
    }
  return links;
}

static GPtrArray *
get_attachments (JsonObject *object)
{
  JsonArray *array = get_array (object, "attachments");
  GPtrArray *attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item != NULL)
        g_ptr_array_add (attachments,
                         tayori_attachment_new (get_string (item, "name"),
                                                get_string (item, "hash"),
                                                get_string (item, "mime_type"),
                                                (guint64) json_object_get_int_member_with_default (item, "size", 0)));
    }
  return attachments;
}

static GPtrArray *
get_dismissals (JsonObject *object)
{
  JsonArray *array = get_array (object, "dismissals");
  GPtrArray *dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_dismissal_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item != NULL && get_string (item, "rule") != NULL && get_string (item, "field") != NULL)
        g_ptr_array_add (dismissals,
                         tayori_dismissal_new (get_string (item, "rule"), get_string (item, "field"),
                                               get_string (item, "span"), get_string (item, "reason"),
                                               get_string (item, "author"), get_string (item, "time")));
    }
  return dismissals;
}

static void
set_times (TayoriArticle *article,
           JsonObject    *object)
{
  g_autoptr(GDateTime) created = tayori_store_parse_time (get_string (object, "created"));
  g_autoptr(GDateTime) updated = tayori_store_parse_time (get_string (object, "updated"));

  tayori_article_set_created (article, created);
  tayori_article_set_updated (article, updated);
}

TayoriArticle *
tayori_store_article_from_json (const char  *json,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GPtrArray) dismissals = NULL;
  g_autoptr(GPtrArray) ai_provenance = NULL;
  g_auto(GStrv) categories = NULL;
  g_auto(GStrv) audiences = NULL;
  TayoriArticleStatus status = TAYORI_ARTICLE_STATUS_DRAFT;
  TayoriLanguage language = TAYORI_LANGUAGE_JA;
  JsonObject *o;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT,
                   _("A saved article could not be read back"));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));

  article = tayori_article_new ();
  categories = get_strv (o, "categories");
  audiences = get_strv (o, "audiences");
  links = get_links (o);
  attachments = get_attachments (o);
  dismissals = get_dismissals (o);
  ai_provenance = tayori_ai_provenance_list_from_json (get_array (o, "ai_provenance"));
  if (get_string (o, "status") != NULL)
    tayori_article_status_from_key (get_string (o, "status"), &status);
  if (get_string (o, "language") != NULL)
    tayori_language_from_key (get_string (o, "language"), &language);

  tayori_article_set_title (article, get_string (o, "title"));
  tayori_article_set_category (article, get_string (o, "category"));
  tayori_article_set_categories (article, (const char * const *) categories);
  tayori_article_set_body (article, get_string (o, "body"));
  tayori_article_set_summary (article, get_string (o, "summary"));
  tayori_article_set_thumbnail (article, get_string (o, "thumbnail"));
  tayori_article_set_thumbnail_alt (article, get_string (o, "thumbnail_alt"));
  tayori_article_set_audiences (article, (const char * const *) audiences);
  tayori_article_set_ward (article, get_string (o, "ward"));
  tayori_article_set_department (article, get_string (o, "department"));
  tayori_article_set_contact_section (article, get_string (o, "contact_section"));
  tayori_article_set_contact_phone (article, get_string (o, "contact_phone"));
  tayori_article_set_contact_fax (article, get_string (o, "contact_fax"));
  tayori_article_set_contact_email (article, get_string (o, "contact_email"));
  tayori_article_set_contact_address (article, get_string (o, "contact_address"));
  tayori_article_set_publish_start (article, get_string (o, "publish_start"));
  tayori_article_set_publish_end (article, get_string (o, "publish_end"));
  tayori_article_set_emergency (article, json_object_get_boolean_member_with_default (o, "emergency", FALSE));
  tayori_article_set_language (article, language);
  tayori_article_set_translation_group (article, get_string (o, "translation_group"));
  tayori_article_set_status (article, status);
  tayori_article_set_author (article, get_string (o, "author"));
  tayori_article_set_links (article, links);
  tayori_article_set_attachments (article, attachments);
  tayori_article_set_dismissals (article, dismissals);
  tayori_article_set_ai_provenance (article, ai_provenance);
  set_times (article, o);

  return g_steal_pointer (&article);
}
