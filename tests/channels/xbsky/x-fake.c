/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake X: handlers on a fault server's thread that check each request as X documents it
 * and keep the posts, media, codes and tokens a test looks at afterwards. */
#include "x-fake-private.h"
#include "tayori-channel-http.h"

static void
tweet_free (Tweet *tweet)
{
  g_free (tweet->id);
  g_free (tweet->text);
  g_free (tweet);
}

static void
upload_media (XFake             *fake,
              SoupServerMessage *message)
{
  g_autoptr(GBytes) data = soup_message_body_flatten (
    soup_server_message_get_request_body (message));
  g_autoptr(SoupMultipart) multipart = soup_multipart_new_from_message (
    soup_server_message_get_request_headers (message), data);
  g_autoptr(GHashTable) parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  g_autofree char *id = NULL;
  g_autofree char *body = NULL;
  GBytes *media;

  for (int i = 0; multipart != NULL && i < soup_multipart_get_length (multipart); i++)
    {
      SoupMessageHeaders *headers;
      GBytes *part;
      g_autoptr(GHashTable) params = NULL;

      soup_multipart_get_part (multipart, i, &headers, &part);
      if (soup_message_headers_get_content_disposition (headers, NULL, &params))
        g_hash_table_insert (parts, g_strdup (g_hash_table_lookup (params, "name")),
                             g_bytes_ref (part));
    }
  media = g_hash_table_lookup (parts, "media");
  if (multipart == NULL || media == NULL || g_bytes_get_size (media) < 8 ||
      memcmp (g_bytes_get_data (media, NULL), "\x89PNG", 4) != 0 ||
      g_hash_table_lookup (parts, "media_category") == NULL ||
      g_bytes_get_size (g_hash_table_lookup (parts, "media_category")) != strlen ("tweet_image") ||
      memcmp (g_bytes_get_data (g_hash_table_lookup (parts, "media_category"), NULL),
              "tweet_image", strlen ("tweet_image")) != 0)
    return fake_log_refuse (&fake->log, message, "media/upload: not a multipart tweet_image PNG");
  id = g_strdup_printf ("17100000000000000%02u", g_hash_table_size (fake->media) + 1);
  g_hash_table_insert (fake->media, g_strdup (id), g_strdup (""));
  body = g_strdup_printf ("{\"data\": {\"id\": \"%s\", \"media_key\": \"3_%s\", "
                          "\"size\": %" G_GSIZE_FORMAT ", \"expires_after_secs\": 86400}}",
                          id, id, g_bytes_get_size (media));
  fake_reply_text (message, 200, body);
}

/* With the lock held: POST /2/media/metadata {"id", "metadata": {"alt_text": {"text"}}}. */
static void
media_metadata (XFake             *fake,
                SoupServerMessage *message)
{
  g_autoptr(JsonNode) input = fake_request_json (message);
  JsonObject *object = input != NULL && JSON_NODE_HOLDS_OBJECT (input)
                       ? json_node_get_object (input) : NULL;
  const char *id = object != NULL ? tayori_channel_json_string (object, "id") : NULL;
  const char *alt = tayori_channel_json_string (
    tayori_channel_json_object (tayori_channel_json_object (object, "metadata"), "alt_text"),
    "text");
  g_autofree char *body = NULL;

  if (id == NULL || !g_hash_table_contains (fake->media, id) || alt == NULL || *alt == '\0' ||
      g_utf8_strlen (alt, -1) > 1000 || json_object_get_size (object) != 2)
    return fake_log_refuse (&fake->log, message, "media/metadata: bad body");
  g_hash_table_insert (fake->media, g_strdup (id), g_strdup (alt));
  body = g_strdup_printf ("{\"data\": {\"id\": \"%s\", \"associated_metadata\": "
                          "{\"alt_text\": {\"text\": \"(set)\"}}}}", id);
  fake_reply_text (message, 200, body);
}

