/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The channel interface without a network: the extended error domain (Retry-After survives
 * copies), keys and advice, the post structures, and the interface's default methods. */
#include "tayori-channel.h"

static void
test_error_retry_after (void)
{
  g_autoptr(GError) error = tayori_channel_error_new_retry_later (42, "busy");
  g_autoptr(GError) copy = g_error_copy (error);
  g_autoptr(GError) plain = g_error_new_literal (TAYORI_CHANNEL_ERROR,
                                                 TAYORI_CHANNEL_ERROR_RETRY_LATER, "x");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpstr (error->message, ==, "busy");
  g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==, 42);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (copy), ==, 42);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (plain), ==, 0);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (other), ==, 0);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (NULL), ==, 0);
}

static void
test_error_keys (void)
{
  static const char * const keys[] = { "auth", "content", "retry-later", "unknown-outcome",
                                       "quota", "forbidden", "not-supported" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_cmpstr (tayori_channel_error_to_key (i), ==, keys[i]);
      g_assert_nonnull (tayori_channel_error_advice (i));
      g_assert_cmpstr (tayori_channel_error_advice (i), !=, "");
    }
  g_assert_cmpstr (tayori_channel_error_advice (TAYORI_CHANNEL_ERROR_AUTH), !=,
                   tayori_channel_error_advice (TAYORI_CHANNEL_ERROR_CONTENT));
}

static void
test_structures (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("png", 3);
  g_autoptr(TayoriChannelImage) image = tayori_channel_image_new (data, "image/png", "代替", 4, 3);
  g_autoptr(TayoriChannelImage) copy = NULL;
  g_autoptr(TayoriChannelPost) post = tayori_channel_post_new ();

  image->url = g_strdup ("https://city.example/a.png");
  copy = tayori_channel_image_copy (image);
  g_assert_true (g_bytes_equal (copy->data, data));
  g_assert_cmpstr (copy->alt, ==, "代替");
  g_assert_cmpstr (copy->url, ==, image->url);
  g_assert_cmpuint (copy->width, ==, 4);
  g_assert_cmpuint (copy->height, ==, 3);

  /* A new post is ready to fill: no images, no audiences (= broadcast). */
  g_assert_cmpuint (post->images->len, ==, 0);
  g_assert_nonnull (post->audience_groups);
  g_assert_null (post->audience_groups[0]);
  g_ptr_array_add (post->images, g_steal_pointer (&copy));
  post->link_thumb = tayori_channel_image_copy (image);
  post->scheduled_at = g_date_time_new_now_utc ();
}

/* The least a network must implement: what the defaults are measured against. */
#define TEST_TYPE_CHANNEL (test_channel_get_type ())
G_DECLARE_FINAL_TYPE (TestChannel, test_channel, TEST, CHANNEL, GObject)

struct _TestChannel
{
  GObject parent_instance;
};

static TayoriPostNetwork
test_get_network (TayoriChannel *channel)
{
  return TAYORI_POST_NETWORK_X;
}

static TayoriChannelReceipt *
test_post (TayoriChannel            *channel,
           const TayoriChannelPost  *post,
           GCancellable             *cancellable,
           GError                  **error)
{
  TayoriChannelReceipt *receipt = g_new0 (TayoriChannelReceipt, 1);

  receipt->remote_id = g_strdup (post->text);
  return receipt;
}

static void
test_iface_init (TayoriChannelInterface *iface)
{
  iface->get_network = test_get_network;
  iface->post = test_post;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestChannel, test_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHANNEL, test_iface_init))

static void
test_channel_class_init (TestChannelClass *klass)
{
}

static void
test_channel_init (TestChannel *self)
{
}

static void
test_defaults (void)
{
  g_autoptr(TayoriChannel) channel = g_object_new (TEST_TYPE_CHANNEL, NULL);
  g_autoptr(TayoriChannelPost) post = tayori_channel_post_new ();
  g_autoptr(TayoriChannelReceipt) receipt = NULL;
  g_autoptr(TayoriChannelReceipt) found = NULL;
  g_autofree TayoriChannelMetrics *metrics = NULL;
  g_autoptr(GError) error = NULL;

  post->text = g_strdup ("hello");
  g_assert_cmpint (tayori_channel_get_network (channel), ==, TAYORI_POST_NETWORK_X);
  g_assert_cmpuint (tayori_channel_get_flags (channel), ==, 0);
  g_assert_cmpuint (tayori_channel_get_max_images (channel), ==, 0);
  g_assert_cmpuint (tayori_channel_get_char_limit (channel, NULL, &error), ==, 280);
  g_assert_no_error (error);
  g_assert_true (tayori_channel_check_ready (channel, post, NULL, &error));
  g_assert_no_error (error);

  receipt = tayori_channel_post (channel, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (receipt->remote_id, ==, "hello");
  g_assert_true (tayori_channel_follow (channel, receipt, NULL, &error));
  g_assert_no_error (error);

  found = tayori_channel_find_post (channel, post, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_false (tayori_channel_delete_post (channel, "1", NULL, &error));
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  metrics = tayori_channel_get_metrics (channel, "1", NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_NOT_SUPPORTED);
  g_assert_null (metrics);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/channels/error/retry-after", test_error_retry_after);
  g_test_add_func ("/tayori/channels/error/keys", test_error_keys);
  g_test_add_func ("/tayori/channels/structures", test_structures);
  g_test_add_func ("/tayori/channels/defaults", test_defaults);
  return g_test_run ();
}
