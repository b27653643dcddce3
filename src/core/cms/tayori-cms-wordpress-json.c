/* SPDX-License-Identifier: GPL-3.0-or-later */
/* WordPress's post JSON to TayoriCmsPost and back: raw fields (context=edit) before rendered
 * ones, the plugin's meta and review log, and the client id in an HTML comment without the
 * plugin. */
#include <glib/gi18n.h>

#include "tayori-cms-wordpress-private.h"

#define CLIENT_ID_PATTERN "\\s*<!--\\s*tayori-client-id:\\s*([0-9A-Fa-f-]+)\\s*-->\\s*$"

const char *
tayori_cms_wp_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Numbers, and numbers WordPress or a plugin sent as text ("2"). */
gint64
tayori_cms_wp_get_int (JsonObject *object,
                       const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                             : G_TYPE_INVALID;

  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE || type == G_TYPE_BOOLEAN)
    return json_node_get_int (node);
  if (type == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  return 0;
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* title, content and excerpt: { "raw": …, "rendered": … } (raw only in context=edit). */
static char *
dup_text (JsonObject *object,
          const char *member)
{
  JsonObject *text = get_object (object, member);
  const char *raw = tayori_cms_wp_get_string (text, "raw");

  return g_strdup (raw != NULL ? raw : tayori_cms_wp_get_string (text, "rendered"));
}

static void
read_ids (GArray     *ids,
          JsonObject *object,
          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 id = json_array_get_int_element (array, i);

      g_array_append_val (ids, id);
    }
}

static void
read_review_log (GPtrArray  *log,
                 const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (text == NULL || text[0] == '\0' || !json_parser_load_from_data (parser, text, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  array = root != NULL && JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry_json;
      TayoriCmsReviewEntry *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      entry_json = json_node_get_object (element);
      entry = g_new0 (TayoriCmsReviewEntry, 1);
      entry->action = g_strdup (tayori_cms_wp_get_string (entry_json, "action"));
      entry->actor = g_strdup (tayori_cms_wp_get_string (entry_json, "actor"));
      entry->level = (guint) CLAMP (tayori_cms_wp_get_int (entry_json, "level"), 0, G_MAXUINT);
      entry->note = g_strdup (tayori_cms_wp_get_string (entry_json, "note"));
      entry->revision_hash = g_strdup (tayori_cms_wp_get_string (entry_json, "revision_hash"));
      entry->at = g_strdup (tayori_cms_wp_get_string (entry_json, "at"));
      g_ptr_array_add (log, entry);
    }
}

/* Takes the comment off the end of the content and returns its id. */
static char *
take_client_id_comment (char **content)
{
  g_autoptr(GRegex) regex = g_regex_new (CLIENT_ID_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int start = 0;

  if (*content == NULL || !g_regex_match (regex, *content, 0, &match))
    return NULL;
  g_match_info_fetch_pos (match, 0, &start, NULL);
  (*content)[start] = '\0';
  return g_match_info_fetch (match, 1);
}

/* Who wrote it: the signed-in user, WordPress's embedded author, or (when WordPress does not
 * show other users to this role) who submitted it for review. */
static char *
dup_author_login (JsonObject              *object,
                  const TayoriCmsPost     *post,
                  const TayoriCmsSiteInfo *info)
{
  JsonObject *embedded = get_object (object, "_embedded");
  JsonNode *authors = embedded != NULL ? json_object_get_member (embedded, "author") : NULL;

  if (info != NULL && post->author_id == info->user_id)
    return g_strdup (info->user_login);
  if (authors != NULL && JSON_NODE_HOLDS_ARRAY (authors) &&
      json_array_get_length (json_node_get_array (authors)) > 0)
    {
      JsonNode *author = json_array_get_element (json_node_get_array (authors), 0);

      if (JSON_NODE_HOLDS_OBJECT (author) &&
          tayori_cms_wp_get_int (json_node_get_object (author), "id") == post->author_id)
        return g_strdup (tayori_cms_wp_get_string (json_node_get_object (author), "slug"));
    }
  for (guint i = 0; i < post->review_log->len; i++)
    {
      TayoriCmsReviewEntry *entry = g_ptr_array_index (post->review_log, i);

      /* Not the signed-in user: the post is not theirs (any more), whoever submitted it. */
      if (g_strcmp0 (entry->action, "submit") == 0
          && (info == NULL || g_strcmp0 (entry->actor, info->user_login) != 0))
        return g_strdup (entry->actor);
    }
  return NULL;
}

TayoriCmsPost *
tayori_cms_wp_post_from_json (JsonNode                 *node,
                              const TayoriCmsSiteInfo  *info,
                              GError                  **error)
{
  g_autoptr(TayoriCmsPost) post = NULL;
  JsonObject *object;
  JsonObject *meta;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      tayori_cms_wp_get_int (json_node_get_object (node), "id") <= 0)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("WordPress answered without a post"));
      return NULL;
    }
  object = json_node_get_object (node);
  meta = get_object (object, "meta");
  post = tayori_cms_post_new ();
  post->remote_id = tayori_cms_wp_get_int (object, "id");
  post->status = g_strdup (tayori_cms_wp_get_string (object, "status"));
  post->title = dup_text (object, "title");
  post->content_html = dup_text (object, "content");
  post->excerpt = dup_text (object, "excerpt");
  post->date_gmt = g_strdup (tayori_cms_wp_get_string (object, "date_gmt"));
  read_ids (post->category_ids, object, "categories");
  read_ids (post->tag_ids, object, "tags");
  post->featured_media = tayori_cms_wp_get_int (object, "featured_media");
  post->link = g_strdup (tayori_cms_wp_get_string (object, "link"));
  post->modified_gmt = g_strdup (tayori_cms_wp_get_string (object, "modified_gmt"));
  post->author_id = tayori_cms_wp_get_int (object, "author");

  post->client_id = g_strdup (tayori_cms_wp_get_string (meta, "tayori_client_id"));
  if (post->client_id == NULL || post->client_id[0] == '\0')
    {
      g_free (post->client_id);
      post->client_id = take_client_id_comment (&post->content_html);
    }
  post->markdown = g_strdup (tayori_cms_wp_get_string (meta, "tayori_markdown"));
  post->meta_json = g_strdup (tayori_cms_wp_get_string (meta, "tayori_meta"));
  post->revision_hash = g_strdup (tayori_cms_wp_get_string (meta, "tayori_revision_hash"));
  post->approvals = (guint) CLAMP (tayori_cms_wp_get_int (meta, "tayori_approvals"), 0, G_MAXUINT);
  read_review_log (post->review_log, tayori_cms_wp_get_string (meta, "tayori_review_log"));
  post->author_login = dup_author_login (object, post, info);
  return g_steal_pointer (&post);
}

