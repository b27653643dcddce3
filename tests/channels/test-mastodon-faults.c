/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Mastodon channel against the fault server: connecting end to end through the loopback
 * redirect (the test plays the browser) with the PKCE verifier checked against the challenge,
 * media processing awaited, Idempotency-Key kept across a resend after a lost answer, native
 * scheduling, error classes, the instance's limit, deleting and metrics. */
#include "channels-test-util.h"
#include "tayori-channel-http.h"
#include "tayori-channel-mastodon.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"

#define STATUS_JSON "{\"id\": \"109\", \"url\": \"https://m.example/@city/109\", " \
                    "\"uri\": \"https://m.example/users/city/statuses/109\"}"

static void
fixture_set_up (ChannelFixture *fixture,
                gconstpointer   data)
{
  channel_fixture_set_up (fixture, "mastodon",
                          "{\"client_id\": \"c\", \"client_secret\": \"s\", "
                          "\"access_token\": \"m-token\"}");
  tayori_channel_mastodon_set_media_timing (5, 500);
}

static char *
status_get (ChannelFixture *fixture,
            guint           index,
            const char     *member)
{
  return channel_fixture_posted (fixture, "/api/v1/statuses", index, member);
}

static void
test_post_with_media (ChannelFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("図書館リニューアル https://city.example/1");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GBytes) upload = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *upload_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *media = NULL;
  g_autofree char *language = NULL;
  g_autofree char *visibility = NULL;
  g_autofree char *scheduled = NULL;

  g_ptr_array_add (post->images, test_channel_image (NULL, "新しい図書館の外観"));
  fault_server_reply (fixture->server, "POST", "/api/v2/media", 202,
                      "{\"id\": \"m1\", \"type\": \"image\", \"url\": null}");
  fault_server_reply (fixture->server, "GET", "/api/v1/media/m1", 206,
                      "{\"id\": \"m1\", \"type\": \"image\", \"url\": null}");
  fault_server_reply (fixture->server, "GET", "/api/v1/media/m1", 200,
                      "{\"id\": \"m1\", \"type\": \"image\", \"url\": \"https://m.example/m1.png\"}");
  fault_server_reply (fixture->server, "POST", "/api/v1/statuses", 200, STATUS_JSON);

  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "109");
  g_assert_cmpstr (receipt->remote_url, ==, "https://m.example/@city/109");
  g_assert_cmpuint (fault_server_count (fixture->server, "GET", "/api/v1/media/m1"), ==, 2);

  upload = fault_server_body (fixture->server, "POST", "/api/v2/media", 0);
  /* The PNG part holds NUL bytes: blank them to search the text around them. */
  upload_text = g_malloc0 (g_bytes_get_size (upload) + 1);
  memcpy (upload_text, g_bytes_get_data (upload, NULL), g_bytes_get_size (upload));
  for (gsize i = 0; i < g_bytes_get_size (upload); i++)
    if (upload_text[i] == '\0')
      upload_text[i] = ' ';
  g_assert_nonnull (strstr (upload_text, "name=\"description\""));
  g_assert_nonnull (strstr (upload_text, "新しい図書館の外観"));
  g_assert_nonnull (strstr (upload_text, "name=\"file\"; filename=\"image.png\""));

  text = status_get (fixture, 0, "status");
  media = status_get (fixture, 0, "media_ids/0");
  language = status_get (fixture, 0, "language");
  visibility = status_get (fixture, 0, "visibility");
  scheduled = status_get (fixture, 0, "scheduled_at");
  g_assert_cmpstr (text, ==, post->text);
  g_assert_cmpstr (media, ==, "m1");
  g_assert_cmpstr (language, ==, "ja");
  g_assert_cmpstr (visibility, ==, "public");
  g_assert_null (scheduled);
  keys = fault_server_header_values (fixture->server, "POST", "/api/v1/statuses",
                                     "Idempotency-Key");
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, post->idempotency_key);
}

