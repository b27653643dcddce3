/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Bluesky channel against a fake PDS that validates every request body and record against
 * the AT Protocol lexicons (loaded from ../shared at test time): connecting with an app
 * password, posts with images or a link card, sessions renewed, finding, deleting, counting,
 * and injected faults. */
#include "bluesky-fake.h"
#include "channels-test-util.h"
#include "tayori-channel-http.h"

static TayoriHttpClient *client;
static Lexicons *lexicons;

#define SESSION_JSON \
  "{\"password\": \"" BLUESKY_FAKE_PASSWORD "\", \"accessJwt\": \"a\", \"refreshJwt\": \"r\", " \
  "\"did\": \"" BLUESKY_FAKE_DID "\", \"handle\": \"" BLUESKY_FAKE_HANDLE "\"}"

static gboolean
run_connect (TayoriAccount  *account,
             const char     *password,
             GError        **error)
{
  return fake_connect (account, password, client, NULL, NULL, NULL, error);
}

/* A channel for an account connected to @fake with the app password. */
static TayoriChannel *
connected_channel (BlueskyFake    *fake,
                   const char     *name,
                   TayoriAccount **account_out)
{
  TayoriAccount *account = fake_account ("bluesky", name, bluesky_fake_get_url (fake),
                                         BLUESKY_FAKE_HANDLE, NULL);
  g_autoptr(GError) error = NULL;
  TayoriChannel *channel;

  g_assert_true (run_connect (account, BLUESKY_FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  channel = tayori_channel_new_for_account (account, client, &error);
  g_assert_no_error (error);
  *account_out = account;
  return channel;
}

static void
test_validator (void)
{
  /* The validator is strict enough to catch what a PDS would refuse. */
  static const char * const bad[] = {
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\"}",
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\", \"createdAt\": \"2026-11-23\"}",
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\", \"createdAt\": \"2026-11-23T01:02:03Z\","
    " \"langs\": [\"日本語\"]}",
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\", \"createdAt\": \"2026-11-23T01:02:03Z\","
    " \"facets\": [{\"index\": {\"byteStart\": \"0\", \"byteEnd\": 1}, \"features\": []}]}",
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\", \"createdAt\": \"2026-11-23T01:02:03Z\","
    " \"embed\": {\"$type\": \"app.bsky.embed.images\", \"images\": [{\"image\": {\"$type\":"
    " \"blob\", \"ref\": {\"$link\": \"bafkrei\"}, \"mimeType\": \"image/png\", \"size\": 3}}]}}",
    "{\"$type\": \"app.bsky.feed.post\", \"text\": \"x\", \"createdAt\": \"2026-11-23T01:02:03Z\","
    " \"embed\": {\"$type\": \"app.bsky.embed.external\", \"external\": {\"uri\": "
    "\"https://example.jp\", \"title\": \"t\"}}}",
    "{\"$type\": \"app.bsky.feed.post\", \"txet\": \"x\", \"text\": \"x\", "
    "\"createdAt\": \"2026-11-23T01:02:03Z\"}",
  };
  const char *good = "{\"$type\": \"app.bsky.feed.post\", \"text\": \"防災\", "
                     "\"createdAt\": \"2026-11-23T01:02:03.456Z\", \"langs\": [\"ja\"]}";
  g_autoptr(JsonNode) record = json_from_string (good, NULL);
  g_autofree char *problem = NULL;

  g_assert_true (lexicons_check_record (lexicons, "app.bsky.feed.post", record, &problem));
  g_assert_null (problem);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], NULL);
      g_autofree char *why = NULL;

      g_assert_nonnull (node);
      g_assert_false (lexicons_check_record (lexicons, "app.bsky.feed.post", node, &why));
      g_assert_nonnull (why);
    }
}

