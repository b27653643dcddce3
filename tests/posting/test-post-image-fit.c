/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Images are fitted to each network's limits before sending: side, pixel count, file size;
 * images that fit are left as they are; what is not an image is refused. */
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tayori-post-image-fit.h"

/* A noisy picture (compresses badly, so the file is large) of @width × @height. */
static TayoriChannelImage *
make_image (guint       width,
            guint       height,
            gboolean    alpha,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  gsize length = (gsize) gdk_pixbuf_get_rowstride (pixbuf) * height;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  char *buffer = NULL;
  gsize size = 0;
  g_autoptr(GBytes) data = NULL;

  for (gsize i = 0; i < length; i++)
    pixels[i] = (guchar) g_rand_int_range (rand, 0, 256);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, NULL, NULL));
  data = g_bytes_new_take (buffer, size);
  return tayori_channel_image_new (data, g_str_equal (type, "png") ? "image/png" : "image/jpeg",
                                   "代替テキスト", width, height);
}

static void
decoded_size (const TayoriChannelImage *image,
              int                      *width,
              int                      *height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, image->data, NULL));
  g_assert_true (gdk_pixbuf_loader_close (loader, NULL));
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  *width = gdk_pixbuf_get_width (pixbuf);
  *height = gdk_pixbuf_get_height (pixbuf);
}

static void
test_x_side_and_size (void)
{
  g_autoptr(TayoriChannelImage) big = make_image (5000, 2500, FALSE, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriChannelImage) fitted = NULL;
  int width, height;

  g_assert_cmpuint (g_bytes_get_size (big->data), >, 5 * 1000 * 1000);
  fitted = tayori_post_image_fit (big, TAYORI_POST_NETWORK_X, TAYORI_POST_IMAGE_ATTACHED, &error);
  g_assert_no_error (error);
  decoded_size (fitted, &width, &height);
  g_assert_cmpint (width, ==, 4096);
  g_assert_cmpint (height, ==, 2048);
  g_assert_cmpuint (fitted->width, ==, 4096);
  g_assert_cmpuint (g_bytes_get_size (fitted->data), <=, 5 * 1000 * 1000);
  g_assert_cmpstr (fitted->mime_type, ==, "image/jpeg");
  g_assert_cmpstr (fitted->alt, ==, "代替テキスト");
}

static void
test_bluesky_card_bytes (void)
{
  g_autoptr(TayoriChannelImage) image = make_image (1800, 1000, FALSE, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriChannelImage) card = NULL;
  g_autoptr(TayoriChannelImage) attached = NULL;
  int width, height;

  card = tayori_post_image_fit (image, TAYORI_POST_NETWORK_BLUESKY, TAYORI_POST_IMAGE_CARD, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (card->data), <=, 1000000);
  decoded_size (card, &width, &height);
  g_assert_cmpint (width, ==, 1800);
  attached = tayori_post_image_fit (image, TAYORI_POST_NETWORK_BLUESKY,
                                    TAYORI_POST_IMAGE_ATTACHED, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (attached->data), <=, 2000000);
  g_assert_cmpuint (g_bytes_get_size (attached->data), >, g_bytes_get_size (card->data));
}

static void
test_mastodon_pixels (void)
{
  g_autoptr(TayoriChannelImage) image = make_image (4000, 3000, FALSE, "jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriChannelImage) fitted = NULL;
  int width, height;

  fitted = tayori_post_image_fit (image, TAYORI_POST_NETWORK_MASTODON,
                                  TAYORI_POST_IMAGE_ATTACHED, &error);
  g_assert_no_error (error);
  decoded_size (fitted, &width, &height);
  g_assert_cmpint ((gint64) width * height, <=, 3840 * 2160);
  g_assert_cmpint (width, >=, 3300);   /* shrunk by the pixel count only, not more */
}

static void
test_fitting_image_unchanged (void)
{
  g_autoptr(TayoriChannelImage) image = make_image (1200, 630, TRUE, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriChannelImage) fitted = NULL;
  g_autoptr(TayoriChannelImage) line = NULL;

  fitted = tayori_post_image_fit (image, TAYORI_POST_NETWORK_X, TAYORI_POST_IMAGE_ATTACHED, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (fitted->data, image->data));
  g_assert_cmpstr (fitted->mime_type, ==, "image/png");
  g_assert_cmpuint (fitted->height, ==, 630);
  line = tayori_post_image_fit (image, TAYORI_POST_NETWORK_LINE, TAYORI_POST_IMAGE_CARD, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (line->data, image->data));
}

static void
test_not_an_image (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("%PDF-1.4 not a picture", 22);
  g_autoptr(TayoriChannelImage) image = tayori_channel_image_new (data, "image/png", "alt", 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriChannelImage) fitted = NULL;

  fitted = tayori_post_image_fit (image, TAYORI_POST_NETWORK_X, TAYORI_POST_IMAGE_ATTACHED, &error);
  g_assert_null (fitted);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/posting/image-fit/x-side-and-size", test_x_side_and_size);
  g_test_add_func ("/tayori/posting/image-fit/bluesky-card-bytes", test_bluesky_card_bytes);
  g_test_add_func ("/tayori/posting/image-fit/mastodon-pixels", test_mastodon_pixels);
  g_test_add_func ("/tayori/posting/image-fit/fitting-image-unchanged", test_fitting_image_unchanged);
  g_test_add_func ("/tayori/posting/image-fit/not-an-image", test_not_an_image);
  return g_test_run ();
}
