/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paper newsletter's QR code (libqrencode, level M, quiet zone 4) as PNG through cairo or
 * as SVG written by hand (one path of unit squares), and the print block (title, summary,
 * QR, URL, contact) laid out with pango on a cairo SVG or PDF surface. */
#include <glib/gi18n.h>
#include <qrencode.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "tayori-newsletter.h"

#define QUIET_ZONE       4
#define DEFAULT_MODULE   8
#define MM_TO_PT(mm)     ((mm) * 72.0 / 25.4)
#define BLOCK_WIDTH_MM   90.0
#define BLOCK_PADDING_MM 4.0
#define QR_SIZE_MM       26.0
#define FONT_FAMILY      "Noto Sans CJK JP"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QRcode, QRcode_free)

static QRcode *
encode (const char  *url,
        GError     **error)
{
  QRcode *code;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no address to make a QR code of."));
      return NULL;
    }
  code = QRcode_encodeString8bit (url, 0, QR_ECLEVEL_M);
  if (code == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("The address is too long for a QR code (%zu bytes)."), strlen (url));
  return code;
}

static gboolean
is_dark (const QRcode *code,
         int           x,
         int           y)
{
  return (code->data[y * code->width + x] & 1) != 0;
}

/* Draws the dark modules in a square of @size units starting at (@x, @y), quiet zone
 * included. */
static void
draw_code (cairo_t      *cr,
           const QRcode *code,
           double        x,
           double        y,
           double        size)
{
  double module = size / (code->width + 2 * QUIET_ZONE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (is_dark (code, column, row))
        cairo_rectangle (cr, x + (column + QUIET_ZONE) * module, y + (row + QUIET_ZONE) * module,
                         module, module);
  cairo_fill (cr);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
qr_png (const QRcode  *code,
        guint          module_px,
        GError       **error)
{
  int side = (code->width + 2 * QUIET_ZONE) * module_px;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();
  cairo_status_t status;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  draw_code (cr, code, 0, 0, side);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png_stream (surface, append_to_array, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the QR code: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

/* One path of unit squares on a white background, in module units, so the SVG scales. */
static GBytes *
qr_svg (const QRcode *code)
{
  int side = code->width + 2 * QUIET_ZONE;
  GString *svg = g_string_new (NULL);

  g_string_append_printf (svg,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
    "shape-rendering=\"crispEdges\">\n"
    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"",
    side, side, side * DEFAULT_MODULE, side * DEFAULT_MODULE, side, side);
  for (int row = 0; row < code->width; row++)
    for (int column = 0; column < code->width; column++)
      if (is_dark (code, column, row))
        g_string_append_printf (svg, "M%d %dh1v1h-1z", column + QUIET_ZONE, row + QUIET_ZONE);
  g_string_append (svg, "\"/>\n</svg>\n");
  return g_string_free_to_bytes (svg);
}

GBytes *
tayori_newsletter_qr (const char              *url,
                      TayoriNewsletterFormat   format,
                      guint                    module_px,
                      GError                 **error)
{
  g_autoptr(QRcode) code = encode (url, error);

  if (code == NULL)
    return NULL;
  switch (format)
    {
    case TAYORI_NEWSLETTER_PNG:
      return qr_png (code, module_px != 0 ? module_px : DEFAULT_MODULE, error);
    case TAYORI_NEWSLETTER_SVG:
      return qr_svg (code);
    case TAYORI_NEWSLETTER_PDF:
    default:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A QR code alone is made as PNG or SVG."));
      return NULL;
    }
}

/* Lays out @text at @y in @width points; returns the height used. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      width,
           double      size,
           gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  int text_width, text_height;

  if (text == NULL || *text == '\0')
    return 0;
  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, &text_width, &text_height);
  return (double) text_height / PANGO_SCALE;
}

static char *
contact_text (TayoriArticle *article)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *section = tayori_article_get_contact_section (article);
  const char *phone = tayori_article_get_contact_phone (article);

  if (section != NULL && *section != '\0')
    g_string_append_printf (text, _("Contact: %s"), section);
  if (phone != NULL && *phone != '\0')
    {
      if (text->len > 0)
        g_string_append (text, "  ");
      g_string_append_printf (text, _("Phone: %s"), phone);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Draws the block; returns its height in points. */
static double
draw_block (cairo_t       *cr,
            TayoriArticle *article,
            const char    *url,
            const QRcode  *code)
{
  double padding = MM_TO_PT (BLOCK_PADDING_MM);
  double width = MM_TO_PT (BLOCK_WIDTH_MM) - 2 * padding;
  double qr = MM_TO_PT (QR_SIZE_MM);
  double text_width = width - qr - padding;
  g_autofree char *contact = contact_text (article);
  double y = padding, text_y;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y += draw_text (cr, tayori_article_get_title (article), padding, y, width, 12, TRUE);
  y += padding / 2;
  draw_code (cr, code, padding + text_width + padding, y, qr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  text_y = y + draw_text (cr, tayori_article_get_summary (article), padding, y, text_width, 8.5,
                          FALSE);
  text_y += padding / 2;
  text_y += draw_text (cr, url, padding, text_y, text_width, 7, FALSE);
  y = MAX (text_y, y + qr) + padding / 2;
  y += draw_text (cr, contact, padding, y, width, 7.5, FALSE);
  return y + padding;
}

typedef cairo_surface_t *(*SurfaceNew) (cairo_write_func_t write, void *closure,
                                        double width, double height);

static double
measure_block (TayoriArticle *article,
               const char    *url,
               const QRcode  *code)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double height = draw_block (cr, article, url, code);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

GBytes *
tayori_newsletter_print_block (TayoriArticle           *article,
                               const char              *url,
                               TayoriNewsletterFormat   format,
                               GError                 **error)
{
  g_autoptr(QRcode) code = NULL;
  SurfaceNew surface_new;
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double height;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  if (format == TAYORI_NEWSLETTER_SVG)
    surface_new = cairo_svg_surface_create_for_stream;
  else if (format == TAYORI_NEWSLETTER_PDF)
    surface_new = cairo_pdf_surface_create_for_stream;
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The print block is made as SVG or PDF."));
      return NULL;
    }
  code = encode (url, error);
  if (code == NULL)
    return NULL;

  height = measure_block (article, url, code);
  bytes = g_byte_array_new ();
  surface = surface_new (append_to_array, bytes, MM_TO_PT (BLOCK_WIDTH_MM), height);
  cr = cairo_create (surface);
  draw_block (cr, article, url, code);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (bytes);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the print block: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}
