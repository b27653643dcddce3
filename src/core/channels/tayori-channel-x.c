/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChannel for X (API v2): posts with up to four images and alt text, looking for a post
 * after an unknown outcome (X has no idempotency key), deleting, and public metrics. */
#include <glib/gi18n.h>

#include "tayori-channels-private.h"
#include "tayori-channel-x-private.h"
#include "tayori-channel-match.h"
#include "tayori-channel-session-channel.h"

#define MAX_IMAGES     4
#define MAX_ALT_CHARS  1000
/* Pages of the timeline read when looking for a post: it is recent, so it is near the top. */
#define MAX_FIND_PAGES 3
/* Clocks differ: look a little before the attempt started. */
#define FIND_SLACK_SECONDS 120


/* Refuses before anything is sent what X would refuse. */
static gboolean
validate (const TayoriChannelPost  *post,
          GError                  **error)
{
  guint limit = tayori_post_default_limit (TAYORI_POST_NETWORK_X);
  guint images = post->images != NULL ? post->images->len : 0;

  if (tayori_post_count (TAYORI_POST_NETWORK_X, post->text) > limit)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("The post is longer than X allows (%u)."), limit);
      return FALSE;
    }
  if (images > MAX_IMAGES)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("X takes at most %u images per post."), MAX_IMAGES);
      return FALSE;
    }
  for (guint i = 0; i < images; i++)
    {
      const TayoriChannelImage *image = g_ptr_array_index (post->images, i);

      if (tayori_channel_text_is_blank (image->alt) ||
          g_utf8_strlen (image->alt, -1) > MAX_ALT_CHARS)
        {
          g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                       _("Image %u needs alt text of at most %u characters."), i + 1,
                       MAX_ALT_CHARS);
          return FALSE;
        }
    }
  return TRUE;
}

static TayoriChannelReceipt *
receipt_for (const char *id)
{
  TayoriChannelReceipt *receipt = g_new0 (TayoriChannelReceipt, 1);

  receipt->remote_id = g_strdup (id);
  receipt->remote_url = g_strdup_printf ("https://x.com/i/web/status/%s", id);
  return receipt;
}

static TayoriChannelReceipt *
post_tweet (TayoriChannelSession     *session,
            const TayoriChannelPost  *post,
            GCancellable             *cancellable,
            GError                  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  const char *id;

  if (!validate (post, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, post->text);
  if (post->images != NULL && post->images->len > 0)
    {
      json_builder_set_member_name (builder, "media");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "media_ids");
      json_builder_begin_array (builder);
      for (guint i = 0; i < post->images->len; i++)
        {
          g_autofree char *media_id = tayori_x_media_upload (session,
                                                             g_ptr_array_index (post->images, i),
                                                             cancellable, error);

          if (media_id == NULL)
            return NULL;
          json_builder_add_string_value (builder, media_id);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = tayori_channel_http_json_body (root);

  answer = tayori_x_session_call (session, "POST", "/2/tweets", body, "application/json",
                                  cancellable, error);
  if (answer == NULL)
    return NULL;
  id = tayori_channel_json_string (tayori_channel_json_object (answer, "data"), "id");
  if (id == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                           _("X accepted the post but did not say its id."));
      return NULL;
    }
  return receipt_for (id);
}

static char *
timeline_path (const char *user_id,
               GDateTime  *since,
               const char *page)
{
  g_autoptr(GDateTime) start = g_date_time_add_seconds (since, -FIND_SLACK_SECONDS);
  g_autoptr(GDateTime) start_utc = g_date_time_to_utc (start);
  g_autofree char *start_text = g_date_time_format (start_utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *token = page != NULL ? g_uri_escape_string (page, NULL, FALSE) : NULL;

  return g_strdup_printf ("/2/users/%s/tweets?start_time=%s&max_results=100"
                          "&exclude=replies,retweets&tweet.fields=created_at%s%s",
                          user_id, start_text, token != NULL ? "&pagination_token=" : "",
                          token != NULL ? token : "");
}

static TayoriChannelReceipt *
find_post (TayoriChannelSession     *session,
           const TayoriChannelPost  *post,
           GDateTime                *since,
           GCancellable             *cancellable,
           GError                  **error)
{
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;
  g_autofree char *page = NULL;

  if (!tayori_x_session_get_user (session, &user_id, &username, cancellable, error))
    return NULL;
  for (guint n = 0; n < MAX_FIND_PAGES; n++)
    {
      g_autofree char *path = timeline_path (user_id, since, page);
      g_autoptr(JsonObject) answer = tayori_x_session_call (session, "GET", path, NULL,
                                                            NULL, cancellable, error);
      JsonNode *data;
      JsonArray *tweets;
      const char *next;

      if (answer == NULL)
        return NULL;
      data = json_object_get_member (answer, "data");
      tweets = data != NULL && JSON_NODE_HOLDS_ARRAY (data) ? json_node_get_array (data) : NULL;
      for (guint i = 0; tweets != NULL && i < json_array_get_length (tweets); i++)
        {
          JsonNode *node = json_array_get_element (tweets, i);
          JsonObject *tweet = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          const char *id = tayori_channel_json_string (tweet, "id");

          if (id != NULL &&
              tayori_channel_text_matches (tayori_channel_json_string (tweet, "text"), post->text))
            return receipt_for (id);
        }
      next = tayori_channel_json_string (tayori_channel_json_object (answer, "meta"),
                                         "next_token");
      if (next == NULL)
        break;
      g_free (page);
      page = g_strdup (next);
    }
  return NULL;
}

static gboolean
delete_post (TayoriChannelSession  *session,
             const char            *remote_id,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/2/tweets/%s", escaped);
  g_autoptr(JsonObject) answer = tayori_x_session_call (session, "DELETE", path, NULL,
                                                        NULL, cancellable, error);

  return answer != NULL;
}

static TayoriChannelMetrics *
get_metrics (TayoriChannelSession  *session,
             const char            *remote_id,
             GCancellable          *cancellable,
             GError               **error)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/2/tweets/%s?tweet.fields=public_metrics", escaped);
  g_autoptr(JsonObject) answer = tayori_x_session_call (session, "GET", path, NULL, NULL,
                                                        cancellable, error);
  JsonObject *counts;
  TayoriChannelMetrics *metrics;

  if (answer == NULL)
    return NULL;
  counts = tayori_channel_json_object (tayori_channel_json_object (answer, "data"),
                                       "public_metrics");
  metrics = g_new0 (TayoriChannelMetrics, 1);
  metrics->likes = tayori_channel_json_int (counts, "like_count", -1);
  metrics->reposts = tayori_channel_json_int (counts, "retweet_count", -1);
  metrics->replies = tayori_channel_json_int (counts, "reply_count", -1);
  metrics->views = tayori_channel_json_int (counts, "impression_count", -1);
  return metrics;
}

static const TayoriChannelSessionOps x_ops = {
  .network = TAYORI_POST_NETWORK_X,
  .flags = TAYORI_CHANNEL_CAN_DELETE | TAYORI_CHANNEL_HAS_METRICS,
  .max_images = MAX_IMAGES,
  .check_ready = tayori_x_session_ensure,
  .post = post_tweet,
  .find_post = find_post,
  .delete_post = delete_post,
  .get_metrics = get_metrics,
};

TayoriChannel *
tayori_channel_x_new (const TayoriAccount *account,
                      TayoriHttpClient    *client)
{
  return tayori_channel_session_channel_new (&x_ops, account, client);
}
