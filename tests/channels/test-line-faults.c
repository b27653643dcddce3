/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The LINE channel against the fault server: message bodies (footer, images by URL, the Flex
 * card, narrowcast recipients), the retry key making a resend after a lost answer safe, error
 * classes with Retry-After, the quota check, following narrowcast progress, and connecting. */
#include "channels-test-util.h"
#include "tayori-channel-http.h"
#include "tayori-channel-line.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"

#define FOOTER "（大阪市中央区 公式）"

static void
fixture_set_up (ChannelFixture *fixture,
                gconstpointer   data)
{
  channel_fixture_set_up (fixture, "line", "{\"access_token\": \"line-token\"}");
  tayori_account_set_option (fixture->account, "footer", FOOTER);
  channel_fixture_renew (fixture);
  tayori_channel_line_set_follow_timing (5, 200);
}

static void
test_broadcast (ChannelFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("防災訓練のお知らせ");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) auth = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse ok = { .status = 200, .body = "{}", .headers = { "X-Line-Request-Id: req-1" } };
  g_autofree char *text = NULL;
  g_autofree char *image = NULL;
  g_autofree char *third = NULL;

  g_ptr_array_add (post->images, test_channel_image ("https://city.example/a.png", "訓練"));
  g_ptr_array_add (post->images, test_channel_image (NULL, "URLなし"));
  fault_server_script (fixture->server, "POST", "/v2/bot/message/broadcast", &ok);

  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "req-1");
  g_assert_null (receipt->remote_url);

  text = channel_fixture_posted (fixture, "/v2/bot/message/broadcast", 0, "messages/0/text");
  g_assert_cmpstr (text, ==, "防災訓練のお知らせ\n" FOOTER);
  image = channel_fixture_posted (fixture, "/v2/bot/message/broadcast", 0, "messages/1/originalContentUrl");
  g_assert_cmpstr (image, ==, "https://city.example/a.png");
  /* The image without a public address is skipped: LINE fetches images itself. */
  third = channel_fixture_posted (fixture, "/v2/bot/message/broadcast", 0, "messages/2");
  g_assert_null (third);

  keys = fault_server_header_values (fixture->server, "POST", "/v2/bot/message/broadcast",
                                     "X-Line-Retry-Key");
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, post->idempotency_key);
  auth = fault_server_header_values (fixture->server, "POST", "/v2/bot/message/broadcast",
                                     "Authorization");
  g_assert_cmpstr (g_ptr_array_index (auth, 0), ==, "Bearer line-token");
}

static void
test_footer_once (ChannelFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("お知らせ\n" FOOTER);
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fault_server_reply (fixture->server, "POST", "/v2/bot/message/broadcast", 200, "{}");
  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  /* Without a request id header, the retry key identifies the send. */
  g_assert_cmpstr (receipt->remote_id, ==, post->idempotency_key);
  text = channel_fixture_posted (fixture, "/v2/bot/message/broadcast", 0, "messages/0/text");
  g_assert_cmpstr (text, ==, "お知らせ\n" FOOTER);
}

static void
test_card (ChannelFixture *fixture,
           gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("図書館が新しくなります");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *member;
    const char *value;
  } expected[] = {
    { "messages/1/type", "flex" },
    { "messages/1/altText", "中央図書館リニューアル" },
    { "messages/1/contents/type", "bubble" },
    { "messages/1/contents/hero/url", "https://city.example/thumb.jpg" },
    { "messages/1/contents/body/contents/0/text", "中央図書館リニューアル" },
    { "messages/1/contents/body/contents/1/text", "4月から開館時間が延びます。" },
    { "messages/1/contents/footer/contents/0/type", "button" },
    { "messages/1/contents/footer/contents/0/action/label", "詳しく見る" },
    { "messages/1/contents/footer/contents/0/action/uri", "https://city.example/news/1" },
  };

  post->card = TRUE;
  post->link_url = g_strdup ("https://city.example/news/1");
  post->link_title = g_strdup ("中央図書館リニューアル");
  post->link_description = g_strdup ("4月から開館時間が延びます。");
  post->link_thumb = test_channel_image ("https://city.example/thumb.jpg", "図書館");
  g_ptr_array_add (post->images, test_channel_image ("https://city.example/a.png", "x"));
  fault_server_reply (fixture->server, "POST", "/v2/bot/message/broadcast", 200, "{}");

  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = channel_fixture_posted (fixture, "/v2/bot/message/broadcast", 0,
                                         expected[i].member);

      g_assert_cmpstr (value, ==, expected[i].value);
    }
}

