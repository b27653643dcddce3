/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fits images to each network's limits (see tayori-post-image-fit.h). */
#include <math.h>
#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "tayori-post-image-fit.h"

typedef struct {
  guint   max_side;     /* longest side in pixels, 0 = no limit */
  guint64 max_pixels;   /* width × height, 0 = no limit */
  gsize   max_bytes;
} ImageLimits;

/* X: 5 MB per image, 4096 px (media upload); Bluesky: 2,000,000 bytes for images and
 * 1,000,000 for a card's thumb (app.bsky.embed.images / external lexicons), 2000 px as its app
 * sends; Mastodon: 16 MB and 3840×2160 pixels (the server's default image limits). */
static ImageLimits
limits_for (TayoriPostNetwork  network,
            TayoriPostImageUse use)
{
  switch (network)
    {
    case TAYORI_POST_NETWORK_X:
      return (ImageLimits) { 4096, 0, 5 * 1000 * 1000 };
    case TAYORI_POST_NETWORK_BLUESKY:
      return (ImageLimits) { 2000, 0, use == TAYORI_POST_IMAGE_CARD ? 1000000 : 2000000 };
    case TAYORI_POST_NETWORK_MASTODON:
      return (ImageLimits) { 0, 3840 * 2160, 16 * 1024 * 1024 };
    case TAYORI_POST_NETWORK_LINE:
    default:
      return (ImageLimits) { 0, 0, G_MAXSIZE };
    }
}

static gboolean
fits (const ImageLimits *limits,
      guint              width,
      guint              height,
      gsize              bytes)
{
  return (limits->max_side == 0 || MAX (width, height) <= limits->max_side)
         && (limits->max_pixels == 0 || (guint64) width * height <= limits->max_pixels)
         && bytes <= limits->max_bytes;
}

/* The scale (≤ 1) that brings the size within the side and pixel limits. */
static double
scale_for (const ImageLimits *limits,
           guint              width,
           guint              height)
{
  double scale = 1.0;

  if (limits->max_side != 0 && MAX (width, height) > limits->max_side)
    scale = (double) limits->max_side / MAX (width, height);
  if (limits->max_pixels != 0 && (guint64) width * height * scale * scale > limits->max_pixels)
    scale = sqrt ((double) limits->max_pixels / ((double) width * height));
  return scale;
}

static GBytes *
encode (GdkPixbuf   *pixbuf,
        const char  *type,
        const char  *quality,
        GError     **error)
{
  char *buffer = NULL;
  gsize size = 0;
  gboolean saved;

  if (quality != NULL)
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, error,
                                       "quality", quality, NULL);
  else
    saved = gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, error, NULL);
  return saved ? g_bytes_new_take (buffer, size) : NULL;
}

/* PNG when the image has transparency and fits; otherwise JPEG at falling quality. */
static GBytes *
encode_within (GdkPixbuf          *pixbuf,
               const ImageLimits  *limits,
               const char        **out_mime,
               GError            **error)
{
  static const char * const qualities[] = { "90", "80", "70", "60", "50" };
  g_autoptr(GdkPixbuf) opaque = NULL;

  if (gdk_pixbuf_get_has_alpha (pixbuf))
    {
      g_autoptr(GBytes) png = encode (pixbuf, "png", NULL, error);

      if (png == NULL)
        return NULL;
      if (g_bytes_get_size (png) <= limits->max_bytes)
        {
          *out_mime = "image/png";
          return g_steal_pointer (&png);
        }
      /* JPEG has no alpha: flatten onto white */
      opaque = gdk_pixbuf_composite_color_simple (pixbuf, gdk_pixbuf_get_width (pixbuf),
                                                  gdk_pixbuf_get_height (pixbuf),
                                                  GDK_INTERP_BILINEAR, 255, 8,
                                                  0xffffff, 0xffffff);
      pixbuf = opaque;
    }
  for (guint i = 0; i < G_N_ELEMENTS (qualities); i++)
    {
      g_autoptr(GBytes) jpeg = encode (pixbuf, "jpeg", qualities[i], error);

      if (jpeg == NULL)
        return NULL;
      if (g_bytes_get_size (jpeg) <= limits->max_bytes)
        {
          *out_mime = "image/jpeg";
          return g_steal_pointer (&jpeg);
        }
    }
  g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
               _("The image is too large for this network even after shrinking it."));
  return NULL;
}

static GdkPixbuf *
decode (GBytes  *data,
        GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;

  if (!gdk_pixbuf_loader_write_bytes (loader, data, NULL)
      || !gdk_pixbuf_loader_close (loader, NULL)
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("The file is not an image that can be posted."));
      return NULL;
    }
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

TayoriChannelImage *
tayori_post_image_fit (const TayoriChannelImage  *image,
                       TayoriPostNetwork          network,
                       TayoriPostImageUse         use,
                       GError                   **error)
{
  ImageLimits limits = limits_for (network, use);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autoptr(GBytes) data = NULL;
  const char *mime_type = NULL;
  TayoriChannelImage *fitted;
  double scale;
  guint width, height;

  g_return_val_if_fail (image != NULL && image->data != NULL, NULL);
  if (network == TAYORI_POST_NETWORK_LINE)
    return tayori_channel_image_copy (image);
  pixbuf = decode (image->data, error);
  if (pixbuf == NULL)
    return NULL;
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  if (fits (&limits, width, height, g_bytes_get_size (image->data)))
    {
      fitted = tayori_channel_image_copy (image);
      fitted->width = width;
      fitted->height = height;
      return fitted;
    }
  scale = scale_for (&limits, width, height);
  width = MAX (1, (guint) (width * scale));
  height = MAX (1, (guint) (height * scale));
  scaled = scale < 1.0 ? gdk_pixbuf_scale_simple (pixbuf, width, height, GDK_INTERP_HYPER)
                       : g_object_ref (pixbuf);
  data = encode_within (scaled, &limits, &mime_type, error);
  if (data == NULL)
    return NULL;
  fitted = tayori_channel_image_new (data, mime_type, image->alt, width, height);
  fitted->url = g_strdup (image->url);
  return fitted;
}
