/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChannel for Bluesky (AT Protocol XRPC on the account's PDS): posts as
 * app.bsky.feed.post records, looking for a post after an unknown outcome (there is no
 * idempotency key), deleting records, and like/repost/reply counts. */
#include <glib/gi18n.h>

#include "tayori-channels-private.h"
#include "tayori-channel-bluesky-private.h"
#include "tayori-channel-match.h"
#include "tayori-channel-session-channel.h"

#define MAX_IMAGES 4
/* Posts of the author feed read when looking for one: it is recent, so it is near the top. */
#define FIND_LIMIT "50"
/* Clocks differ: look a little before the attempt started. */
#define FIND_SLACK_SECONDS 120

static gboolean
check_ready (TayoriChannelSession  *session,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *did = tayori_bluesky_session_ensure (session, cancellable, error);

  return did != NULL;
}

/* at://DID/app.bsky.feed.post/RKEY → RKEY (NULL when @uri is not a post of that form). */
static char *
record_key (const char *uri)
{
  g_auto(GStrv) parts = NULL;

  if (uri == NULL || !g_str_has_prefix (uri, "at://"))
    return NULL;
  parts = g_strsplit (uri + strlen ("at://"), "/", -1);
  if (g_strv_length (parts) != 3 || g_strcmp0 (parts[1], TAYORI_BLUESKY_POST_COLLECTION) != 0 ||
      *parts[2] == '\0')
    return NULL;
  return g_strdup (parts[2]);
}

static TayoriChannelReceipt *
receipt_for (const char *did,
             const char *uri)
{
  TayoriChannelReceipt *receipt = g_new0 (TayoriChannelReceipt, 1);
  g_autofree char *rkey = record_key (uri);

  receipt->remote_id = g_strdup (uri);
  if (rkey != NULL)
    receipt->remote_url = g_strdup_printf ("https://bsky.app/profile/%s/post/%s", did, rkey);
  return receipt;
}

static TayoriChannelReceipt *
post_record (TayoriChannelSession     *session,
             const TayoriChannelPost  *post,
             GCancellable             *cancellable,
             GError                  **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *did = NULL;
  JsonNode *record;
  const char *uri;

  did = tayori_bluesky_session_ensure (session, cancellable, error);
  if (did == NULL)
    return NULL;
  record = tayori_bluesky_post_record (session, post, now, cancellable, error);
  if (record == NULL)
    return NULL;
  json_object_set_string_member (input, "repo", did);
  json_object_set_string_member (input, "collection", TAYORI_BLUESKY_POST_COLLECTION);
  json_object_set_member (input, "record", record);
  json_node_init_object (node, input);
  body = tayori_channel_http_json_body (node);

  answer = tayori_bluesky_session_call (session, "POST", "com.atproto.repo.createRecord",
                                        NULL, body, "application/json", cancellable, error);
  if (answer == NULL)
    return NULL;
  uri = tayori_channel_json_string (answer, "uri");
  if (uri == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                           _("Bluesky accepted the post but did not say its address."));
      return NULL;
    }
  return receipt_for (did, uri);
}

/* Whether the record was created at @since or later (allowing for clock differences). */
static gboolean
created_since (JsonObject *record,
               GDateTime  *since)
{
  const char *text = tayori_channel_json_string (record, "createdAt");
  g_autoptr(GDateTime) created = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return created != NULL &&
         g_date_time_difference (created, since) >= -FIND_SLACK_SECONDS * G_TIME_SPAN_SECOND;
}