static void
test_narrowcast (ChannelFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("子育て世帯の皆さまへ");
  g_autoptr(TayoriChannelPost) one = test_channel_post ("高齢者の皆さまへ");
  g_autoptr(TayoriChannelPost) bad = test_channel_post ("x");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(TayoriChannelReceipt) single = NULL;
  g_autoptr(TayoriChannelReceipt) refused = NULL;
  g_autoptr(GError) error = NULL;
  FaultResponse accepted = { .status = 202, .body = "{}",
                             .headers = { "X-Line-Request-Id: req-n" } };
  g_autofree char *type = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *single_type = NULL;
  g_autofree char *single_id = NULL;

  g_strfreev (post->audience_groups);
  post->audience_groups = g_strsplit ("111,222", ",", -1);
  g_strfreev (one->audience_groups);
  one->audience_groups = g_strsplit ("333", ",", -1);
  g_strfreev (bad->audience_groups);
  bad->audience_groups = g_strsplit ("子育て", ",", -1);
  fault_server_script (fixture->server, "POST", "/v2/bot/message/narrowcast", &accepted);
  fault_server_script (fixture->server, "POST", "/v2/bot/message/narrowcast", &accepted);

  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "req-n");
  type = channel_fixture_posted (fixture, "/v2/bot/message/narrowcast", 0, "recipient/type");
  first = channel_fixture_posted (fixture, "/v2/bot/message/narrowcast", 0, "recipient/or/0/audienceGroupId");
  second = channel_fixture_posted (fixture, "/v2/bot/message/narrowcast", 0, "recipient/or/1/audienceGroupId");
  g_assert_cmpstr (type, ==, "operator");
  g_assert_cmpstr (first, ==, "111");
  g_assert_cmpstr (second, ==, "222");

  single = tayori_channel_post (fixture->channel, one, NULL, &error);
  g_assert_no_error (error);
  single_type = channel_fixture_posted (fixture, "/v2/bot/message/narrowcast", 1, "recipient/type");
  single_id = channel_fixture_posted (fixture, "/v2/bot/message/narrowcast", 1, "recipient/audienceGroupId");
  g_assert_cmpstr (single_type, ==, "audience");
  g_assert_cmpstr (single_id, ==, "333");

  /* An unmapped audience name is a content problem, found before anything is sent. */
  refused = tayori_channel_post (fixture->channel, bad, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_assert_cmpuint (fault_server_count (fixture->server, "POST", "/v2/bot/message/narrowcast"),
                    ==, 2);
}

static void
test_push (ChannelFixture *fixture,
           gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("試験配信");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to = NULL;

  tayori_account_set_option (fixture->account, "push-to", "Cstaffgroup");
  channel_fixture_renew (fixture);
  fault_server_reply (fixture->server, "POST", "/v2/bot/message/push", 200, "{\"sentMessages\": []}");
  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  to = channel_fixture_posted (fixture, "/v2/bot/message/push", 0, "to");
  g_assert_cmpstr (to, ==, "Cstaffgroup");
  g_assert_cmpuint (fault_server_count (fixture->server, "POST", "/v2/bot/message/broadcast"),
                    ==, 0);
}

/* The answer is lost after LINE took the request; the resend with the same key is recognised
 * by LINE (409 + the accepted request id) and counts as success: one delivery, no duplicate. */
static void
test_retry_key_dedupes (ChannelFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("断水のお知らせ");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  FaultResponse conflict = {
    .status = 409,
    .body = "{\"message\": \"The retry key is already accepted\"}",
    .headers = { "X-Line-Accepted-Request-Id: req-first" },
  };

  receipt = channel_fixture_resend_after_drop (fixture, post, "/v2/bot/message/broadcast",
                                               &conflict, "X-Line-Retry-Key");
  g_assert_cmpstr (receipt->remote_id, ==, "req-first");
}

static void
test_error_classes (ChannelFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("お知らせ");
  FaultResponse limited = { .status = 429, .body = "{\"message\": \"Too many requests\"}",
                            .headers = { "Retry-After: 12" } };
  FaultResponse failing = { .status = 500, .body = "{\"message\": \"Internal error\"}" };
  FaultResponse revoked = { .status = 401, .body = "{\"message\": \"Authentication failed\"}" };
  /* A 409 without the accepted request id is not a recognised retry. */
  FaultResponse conflict = { .status = 409, .body = "{\"message\": \"Conflict\"}" };
  FaultResponse slow = { .status = 200, .body = "{}", .delay_ms = 3000 };
  const FaultResponse *responses[] = { &limited, &failing, &revoked, &conflict, &slow };
  static const ChannelExpectedError expected[] = {
    { TAYORI_CHANNEL_ERROR_RETRY_LATER, 12, NULL },
    { TAYORI_CHANNEL_ERROR_RETRY_LATER, 0, NULL },
    { TAYORI_CHANNEL_ERROR_AUTH, 0, NULL },
    { TAYORI_CHANNEL_ERROR_CONTENT, 0, NULL },
    { TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME, 0, NULL },
  };

  channel_fixture_assert_errors (fixture, post, "/v2/bot/message/broadcast", responses,
                                 expected, G_N_ELEMENTS (expected));
}