char *
tayori_cms_wp_client_id_comment (const char *client_id)
{
  return g_strdup_printf ("<!-- tayori-client-id: %s -->", client_id);
}

static void
add_ids (JsonBuilder  *builder,
         const char   *member,
         const GArray *ids)
{
  if (ids == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

JsonNode *
tayori_cms_wp_post_to_json (const TayoriCmsPost *post,
                            gboolean             has_plugin)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *content = NULL;

  if (!has_plugin && post->client_id != NULL && post->content_html != NULL)
    {
      g_autofree char *comment = tayori_cms_wp_client_id_comment (post->client_id);

      content = g_strconcat (post->content_html, "\n",
                             comment, NULL);
    }
  else
    content = g_strdup (post->content_html);

  json_builder_begin_object (builder);
  add_string (builder, "status", post->status);
  add_string (builder, "title", post->title);
  add_string (builder, "content", content);
  add_string (builder, "excerpt", post->excerpt);
  add_string (builder, "date_gmt", post->date_gmt);
  add_ids (builder, "categories", post->category_ids);
  add_ids (builder, "tags", post->tag_ids);
  json_builder_set_member_name (builder, "featured_media");
  json_builder_add_int_value (builder, post->featured_media);
  if (has_plugin)
    {
      json_builder_set_member_name (builder, "meta");
      json_builder_begin_object (builder);
      add_string (builder, "tayori_client_id", post->client_id);
      add_string (builder, "tayori_markdown", post->markdown);
      add_string (builder, "tayori_meta", post->meta_json);
      add_string (builder, "tayori_revision_hash", post->revision_hash);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