static void
test_connect (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = fake_account ("bluesky", "bsky-connect",
                                                   bluesky_fake_get_url (fake),
                                                   BLUESKY_FAKE_HANDLE, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *did = NULL;
  g_autofree char *password = NULL;
  g_autofree char *access = NULL;

  g_assert_false (run_connect (account, "wrong-pass-word-0000", &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
  g_clear_error (&error);

  g_assert_true (run_connect (account, BLUESKY_FAKE_PASSWORD, &error));
  g_assert_no_error (error);
  did = fake_stored_token (account, "did");
  password = fake_stored_token (account, "password");
  access = fake_stored_token (account, "accessJwt");
  g_assert_cmpstr (did, ==, BLUESKY_FAKE_DID);
  g_assert_cmpstr (password, ==, BLUESKY_FAKE_PASSWORD);
  g_assert_true (g_str_has_prefix (access, "access-jwt-"));
  fake_log_assert_clean (bluesky_fake_get_log (fake));
}

static const char *
record_string (JsonNode   *record,
               const char *member)
{
  return json_object_get_string_member (json_node_get_object (record), member);
}

static void
test_post_images (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "bsky-images", &account);
  g_autoptr(TayoriChannelPost) post = fake_post (
    "総合防災訓練を行いました🚒 https://www.city.tayori.jp/bosai/ #防災 #大阪イベント", 2);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object, *embed;
  JsonArray *images, *facets;
  g_autofree char *rkey_url = NULL;

  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  fake_log_assert_clean (bluesky_fake_get_log (fake));
  g_assert_true (g_str_has_prefix (receipt->remote_id,
                                   "at://" BLUESKY_FAKE_DID "/app.bsky.feed.post/"));
  rkey_url = g_strconcat ("https://bsky.app/profile/" BLUESKY_FAKE_DID "/post/",
                          strrchr (receipt->remote_id, '/') + 1, NULL);
  g_assert_cmpstr (receipt->remote_url, ==, rkey_url);

  g_assert_cmpuint (bluesky_fake_n_records (fake), ==, 1);
  record = bluesky_fake_get_record (fake, 0);
  object = json_node_get_object (record);
  g_assert_cmpstr (record_string (record, "text"), ==, post->text);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "langs"),
                                                  0), ==, "ja");
  embed = json_object_get_object_member (object, "embed");
  g_assert_cmpstr (json_object_get_string_member (embed, "$type"), ==, "app.bsky.embed.images");
  images = json_object_get_array_member (embed, "images");
  g_assert_cmpuint (json_array_get_length (images), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (images, 1),
                                                  "alt"), ==, "防災訓練の写真 2");
  facets = json_object_get_array_member (object, "facets");
  g_assert_cmpuint (json_array_get_length (facets), ==, 3);
  g_assert_cmpuint (fault_server_count (bluesky_fake_get_server (fake), "POST",
                                        "/xrpc/com.atproto.repo.uploadBlob"), ==, 2);
}

static void
test_post_link_card (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "bsky-card", &account);
  g_autoptr(TayoriChannelPost) post = fake_post ("夏祭りのお知らせです", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(JsonNode) record = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *external;

  post->link_url = g_strdup ("https://www.city.tayori.jp/news/natsumatsuri");
  post->link_title = g_strdup ("夏祭りを開催します");
  post->link_description = g_strdup ("8月10日、中央公園で夏祭りを開催します。");
  post->link_thumb = test_channel_image (NULL, "夏祭りのポスター");
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  fake_log_assert_clean (bluesky_fake_get_log (fake));

  record = bluesky_fake_get_record (fake, 0);
  external = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (record), "embed"), "external");
  g_assert_cmpstr (json_object_get_string_member (external, "uri"), ==, post->link_url);
  g_assert_cmpstr (json_object_get_string_member (external, "title"), ==, post->link_title);
  g_assert_true (json_object_has_member (external, "thumb"));
  g_assert_false (json_object_has_member (json_node_get_object (record), "facets"));
}

static void
test_session_renewed (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "bsky-renew", &account);
  g_autoptr(TayoriChannelPost) first = fake_post ("図書館の臨時休館のお知らせ", 0);
  g_autoptr(TayoriChannelPost) second = fake_post ("図書館の開館時間の変更", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultServer *server = bluesky_fake_get_server (fake);

  /* An expired access JWT: refreshSession, then the same call again. */
  bluesky_fake_expire_access (fake);
  receipt = tayori_channel_post (channel, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fault_server_count (server, "POST", "/xrpc/com.atproto.server.refreshSession"),
                    ==, 1);
  g_clear_pointer (&receipt, tayori_channel_receipt_free);

  /* The refresh JWT expired too: a new session from the stored app password. */
  bluesky_fake_expire_refresh (fake);
  receipt = tayori_channel_post (channel, second, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fault_server_count (server, "POST", "/xrpc/com.atproto.server.createSession"),
                    ==, 2);
  g_assert_cmpuint (bluesky_fake_n_records (fake), ==, 2);
  fake_log_assert_clean (bluesky_fake_get_log (fake));
}

