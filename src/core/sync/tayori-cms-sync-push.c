/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The push of one article on an outbox worker: link (client id stored before the first
 * create), reconcile a lost create, conflict check before an update, create as a draft, media
 * uploaded once per content hash (remembered in the item's payload), then the full update. */
#include <string.h>
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-json.h"
#include "tayori-markdown.h"
#include "tayori-media-store.h"
#include "tayori-outbox-private.h"
#include "tayori-page.h"

#define MEDIA_SCHEME "tayori-media:"
#define HASH_LENGTH  64

typedef struct {
  TayoriCmsSyncCore      *core;
  const TayoriOutboxItem *item;
  JsonObject             *payload;
  TayoriCmsConnector     *connector;
  TayoriArticle          *article;
  TayoriCmsLink          *link;
  GCancellable           *cancellable;
  gboolean                media_skipped;  /* the last upload was refused for want of the plugin */
} Push;

static JsonObject *
media_map (Push *push)
{
  if (!json_object_has_member (push->payload, "media"))
    {
      g_autofree char *previous = tayori_outbox_db_find_payload (push->core->store, push->item->article_id,
                                                                 push->item->account, push->item->id,
                                                                 "media", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *previous_payload = tayori_json_parse_object (parser, previous);
      JsonObject *found = NULL;

      if (previous_payload != NULL && json_object_has_member (previous_payload, "media"))
        found = json_object_get_object_member (previous_payload, "media");
      json_object_set_object_member (push->payload, "media",
                                     found != NULL ? json_object_ref (found) : json_object_new ());
    }
  return json_object_get_object_member (push->payload, "media");
}

static gboolean
save_payload (Push *push, GError **error)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), push->payload);
  g_autofree char *text = json_to_string (node, FALSE);

  return tayori_outbox_db_set_payload (push->core->store, push->item->id, text, error);
}

/* Uploads the media store file @hash once per post; returns the remembered entry, or NULL
 * with @error, or NULL without one when the CMS cannot take media from this user. */
static JsonObject *
upload (Push *push, const char *hash, const char *file_name, const char *mime_type,
        const char *alt, GError **error)
{
  JsonObject *map = media_map (push);
  JsonObject *entry = json_object_has_member (map, hash) ? json_object_get_object_member (map, hash) : NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *guessed = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TayoriCmsMedia) media = NULL;
  g_autoptr(GMappedFile) file = NULL;
  GError *local_error = NULL;

  push->media_skipped = FALSE;
  if (entry != NULL && json_object_get_int_member_with_default (entry, "post", 0) == push->link->remote_id)
    return entry;
  g_mutex_lock (&push->core->lock);
  path = tayori_media_store_lookup (push->core->media_dir, hash);
  g_mutex_unlock (&push->core->lock);
  if (path == NULL || (file = g_mapped_file_new (path, FALSE, NULL)) == NULL)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED,
                   _("The file %s is missing from the media store"), file_name != NULL ? file_name : hash);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  if (mime_type == NULL)
    {
      content_type = g_content_type_guess (path, g_bytes_get_data (bytes, NULL),
                                           MIN (g_bytes_get_size (bytes), 4096), NULL);
      guessed = g_content_type_get_mime_type (content_type);
    }
  base = g_path_get_basename (path);
  media = tayori_cms_connector_upload_media (push->connector, bytes, file_name != NULL ? file_name : base,
                                             mime_type != NULL ? mime_type : guessed, alt,
                                             push->link->remote_id, push->cancellable, &local_error);
  if (g_error_matches (local_error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING))
    {
      /* A contributor without the plugin cannot upload: the draft goes without its media. */
      push->media_skipped = TRUE;
      g_clear_error (&local_error);
      return NULL;
    }
  if (media == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  entry = json_object_new ();
  json_object_set_int_member (entry, "id", media->id);
  json_object_set_string_member (entry, "url", media->url);
  json_object_set_int_member (entry, "post", push->link->remote_id);
  json_object_set_object_member (map, hash, entry);
  return save_payload (push, error) ? entry : NULL;
}

