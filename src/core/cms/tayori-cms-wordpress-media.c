/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Media uploads: the plugin's route for a post (contributors may upload to their own drafts),
 * else /wp/v2/media with the alt text set afterwards; the file name as RFC 5987 says. */
#include <glib/gi18n.h>

#include "tayori-cms-wordpress-private.h"

/* attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded */
static char *
content_disposition (const char *file_name)
{
  g_autofree char *escaped = g_uri_escape_string (file_name, NULL, FALSE);
  GString *fallback = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  for (const char *p = file_name; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_c (fallback, g_ascii_isprint (*p) && *p != '"' && *p != '\\' ? *p : '_');
  ascii = g_string_free (fallback, FALSE);
  return g_strdup_printf ("attachment; filename=\"%s\"; filename*=UTF-8''%s", ascii, escaped);
}

static TayoriCmsMedia *
media_from_json (JsonNode  *node,
                 GError   **error)
{
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                     : NULL;
  TayoriCmsMedia *media;

  if (tayori_cms_wp_get_int (object, "id") <= 0 ||
      tayori_cms_wp_get_string (object, "source_url") == NULL)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("WordPress answered the upload without the file’s address"));
      return NULL;
    }
  media = g_new0 (TayoriCmsMedia, 1);
  media->id = tayori_cms_wp_get_int (object, "id");
  media->url = g_strdup (tayori_cms_wp_get_string (object, "source_url"));
  return media;
}

static gboolean
set_alt_text (TayoriCmsWordpress  *self,
              const TayoriWpSite  *site,
              gint64               media_id,
              const char          *alt_text,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autofree char *route = g_strdup_printf ("/wp/v2/media/%" G_GINT64_FORMAT, media_id);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) node = NULL;
  TayoriWpCall call = { .method = "POST", .route = route, .action = TAYORI_WP_DO_UPLOAD };

  json_object_set_string_member (object, "alt_text", alt_text);
  call.json = json = json_node_init_object (json_node_alloc (), object);
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  return node != NULL;
}

TayoriCmsMedia *
tayori_cms_wp_upload_media (TayoriCmsConnector  *connector,
                            GBytes              *data,
                            const char          *file_name,
                            const char          *mime_type,
                            const char          *alt_text,
                            gint64               post_id,
                            GCancellable        *cancellable,
                            GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autofree char *disposition = content_disposition (file_name);
  g_autofree char *route = NULL;
  g_autofree char *query = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TayoriCmsMedia) media = NULL;
  gboolean plugin_route;
  TayoriWpCall call = { .method = "POST", .body = data, .content_type = mime_type,
                        .disposition = disposition, .action = TAYORI_WP_DO_UPLOAD,
                        .media = TRUE };

  if (site == NULL)
    return NULL;
  plugin_route = site->info->has_plugin && post_id > 0;
  if (plugin_route)
    {
      g_autofree char *alt = g_uri_escape_string (alt_text != NULL ? alt_text : "", NULL, FALSE);

      route = g_strdup_printf ("/tayori/v1/posts/%" G_GINT64_FORMAT "/media", post_id);
      query = g_strconcat ("alt=", alt, NULL);
    }
  else
    {
      route = g_strdup ("/wp/v2/media");
      if (post_id > 0)
        query = g_strdup_printf ("post=%" G_GINT64_FORMAT, post_id);
    }
  call.route = route;
  call.query = query;
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  if (node == NULL)
    return NULL;
  media = media_from_json (node, error);
  if (media == NULL)
    return NULL;
  if (!plugin_route && alt_text != NULL && alt_text[0] != '\0' &&
      !set_alt_text (self, site, media->id, alt_text, cancellable, error))
    return NULL;
  return g_steal_pointer (&media);
}