static void
test_content_refused (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "bsky-content", &account);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(TayoriChannelPost) too_long = NULL;
  g_autoptr(TayoriChannelPost) too_many = fake_post ("写真", 5);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  guint before = fault_server_total (bluesky_fake_get_server (fake));

  /* 301 graphemes, each a family emoji of several code points. */
  for (guint i = 0; i < 301; i++)
    g_string_append (long_text, i % 2 ? "市" : "👨‍👩‍👧");
  too_long = fake_post (long_text->str, 0);
  receipt = tayori_channel_post (channel, too_long, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_clear_error (&error);
  receipt = tayori_channel_post (channel, too_many, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_assert_null (receipt);
  g_assert_cmpuint (fault_server_total (bluesky_fake_get_server (fake)), ==, before);
}

static void
test_find_delete_metrics (void)
{
  g_autoptr(BlueskyFake) fake = bluesky_fake_new (lexicons);
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "bsky-find", &account);
  const TayoriChannelMetrics expected = { 12, 5, 2, -1 };
  g_autoptr(GError) error = NULL;

  fake_check_round_trip (channel, "避難所を開設しました https://www.city.tayori.jp/hinan",
                         &expected);
  g_assert_cmpuint (bluesky_fake_n_records (fake), ==, 0);
  g_assert_false (tayori_channel_delete_post (channel, "https://bsky.app/x", NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  fake_log_assert_clean (bluesky_fake_get_log (fake));
}

/* Faults: a scripted PDS, the session already stored. */
static TayoriChannel *
scripted_channel (FaultServer *server,
                  const char  *name)
{
  g_autoptr(TayoriAccount) account = fake_account ("bluesky", name, fault_server_get_url (server),
                                                   BLUESKY_FAKE_HANDLE, SESSION_JSON);
  g_autoptr(GError) error = NULL;
  TayoriChannel *channel = tayori_channel_new_for_account (account, client, &error);

  g_assert_no_error (error);
  return channel;
}

#define CREATE_RECORD "/xrpc/com.atproto.repo.createRecord"
#define AUTHOR_FEED   "/xrpc/app.bsky.feed.getAuthorFeed"

static void
test_fault_dropped_then_found (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriChannel) channel = scripted_channel (server, "bsky-drop");
  g_autoptr(TayoriChannelPost) post = fake_post ("断水のお知らせ 復旧は18時の見込みです", 0);
  g_autoptr(GDateTime) since = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *feed = NULL;
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse drop = { FAULT_DROP };

  fault_server_script (server, "POST", CREATE_RECORD, &drop);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_clear_error (&error);

  /* The PDS did create it: reconciling finds it, so nothing is sent again. */
  feed = g_strdup_printf ("{\"feed\": [{\"post\": {\"uri\": \"at://" BLUESKY_FAKE_DID
                          "/app.bsky.feed.post/3kdrop\", \"cid\": \"bafyrei\", \"record\": "
                          "{\"$type\": \"app.bsky.feed.post\", \"text\": \"%s\", "
                          "\"createdAt\": \"%s\"}}}]}", post->text, created);
  fault_server_reply (server, "GET", AUTHOR_FEED, 200, feed);
  receipt = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "at://" BLUESKY_FAKE_DID "/app.bsky.feed.post/3kdrop");
  g_assert_cmpuint (fault_server_count (server, "POST", CREATE_RECORD), ==, 1);
}

static void
test_fault_5xx_429_timeout (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriChannel) channel = scripted_channel (server, "bsky-faults");
  g_autoptr(TayoriChannelPost) post = fake_post ("休校のお知らせ", 0);
  g_autoptr(GDateTime) since = g_date_time_new_now_utc ();
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse unavailable = { FAULT_REPLY, 502, "{\"error\": \"UpstreamFailure\"}" };
  FaultResponse limited = { FAULT_REPLY, 429, "{\"error\": \"RateLimitExceeded\"}",
                            { "Retry-After: 42", NULL } };
  FaultResponse slow = { FAULT_REPLY, 200, "{\"uri\": \"at://x/app.bsky.feed.post/1\"}",
                         { NULL }, 3000 };

  fault_server_script (server, "POST", CREATE_RECORD, &unavailable);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_clear_error (&error);

  fault_server_script (server, "POST", CREATE_RECORD, &limited);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==, 42);
  g_clear_error (&error);

  tayori_channel_http_set_timeout (1);
  fault_server_script (server, "POST", CREATE_RECORD, &slow);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_clear_error (&error);
  tayori_channel_http_set_timeout (0);

  /* Not in the feed: the queue may send it again. */
  fault_server_reply (server, "GET", AUTHOR_FEED, 200, "{\"feed\": []}");
  receipt = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (receipt);
  g_assert_cmpuint (fault_server_count (server, "POST", CREATE_RECORD), ==, 3);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  lexicons = lexicons_load (g_getenv ("TAYORI_TEST_LEXICONS"), &error);
  g_assert_no_error (error);
  client = tayori_http_client_new ();
  g_test_add_func ("/tayori/channels/bluesky/validator", test_validator);
  g_test_add_func ("/tayori/channels/bluesky/connect", test_connect);
  g_test_add_func ("/tayori/channels/bluesky/post-images", test_post_images);
  g_test_add_func ("/tayori/channels/bluesky/post-link-card", test_post_link_card);
  g_test_add_func ("/tayori/channels/bluesky/session-renewed", test_session_renewed);
  g_test_add_func ("/tayori/channels/bluesky/content-refused", test_content_refused);
  g_test_add_func ("/tayori/channels/bluesky/find-delete-metrics", test_find_delete_metrics);
  g_test_add_func ("/tayori/channels/bluesky/fault/dropped-then-found",
                   test_fault_dropped_then_found);
  g_test_add_func ("/tayori/channels/bluesky/fault/5xx-429-timeout", test_fault_5xx_429_timeout);
  status = g_test_run ();
  g_object_unref (client);
  lexicons_free (lexicons);
  return status;
}
