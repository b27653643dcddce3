/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Between a local article and a remote post: the revision hash, the store snapshot kept in
 * cms_links, the plugin's tayori_meta JSON, and the article a remote post stands for. */
#include <glib/gi18n.h>
#include "tayori-cms-sync-private.h"
#include "tayori-json.h"
#include "tayori-store-private.h"
#include "tayori-workflow.h"

char *
tayori_cms_article_to_snapshot (TayoriArticle *article)
{
  g_autoptr(JsonNode) node = tayori_store_article_to_json (article);

  return json_to_string (node, FALSE);
}

TayoriArticle *
tayori_cms_article_from_snapshot (const char *snapshot, GError **error)
{
  return tayori_store_article_from_json (snapshot, error);
}

/* The status is workflow state, not content: approving must not change the hash. */
char *
tayori_cms_content_hash (TayoriArticle *article)
{
  g_autoptr(TayoriArticle) content = NULL;
  g_autofree char *snapshot = NULL;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  content = tayori_article_copy (article);
  tayori_article_set_id (content, 0);
  tayori_article_set_created (content, NULL);
  tayori_article_set_updated (content, NULL);
  tayori_article_set_status (content, TAYORI_ARTICLE_STATUS_DRAFT);
  snapshot = tayori_cms_article_to_snapshot (content);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, snapshot, -1);
}

char *
tayori_cms_article_meta_json (TayoriArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  tayori_json_add_strv (builder, "audiences", tayori_article_get_audiences (article));
  tayori_json_add_string (builder, "ward", tayori_article_get_ward (article));
  tayori_json_add_string (builder, "department", tayori_article_get_department (article));
  json_builder_set_member_name (builder, "contact");
  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "section", tayori_article_get_contact_section (article));
  tayori_json_add_string (builder, "phone", tayori_article_get_contact_phone (article));
  tayori_json_add_string (builder, "fax", tayori_article_get_contact_fax (article));
  tayori_json_add_string (builder, "email", tayori_article_get_contact_email (article));
  tayori_json_add_string (builder, "address", tayori_article_get_contact_address (article));
  json_builder_end_object (builder);
  tayori_ai_provenance_list_to_json (builder, "ai_provenance", tayori_article_get_ai_provenance (article));
  tayori_json_add_string (builder, "publish_start", tayori_article_get_publish_start (article));
  tayori_json_add_string (builder, "publish_end", tayori_article_get_publish_end (article));
  json_builder_set_member_name (builder, "emergency");
  json_builder_add_boolean_value (builder, tayori_article_get_emergency (article));
  tayori_json_add_string (builder, "category", tayori_article_get_category (article));
  tayori_json_add_strv (builder, "categories", tayori_article_get_categories (article));
  tayori_json_add_string (builder, "language", tayori_language_to_key (tayori_article_get_language (article)));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static const char *
member_text (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static GStrv
member_strv (JsonObject *object, const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        const char *text = json_array_get_string_element (json_node_get_array (node), i);

        if (text != NULL)
          g_strv_builder_add (builder, text);
      }
  return g_strv_builder_end (builder);
}