/* Uploads every "tayori-media:HASH" in @html and rewrites it to the uploaded file's URL. */
static char *
rewrite_media (Push *push, const char *html, GError **error)
{
  GString *out = g_string_new (NULL);
  const char *at = html;
  const char *found;

  while ((found = strstr (at, MEDIA_SCHEME)) != NULL)
    {
      g_autofree char *hash = g_strndup (found + strlen (MEDIA_SCHEME), HASH_LENGTH);
      const char *name = NULL, *mime = NULL;
      GPtrArray *attachments = tayori_article_get_attachments (push->article);
      JsonObject *entry;

      g_string_append_len (out, at, found - at);
      at = found + strlen (MEDIA_SCHEME);
      if (!tayori_media_store_is_hash (hash))
        {
          g_string_append (out, MEDIA_SCHEME);
          continue;
        }
      for (guint i = 0; attachments != NULL && i < attachments->len; i++)
        {
          const TayoriAttachment *attachment = g_ptr_array_index (attachments, i);

          if (g_strcmp0 (attachment->hash, hash) == 0)
            {
              name = attachment->name;
              mime = attachment->mime_type;
            }
        }
      entry = upload (push, hash, name, mime, NULL, error);
      if (entry == NULL && !push->media_skipped)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      if (entry != NULL)
        g_string_append (out, json_object_get_string_member (entry, "url"));
      at += HASH_LENGTH;
    }
  g_string_append (out, at);
  return g_string_free (out, FALSE);
}

/* The preview's HTML without the data-sourcepos attributes it keeps to follow the editor (the
 * sanitiser lets them through only as digits, colons and dashes). */
