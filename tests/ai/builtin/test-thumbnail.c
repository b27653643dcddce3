/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in thumbnail: a 1200×630 PNG, the same bytes every time, the category's band
 * colour, an optional photo cropped (not squashed) into the right half; and its alt text. */
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "tayori-thumbnail.h"

#define BAND_RED   0xB71C1C   /* 防災・安全 */
#define BLUE       0x2050C0
#define RED        0xE02020

static TayoriArticle *
article_new (const char *category)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, "此花区総合防災訓練を実施します");
  tayori_article_set_category (article, category);
  tayori_article_set_ward (article, "此花区");
  return article;
}

static GBytes *
render (TayoriArticle *article,
        GBytes        *photo)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GError) error = NULL;
  GBytes *png = tayori_thumbnail_render (article, preset, photo, &error);

  g_assert_no_error (error);
  g_assert_nonnull (png);
  return png;
}

static GdkPixbuf *
decode (GBytes *png)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("png", NULL);
  g_autoptr(GError) error = NULL;

  gdk_pixbuf_loader_write_bytes (loader, png, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static guint32
pixel (GdkPixbuf *pixbuf,
       int        x,
       int        y)
{
  const guchar *p = gdk_pixbuf_read_pixels (pixbuf) + y * gdk_pixbuf_get_rowstride (pixbuf) +
                    x * gdk_pixbuf_get_n_channels (pixbuf);

  return (p[0] << 16) | (p[1] << 8) | p[2];
}

static void
assert_close (guint32 actual,
              guint32 expected,
              guint   tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      int a = (actual >> shift) & 0xFF, e = (expected >> shift) & 0xFF;

      if ((guint) ABS (a - e) > tolerance)
        g_error ("colour #%06X, expected #%06X", actual, expected);
    }
}

/* A wide photo: blue in the middle, red on the outer quarters, as PNG or JPEG. */
static GBytes *
photo_new (const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 2000, 500);
  g_autoptr(GdkPixbuf) middle = NULL;
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, (guint32) RED << 8 | 0xFF);
  middle = gdk_pixbuf_new_subpixbuf (pixbuf, 500, 0, 1000, 500);
  gdk_pixbuf_fill (middle, (guint32) BLUE << 8 | 0xFF);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, length);
}

/* PNG signature, then IHDR with the width and height */
static void
test_png_header (void)
{
  g_autoptr(TayoriArticle) article = article_new ("防災・安全/災害への備え");
  g_autoptr(GBytes) png = render (article, NULL);
  const guchar *data = g_bytes_get_data (png, NULL);

  g_assert_cmpuint (g_bytes_get_size (png), >, 33);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 16)), ==, TAYORI_THUMBNAIL_WIDTH);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (data + 20)), ==, TAYORI_THUMBNAIL_HEIGHT);
}

static void
test_deterministic (void)
{
  g_autoptr(TayoriArticle) article = article_new ("防災・安全");
  g_autoptr(GBytes) photo = photo_new ("jpeg");
  g_autoptr(GBytes) first = render (article, NULL);
  g_autoptr(GBytes) second = render (article, NULL);
  g_autoptr(GBytes) first_photo = render (article, photo);
  g_autoptr(GBytes) second_photo = render (article, photo);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_true (g_bytes_equal (first_photo, second_photo));
  g_assert_false (g_bytes_equal (first, first_photo));
}