/* With the lock held: POST /2/tweets {"text", "media": {"media_ids"}}. */
static void
create_tweet (XFake             *fake,
              SoupServerMessage *message)
{
  g_autoptr(JsonNode) input = fake_request_json (message);
  JsonObject *object = input != NULL && JSON_NODE_HOLDS_OBJECT (input)
                       ? json_node_get_object (input) : NULL;
  JsonObject *media = tayori_channel_json_object (object, "media");
  JsonNode *ids_node = media != NULL ? json_object_get_member (media, "media_ids") : NULL;
  JsonArray *ids = ids_node != NULL && JSON_NODE_HOLDS_ARRAY (ids_node)
                   ? json_node_get_array (ids_node) : NULL;
  const char *text = tayori_channel_json_string (object, "text");
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  JsonObject *data = json_object_new ();
  Tweet *tweet;

  if (text == NULL || *text == '\0' ||
      json_object_get_size (object) != (media != NULL ? 2u : 1u) ||
      (media != NULL && (ids == NULL || json_array_get_length (ids) == 0 ||
                         json_array_get_length (ids) > 4 || json_object_get_size (media) != 1)))
    {
      json_object_unref (data);
      return fake_log_refuse (&fake->log, message, "tweets: bad body");
    }
  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *alt = g_hash_table_lookup (fake->media,
                                             json_array_get_string_element (ids, i));

      if (alt == NULL || *alt == '\0')
        {
          json_object_unref (data);
          return fake_log_refuse (&fake->log, message, "tweets: media without alt text");
        }
    }
  tweet = g_new0 (Tweet, 1);
  tweet->id = g_strdup_printf ("18600000000000000%02u", fake->tweets->len + 1);
  tweet->text = g_strdup (text);
  tweet->n_media = ids != NULL ? json_array_get_length (ids) : 0;
  g_ptr_array_add (fake->tweets, tweet);
  json_object_set_string_member (data, "id", tweet->id);
  json_object_set_string_member (data, "text", tweet->text);
  json_object_set_object_member (answer, "data", data);
  fake_reply (message, 201, json_node_init_object (node, answer));
}

/* The text as X gives it back: links through t.co, "&", "<" and ">" as entities. */
static char *
as_x_returns (const char *text)
{
  g_autoptr(GRegex) url = g_regex_new ("https?://[!-~]+", 0, 0, NULL);
  g_autofree char *shortened = g_regex_replace_literal (url, text, -1, 0,
                                                        "https://t.co/Xq3vRz0k1A", 0, NULL);
  g_autoptr(GString) escaped = g_string_new (NULL);

  for (const char *p = shortened; *p != '\0'; p++)
    if (*p == '&')
      g_string_append (escaped, "&amp;");
    else if (*p == '<')
      g_string_append (escaped, "&lt;");
    else if (*p == '>')
      g_string_append (escaped, "&gt;");
    else
      g_string_append_c (escaped, *p);
  return g_string_free (g_steal_pointer (&escaped), FALSE);
}

static Tweet *
find_tweet (XFake      *fake,
            const char *id)
{
  for (guint i = 0; i < fake->tweets->len; i++)
    {
      Tweet *tweet = g_ptr_array_index (fake->tweets, i);

      if (!tweet->deleted && g_str_equal (tweet->id, id))
        return tweet;
    }
  return NULL;
}

/* With the lock held: GET /2/users/:id/tweets, newest first. */
static void
timeline (XFake             *fake,
          SoupServerMessage *message,
          const char        *user_id)
{
  g_autoptr(GHashTable) query = soup_form_decode (
    g_uri_get_query (soup_server_message_get_uri (message)) ?: "");
  const char *start = g_hash_table_lookup (query, "start_time");
  g_autoptr(GDateTime) start_time = start != NULL ? g_date_time_new_from_iso8601 (start, NULL)
                                                  : NULL;
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  JsonArray *data = json_array_new ();
  JsonObject *meta = json_object_new ();

  if (g_strcmp0 (user_id, X_FAKE_USER_ID) != 0 || (start != NULL && start_time == NULL))
    {
      json_array_unref (data);
      json_object_unref (meta);
      return fake_log_refuse (&fake->log, message, "timeline: user %s, start_time %s",
                              user_id, start);
    }
  for (guint i = fake->tweets->len; i > 0; i--)
    {
      Tweet *tweet = g_ptr_array_index (fake->tweets, i - 1);
      g_autofree char *text = NULL;
      JsonObject *item;

      if (tweet->deleted)
        continue;
      text = as_x_returns (tweet->text);
      item = json_object_new ();
      json_object_set_string_member (item, "id", tweet->id);
      json_object_set_string_member (item, "text", text);
      json_object_set_string_member (item, "created_at", "2026-11-23T01:00:00.000Z");
      json_array_add_object_element (data, item);
    }
  json_object_set_int_member (meta, "result_count", json_array_get_length (data));
  json_object_set_array_member (answer, "data", data);
  json_object_set_object_member (answer, "meta", meta);
  fake_reply (message, 200, json_node_init_object (node, answer));
}

/* With the lock held: GET or DELETE /2/tweets/:id. */
static void
one_tweet (XFake             *fake,
           SoupServerMessage *message,
           const char        *id)
{
  const char *method = soup_server_message_get_method (message);
  Tweet *tweet = find_tweet (fake, id);
  const char *query = g_uri_get_query (soup_server_message_get_uri (message));
  g_autofree char *body = NULL;

  if (tweet == NULL)
    return fake_reply_text (message, 404, "{\"title\": \"Not Found Error\", "
                                          "\"detail\": \"Could not find the post.\"}");
  if (g_str_equal (method, "DELETE"))
    {
      tweet->deleted = TRUE;
      return fake_reply_text (message, 200, "{\"data\": {\"deleted\": true}}");
    }
  if (g_strcmp0 (query, "tweet.fields=public_metrics") != 0)
    return fake_log_refuse (&fake->log, message, "tweets/:id: query %s", query);
  body = g_strdup_printf ("{\"data\": {\"id\": \"%s\", \"text\": \"…\", "
                          "\"public_metrics\": {\"retweet_count\": 4, \"reply_count\": 1, "
                          "\"like_count\": 9, \"quote_count\": 0, \"bookmark_count\": 2, "
                          "\"impression_count\": 321}}}", id);
  fake_reply_text (message, 200, body);
}

