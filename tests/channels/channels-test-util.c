/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the LINE and Mastodon channel tests: accounts with stored tokens, posts, images,
 * the channel-on-a-fault-server fixture and reading the JSON the fake received. */
#include <string.h>
#include "channels-test-util.h"
#include "tayori-channel-http.h"
#include "tayori-channel-secret.h"

TayoriAccount *
test_channel_account (const char *name,
                      const char *type,
                      const char *url,
                      const char *tokens_json)
{
  TayoriAccount *account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, name, type, url, "");
  g_autoptr(JsonNode) tokens = json_from_string (tokens_json, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (tokens);
  tayori_channel_secret_store (account, json_node_get_object (tokens), NULL, &error);
  g_assert_no_error (error);
  return account;
}

TayoriChannelPost *
test_channel_post (const char *text)
{
  TayoriChannelPost *post = tayori_channel_post_new ();

  post->text = g_strdup (text);
  post->idempotency_key = g_uuid_string_random ();
  return post;
}

/* A 1×1 PNG. */
static const guint8 png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
  0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
  0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
  0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

TayoriChannelImage *
test_channel_image (const char *url,
                    const char *alt)
{
  g_autoptr(GBytes) data = g_bytes_new_static (png, sizeof png);
  TayoriChannelImage *image = tayori_channel_image_new (data, "image/png", alt, 1, 1);

  image->url = g_strdup (url);
  return image;
}

JsonNode *
test_request_json (FaultServer *server,
                   const char  *method,
                   const char  *path,
                   guint        index)
{
  g_autoptr(GBytes) body = fault_server_body (server, method, path, index);
  g_autofree char *text = NULL;
  JsonNode *node;

  g_assert_nonnull (body);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  node = json_from_string (text, NULL);
  g_assert_nonnull (node);
  return node;
}

const char *
test_prism_url (void)
{
  return g_getenv ("TAYORI_PRISM_URL");
}

void
channel_fixture_set_up (ChannelFixture *fixture,
                        const char     *type,
                        const char     *tokens_json)
{
  g_autofree char *name = g_strdup_printf ("city-%s", type);

  fixture->server = fault_server_new ();
  fixture->client = tayori_http_client_new ();
  fixture->account = test_channel_account (name, type, fault_server_get_url (fixture->server),
                                           tokens_json);
  channel_fixture_renew (fixture);
}

void
channel_fixture_renew (ChannelFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->channel);
  fixture->channel = tayori_channel_new_for_account (fixture->account, fixture->client, &error);
  g_assert_no_error (error);
}

void
channel_fixture_tear_down (ChannelFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->channel);
  g_clear_pointer (&fixture->account, tayori_account_free);
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->server, fault_server_free);
}

char *
channel_fixture_posted (ChannelFixture *fixture,
                        const char     *path,
                        guint           index,
                        const char     *member)
{
  g_autoptr(JsonNode) body = test_request_json (fixture->server, "POST", path, index);

  return ai_test_json_get (body, member);
}

void
test_store_result (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

void
channel_fixture_assert_errors (ChannelFixture              *fixture,
                               const TayoriChannelPost     *post,
                               const char                  *path,
                               const FaultResponse * const *responses,
                               const ChannelExpectedError  *expected,
                               guint                        n)
{
  for (guint i = 0; i < n; i++)
    fault_server_script (fixture->server, "POST", path, responses[i]);
  tayori_channel_http_set_timeout (1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TayoriChannelReceipt) receipt = NULL;
      g_autoptr(GError) error = NULL;

      receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
      g_assert_null (receipt);
      g_assert_error (error, TAYORI_CHANNEL_ERROR, (gint) expected[i].code);
      g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==,
                        expected[i].retry_after);
      if (expected[i].said != NULL)
        g_assert_nonnull (strstr (error->message, expected[i].said));
    }
  tayori_channel_http_set_timeout (0);
}

TayoriChannelReceipt *
channel_fixture_resend_after_drop (ChannelFixture          *fixture,
                                   const TayoriChannelPost *post,
                                   const char              *path,
                                   const FaultResponse     *second,
                                   const char              *key_header)
{
  g_autoptr(TayoriChannelReceipt) lost = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelReceipt *receipt;
  FaultResponse drop = { .action = FAULT_DROP };

  fault_server_script (fixture->server, "POST", path, &drop);
  fault_server_script (fixture->server, "POST", path, second);
  lost = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_assert_null (lost);
  g_clear_error (&error);

  receipt = tayori_channel_post (fixture->channel, post, NULL, &error);
  g_assert_no_error (error);
  keys = fault_server_header_values (fixture->server, "POST", path, key_header);
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, post->idempotency_key);
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, post->idempotency_key);
  return receipt;
}
