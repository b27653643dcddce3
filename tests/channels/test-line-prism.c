/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The LINE channel against Prism serving LINE's own OpenAPI documents (Messaging API, audience,
 * insight): every request Tayori makes must be valid (Prism refuses invalid ones with 4xx,
 * which fails the call), and the answers built from the documents' examples must parse. */
#include "channels-test-util.h"
#include "tayori-channel-line.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"

static TayoriChannel *
make_channel (const char *push_to)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriAccount) account = test_channel_account ("city-line", "line", test_prism_url (),
                                                           "{\"access_token\": \"token\"}");

  tayori_account_set_option (account, "footer", "（大阪市 公式）");
  if (push_to != NULL)
    tayori_account_set_option (account, "push-to", push_to);
  return tayori_channel_line_new (account, client);
}

static TayoriChannelPost *
full_post (gboolean card)
{
  TayoriChannelPost *post = test_channel_post ("中央図書館が4月にリニューアルオープンします。");

  g_ptr_array_add (post->images, test_channel_image ("https://city.example/a.png", "外観"));
  g_ptr_array_add (post->images, test_channel_image ("https://city.example/b.png", "館内"));
  post->card = card;
  post->link_url = g_strdup ("https://city.example/news/1");
  post->link_title = g_strdup ("中央図書館リニューアル");
  post->link_description = g_strdup ("開館時間が延びます。");
  post->link_thumb = test_channel_image ("https://city.example/thumb.jpg", "図書館");
  return post;
}

static void
send_and_check (TayoriChannel     *channel,
                TayoriChannelPost *post)
{
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(GError) error = NULL;

  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  /* Prism sends no X-Line-Request-Id: the retry key stands for the send. */
  g_assert_cmpstr (receipt->remote_id, ==, post->idempotency_key);
}

static void
test_broadcast (void)
{
  g_autoptr(TayoriChannel) channel = make_channel (NULL);
  g_autoptr(TayoriChannelPost) plain = full_post (FALSE);
  g_autoptr(TayoriChannelPost) card = full_post (TRUE);

  send_and_check (channel, plain);
  send_and_check (channel, card);
}

static void
test_narrowcast (void)
{
  g_autoptr(TayoriChannel) channel = make_channel (NULL);
  g_autoptr(TayoriChannelPost) several = full_post (TRUE);
  g_autoptr(TayoriChannelPost) one = full_post (FALSE);

  g_strfreev (several->audience_groups);
  several->audience_groups = g_strsplit ("1234567890123,4567", ",", -1);
  g_strfreev (one->audience_groups);
  one->audience_groups = g_strsplit ("1234567890123", ",", -1);
  send_and_check (channel, several);
  send_and_check (channel, one);
}

static void
test_push (void)
{
  g_autoptr(TayoriChannel) channel = make_channel ("U4af4980629c0b1f5e4b1d6e38e1a3b0e");
  g_autoptr(TayoriChannelPost) post = full_post (TRUE);
  g_autoptr(GError) error = NULL;

  send_and_check (channel, post);
  /* One recipient fits the example quota (500 of 1000 used). */
  g_assert_true (tayori_channel_check_ready (channel, post, NULL, &error));
  g_assert_no_error (error);
}

static void
test_quota (void)
{
  g_autoptr(TayoriChannel) channel = make_channel (NULL);
  g_autoptr(TayoriChannelPost) broadcast = full_post (FALSE);
  g_autoptr(TayoriChannelPost) narrowcast = full_post (FALSE);
  g_autoptr(GError) error = NULL;

  /* The examples: 1000 a month, 500 used, 5848 reachable followers. */
  g_assert_false (tayori_channel_check_ready (channel, broadcast, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "5848"));
  g_assert_nonnull (strstr (error->message, "500"));
  g_clear_error (&error);

  /* The audience example has 1887 people. */
  g_strfreev (narrowcast->audience_groups);
  narrowcast->audience_groups = g_strsplit ("1234567890123", ",", -1);
  g_assert_false (tayori_channel_check_ready (channel, narrowcast, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "1887"));
}

static void
test_follow_and_metrics (void)
{
  g_autoptr(TayoriChannel) channel = make_channel (NULL);
  TayoriChannelReceipt receipt = { .remote_id = (char *) "f70dd685-499a-4231-a441-f24b8d4fba21" };
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;

  /* The progress example stays "waiting": followed until the (shortened) limit. */
  tayori_channel_line_set_follow_timing (5, 30);
  g_assert_false (tayori_channel_follow (channel, &receipt, NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_clear_error (&error);

  metrics = tayori_channel_get_metrics (channel, receipt.remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (metrics->views, ==, 82);
}

static void
test_connect (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "ward-line",
                                                         "line", test_prism_url (), "");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonObject) tokens = NULL;
  g_autoptr(GError) error = NULL;

  tayori_channel_line_connect (account, "issued-token", client, NULL, NULL, NULL,
                               test_store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_no_error (error);
  tokens = tayori_channel_secret_load (account, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_channel_secret_get (tokens, "access_token"), ==, "issued-token");
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
  g_test_add_func ("/tayori/channels/line-prism/broadcast", test_broadcast);
  g_test_add_func ("/tayori/channels/line-prism/narrowcast", test_narrowcast);
  g_test_add_func ("/tayori/channels/line-prism/push", test_push);
  g_test_add_func ("/tayori/channels/line-prism/quota", test_quota);
  g_test_add_func ("/tayori/channels/line-prism/follow-and-metrics", test_follow_and_metrics);
  g_test_add_func ("/tayori/channels/line-prism/connect", test_connect);
  return g_test_run ();
}