static void
apply_meta (TayoriArticle *article, const char *meta_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) audiences = NULL;
  g_auto(GStrv) categories = NULL;
  JsonObject *meta, *contact;
  JsonNode *node;
  TayoriLanguage language;

  meta = tayori_json_parse_object (parser, meta_json);
  if (meta == NULL)
    return;
  audiences = member_strv (meta, "audiences");
  tayori_article_set_audiences (article, (const char * const *) audiences);
  tayori_article_set_ward (article, member_text (meta, "ward"));
  tayori_article_set_department (article, member_text (meta, "department"));
  node = json_object_get_member (meta, "contact");
  contact = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  tayori_article_set_contact_section (article, member_text (contact, "section"));
  tayori_article_set_contact_phone (article, member_text (contact, "phone"));
  tayori_article_set_contact_fax (article, member_text (contact, "fax"));
  tayori_article_set_contact_email (article, member_text (contact, "email"));
  tayori_article_set_contact_address (article, member_text (contact, "address"));
  node = json_object_get_member (meta, "ai_provenance");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GPtrArray) records = tayori_ai_provenance_list_from_json (json_node_get_array (node));

      if (records != NULL)
        tayori_article_set_ai_provenance (article, records);
    }
  tayori_article_set_publish_start (article, member_text (meta, "publish_start"));
  tayori_article_set_publish_end (article, member_text (meta, "publish_end"));
  tayori_article_set_emergency (article, json_object_get_boolean_member_with_default (meta, "emergency", FALSE));
  if (member_text (meta, "category") != NULL)
    tayori_article_set_category (article, member_text (meta, "category"));
  categories = member_strv (meta, "categories");
  if (categories[0] != NULL)
    tayori_article_set_categories (article, (const char * const *) categories);
  if (tayori_language_from_key (member_text (meta, "language"), &language))
    tayori_article_set_language (article, language);
}

/* Names the categories by their paths when the plugin's meta did not. */
static void
apply_categories (TayoriArticle *article, const TayoriCmsPost *post, GPtrArray *terms)
{
  g_autoptr(GStrvBuilder) secondary = g_strv_builder_new ();
  g_auto(GStrv) others = NULL;
  gboolean first = TRUE;

  if (terms == NULL || post->category_ids == NULL || tayori_article_get_category (article)[0] != '\0')
    return;
  for (guint i = 0; i < post->category_ids->len; i++)
    for (guint j = 0; j < terms->len; j++)
      {
        const TayoriCmsTerm *term = g_ptr_array_index (terms, j);
        g_autofree char *path = NULL;

        if (term->id != g_array_index (post->category_ids, gint64, i))
          continue;
        path = tayori_cms_term_path (term, terms);
        if (first)
          tayori_article_set_category (article, path);
        else
          g_strv_builder_add (secondary, path);
        first = FALSE;
      }
  others = g_strv_builder_end (secondary);
  tayori_article_set_categories (article, (const char * const *) others);
}

const TayoriCmsReviewEntry *
tayori_cms_review_log_last (GPtrArray *log, const char *action)
{
  for (guint i = log != NULL ? log->len : 0; i > 0; i--)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (log, i - 1);

      if (action == NULL || g_strcmp0 (entry->action, action) == 0)
        return entry;
    }
  return NULL;
}

TayoriArticle *
tayori_cms_article_from_post (const TayoriCmsPost *post, GPtrArray *categories)
{
  TayoriArticle *article = tayori_article_new ();
  const TayoriCmsReviewEntry *last = tayori_cms_review_log_last (post->review_log, NULL);
  gboolean has_markdown = post->markdown != NULL && post->markdown[0] != '\0';
  gboolean returned = last != NULL && g_strcmp0 (last->action, "return") == 0;

  tayori_article_set_title (article, post->title);
  tayori_article_set_body (article, has_markdown ? post->markdown : post->content_html);
  tayori_article_set_summary (article, post->excerpt);
  tayori_article_set_author (article, post->author_login);
  apply_meta (article, post->meta_json);
  apply_categories (article, post, categories);
  tayori_article_set_status (article, tayori_workflow_status_from_remote (post->status, returned));
  return article;
}

char *
tayori_cms_post_content_hash (const TayoriCmsPost *post)
{
  if (post->content_html == NULL)
    return NULL;
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, post->content_html, -1);
}

TayoriArticle *
tayori_cms_article_theirs (const TayoriCmsPost *post, const TayoriCmsLink *link, GPtrArray *categories)
{
  g_autofree char *content = tayori_cms_post_content_hash (post);
  TayoriArticle *article = tayori_cms_article_from_post (post, categories);

  if (content != NULL && link->synced_content != NULL && !g_str_equal (content, link->synced_content))
    tayori_article_set_body (article, post->content_html);
  return article;
}
