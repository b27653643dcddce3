/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in 1200×630 thumbnail card and its alt text. Drawn with a font map and font options
 * of its own (grey antialiasing, no hinting, 96 dpi) and written without any time stamp, so the
 * same article gives the same PNG bytes on every run and on any thread. */
#include "tayori-thumbnail.h"

#include <glib/gi18n.h>
#include <string.h>
#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <pango/pangocairo.h>
#include "tayori-builtin-text.h"

#define BAND_HEIGHT    110
#define MARGIN         64
#define PHOTO_X        (TAYORI_THUMBNAIL_WIDTH / 2)
#define FOOTER_HEIGHT  120
#define STRIPE_HEIGHT  12
#define FONT_FAMILY    "Noto Sans CJK JP"
#define TEXT_COLOUR    0x1A1A1A   /* 17.4:1 on white */
#define PLACE_COLOUR   0x4A4A4A   /* 8.9:1 on white */

/* Band colours by top-level category. White text on each has a contrast of at least 5.1:1
 * (WCAG AA asks 4.5:1): 子育て・教育 6.97, 健康・福祉 5.13, くらし・手続き 5.75, ごみ・リサイクル
 * 6.61, 防災・安全 6.57, 税・保険・年金 10.24, イベント・講座 5.60, 観光・文化 9.39, まちづくり 6.60,
 * 事業者向け 9.65, 区政・市政 10.39, no category 7.24. Other categories take a colour of the
 * list chosen by a hash of their name, so a category keeps its colour. */
static const struct {
  const char *category;
  guint32     rgb;
} palette[] = {
  { "子育て・教育", 0xAD1457 },
  { "健康・福祉", 0x2E7D32 },
  { "くらし・手続き", 0x1565C0 },
  { "ごみ・リサイクル", 0x00695C },
  { "防災・安全", 0xB71C1C },
  { "税・保険・年金", 0x4527A0 },
  { "イベント・講座", 0xBF360C },
  { "観光・文化", 0x6A1B9A },
  { "まちづくり", 0x33691E },
  { "事業者向け", 0x37474F },
  { "区政・市政", 0x283593 },
};
#define NO_CATEGORY_RGB 0x455A64

/* Fixed words of the alt text, in the article's language like the card itself. */
static const char alt_ja[] = "{place}のお知らせ（{category}）：{title}";
static const char alt_ja_no_category[] = "{place}のお知らせ：{title}";
static const char alt_en[] = "{place} notice ({category}): {title}";
static const char alt_en_no_category[] = "{place} notice: {title}";

static guint32
band_colour (const char *top)
{
  if (top[0] == '\0')
    return NO_CATEGORY_RGB;
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    if (g_str_equal (palette[i].category, top))
      return palette[i].rgb;
  return palette[g_str_hash (top) % G_N_ELEMENTS (palette)].rgb;
}

static void
set_source_rgb (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                        (rgb & 0xFF) / 255.0);
}

/* Decodes at about the size the crop needs (JPEG decodes faster scaled down). */
static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  const int *target = user_data;
  /* the larger side of the target over the smaller side of the image covers it in any
   * EXIF orientation */
  double scale = (double) MAX (target[0], target[1]) / MAX (1, MIN (width, height));

  if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale + 0.5)),
                                MAX (1, (int) (height * scale + 0.5)));
}