static TayoriChannelReceipt *
find_post (TayoriChannelSession     *session,
           const TayoriChannelPost  *post,
           GDateTime                *since,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *did = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *query = NULL;
  JsonNode *feed_node;
  JsonArray *feed;

  did = tayori_bluesky_session_ensure (session, cancellable, error);
  if (did == NULL)
    return NULL;
  actor = g_uri_escape_string (did, NULL, FALSE);
  query = g_strdup_printf ("actor=%s&limit=" FIND_LIMIT "&filter=posts_no_replies", actor);
  answer = tayori_bluesky_session_call (session, "GET", "app.bsky.feed.getAuthorFeed",
                                        query, NULL, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  feed_node = json_object_get_member (answer, "feed");
  feed = feed_node != NULL && JSON_NODE_HOLDS_ARRAY (feed_node) ? json_node_get_array (feed_node)
                                                                : NULL;
  for (guint i = 0; feed != NULL && i < json_array_get_length (feed); i++)
    {
      JsonNode *item = json_array_get_element (feed, i);
      JsonObject *view = JSON_NODE_HOLDS_OBJECT (item)
                         ? tayori_channel_json_object (json_node_get_object (item), "post")
                         : NULL;
      JsonObject *record = tayori_channel_json_object (view, "record");
      const char *uri = tayori_channel_json_string (view, "uri");
      g_autofree char *rkey = record_key (uri);

      if (rkey != NULL && g_str_has_prefix (uri + strlen ("at://"), did) &&
          created_since (record, since) &&
          tayori_channel_text_matches (tayori_channel_json_string (record, "text"), post->text))
        return receipt_for (did, uri);
    }
  return NULL;
}

static gboolean
delete_post (TayoriChannelSession  *session,
             const char            *remote_id,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *rkey = record_key (remote_id);
  g_autoptr(JsonObject) input = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *did = NULL;

  if (rkey == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("“%s” is not the address of a Bluesky post."), remote_id);
      return FALSE;
    }
  did = tayori_bluesky_session_ensure (session, cancellable, error);
  if (did == NULL)
    return FALSE;
  json_object_set_string_member (input, "repo", did);
  json_object_set_string_member (input, "collection", TAYORI_BLUESKY_POST_COLLECTION);
  json_object_set_string_member (input, "rkey", rkey);
  json_node_init_object (node, input);
  body = tayori_channel_http_json_body (node);
  answer = tayori_bluesky_session_call (session, "POST", "com.atproto.repo.deleteRecord",
                                        NULL, body, "application/json", cancellable, error);
  return answer != NULL;
}

static TayoriChannelMetrics *
get_metrics (TayoriChannelSession  *session,
             const char            *remote_id,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("uris=%s", escaped);
  g_autoptr(JsonObject) answer = NULL;
  TayoriChannelMetrics *metrics;
  JsonNode *posts;
  JsonObject *view = NULL;

  answer = tayori_bluesky_session_call (session, "GET", "app.bsky.feed.getPosts", query,
                                        NULL, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  posts = json_object_get_member (answer, "posts");
  if (posts != NULL && JSON_NODE_HOLDS_ARRAY (posts) &&
      json_array_get_length (json_node_get_array (posts)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (posts), 0)))
    view = json_array_get_object_element (json_node_get_array (posts), 0);
  if (view == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                           _("The post is no longer on Bluesky."));
      return NULL;
    }
  metrics = g_new0 (TayoriChannelMetrics, 1);
  metrics->likes = tayori_channel_json_int (view, "likeCount", -1);
  metrics->reposts = tayori_channel_json_int (view, "repostCount", -1);
  metrics->replies = tayori_channel_json_int (view, "replyCount", -1);
  metrics->views = -1;
  return metrics;
}

static const TayoriChannelSessionOps bluesky_ops = {
  .network = TAYORI_POST_NETWORK_BLUESKY,
  .flags = TAYORI_CHANNEL_CAN_DELETE | TAYORI_CHANNEL_HAS_METRICS,
  .max_images = MAX_IMAGES,
  .check_ready = check_ready,
  .post = post_record,
  .find_post = find_post,
  .delete_post = delete_post,
  .get_metrics = get_metrics,
};

TayoriChannel *
tayori_channel_bluesky_new (const TayoriAccount *account,
                            TayoriHttpClient    *client)
{
  return tayori_channel_session_channel_new (&bluesky_ops, account, client);
}
