/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Mastodon channel against Prism serving Mastodon's OpenAPI document: app registration,
 * the token exchange, media upload, statuses (with Idempotency-Key, media, scheduling),
 * deleting, metrics and the instance's limit must all be requests the document allows, and
 * the answers built from its examples must parse. */
#include "channels-test-util.h"
#include "tayori-channel-http.h"
#include "tayori-channel-mastodon.h"
#include "tayori-channels-private.h"

static TayoriChannel *
make_channel (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriAccount) account = test_channel_account ("city-mastodon", "mastodon",
                                                           test_prism_url (),
                                                           "{\"client_id\": \"c\", "
                                                           "\"client_secret\": \"s\", "
                                                           "\"access_token\": \"t\"}");

  tayori_channel_mastodon_set_media_timing (5, 200);
  return tayori_channel_mastodon_new (account, client);
}

static void
test_post (void)
{
  g_autoptr(TayoriChannel) channel = make_channel ();
  g_autoptr(TayoriChannelPost) text = test_channel_post ("図書館リニューアル https://city.example/1");
  g_autoptr(TayoriChannelPost) media = test_channel_post ("写真つきのお知らせ");
  g_autoptr(TayoriChannelPost) scheduled = test_channel_post ("明日の催し");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TayoriChannelPost *posts[] = { text, media, scheduled };

  g_ptr_array_add (media->images, test_channel_image (NULL, "新しい図書館の外観"));
  g_ptr_array_add (media->images, test_channel_image (NULL, "閲覧室"));
  scheduled->scheduled_at = g_date_time_add_days (now, 1);
  for (guint i = 0; i < G_N_ELEMENTS (posts); i++)
    {
      g_autoptr(TayoriChannelReceipt) receipt = NULL;
      g_autoptr(GError) error = NULL;

      receipt = tayori_channel_post (channel, posts[i], NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (receipt->remote_id);
      g_assert_cmpstr (receipt->remote_id, !=, "");
    }
}

static void
test_delete_metrics_limit (void)
{
  g_autoptr(TayoriChannel) channel = make_channel ();
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;
  guint limit;

  g_assert_true (tayori_channel_delete_post (channel, "103254962155278888", NULL, &error));
  g_assert_no_error (error);
  metrics = tayori_channel_get_metrics (channel, "103254962155278888", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->likes, >=, 0);
  g_assert_cmpint (metrics->reposts, >=, 0);
  g_assert_cmpint (metrics->replies, >=, 0);
  limit = tayori_channel_get_char_limit (channel, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limit, >, 0);
}

/* The two requests of connecting that reach the instance's API (the authorize page is a
 * browser's; the loopback flow is tested end to end against the fault server). */
static void
test_app_and_token (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  TayoriChannelApi api = { client, test_prism_url (), NULL };
  g_autoptr(JsonNode) app_body = json_from_string (
    "{\"client_name\": \"Tayori\", \"redirect_uris\": [\"http://127.0.0.1:4567/callback\"], "
    "\"scopes\": \"read write\"}", NULL);
  g_autoptr(JsonNode) token_body = json_from_string (
    "{\"grant_type\": \"authorization_code\", \"code\": \"abc\", \"client_id\": \"c\", "
    "\"client_secret\": \"s\", \"redirect_uri\": \"http://127.0.0.1:4567/callback\", "
    "\"code_verifier\": \"dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk\", "
    "\"scope\": \"read write\"}", NULL);
  g_autoptr(JsonObject) app = NULL;
  g_autoptr(JsonObject) token = NULL;
  g_autoptr(GError) error = NULL;

  app = tayori_channel_api_call (&api, "POST", "/api/v1/apps", app_body, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tayori_channel_json_string (app, "client_id"));
  token = tayori_channel_api_call (&api, "POST", "/oauth/token", token_body, NULL, NULL, NULL,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (tayori_channel_json_string (token, "access_token"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (test_prism_url () == NULL)
    {
      g_printerr ("SKIP: run through prism-specs-wrapper.sh (TAYORI_PRISM_URL is unset)\n");
      return 77;
    }
  g_test_add_func ("/tayori/channels/mastodon-prism/post", test_post);
  g_test_add_func ("/tayori/channels/mastodon-prism/delete-metrics-limit",
                   test_delete_metrics_limit);
  g_test_add_func ("/tayori/channels/mastodon-prism/app-and-token", test_app_and_token);
  return g_test_run ();
}