static void
script_quota (ChannelFixture *fixture,
              const char     *quota,
              const char     *usage)
{
  fault_server_reply (fixture->server, "GET", "/v2/bot/message/quota", 200, quota);
  fault_server_reply (fixture->server, "GET", "/v2/bot/message/quota/consumption", 200, usage);
}

static void
test_quota (ChannelFixture *fixture,
            gconstpointer   data)
{
  g_autoptr(TayoriChannelPost) post = test_channel_post ("お知らせ");
  g_autoptr(TayoriChannelPost) narrow = test_channel_post ("お知らせ");
  g_autoptr(GError) error = NULL;
  const char *limited = "{\"type\": \"limited\", \"value\": 1000}";

  g_strfreev (narrow->audience_groups);
  narrow->audience_groups = g_strsplit ("111,222", ",", -1);

  /* 990 used, 20 followers to reach: 10 left is not enough. */
  script_quota (fixture, limited, "{\"totalUsage\": 990}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/followers", 200,
                      "{\"status\": \"ready\", \"followers\": 25, \"targetedReaches\": 20}");
  g_assert_false (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "20"));
  g_assert_nonnull (strstr (error->message, "10"));
  g_assert_nonnull (strstr (error->message, "1000"));
  g_clear_error (&error);

  /* Enough left for 20. */
  script_quota (fixture, limited, "{\"totalUsage\": 500}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/followers", 200,
                      "{\"status\": \"ready\", \"followers\": 25, \"targetedReaches\": 20}");
  g_assert_true (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_no_error (error);

  /* Followers unknown (insight closed to the account): refused only once used up. */
  script_quota (fixture, limited, "{\"totalUsage\": 999}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/followers", 403,
                      "{\"message\": \"Not available\"}");
  g_assert_true (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_no_error (error);
  script_quota (fixture, limited, "{\"totalUsage\": 1000}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/followers", 403,
                      "{\"message\": \"Not available\"}");
  g_assert_false (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA);
  g_clear_error (&error);

  /* Narrowcast: the audiences' sizes add up (300 + 250 > 400 left). */
  script_quota (fixture, limited, "{\"totalUsage\": 600}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/audienceGroup/111", 200,
                      "{\"audienceGroup\": {\"audienceGroupId\": 111, \"audienceCount\": 300}}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/audienceGroup/222", 200,
                      "{\"audienceGroup\": {\"audienceGroupId\": 222, \"audienceCount\": 250}}");
  g_assert_false (tayori_channel_check_ready (fixture->channel, narrow, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "550"));
  g_clear_error (&error);

  /* No monthly limit. */
  script_quota (fixture, "{\"type\": \"none\"}", "{\"totalUsage\": 123456}");
  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/followers", 200,
                      "{\"status\": \"ready\", \"targetedReaches\": 999999}");
  g_assert_true (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_no_error (error);

  /* A revoked token shows before sending. */
  fault_server_reply (fixture->server, "GET", "/v2/bot/message/quota", 401,
                      "{\"message\": \"Authentication failed\"}");
  g_assert_false (tayori_channel_check_ready (fixture->channel, post, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
}

static void
test_follow (ChannelFixture *fixture,
             gconstpointer   data)
{
  TayoriChannelReceipt receipt = { .remote_id = (char *) "req-n" };
  const char *path = "/v2/bot/message/progress/narrowcast";
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  fault_server_reply (fixture->server, "GET", path, 200,
                      "{\"phase\": \"waiting\", \"acceptedTime\": \"2026-01-01T00:00:00Z\"}");
  fault_server_reply (fixture->server, "GET", path, 200,
                      "{\"phase\": \"sending\", \"acceptedTime\": \"2026-01-01T00:00:00Z\"}");
  fault_server_reply (fixture->server, "GET", path, 200,
                      "{\"phase\": \"succeeded\", \"successCount\": 10, "
                      "\"acceptedTime\": \"2026-01-01T00:00:00Z\"}");
  g_assert_true (tayori_channel_follow (fixture->channel, &receipt, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fault_server_count (fixture->server, "GET", path), ==, 3);
  query = fault_server_query (fixture->server, "GET", path, 0);
  g_assert_cmpstr (query, ==, "requestId=req-n");

  fault_server_reply (fixture->server, "GET", path, 200,
                      "{\"phase\": \"failed\", \"errorCode\": 2, \"failedDescription\": "
                      "\"not enough recipients\", \"acceptedTime\": \"2026-01-01T00:00:00Z\"}");
  g_assert_false (tayori_channel_follow (fixture->channel, &receipt, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
  g_assert_nonnull (strstr (error->message, "not enough recipients"));
  g_clear_error (&error);

  /* A retried request that LINE had already accepted: the first one goes on. */
  fault_server_reply (fixture->server, "GET", path, 200,
                      "{\"phase\": \"failed\", \"errorCode\": 3, "
                      "\"acceptedTime\": \"2026-01-01T00:00:00Z\"}");
  g_assert_true (tayori_channel_follow (fixture->channel, &receipt, NULL, &error));
  g_assert_no_error (error);

  /* A broadcast has no progress to follow. */
  fault_server_reply (fixture->server, "GET", path, 404, "{\"message\": \"Not found\"}");
  g_assert_true (tayori_channel_follow (fixture->channel, &receipt, NULL, &error));
  g_assert_no_error (error);

  /* Never ending within the time given: unknown, never "failed". */
  fault_server_set_default (fixture->server, "GET", path, &(FaultResponse) {
    .status = 200, .body = "{\"phase\": \"sending\", \"acceptedTime\": \"2026-01-01T00:00:00Z\"}" });
  g_assert_false (tayori_channel_follow (fixture->channel, &receipt, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
}

static void
test_metrics_and_delete (ChannelFixture *fixture,
                         gconstpointer   data)
{
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelFlags flags = tayori_channel_get_flags (fixture->channel);

  g_assert_true (flags & TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY);
  g_assert_false (flags & TAYORI_CHANNEL_CAN_DELETE);
  g_assert_cmpuint (tayori_channel_get_max_images (fixture->channel), ==, 4);
  g_assert_cmpuint (tayori_channel_get_char_limit (fixture->channel, NULL, NULL), ==, 5000);

  fault_server_reply (fixture->server, "GET", "/v2/bot/insight/message/event", 200,
                      "{\"overview\": {\"requestId\": \"req-1\", \"delivered\": 320, "
                      "\"uniqueImpression\": 82, \"uniqueClick\": null}}");
  metrics = tayori_channel_get_metrics (fixture->channel, "req-1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->views, ==, 82);
  g_assert_cmpint (metrics->likes, ==, -1);

  g_assert_false (tayori_channel_delete_post (fixture->channel, "req-1", NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_NOT_SUPPORTED);
}

static void
test_not_connected (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "never-line",
                                                         "line", "http://127.0.0.1:9", "");
  g_autoptr(TayoriChannel) channel = tayori_channel_line_new (account, client);
  g_autoptr(TayoriChannelPost) post = test_channel_post ("x");
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
}

static gboolean
connect_line (TayoriAccount     *account,
              const char        *token,
              TayoriHttpClient  *client,
              GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_channel_line_connect (account, token, client, NULL, NULL, NULL, test_store_result,
                               &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
test_connect (ChannelFixture *fixture,
              gconstpointer   data)
{
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "kita-line",
                                                         "line",
                                                         fault_server_get_url (fixture->server),
                                                         "");
  g_autoptr(JsonObject) tokens = NULL;
  g_autoptr(GPtrArray) auth = NULL;
  g_autoptr(GError) error = NULL;

  fault_server_reply (fixture->server, "GET", "/v2/bot/info", 401,
                      "{\"message\": \"Authentication failed\"}");
  g_assert_false (connect_line (account, "wrong", fixture->client, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
  g_clear_error (&error);
  g_assert_null (tayori_channel_secret_load (account, NULL, &error));
  g_clear_error (&error);

  fault_server_reply (fixture->server, "GET", "/v2/bot/info", 200,
                      "{\"userId\": \"U1\", \"basicId\": \"@city\", \"displayName\": \"北区\", "
                      "\"chatMode\": \"bot\", \"markAsReadMode\": \"auto\"}");
  g_assert_true (connect_line (account, " right-token\n", fixture->client, &error));
  g_assert_no_error (error);
  auth = fault_server_header_values (fixture->server, "GET", "/v2/bot/info", "Authorization");
  g_assert_cmpstr (g_ptr_array_index (auth, 1), ==, "Bearer right-token");
  tokens = tayori_channel_secret_load (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_channel_secret_get (tokens, "access_token"), ==, "right-token");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add ("/tayori/channels/line/" path, ChannelFixture, NULL, fixture_set_up, func, \
              channel_fixture_tear_down)
  ADD ("broadcast", test_broadcast);
  ADD ("footer-once", test_footer_once);
  ADD ("card", test_card);
  ADD ("narrowcast", test_narrowcast);
  ADD ("push", test_push);
  ADD ("retry-key-dedupes", test_retry_key_dedupes);
  ADD ("error-classes", test_error_classes);
  ADD ("quota", test_quota);
  ADD ("follow", test_follow);
  ADD ("metrics-and-delete", test_metrics_and_delete);
  ADD ("connect", test_connect);
#undef ADD
  g_test_add_func ("/tayori/channels/line/not-connected", test_not_connected);
  return g_test_run ();
}
