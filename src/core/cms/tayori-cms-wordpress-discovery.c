/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Site discovery: the REST API root (/wp-json/, the Link header, or ?rest_route= without
 * pretty permalinks), the signed-in user with roles and capabilities, the tayori-connector
 * plugin; and the site's taxonomy. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-cms-wordpress-private.h"

#define API_LINK_REL "rel=\"https://api.w.org/\""

/* The capabilities Tayori looks at; "tayori_review" comes from the plugin. */
static const char * const used_capabilities[] = {
  "edit_posts", "publish_posts", "upload_files", "edit_others_posts", NULL,
};

static TayoriWpSite *
site_new (const char *api_root)
{
  TayoriWpSite *site = g_atomic_rc_box_new0 (TayoriWpSite);

  /* Routes start with '/', so the root's own trailing '/' goes. */
  site->prefix = g_strndup (api_root, strlen (api_root) - (g_str_has_suffix (api_root, "/") ? 1 : 0));
  site->query_form = strstr (api_root, "rest_route=") != NULL;
  site->info = g_new0 (TayoriCmsSiteInfo, 1);
  site->info->api_root = g_strdup (api_root);
  return site;
}

/* <https://site/wp-json/>; rel="https://api.w.org/" */
static char *
api_link (const TayoriHttpResponse *response)
{
  const char *link = g_hash_table_lookup (response->headers, "link");
  g_auto(GStrv) parts = link != NULL ? g_strsplit (link, ",", -1) : NULL;

  for (guint i = 0; parts != NULL && parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);
      const char *end = strchr (part, '>');

      if (part[0] == '<' && end != NULL && strstr (end, API_LINK_REL) != NULL)
        return g_strndup (part + 1, (gsize) (end - part - 1));
    }
  return NULL;
}

/* The index when @url is a REST API root; NULL (no error) when it is not one. */
static JsonObject *
fetch_index (TayoriCmsWordpress        *self,
             const char                *url,
             TayoriHttpResponse       **out_response,
             GCancellable              *cancellable,
             GError                   **error)
{
  TayoriWpCall call = { .method = "GET", .route = "/", .action = TAYORI_WP_DO_READ };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(JsonNode) node = NULL;

  response = tayori_cms_wp_fetch (self, &call, url, FALSE, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status == 200)
    node = tayori_cms_wp_parse (response, NULL);
  *out_response = g_steal_pointer (&response);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      !json_object_has_member (json_node_get_object (node), "namespaces"))
    return NULL;
  return json_object_ref (json_node_get_object (node));
}

static TayoriWpSite *
find_api_root (TayoriCmsWordpress  *self,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autofree char *pretty = g_strconcat (self->site_url, "wp-json/", NULL);
  g_autofree char *plain = g_strconcat (self->site_url, "?rest_route=/", NULL);
  g_autofree char *linked = NULL;
  const char *candidates[3] = { pretty, NULL, plain };
  TayoriHttpResponse *last = NULL;
  TayoriWpSite *site = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates) && site == NULL; i++)
    {
      g_autoptr(JsonObject) index = NULL;
      GError *local = NULL;

      if (candidates[i] == NULL)
        continue;
      g_clear_pointer (&last, tayori_http_response_free);
      index = fetch_index (self, candidates[i], &last, cancellable, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return NULL;
        }
      if (index != NULL)
        {
          site = site_new (last->effective_url != NULL ? last->effective_url : candidates[i]);
          site->info->site_name = g_strdup (tayori_cms_wp_get_string (index, "name"));
        }
      else if (i == 0)
        candidates[1] = linked = api_link (last);
    }
  if (site == NULL)
    {
      TayoriWpCall call = { .method = "GET", .route = "/", .action = TAYORI_WP_DO_READ };

      if (last->status >= 500 || last->status == 429)
        tayori_cms_wp_set_error (error, NULL, &call, plain, last->status, NULL);
      else
        g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                     _("No WordPress REST API was found at %s (HTTP %u)"),
                     self->site_url, last->status);
    }
  g_clear_pointer (&last, tayori_http_response_free);
  return site;
}

static GStrv
dup_roles (JsonObject *user)
{
  JsonNode *node = json_object_get_member (user, "roles");
  JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node)
                                                                   : NULL;
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *role = json_array_get_string_element (array, i);

      if (role != NULL)
        g_strv_builder_add (roles, role);
    }
  return g_strv_builder_end (roles);
}

