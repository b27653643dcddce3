/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The X channel against a fake following X's documented v2 endpoints: connecting through the
 * whole OAuth 2.0 PKCE loopback flow (the test plays the browser), posts with images and alt
 * text, refreshing tokens, finding, deleting and counting posts, and injected faults. */
#include "x-fake.h"
#include "tayori-channel-http.h"
#include "tayori-channel-secret.h"

static TayoriHttpClient *client;

typedef struct {
  SoupSession *session;
  gboolean     busy;
  guint        status;
  char        *final_uri;
} Browser;

static void
on_page (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Browser *browser = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                              NULL);

  browser->status = soup_message_get_status (message);
  browser->final_uri = g_uri_to_string (soup_message_get_uri (message));
  browser->busy = FALSE;
}

/* The "browser": opens the authorize page, which redirects to Tayori's loopback. */
static void
open_in_browser (const char *uri,
                 gpointer    user_data)
{
  Browser *browser = user_data;
  g_autoptr(SoupMessage) message = soup_message_new ("GET", uri);

  browser->session = soup_session_new ();
  browser->busy = TRUE;
  soup_session_send_and_read_async (browser->session, message, G_PRIORITY_DEFAULT, NULL,
                                    on_page, browser);
}

static TayoriAccount *
x_account (XFake      *fake,
           const char *name,
           const char *tokens_json)
{
  TayoriAccount *account = fake_account ("x", name, x_fake_get_url (fake), X_FAKE_CLIENT_ID,
                                         tokens_json);
  g_autofree char *authorize = g_strconcat (x_fake_get_url (fake), "/i/oauth2/authorize", NULL);

  tayori_account_set_option (account, "authorize-url", authorize);
  return account;
}

static gboolean
run_connect (TayoriAccount  *account,
             Browser        *browser,
             GError        **error)
{
  gboolean ok = fake_connect (account, NULL, client, open_in_browser, browser, &browser->busy,
                              error);

  g_clear_object (&browser->session);
  return ok;
}

static void
test_connect (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = x_account (fake, "x-connect", NULL);
  g_autofree char *access = NULL;
  g_autofree char *refresh = NULL;
  g_autofree char *user = NULL;
  g_autoptr(GError) error = NULL;
  Browser browser = { 0 };

  g_assert_true (run_connect (account, &browser, &error));
  g_assert_no_error (error);
  /* The browser ended on the loopback page, which thanked it. */
  g_assert_cmpuint (browser.status, ==, 200);
  g_assert_true (g_str_has_prefix (browser.final_uri, "http://127.0.0.1:"));
  g_assert_nonnull (strstr (browser.final_uri, "/callback?"));
  /* One exchange, whose code_verifier matched the S256 challenge (the fake checks). */
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/oauth2/token"),
                    ==, 1);
  fake_log_assert_clean (x_fake_get_log (fake));
  access = fake_stored_token (account, "access_token");
  refresh = fake_stored_token (account, "refresh_token");
  user = fake_stored_token (account, "user_id");
  g_assert_true (g_str_has_prefix (access, "x-access-"));
  g_assert_true (g_str_has_prefix (refresh, "x-refresh-"));
  g_assert_cmpstr (user, ==, X_FAKE_USER_ID);
  g_free (browser.final_uri);
}

static void
test_connect_wrong_state (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = x_account (fake, "x-forged", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) tokens = NULL;
  Browser browser = { 0 };

  x_fake_tamper_state (fake);
  g_assert_false (run_connect (account, &browser, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  g_assert_cmpuint (browser.status, ==, 400);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/oauth2/token"),
                    ==, 0);
  tokens = tayori_channel_secret_load (account, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
  g_free (browser.final_uri);
}

/* A channel for an account whose tokens the fake has just issued. */
static TayoriChannel *
connected_channel (XFake          *fake,
                   const char     *name,
                   TayoriAccount **account_out)
{
  g_autofree char *tokens = x_fake_issue_tokens (fake);
  TayoriAccount *account = x_account (fake, name, tokens);
  g_autoptr(GError) error = NULL;
  TayoriChannel *channel;

  channel = tayori_channel_new_for_account (account, client, &error);
  g_assert_no_error (error);
  *account_out = account;
  return channel;
}

static void
test_post_images (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "x-post", &account);
  g_autoptr(TayoriChannelPost) post = fake_post (
    "11月30日(日)に総合防災訓練を行います🚒 詳しくは https://www.city.tayori.jp/bosai/ #防災", 2);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_media = 0;

  g_assert_cmpint (tayori_channel_get_network (channel), ==, TAYORI_POST_NETWORK_X);
  g_assert_cmpuint (tayori_channel_get_max_images (channel), ==, 4);
  g_assert_true (tayori_channel_check_ready (channel, post, NULL, &error));
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "1860000000000000001");
  g_assert_cmpstr (receipt->remote_url, ==, "https://x.com/i/web/status/1860000000000000001");
  g_assert_cmpuint (x_fake_n_tweets (fake), ==, 1);
  text = x_fake_dup_tweet (fake, 0, &n_media);
  g_assert_cmpstr (text, ==, post->text);
  g_assert_cmpuint (n_media, ==, 2);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/media/upload"),
                    ==, 2);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/media/metadata"),
                    ==, 2);
  fake_log_assert_clean (x_fake_get_log (fake));
}