static void
test_scheduled (ChannelFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) later = test_channel_post ("明日の催し");
  g_autoptr(TayoriChannelPost) soon = test_channel_post ("まもなく");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(TayoriChannelReceipt) immediate = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) sent_at = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *none = NULL;

  later->scheduled_at = g_date_time_add_hours (now, 2);
  soon->scheduled_at = g_date_time_add_minutes (now, 1);
  fault_server_reply (fixture->server, "POST", "/api/v1/statuses", 200,
                      "{\"id\": \"s7\", \"scheduled_at\": \"2030-01-01T00:00:00.000Z\", "
                      "\"params\": {\"text\": \"x\"}, \"media_attachments\": []}");
  fault_server_reply (fixture->server, "POST", "/api/v1/statuses", 200, STATUS_JSON);

  receipt = tayori_channel_post (fixture->channel, later, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "s7");
  g_assert_null (receipt->remote_url);
  when = status_get (fixture, 0, "scheduled_at");
  sent_at = g_date_time_new_from_iso8601 (when, NULL);
  g_assert_nonnull (sent_at);
  g_assert_cmpint (g_date_time_compare (sent_at, later->scheduled_at), ==, 0);

  /* Less than 5 minutes ahead, which Mastodon refuses: sent as a normal post. */
  immediate = tayori_channel_post (fixture->channel, soon, NULL, &error);
  g_assert_no_error (error);
  none = status_get (fixture, 1, "scheduled_at");
  g_assert_null (none);
}

/* The answer to the status is lost; the resend carries the same Idempotency-Key, so the
 * instance returns the status it already made instead of a second one. */
static void
test_idempotent_resend (ChannelFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("断水のお知らせ");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  FaultResponse status = { .status = 200, .body = STATUS_JSON };

  receipt = channel_fixture_resend_after_drop (fixture, post, "/api/v1/statuses", &status,
                                               "Idempotency-Key");
  g_assert_cmpstr (receipt->remote_id, ==, "109");
}

/* Nothing is visible before the status itself: a lost upload answer is safe to retry. */
static void
test_media_faults (ChannelFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("写真つき");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(TayoriChannelReceipt) stuck = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse drop = { .action = FAULT_DROP };
  FaultResponse processing = { .status = 206, .body = "{\"id\": \"m2\", \"type\": \"image\"}" };

  g_ptr_array_add (post->images, test_channel_image (NULL, "写真"));
  fault_server_script (fixture->server, "POST", "/api/v2/media", &drop);
  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_clear_error (&error);

  /* Still processing when Tayori stops waiting. */
  fault_server_reply (fixture->server, "POST", "/api/v2/media", 202,
                      "{\"id\": \"m2\", \"type\": \"image\"}");
  fault_server_set_default (fixture->server, "GET", "/api/v1/media/m2", &processing);
  stuck = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpuint (fault_server_count (fixture->server, "POST", "/api/v1/statuses"), ==, 0);
}

static void
test_error_classes (ChannelFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("お知らせ");
  FaultResponse limited = { .status = 429, .body = "{\"error\": \"Too many requests\"}",
                            .headers = { "Retry-After: 5" } };
  FaultResponse unavailable = { .status = 503, .body = "{\"error\": \"Unavailable\"}" };
  FaultResponse invalid = { .status = 422, .body = "{\"error\": \"Validation failed: Text is too long\"}" };
  FaultResponse revoked = { .status = 401, .body = "{\"error\": \"The access token is invalid\"}" };
  FaultResponse slow = { .status = 200, .body = STATUS_JSON, .delay_ms = 3000 };
  const FaultResponse *responses[] = { &limited, &unavailable, &invalid, &revoked, &slow };
  static const ChannelExpectedError expected[] = {
    { TAYORI_CHANNEL_ERROR_RETRY_LATER, 5, "Too many requests" },
    { TAYORI_CHANNEL_ERROR_RETRY_LATER, 0, "Unavailable" },
    { TAYORI_CHANNEL_ERROR_CONTENT, 0, "Text is too long" },
    { TAYORI_CHANNEL_ERROR_AUTH, 0, "access token is invalid" },
    { TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME, 0, NULL },
  };

  channel_fixture_assert_errors (fixture, post, "/api/v1/statuses", responses, expected,
                                 G_N_ELEMENTS (expected));
}

static void
test_char_limit (ChannelFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(TayoriChannel) unreachable = NULL;
  g_autoptr(TayoriAccount) elsewhere = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse failing = { .status = 500, .body = "{\"error\": \"down\"}" };

  fault_server_reply (fixture->server, "GET", "/api/v2/instance", 200,
                      "{\"domain\": \"m.example\", \"configuration\": {\"statuses\": "
                      "{\"max_characters\": 1000, \"characters_reserved_per_url\": 23}}}");
  g_assert_cmpuint (tayori_channel_get_char_limit (fixture->channel, NULL, &error), ==, 1000);
  g_assert_no_error (error);
  /* Read once, then cached. */
  g_assert_cmpuint (tayori_channel_get_char_limit (fixture->channel, NULL, &error), ==, 1000);
  g_assert_cmpuint (fault_server_count (fixture->server, "GET", "/api/v2/instance"), ==, 1);

  elsewhere = tayori_account_copy (fixture->account);
  unreachable = tayori_channel_mastodon_new (elsewhere, fixture->client);
  fault_server_script (fixture->server, "GET", "/api/v2/instance", &failing);
  g_assert_cmpuint (tayori_channel_get_char_limit (unreachable, NULL, &error), ==, 500);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
}

