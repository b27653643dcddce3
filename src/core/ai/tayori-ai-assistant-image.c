/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A generated image (whatever size and format the service returned) scaled to cover the
 * 1200×630 thumbnail and cropped around its centre, as PNG. */

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "tayori-ai-assistant-private.h"
#include "tayori-thumbnail.h"

GBytes *
tayori_ai_image_fit (GBytes  *image,
                     GError **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (image);
  g_autoptr(GdkPixbuf) source = NULL;
  g_autoptr(GdkPixbuf) fitted = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *png = NULL;
  gsize png_size = 0;
  int width, height;
  double scale;

  source = gdk_pixbuf_new_from_stream (stream, NULL, &local_error);
  if (source == NULL)
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
                   _("The AI service’s image cannot be read: %s"), local_error->message);
      return NULL;
    }

  width = gdk_pixbuf_get_width (source);
  height = gdk_pixbuf_get_height (source);
  scale = MAX ((double) TAYORI_THUMBNAIL_WIDTH / width, (double) TAYORI_THUMBNAIL_HEIGHT / height);

  fitted = gdk_pixbuf_new (GDK_COLORSPACE_RGB, gdk_pixbuf_get_has_alpha (source), 8,
                           TAYORI_THUMBNAIL_WIDTH, TAYORI_THUMBNAIL_HEIGHT);
  gdk_pixbuf_scale (source, fitted, 0, 0, TAYORI_THUMBNAIL_WIDTH, TAYORI_THUMBNAIL_HEIGHT,
                    (TAYORI_THUMBNAIL_WIDTH - width * scale) / 2,
                    (TAYORI_THUMBNAIL_HEIGHT - height * scale) / 2,
                    scale, scale, GDK_INTERP_BILINEAR);

  if (!gdk_pixbuf_save_to_buffer (fitted, &png, &png_size, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&png), png_size);
}