static void
test_refresh_on_401 (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "x-refresh", &account);
  g_autoptr(TayoriChannelPost) post = fake_post ("ごみ収集日が変わります", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = fake_stored_token (account, "refresh_token");
  g_autofree char *after = NULL;

  x_fake_revoke (fake, FALSE);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (receipt);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/tweets"), ==, 2);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/oauth2/token"),
                    ==, 1);
  g_assert_cmpuint (x_fake_n_tweets (fake), ==, 1);
  /* X rotates refresh tokens: the new one is stored back. */
  after = fake_stored_token (account, "refresh_token");
  g_assert_cmpstr (before, !=, after);
  fake_log_assert_clean (x_fake_get_log (fake));
}

static void
test_refresh_refused (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "x-revoked", &account);
  g_autoptr(TayoriChannelPost) post = fake_post ("ごみ収集日が変わります", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  x_fake_revoke (fake, TRUE);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
  g_assert_null (receipt);
  g_assert_cmpuint (x_fake_n_tweets (fake), ==, 0);
  /* Refreshed once, not in a loop. */
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/oauth2/token"),
                    ==, 1);
}

static void
test_expired_refreshed_first (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autofree char *issued = x_fake_issue_tokens (fake);
  g_autofree char *tokens = NULL;
  g_autoptr(TayoriChannel) channel = NULL;
  g_autoptr(TayoriChannelPost) post = fake_post ("図書館の臨時休館のお知らせ", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  /* The stored access token expired an hour ago: it is refreshed before the post. */
  tokens = g_strdup_printf ("%.*s, \"expires_at\": %" G_GINT64_FORMAT "}",
                            (int) strlen (issued) - 1, issued,
                            g_get_real_time () / G_USEC_PER_SEC - 3600);
  account = x_account (fake, "x-expired", tokens);
  x_fake_revoke (fake, FALSE);
  channel = tayori_channel_new_for_account (account, client, &error);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/tweets"), ==, 1);
  g_assert_cmpuint (fault_server_count (x_fake_get_server (fake), "POST", "/2/oauth2/token"),
                    ==, 1);
}

static void
test_find_delete_metrics (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "x-find", &account);
  const TayoriChannelMetrics expected = { 9, 4, 1, 321 };

  /* X gives the text back with t.co links and HTML entities: still recognised. */
  fake_check_round_trip (channel, "防災マップ <最新版> & 避難所一覧 "
                                  "https://www.city.tayori.jp/map?a=1&b=2 をご確認ください",
                         &expected);
  g_assert_cmpuint (x_fake_n_tweets (fake), ==, 0);
  fake_log_assert_clean (x_fake_get_log (fake));
}

static void
test_content_refused (void)
{
  g_autoptr(XFake) fake = x_fake_new ();
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriChannel) channel = connected_channel (fake, "x-content", &account);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(TayoriChannelPost) too_long = NULL;
  g_autoptr(TayoriChannelPost) no_alt = fake_post ("写真つきのお知らせ", 1);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelImage *image = g_ptr_array_index (no_alt->images, 0);

  /* 141 kanji weigh 282 > 280. */
  for (guint i = 0; i < 141; i++)
    g_string_append (long_text, "市");
  too_long = fake_post (long_text->str, 0);
  receipt = tayori_channel_post (channel, too_long, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_clear_error (&error);

  g_free (image->alt);
  image->alt = g_strdup ("  ");
  receipt = tayori_channel_post (channel, no_alt, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_assert_null (receipt);
  g_assert_cmpuint (fault_server_total (x_fake_get_server (fake)), ==, 0);
}

/* Faults: a scripted server, tokens and user id already stored. */
static TayoriChannel *
scripted_channel (FaultServer *server,
                  const char  *name)
{
  g_autoptr(TayoriAccount) account = fake_account (
    "x", name, fault_server_get_url (server), X_FAKE_CLIENT_ID,
    "{\"access_token\": \"a\", \"refresh_token\": \"r\", "
    "\"user_id\": \"" X_FAKE_USER_ID "\", \"username\": \"tayori\"}");
  g_autoptr(GError) error = NULL;
  TayoriChannel *channel;

  channel = tayori_channel_new_for_account (account, client, &error);
  g_assert_no_error (error);
  return channel;
}

#define TIMELINE "/2/users/" X_FAKE_USER_ID "/tweets"

static void
test_fault_dropped_then_found (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriChannel) channel = scripted_channel (server, "x-drop");
  g_autoptr(TayoriChannelPost) post = fake_post (
    "断水のお知らせ https://www.city.tayori.jp/suido/ 復旧は18時の見込みです", 0);
  g_autoptr(GDateTime) since = g_date_time_new_now_utc ();
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse drop = { FAULT_DROP };

  fault_server_script (server, "POST", "/2/tweets", &drop);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_clear_error (&error);

  /* X did post it: reconciling finds it, so nothing is sent again. */
  fault_server_reply (server, "GET", TIMELINE, 200,
                      "{\"data\": [{\"id\": \"1860000000000000077\", \"text\": "
                      "\"断水のお知らせ https://t.co/AbC123 復旧は18時の見込みです\"}], "
                      "\"meta\": {\"result_count\": 1}}");
  receipt = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "1860000000000000077");
  g_assert_cmpuint (fault_server_count (server, "POST", "/2/tweets"), ==, 1);
}