static void
test_delete_and_metrics (ChannelFixture *fixture,
                         gconstpointer   data)
{
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelFlags flags = tayori_channel_get_flags (fixture->channel);

  g_assert_true (flags & TAYORI_CHANNEL_CAN_SCHEDULE);
  g_assert_true (flags & TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY);
  g_assert_true (flags & TAYORI_CHANNEL_CAN_DELETE);
  g_assert_cmpint (tayori_channel_get_network (fixture->channel), ==, TAYORI_POST_NETWORK_MASTODON);

  fault_server_reply (fixture->server, "DELETE", "/api/v1/statuses/109", 200, STATUS_JSON);
  fault_server_reply (fixture->server, "DELETE", "/api/v1/statuses/109", 404,
                      "{\"error\": \"Record not found\"}");
  fault_server_reply (fixture->server, "DELETE", "/api/v1/statuses/109", 403,
                      "{\"error\": \"This action is not allowed\"}");
  g_assert_true (tayori_channel_delete_post (fixture->channel, "109", NULL, &error));
  g_assert_no_error (error);
  /* Already gone is what was asked. */
  g_assert_true (tayori_channel_delete_post (fixture->channel, "109", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tayori_channel_delete_post (fixture->channel, "109", NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_FORBIDDEN);
  g_clear_error (&error);

  fault_server_reply (fixture->server, "GET", "/api/v1/statuses/109", 200,
                      "{\"id\": \"109\", \"favourites_count\": 12, \"reblogs_count\": 3, "
                      "\"replies_count\": 1}");
  metrics = tayori_channel_get_metrics (fixture->channel, "109", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->likes, ==, 12);
  g_assert_cmpint (metrics->reposts, ==, 3);
  g_assert_cmpint (metrics->replies, ==, 1);
  g_assert_cmpint (metrics->views, ==, -1);
}

/* The instance's authorize page: remembers what it was asked and sends the browser back to
 * the redirect with a code and the state, as a real instance does once the user allows. */
typedef struct {
  GMutex      lock;
  GHashTable *query;
} Authorize;

static void
on_authorize (SoupServerMessage *message,
              const char        *path,
              gpointer           user_data)
{
  Authorize *authorize = user_data;
  const char *text = g_uri_get_query (soup_server_message_get_uri (message));
  GHashTable *query = g_uri_parse_params (text, -1, "&", G_URI_PARAMS_NONE, NULL);
  g_autofree char *location = NULL;

  location = g_strdup_printf ("%s?code=the-code&state=%s",
                              (char *) g_hash_table_lookup (query, "redirect_uri"),
                              (char *) g_hash_table_lookup (query, "state"));
  g_mutex_lock (&authorize->lock);
  authorize->query = query;
  g_mutex_unlock (&authorize->lock);
  soup_server_message_set_redirect (message, 302, location);
}

typedef struct {
  TayoriHttpClient *client;
  char             *opened;
  gboolean          browsed;
} Browser;

static void
on_browsed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Browser *browser = user_data;
  g_autoptr(TayoriHttpResponse) response = NULL;

  response = tayori_http_client_send_finish (TAYORI_HTTP_CLIENT (source), result, NULL);
  g_assert_nonnull (response);
  g_assert_cmpuint (response->status, ==, 200);
  browser->browsed = TRUE;
}

/* The browser: follows the authorize page's redirect to Tayori's loopback. */
static void
open_uri (const char *uri,
          gpointer    user_data)
{
  Browser *browser = user_data;
  TayoriHttpRequest request = { .method = "GET", .url = uri, .max_redirects = 2 };

  browser->opened = g_strdup (uri);
  tayori_http_client_send_async (browser->client, &request, NULL, on_browsed, browser);
}

static char *
s256 (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  char *encoded;
  char *padding;

  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &length);
  encoded = g_base64_encode (digest, length);
  g_strdelimit (encoded, "+", '-');
  g_strdelimit (encoded, "/", '_');
  padding = strchr (encoded, '=');
  if (padding != NULL)
    *padding = '\0';
  return encoded;
}