static void
on_request (SoupServerMessage *message,
            const char        *path,
            gpointer           user_data)
{
  XFake *fake = user_data;
  const char *method = soup_server_message_get_method (message);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  guint n = g_strv_length (parts);

  if (g_str_equal (path, "/i/oauth2/authorize"))
    return x_fake_authorize (fake, message);
  if (g_str_equal (path, "/2/oauth2/token") && g_str_equal (method, "POST"))
    return x_fake_token (fake, message);
  if (fake->access == NULL || g_strcmp0 (fake_bearer (message), fake->access) != 0)
    return fake_reply_text (message, 401, "{\"title\": \"Unauthorized\", \"type\": "
                                          "\"about:blank\", \"status\": 401, "
                                          "\"detail\": \"Unauthorized\"}");
  if (g_str_equal (path, "/2/media/upload") && g_str_equal (method, "POST"))
    upload_media (fake, message);
  else if (g_str_equal (path, "/2/media/metadata") && g_str_equal (method, "POST"))
    media_metadata (fake, message);
  else if (g_str_equal (path, "/2/tweets") && g_str_equal (method, "POST"))
    create_tweet (fake, message);
  else if (g_str_equal (path, "/2/users/me") && g_str_equal (method, "GET"))
    fake_reply_text (message, 200, "{\"data\": {\"id\": \"" X_FAKE_USER_ID "\", "
                                   "\"name\": \"たより市\", \"username\": \"tayori_city\"}}");
  else if (n == 5 && g_str_equal (parts[2], "users") && g_str_equal (parts[4], "tweets") &&
           g_str_equal (method, "GET"))
    timeline (fake, message, parts[3]);
  else if (n == 4 && g_str_equal (parts[2], "tweets") &&
           (g_str_equal (method, "GET") || g_str_equal (method, "DELETE")))
    one_tweet (fake, message, parts[3]);
  else
    fake_log_refuse (&fake->log, message, "unexpected %s %s", method, path);
}

XFake *
x_fake_new (void)
{
  XFake *fake = g_new0 (XFake, 1);

  fake->server = fault_server_new ();
  fake_log_init (&fake->log);
  g_mutex_init (&fake->lock);
  fake->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->media = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->tweets = g_ptr_array_new_with_free_func ((GDestroyNotify) tweet_free);
  fault_server_handle (fake->server, "/2/", on_request, fake);
  fault_server_handle (fake->server, "/i/oauth2/authorize", on_request, fake);
  return fake;
}

void
x_fake_free (XFake *fake)
{
  fault_server_free (fake->server);
  fake_log_clear (&fake->log);
  g_mutex_clear (&fake->lock);
  g_free (fake->access);
  g_free (fake->refresh);
  g_hash_table_unref (fake->codes);
  g_hash_table_unref (fake->media);
  g_ptr_array_unref (fake->tweets);
  g_free (fake);
}

const char *
x_fake_get_url (XFake *fake)
{
  return fault_server_get_url (fake->server);
}

FaultServer *
x_fake_get_server (XFake *fake)
{
  return fake->server;
}

FakeLog *
x_fake_get_log (XFake *fake)
{
  return &fake->log;
}

void
x_fake_tamper_state (XFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  fake->tamper = TRUE;
}

char *
x_fake_issue_tokens (XFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  x_fake_rotate (fake);
  return g_strdup_printf ("{\"access_token\": \"%s\", \"refresh_token\": \"%s\"}",
                          fake->access, fake->refresh);
}

void
x_fake_revoke (XFake    *fake,
               gboolean  refresh_too)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);

  g_clear_pointer (&fake->access, g_free);
  if (refresh_too)
    g_clear_pointer (&fake->refresh, g_free);
}

guint
x_fake_n_tweets (XFake *fake)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  guint n = 0;

  for (guint i = 0; i < fake->tweets->len; i++)
    n += !((Tweet *) g_ptr_array_index (fake->tweets, i))->deleted;
  return n;
}

char *
x_fake_dup_tweet (XFake *fake,
                  guint  index,
                  guint *n_media)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&fake->lock);
  Tweet *tweet;

  g_assert_cmpuint (index, <, fake->tweets->len);
  tweet = g_ptr_array_index (fake->tweets, index);
  *n_media = tweet->n_media;
  return g_strdup (tweet->text);
}