static char *
strip_sourcepos (const char *html)
{
  g_autoptr(GRegex) regex = g_regex_new (" data-sourcepos=\"[0-9:-]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, html, -1, 0, "", 0, NULL);
}

/* The body fragment the preview shows, with the attachments list when there is one. */
static char *
render_content (Push *push)
{
  g_autofree char *body = tayori_markdown_render_body (tayori_article_get_body (push->article), -1);
  g_autoptr(GHashTable) fragments = NULL;
  g_autofree char *html = NULL;
  const char *attachments;

  if (tayori_article_get_attachments (push->article)->len == 0)
    return strip_sourcepos (body);
  fragments = tayori_page_build_fragments (push->article, push->core->preset);
  attachments = g_hash_table_lookup (fragments, "attachments");
  html = g_strconcat (body, attachments != NULL ? attachments : "", NULL);
  return strip_sourcepos (html);
}

static void
add_term (GArray *ids, gint64 id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return;
  g_array_append_val (ids, id);
}

static gboolean
add_category_path (GArray *ids, GPtrArray *terms, const char *path)
{
  for (guint i = 0; path != NULL && path[0] != '\0' && i < terms->len; i++)
    {
      const TayoriCmsTerm *term = g_ptr_array_index (terms, i);
      g_autofree char *term_path = tayori_cms_term_path (term, terms);

      if (g_strcmp0 (term_path, path) == 0)
        {
          add_term (ids, term->id);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
add_slug (GArray *ids, GPtrArray *terms, const char *slug)
{
  for (guint i = 0; i < terms->len; i++)
    if (g_strcmp0 (((TayoriCmsTerm *) g_ptr_array_index (terms, i))->slug, slug) == 0)
      {
        add_term (ids, ((TayoriCmsTerm *) g_ptr_array_index (terms, i))->id);
        return TRUE;
      }
  return FALSE;
}

/* Categories by path; audiences and the ward through the account's "term:VALUE=slug" keys
 * (tags first, then categories). */
static gboolean
map_terms (Push *push, TayoriCmsPost *post, GError **error)
{
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  const char * const *secondary = tayori_article_get_categories (push->article);
  const char * const *audiences = tayori_article_get_audiences (push->article);

  for (guint i = 0; audiences[i] != NULL; i++)
    g_ptr_array_add (values, (gpointer) audiences[i]);
  if (tayori_article_get_ward (push->article)[0] != '\0')
    g_ptr_array_add (values, (gpointer) tayori_article_get_ward (push->article));
  if (tayori_article_get_category (push->article)[0] == '\0' && secondary[0] == NULL && values->len == 0)
    return TRUE;
  categories = tayori_cms_sync_core_terms (push->core, push->link->account, TAYORI_CMS_TAXONOMY_CATEGORY,
                                           push->cancellable, error);
  if (categories == NULL)
    return FALSE;
  add_category_path (post->category_ids, categories, tayori_article_get_category (push->article));
  for (guint i = 0; secondary[i] != NULL; i++)
    add_category_path (post->category_ids, categories, secondary[i]);
  if (values->len == 0)
    return TRUE;
  account = tayori_cms_sync_core_account (push->core, push->link->account, NULL);
  tags = tayori_cms_sync_core_terms (push->core, push->link->account, TAYORI_CMS_TAXONOMY_TAG,
                                     push->cancellable, error);
  if (tags == NULL)
    return FALSE;
  for (guint i = 0; account != NULL && i < values->len; i++)
    {
      g_autofree char *key = g_strconcat ("term:", (const char *) g_ptr_array_index (values, i), NULL);
      const char *slug = tayori_account_get_option (account, key);

      if (slug != NULL && !add_slug (post->tag_ids, tags, slug))
        add_slug (post->category_ids, categories, slug);
    }
  return TRUE;
}

static TayoriCmsPost *
build_post (Push *push, const char *hash, gboolean with_media, GError **error)
{
  g_autoptr(TayoriCmsPost) post = tayori_cms_post_new ();
  g_autofree char *content = render_content (push);
  const char *thumbnail = tayori_article_get_thumbnail (push->article);

  post->remote_id = push->link->remote_id;
  post->client_id = g_strdup (push->link->client_id);
  post->title = g_strdup (tayori_article_get_title (push->article));
  post->excerpt = g_strdup (tayori_article_get_summary (push->article));
  post->markdown = g_strdup (tayori_article_get_body (push->article));
  post->meta_json = tayori_cms_article_meta_json (push->article);
  post->revision_hash = g_strdup (hash);
  if (post->category_ids == NULL)
    post->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (post->tag_ids == NULL)
    post->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!map_terms (push, post, error))
    return NULL;
  if (!with_media)
    {
      post->status = g_strdup ("draft");
      post->content_html = g_steal_pointer (&content);
      return g_steal_pointer (&post);
    }
  if (thumbnail != NULL && tayori_media_store_is_hash (thumbnail))
    {
      JsonObject *entry = upload (push, thumbnail, NULL, NULL,
                                  tayori_article_get_thumbnail_alt (push->article), error);

      if (entry == NULL && !push->media_skipped)
        return NULL;
      if (entry != NULL)
        post->featured_media = json_object_get_int_member (entry, "id");
    }
  post->content_html = rewrite_media (push, content, error);
  return post->content_html != NULL ? g_steal_pointer (&post) : NULL;
}

/* Changed on the CMS since the last sync, by someone else: a newer hash that is not the one
 * about to be sent (that would be our own update whose answer was lost), a new time, or other
 * content (an edit in the CMS keeps the hash, and may fall in the second of the last sync). */
static gboolean
remote_changed (const TayoriCmsLink *link, const TayoriCmsPost *remote, const char *hash)
{
  g_autofree char *content = tayori_cms_post_content_hash (remote);
  gboolean hash_changed = remote->revision_hash != NULL && link->synced_hash != NULL
                          && g_strcmp0 (remote->revision_hash, link->synced_hash) != 0;
  gboolean time_changed = link->synced_modified != NULL && remote->modified_gmt != NULL
                          && g_strcmp0 (remote->modified_gmt, link->synced_modified) != 0;
  gboolean content_changed = link->synced_content != NULL && content != NULL
                             && !g_str_equal (content, link->synced_content);

  if (hash_changed && g_strcmp0 (remote->revision_hash, hash) == 0)
    return FALSE;
  return hash_changed || time_changed || content_changed;
}

static gboolean
ensure_link (Push *push, GError **error)
{
  GError *local_error = NULL;

  push->link = tayori_cms_link_load (push->core->store, push->item->article_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (push->link != NULL)
    return TRUE;
  push->link = g_new0 (TayoriCmsLink, 1);
  push->link->article_id = push->item->article_id;
  push->link->account = g_strdup (push->item->account);
  push->link->client_id = g_uuid_string_random ();
  return tayori_cms_link_save (push->core->store, push->link, error);
}

/* Finds the post of a create whose answer may have been lost, or creates it as a draft. */
static TayoriCmsPost *
find_or_create (Push *push, const char *hash, GError **error)
{
  g_autoptr(TayoriCmsPost) draft = NULL;
  TayoriCmsPost *post = NULL;
  GError *local_error = NULL;

  if (json_object_get_boolean_member_with_default (push->payload, "reconcile", FALSE) || push->item->attempts > 1)
    {
      post = tayori_cms_connector_find_by_client_id (push->connector, push->link->client_id,
                                                     push->cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
    }
  if (post == NULL)
    {
      draft = build_post (push, hash, FALSE, error);
      post = draft != NULL ? tayori_cms_connector_create_post (push->connector, draft, push->cancellable, error)
                           : NULL;
    }
  if (post == NULL)
    return NULL;
  tayori_cms_link_take_post (push->link, post);
  if (!tayori_cms_link_save (push->core->store, push->link, error))
    g_clear_pointer (&post, tayori_cms_post_free);
  return post;
}

static void
push_clear (Push *push)
{
  g_clear_object (&push->connector);
  g_clear_object (&push->article);
  g_clear_pointer (&push->link, tayori_cms_link_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Push, push_clear)

TayoriCmsPost *
tayori_cms_sync_run_push (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, JsonObject *payload,
                          TayoriCmsLink **out_link, GCancellable *cancellable, GError **error)
{
  g_auto(Push) push = { core, item, payload, NULL, NULL, NULL, cancellable, FALSE };
  g_autoptr(TayoriCmsPost) remote = NULL;
  g_autoptr(TayoriCmsPost) full = NULL;
  g_autofree char *hash = NULL;
  gboolean created = FALSE;
  TayoriCmsPost *updated;

  push.article = tayori_store_load_article (core->store, item->article_id, error);
  if (push.article == NULL || !ensure_link (&push, error))
    return NULL;
  push.connector = tayori_cms_sync_core_connector (core, push.link->account, cancellable, error);
  if (push.connector == NULL)
    return NULL;
  hash = tayori_cms_content_hash (push.article);
  if (push.link->remote_id == 0)
    {
      remote = find_or_create (&push, hash, error);
      created = remote != NULL;
    }
  else
    remote = tayori_cms_connector_get_post (push.connector, push.link->remote_id, cancellable, error);
  if (remote == NULL)
    return NULL;
  if (!created && !json_object_get_boolean_member_with_default (payload, "force", FALSE)
      && remote_changed (push.link, remote, hash))
    {
      g_autoptr(TayoriArticle) theirs = tayori_cms_article_theirs (remote, push.link, NULL);

      tayori_cms_sync_record_conflict (core, push.link, push.article, theirs, error);
      return NULL;
    }
  full = build_post (&push, hash, TRUE, error);
  if (full == NULL)
    return NULL;
  updated = tayori_cms_connector_update_post (push.connector, full, cancellable, error);
  if (updated == NULL)
    return NULL;
  tayori_cms_link_take_post (push.link, updated);
  tayori_cms_link_mark_synced (push.link, updated, g_steal_pointer (&hash),
                               tayori_cms_link_latest_revision (core->store, item->article_id, NULL));
  g_clear_pointer (&push.link->conflict_snapshot, g_free);
  if (!tayori_cms_link_save (core->store, push.link, error)
      || !tayori_outbox_db_settle_conflicts (core->store, item->article_id, error))
    {
      tayori_cms_post_free (updated);
      return NULL;
    }
  if (out_link != NULL)
    *out_link = g_steal_pointer (&push.link);
  return updated;
}