static void
check_retry_later (FaultServer         *server,
                   const char          *name,
                   const FaultResponse *response,
                   guint                retry_after)
{
  g_autoptr(TayoriChannel) channel = scripted_channel (server, name);
  g_autoptr(TayoriChannelPost) post = fake_post ("休校のお知らせ", 0);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  fault_server_script (server, "POST", "/2/tweets", response);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==, retry_after);
  g_assert_null (receipt);
}

static void
test_fault_5xx_429 (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  FaultResponse unavailable = { FAULT_REPLY, 503, "{\"title\": \"Service Unavailable\"}" };
  FaultResponse limited = { FAULT_REPLY, 429, "{\"title\": \"Too Many Requests\"}",
                            { "Retry-After: 17", NULL } };

  check_retry_later (server, "x-503", &unavailable, 0);
  check_retry_later (server, "x-429", &limited, 17);
  g_assert_cmpuint (fault_server_count (server, "POST", "/2/tweets"), ==, 2);
}

static void
test_fault_timeout (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriChannel) channel = scripted_channel (server, "x-timeout");
  g_autoptr(TayoriChannelPost) post = fake_post ("交通規制のお知らせ", 0);
  g_autoptr(GDateTime) since = g_date_time_new_now_utc ();
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse slow = { FAULT_REPLY, 201, "{\"data\": {\"id\": \"1\", \"text\": \"\"}}",
                         { NULL }, 3000 };

  tayori_channel_http_set_timeout (1);
  fault_server_script (server, "POST", "/2/tweets", &slow);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_clear_error (&error);
  tayori_channel_http_set_timeout (0);

  /* Not on the timeline: the queue may send it again. */
  fault_server_reply (server, "GET", TIMELINE, 200, "{\"meta\": {\"result_count\": 0}}");
  receipt = tayori_channel_find_post (channel, post, since, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (receipt);
}

static void
test_fault_upload_dropped (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriChannel) channel = scripted_channel (server, "x-upload");
  g_autoptr(TayoriChannelPost) post = fake_post ("写真つきのお知らせ", 1);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse drop = { FAULT_DROP };

  /* An image lost on the way posted nothing: safe to retry, no reconciling needed. */
  fault_server_script (server, "POST", "/2/media/upload", &drop);
  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpuint (fault_server_count (server, "POST", "/2/tweets"), ==, 0);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  client = tayori_http_client_new ();
  g_test_add_func ("/tayori/channels/x/connect", test_connect);
  g_test_add_func ("/tayori/channels/x/connect-wrong-state", test_connect_wrong_state);
  g_test_add_func ("/tayori/channels/x/post-images", test_post_images);
  g_test_add_func ("/tayori/channels/x/refresh-on-401", test_refresh_on_401);
  g_test_add_func ("/tayori/channels/x/refresh-refused", test_refresh_refused);
  g_test_add_func ("/tayori/channels/x/expired-refreshed-first", test_expired_refreshed_first);
  g_test_add_func ("/tayori/channels/x/find-delete-metrics", test_find_delete_metrics);
  g_test_add_func ("/tayori/channels/x/content-refused", test_content_refused);
  g_test_add_func ("/tayori/channels/x/fault/dropped-then-found", test_fault_dropped_then_found);
  g_test_add_func ("/tayori/channels/x/fault/5xx-429", test_fault_5xx_429);
  g_test_add_func ("/tayori/channels/x/fault/timeout", test_fault_timeout);
  g_test_add_func ("/tayori/channels/x/fault/upload-dropped", test_fault_upload_dropped);
  status = g_test_run ();
  g_object_unref (client);
  return status;
}