static void
test_connect (ChannelFixture *fixture,
              gconstpointer   data)
{
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "ward-mastodon",
                                                         "mastodon",
                                                         fault_server_get_url (fixture->server),
                                                         "");
  Authorize authorize = { 0 };
  Browser browser = { fixture->client, NULL, FALSE };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) app = NULL;
  g_autoptr(JsonNode) token = NULL;
  g_autoptr(JsonObject) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *scopes = NULL;
  g_autofree char *verifier = NULL;
  g_autofree char *challenge = NULL;
  static const char * const token_members[][2] = {
    { "grant_type", "authorization_code" }, { "code", "the-code" }, { "client_id", "cid" },
    { "client_secret", "csecret" },
  };

  g_mutex_init (&authorize.lock);
  fault_server_reply (fixture->server, "POST", "/api/v1/apps", 200,
                      "{\"id\": \"1\", \"name\": \"Tayori\", \"client_id\": \"cid\", "
                      "\"client_secret\": \"csecret\"}");
  fault_server_handle (fixture->server, "/oauth/authorize", on_authorize, &authorize);
  fault_server_reply (fixture->server, "POST", "/oauth/token", 200,
                      "{\"access_token\": \"new-token\", \"token_type\": \"Bearer\", "
                      "\"scope\": \"read write\", \"created_at\": 1700000000}");

  tayori_channel_mastodon_connect (account, NULL, fixture->client, open_uri, &browser, NULL,
                                   test_store_result, &result);
  while (result == NULL || !browser.browsed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);

  /* The app was registered for the loopback redirect, and the browser sent there with PKCE. */
  app = test_request_json (fixture->server, "POST", "/api/v1/apps", 0);
  redirect = ai_test_json_get (app, "redirect_uris/0");
  scopes = ai_test_json_get (app, "scopes");
  g_assert_true (g_str_has_prefix (redirect, "http://127.0.0.1:"));
  g_assert_cmpstr (scopes, ==, "read write");
  g_assert_true (g_str_has_prefix (browser.opened, fault_server_get_url (fixture->server)));
  g_assert_cmpstr (g_hash_table_lookup (authorize.query, "response_type"), ==, "code");
  g_assert_cmpstr (g_hash_table_lookup (authorize.query, "client_id"), ==, "cid");
  g_assert_cmpstr (g_hash_table_lookup (authorize.query, "redirect_uri"), ==, redirect);
  g_assert_cmpstr (g_hash_table_lookup (authorize.query, "scope"), ==, "read write");
  g_assert_cmpstr (g_hash_table_lookup (authorize.query, "code_challenge_method"), ==, "S256");

  /* The token exchange proves possession of the verifier behind the challenge. */
  token = test_request_json (fixture->server, "POST", "/oauth/token", 0);
  for (guint i = 0; i < G_N_ELEMENTS (token_members); i++)
    {
      g_autofree char *value = ai_test_json_get (token, token_members[i][0]);

      g_assert_cmpstr (value, ==, token_members[i][1]);
    }
  verifier = ai_test_json_get (token, "code_verifier");
  g_assert_nonnull (verifier);
  challenge = s256 (verifier);
  g_assert_cmpstr (challenge, ==, g_hash_table_lookup (authorize.query, "code_challenge"));
  g_free (redirect);
  redirect = ai_test_json_get (token, "redirect_uri");
  g_assert_cmpstr (redirect, ==, g_hash_table_lookup (authorize.query, "redirect_uri"));

  stored = tayori_channel_secret_load (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_channel_secret_get (stored, "access_token"), ==, "new-token");
  g_assert_cmpstr (tayori_channel_secret_get (stored, "client_id"), ==, "cid");
  g_assert_cmpstr (tayori_channel_secret_get (stored, "client_secret"), ==, "csecret");

  g_hash_table_unref (authorize.query);
  g_mutex_clear (&authorize.lock);
  g_free (browser.opened);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/tayori/channels/mastodon/" path, ChannelFixture, NULL, fixture_set_up, func, \
              channel_fixture_tear_down)
  ADD ("post-with-media", test_post_with_media);
  ADD ("scheduled", test_scheduled);
  ADD ("idempotent-resend", test_idempotent_resend);
  ADD ("media-faults", test_media_faults);
  ADD ("error-classes", test_error_classes);
  ADD ("char-limit", test_char_limit);
  ADD ("delete-and-metrics", test_delete_and_metrics);
  ADD ("connect", test_connect);
#undef ADD
  return g_test_run ();
}