static void
test_band_colour (void)
{
  g_autoptr(TayoriArticle) bousai = article_new ("防災・安全/避難所");
  g_autoptr(TayoriArticle) kosodate = article_new ("子育て・教育");
  g_autoptr(TayoriArticle) other = article_new ("独自のカテゴリ");
  g_autoptr(GBytes) bousai_png = render (bousai, NULL);
  g_autoptr(GBytes) kosodate_png = render (kosodate, NULL);
  g_autoptr(GBytes) other_png = render (other, NULL);
  g_autoptr(GBytes) other_again = render (other, NULL);
  g_autoptr(GdkPixbuf) a = decode (bousai_png);
  g_autoptr(GdkPixbuf) b = decode (kosodate_png);

  g_assert_cmpint (gdk_pixbuf_get_width (a), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (a), ==, 630);
  g_assert_cmphex (pixel (a, 10, 10), ==, BAND_RED);
  g_assert_cmphex (pixel (a, 1190, 100), ==, BAND_RED);
  g_assert_cmphex (pixel (a, 600, 625), ==, BAND_RED);   /* the stripe at the bottom */
  g_assert_cmphex (pixel (b, 10, 10), ==, 0xAD1457);
  g_assert_cmphex (pixel (a, 10, 300), ==, 0xFFFFFF);    /* the background */
  /* a category outside the palette still gets one colour, always the same */
  g_assert_true (g_bytes_equal (other_png, other_again));
}

/* The wide photo fills the right half cropped to its middle: blue at both edges, never red */
static void
test_photo_cropped (void)
{
  g_autoptr(TayoriArticle) article = article_new ("防災・安全");
  g_autoptr(GBytes) png_photo = photo_new ("png");
  g_autoptr(GBytes) jpeg_photo = photo_new ("jpeg");
  g_autoptr(GBytes) without = render (article, NULL);
  g_autoptr(GBytes) with_png = render (article, png_photo);
  g_autoptr(GBytes) with_jpeg = render (article, jpeg_photo);
  g_autoptr(GdkPixbuf) plain = decode (without);
  g_autoptr(GdkPixbuf) a = decode (with_png);
  g_autoptr(GdkPixbuf) b = decode (with_jpeg);

  g_assert_cmphex (pixel (plain, 1190, 400), ==, 0xFFFFFF);
  g_assert_cmphex (pixel (a, 601, 400), ==, BLUE);
  g_assert_cmphex (pixel (a, 1199, 400), ==, BLUE);
  g_assert_cmphex (pixel (a, 900, 111), ==, BLUE);
  g_assert_cmphex (pixel (a, 900, 616), ==, BLUE);
  g_assert_cmphex (pixel (a, 900, 100), ==, BAND_RED);   /* below the band, above the stripe */
  assert_close (pixel (b, 605, 400), BLUE, 24);
  assert_close (pixel (b, 1195, 400), BLUE, 24);
}

static void
test_bad_photo (void)
{
  g_autoptr(TayoriArticle) article = article_new ("防災・安全");
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GBytes) photo = g_bytes_new_static ("not an image", 12);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = tayori_thumbnail_render (article, preset, photo, &error);

  g_assert_null (png);
  g_assert_nonnull (error);
}

static void
test_alt_text (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(TayoriArticle) article = article_new ("防災・安全/避難所");
  g_autoptr(TayoriArticle) city = article_new ("");
  g_autofree char *alt = tayori_thumbnail_propose_alt (article, preset);
  g_autofree char *city_alt = NULL;
  g_autofree char *english_alt = NULL;

  tayori_article_set_ward (city, "");
  city_alt = tayori_thumbnail_propose_alt (city, preset);
  tayori_article_set_language (article, TAYORI_LANGUAGE_EN);
  english_alt = tayori_thumbnail_propose_alt (article, preset);
  g_assert_cmpstr (alt, ==, "大阪市此花区のお知らせ（防災・安全）：此花区総合防災訓練を実施します");
  g_assert_cmpstr (city_alt, ==, "大阪市のお知らせ：此花区総合防災訓練を実施します");
  g_assert_cmpstr (english_alt, ==, "大阪市此花区 notice (防災・安全): 此花区総合防災訓練を実施します");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/png-header", test_png_header);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/deterministic", test_deterministic);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/band-colour", test_band_colour);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/photo-cropped", test_photo_cropped);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/bad-photo", test_bad_photo);
  g_test_add_func ("/tayori/ai/builtin/thumbnail/alt-text", test_alt_text);
  return g_test_run ();
}
