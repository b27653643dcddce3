/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plumbing shared by the X and Bluesky fakes and their tests. */
#include "fake-util.h"
#include "channels-test-util.h"
#include "tayori-channel-http.h"
#include "tayori-channel-secret.h"

void
fake_log_init (FakeLog *log)
{
  g_mutex_init (&log->lock);
  log->problems = g_ptr_array_new_with_free_func (g_free);
}

void
fake_log_clear (FakeLog *log)
{
  g_clear_pointer (&log->problems, g_ptr_array_unref);
  g_mutex_clear (&log->lock);
}

void
fake_log_refuse (FakeLog           *log,
                 SoupServerMessage *message,
                 const char        *format,
                 ...)
{
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = json_node_alloc ();
  va_list args;
  char *problem;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  json_object_set_string_member (body, "error", "InvalidRequest");
  json_object_set_string_member (body, "message", problem);
  fake_reply (message, 400, json_node_init_object (node, body));
  g_mutex_lock (&log->lock);
  g_ptr_array_add (log->problems, problem);
  g_mutex_unlock (&log->lock);
}

void
fake_log_assert_clean (FakeLog *log)
{
  g_autoptr(GString) all = g_string_new (NULL);

  g_mutex_lock (&log->lock);
  for (guint i = 0; i < log->problems->len; i++)
    g_string_append_printf (all, "%s\n", (char *) g_ptr_array_index (log->problems, i));
  g_mutex_unlock (&log->lock);
  g_assert_cmpstr (all->str, ==, "");
}

JsonNode *
fake_request_json (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}

const char *
fake_bearer (SoupServerMessage *message)
{
  const char *value = soup_message_headers_get_one (
    soup_server_message_get_request_headers (message), "Authorization");

  return value != NULL && g_str_has_prefix (value, "Bearer ") ? value + strlen ("Bearer ") : NULL;
}

void
fake_reply (SoupServerMessage *message,
            guint              status,
            JsonNode          *body)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, body);
  text = json_generator_to_data (generator, &length);
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, text, length);
}

void
fake_reply_text (SoupServerMessage *message,
                 guint              status,
                 const char        *json)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, json,
                                    strlen (json));
}

TayoriAccount *
fake_account (const char *type,
              const char *name,
              const char *url,
              const char *user,
              const char *tokens_json)
{
  TayoriAccount *account = tokens_json != NULL
                           ? test_channel_account (name, type, url, tokens_json)
                           : tayori_account_new (TAYORI_ACCOUNT_CHANNEL, name, type, url, "");

  g_free (account->user);
  account->user = g_strdup (user);
  return account;
}

char *
fake_stored_token (const TayoriAccount *account,
                   const char          *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) tokens = tayori_channel_secret_load (account, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (tayori_channel_json_string (tokens, name));
}

TayoriChannelPost *
fake_post (const char *text,
           guint       n_images)
{
  TayoriChannelPost *post = test_channel_post (text);

  for (guint i = 0; i < n_images; i++)
    {
      g_autofree char *alt = g_strdup_printf ("防災訓練の写真 %u", i + 1);

      g_ptr_array_add (post->images, test_channel_image (NULL, alt));
    }
  return post;
}

typedef struct {
  gboolean done;
  gboolean ok;
  GError  *error;
} Connect;

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Connect *connect = user_data;

  connect->ok = tayori_channel_connect_finish (result, &connect->error);
  connect->done = TRUE;
}

gboolean
fake_connect (const TayoriAccount *account,
              const char          *secret,
              TayoriHttpClient    *client,
              TayoriOpenUriFunc    open_uri,
              gpointer             open_uri_data,
              const gboolean      *busy,
              GError             **error)
{
  Connect connect = { 0 };

  tayori_channel_connect_async (account, secret, client, open_uri, open_uri_data, NULL,
                                on_connected, &connect);
  while (!connect.done || (busy != NULL && *busy))
    g_main_context_iteration (NULL, TRUE);
  if (connect.error != NULL)
    g_propagate_error (error, connect.error);
  return connect.ok;
}

void
fake_check_round_trip (TayoriChannel              *channel,
                       const char                 *text,
                       const TayoriChannelMetrics *expected)
{
  g_autoptr(TayoriChannelPost) post = fake_post (text, 0);
  g_autoptr(TayoriChannelPost) other = fake_post ("別のお知らせです", 0);
  g_autoptr(GDateTime) since = g_date_time_new_now_utc ();
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(TayoriChannelReceipt) found = NULL;
  g_autoptr(TayoriChannelReceipt) missing = NULL;
  g_autoptr(TayoriChannelReceipt) gone = NULL;
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;

  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  found = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->remote_id, ==, receipt->remote_id);
  missing = tayori_channel_find_post (channel, other, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  metrics = tayori_channel_get_metrics (channel, receipt->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->likes, ==, expected->likes);
  g_assert_cmpint (metrics->reposts, ==, expected->reposts);
  g_assert_cmpint (metrics->replies, ==, expected->replies);
  g_assert_cmpint (metrics->views, ==, expected->views);

  g_assert_true (tayori_channel_delete_post (channel, receipt->remote_id, NULL, &error));
  g_assert_no_error (error);
  gone = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (gone);
}