static GStrv
dup_capabilities (JsonObject *user,
                  gboolean    reviewer)
{
  JsonNode *node = json_object_get_member (user, "capabilities");
  JsonObject *granted = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node)
                                                                       : NULL;
  g_autoptr(GStrvBuilder) capabilities = g_strv_builder_new ();

  for (guint i = 0; granted != NULL && used_capabilities[i] != NULL; i++)
    if (json_object_has_member (granted, used_capabilities[i]) &&
        json_object_get_boolean_member_with_default (granted, used_capabilities[i], FALSE))
      g_strv_builder_add (capabilities, used_capabilities[i]);
  if (reviewer)
    g_strv_builder_add (capabilities, "tayori_review");
  return g_strv_builder_end (capabilities);
}

/* The plugin's /tayori/v1/info; FALSE without error when the plugin is not there. */
static gboolean
read_plugin (TayoriCmsWordpress  *self,
             TayoriWpSite        *site,
             GCancellable        *cancellable,
             GError             **error)
{
  TayoriWpCall call = { .method = "GET", .route = "/tayori/v1/info",
                        .action = TAYORI_WP_DO_READ };
  g_autoptr(JsonNode) node = NULL;
  GError *local = NULL;
  JsonObject *info;
  JsonObject *user;

  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, &local);
  if (node == NULL)
    {
      if (g_error_matches (local, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING) ||
          g_error_matches (local, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND))
        {
          g_error_free (local);
          return FALSE;
        }
      g_propagate_error (error, local);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("The Tayori connector plugin gave an unexpected answer"));
      return FALSE;
    }
  info = json_node_get_object (node);
  user = json_object_has_member (info, "user") ? json_object_get_object_member (info, "user")
                                               : NULL;
  site->info->has_plugin = TRUE;
  site->info->plugin_version = g_strdup (tayori_cms_wp_get_string (info, "version"));
  site->info->approval_levels = (guint) CLAMP (tayori_cms_wp_get_int (info, "approval_levels"),
                                               0, 3);
  site->info->approver_level = (guint) CLAMP (tayori_cms_wp_get_int (user, "approver_level"),
                                              0, 3);
  return TRUE;
}

TayoriWpSite *
tayori_cms_wp_discover (TayoriCmsWordpress  *self,
                        GCancellable        *cancellable,
                        GError             **error)
{
  TayoriWpCall call = { .method = "GET", .route = "/wp/v2/users/me", .query = "context=edit",
                        .action = TAYORI_WP_DO_READ };
  g_autoptr(TayoriWpSite) site = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *local = NULL;
  JsonObject *user;
  const char *login;

  site = find_api_root (self, cancellable, error);
  if (site == NULL)
    return NULL;
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node) || tayori_cms_wp_get_int (json_node_get_object (node), "id") <= 0)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("WordPress did not say who is signed in"));
      return NULL;
    }
  user = json_node_get_object (node);
  login = tayori_cms_wp_get_string (user, "username");
  site->info->user_id = tayori_cms_wp_get_int (user, "id");
  site->info->user_login = g_strdup (login != NULL ? login : tayori_cms_wp_get_string (user, "slug"));
  site->info->user_display = g_strdup (tayori_cms_wp_get_string (user, "name"));
  site->info->roles = dup_roles (user);

  if (!read_plugin (self, site, cancellable, &local) && local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  site->info->capabilities = dup_capabilities (user, site->info->approver_level > 0);
  return g_steal_pointer (&site);
}

GPtrArray *
tayori_cms_wp_list_terms (TayoriCmsConnector  *connector,
                          TayoriCmsTaxonomy    taxonomy,
                          GCancellable        *cancellable,
                          GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  const char *route = taxonomy == TAYORI_CMS_TAXONOMY_CATEGORY ? "/wp/v2/categories"
                                                               : "/wp/v2/tags";
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *terms;

  if (site == NULL)
    return NULL;
  items = tayori_cms_wp_get_all (self, site, route, "_fields=id,name,slug,parent&hide_empty=false",
                                 cancellable, error);
  if (items == NULL)
    return NULL;
  terms = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_term_free);
  for (guint i = 0; i < items->len; i++)
    {
      JsonObject *object = json_node_get_object (g_ptr_array_index (items, i));

      g_ptr_array_add (terms, tayori_cms_term_new (tayori_cms_wp_get_int (object, "id"),
                                                   tayori_cms_wp_get_string (object, "name"),
                                                   tayori_cms_wp_get_string (object, "slug"),
                                                   tayori_cms_wp_get_int (object, "parent")));
    }
  return terms;
}