/* @photo scaled and centre-cropped to fill @width × @height, flattened on white. */
static cairo_surface_t *
photo_surface (GBytes  *photo,
               int      width,
               int      height,
               GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GdkPixbuf) cropped = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  int target[2] = { width, height };
  int source_width, source_height, crop_width, crop_height, stride, channels;
  cairo_surface_t *surface;
  const guchar *pixels;
  guchar *out;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), target);
  if (!gdk_pixbuf_loader_write_bytes (loader, photo, error) || !gdk_pixbuf_loader_close (loader, error))
    {
      g_prefix_error (error, "%s", _("The photo could not be read: "));
      return NULL;
    }
  oriented = gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader));
  source_width = gdk_pixbuf_get_width (oriented);
  source_height = gdk_pixbuf_get_height (oriented);
  /* cover: the largest centred part with the target's proportions */
  if ((gint64) source_width * height > (gint64) source_height * width)
    {
      crop_height = source_height;
      crop_width = MAX (1, (int) ((gint64) source_height * width / height));
    }
  else
    {
      crop_width = source_width;
      crop_height = MAX (1, (int) ((gint64) source_width * height / width));
    }
  cropped = gdk_pixbuf_new_subpixbuf (oriented, (source_width - crop_width) / 2,
                                      (source_height - crop_height) / 2, crop_width, crop_height);
  scaled = gdk_pixbuf_scale_simple (cropped, width, height, GDK_INTERP_BILINEAR);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_flush (surface);
  pixels = gdk_pixbuf_read_pixels (scaled);
  stride = gdk_pixbuf_get_rowstride (scaled);
  channels = gdk_pixbuf_get_n_channels (scaled);
  out = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (out + y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++)
        {
          const guchar *p = pixels + y * stride + x * channels;
          guint alpha = channels == 4 ? p[3] : 255;
          guint32 rgb = 0;

          for (int c = 0; c < 3; c++)
            rgb = (rgb << 8) | ((p[c] * alpha + 255 * (255 - alpha) + 127) / 255);
          row[x] = rgb;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static PangoLayout *
text_layout (PangoContext *context,
             const char   *text,
             int           size,
             int           width,
             int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_height (layout, -max_lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Shows @layout with its left edge at @x, centred on @centre_y. */
static void
show_centred (cairo_t     *cr,
              PangoLayout *layout,
              int          x,
              int          centre_y)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  cairo_move_to (cr, x, centre_y - height / 2);
  pango_cairo_show_layout (cr, layout);
}

static PangoContext *
fixed_context (cairo_t *cr)
{
  g_autoptr(PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_language (context, pango_language_from_string ("ja"));
  pango_cairo_update_context (cr, context);
  cairo_font_options_destroy (options);
  return context;
}

/* PNG through gdk-pixbuf at zlib level 1: cairo's writer uses the default level, which takes
 * four times as long on a photo for a file only 15 % smaller. */
static GBytes *
encode_png (cairo_surface_t  *surface,
            GError          **error)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  const guchar *in = cairo_image_surface_get_data (surface);
  guchar *out = gdk_pixbuf_get_pixels (pixbuf);
  char *buffer = NULL;
  gsize length = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (in + y * cairo_image_surface_get_stride (surface));
      guchar *p = out + y * gdk_pixbuf_get_rowstride (pixbuf);

      for (int x = 0; x < width; x++, p += 3)
        {
          p[0] = (row[x] >> 16) & 0xFF;
          p[1] = (row[x] >> 8) & 0xFF;
          p[2] = row[x] & 0xFF;
        }
    }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", error, "compression", "1", NULL))
    return NULL;
  return g_bytes_new_take (buffer, length);
}

static void
draw_card (cairo_t       *cr,
           TayoriArticle *article,
           TayoriPreset  *preset,
           gboolean       with_photo)
{
  PangoContext *context = fixed_context (cr);   /* no autoptr for it in Pango 1.50 */
  g_autofree char *top = tayori_builtin_top_category (article);
  g_autofree char *place = tayori_builtin_place (article, preset);
  guint32 colour = band_colour (top);
  int text_right = with_photo ? PHOTO_X - 48 : TAYORI_THUMBNAIL_WIDTH - MARGIN;
  int title_top = BAND_HEIGHT + 40;
  int title_bottom = TAYORI_THUMBNAIL_HEIGHT - FOOTER_HEIGHT;
  g_autoptr(PangoLayout) band = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) footer = NULL;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  set_source_rgb (cr, colour);
  cairo_rectangle (cr, 0, 0, TAYORI_THUMBNAIL_WIDTH, BAND_HEIGHT);
  cairo_rectangle (cr, 0, TAYORI_THUMBNAIL_HEIGHT - STRIPE_HEIGHT, TAYORI_THUMBNAIL_WIDTH, STRIPE_HEIGHT);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 1, 1, 1);
  band = text_layout (context, top, 40, TAYORI_THUMBNAIL_WIDTH - 2 * MARGIN, 1);
  show_centred (cr, band, MARGIN, BAND_HEIGHT / 2);

  set_source_rgb (cr, TEXT_COLOUR);
  title = text_layout (context, tayori_article_get_title (article), with_photo ? 52 : 60,
                       text_right - MARGIN, 3);
  show_centred (cr, title, MARGIN, (title_top + title_bottom) / 2);

  set_source_rgb (cr, PLACE_COLOUR);
  footer = text_layout (context, place, 36, text_right - MARGIN, 1);
  show_centred (cr, footer, MARGIN, TAYORI_THUMBNAIL_HEIGHT - (FOOTER_HEIGHT + STRIPE_HEIGHT) / 2);
  g_object_unref (context);
}

GBytes *
tayori_thumbnail_render (TayoriArticle  *article,
                         TayoriPreset   *preset,
                         GBytes         *photo,
                         GError        **error)
{
  cairo_surface_t *picture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  GBytes *png;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  if (photo != NULL &&
      (picture = photo_surface (photo, TAYORI_THUMBNAIL_WIDTH - PHOTO_X,
                                TAYORI_THUMBNAIL_HEIGHT - BAND_HEIGHT - STRIPE_HEIGHT, error)) == NULL)
    return NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, TAYORI_THUMBNAIL_WIDTH,
                                        TAYORI_THUMBNAIL_HEIGHT);
  cr = cairo_create (surface);
  draw_card (cr, article, preset, picture != NULL);
  if (picture != NULL)
    {
      cairo_set_source_surface (cr, picture, PHOTO_X, BAND_HEIGHT);
      cairo_paint (cr);
      cairo_surface_destroy (picture);
    }
  cairo_destroy (cr);

  png = encode_png (surface, error);
  cairo_surface_destroy (surface);
  return png;
}

char *
tayori_thumbnail_propose_alt (TayoriArticle *article,
                              TayoriPreset  *preset)
{
  g_autofree char *top = NULL;
  g_autofree char *place = NULL;
  gboolean english;
  const char *template;
  const char *names[] = { "place", "category", "title", NULL };
  const char *values[4] = { NULL };
  GString *alt;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  top = tayori_builtin_top_category (article);
  place = tayori_builtin_place (article, preset);
  values[0] = place;
  values[1] = top;
  values[2] = tayori_article_get_title (article);
  english = tayori_article_get_language (article) == TAYORI_LANGUAGE_EN;
  if (top[0] != '\0')
    template = english ? alt_en : alt_ja;
  else
    template = english ? alt_en_no_category : alt_ja_no_category;

  /* the card shows exactly these words, so the alt text says them (WCAG 1.1.1) */
  alt = g_string_new (NULL);
  tayori_builtin_fill (alt, template, names, values);
  return g_string_free (alt, FALSE);
}
