/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Posts on WordPress: create, update, read, find by Tayori's client id (plugin route, or the
 * HTML comment through ?search=), list by scope, and status changes. */
#include <glib/gi18n.h>

#include "tayori-cms-wordpress-private.h"

#define EDIT_QUERY "context=edit&_embed=author"
#define LIST_FIELDS "_fields=id,status,title,excerpt,date_gmt,categories,tags,featured_media," \
                    "link,modified_gmt,author,meta,_links,_embedded"

static TayoriWpAction
write_action (const char *status,
              gint64      remote_id)
{
  if (g_strcmp0 (status, "publish") == 0 || g_strcmp0 (status, "future") == 0)
    return TAYORI_WP_DO_PUBLISH;
  return remote_id > 0 ? TAYORI_WP_DO_EDIT : TAYORI_WP_DO_CREATE;
}

TayoriCmsPost *
tayori_cms_wp_write_post (TayoriCmsWordpress  *self,
                          const TayoriWpSite  *site,
                          gint64               remote_id,
                          JsonNode            *json,
                          TayoriWpAction       action,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autofree char *route = remote_id > 0 ? g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT,
                                                            remote_id)
                                         : g_strdup ("/wp/v2/posts");
  TayoriWpCall call = { .method = "POST", .route = route, .query = "context=edit",
                        .json = json, .action = action };
  g_autoptr(JsonNode) node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);

  if (node == NULL)
    return NULL;
  return tayori_cms_wp_post_from_json (node, site->info, error);
}

static TayoriCmsPost *
push (TayoriCmsConnector   *connector,
      const TayoriCmsPost  *post,
      gint64                remote_id,
      GCancellable         *cancellable,
      GError              **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autoptr(JsonNode) json = NULL;

  if (site == NULL)
    return NULL;
  json = tayori_cms_wp_post_to_json (post, site->info->has_plugin);
  return tayori_cms_wp_write_post (self, site, remote_id, json,
                                   write_action (post->status, remote_id), cancellable, error);
}

TayoriCmsPost *
tayori_cms_wp_create_post (TayoriCmsConnector   *connector,
                           const TayoriCmsPost  *post,
                           GCancellable         *cancellable,
                           GError              **error)
{
  return push (connector, post, 0, cancellable, error);
}

TayoriCmsPost *
tayori_cms_wp_update_post (TayoriCmsConnector   *connector,
                           const TayoriCmsPost  *post,
                           GCancellable         *cancellable,
                           GError              **error)
{
  return push (connector, post, post->remote_id, cancellable, error);
}

static TayoriCmsPost *
get_post (TayoriCmsWordpress  *self,
          const TayoriWpSite  *site,
          gint64               remote_id,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autofree char *route = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT, remote_id);
  TayoriWpCall call = { .method = "GET", .route = route, .query = EDIT_QUERY,
                        .action = TAYORI_WP_DO_READ };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  GError *local_error = NULL;

  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, &local_error);
  if (node != NULL)
    return tayori_cms_wp_post_from_json (node, site->info, error);
  if (!g_error_matches (local_error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  /* A post the user may read but not edit any more (a contributor's published post): the
   * view context, whose content is rendered, not as stored; the Markdown meta stands for it
   * when there is one. */
  g_clear_error (&local_error);
  call.query = "context=view&_embed=author";
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  post = node != NULL ? tayori_cms_wp_post_from_json (node, site->info, error) : NULL;
  if (post != NULL && post->markdown != NULL && post->markdown[0] != '\0')
    g_clear_pointer (&post->content_html, g_free);
  return g_steal_pointer (&post);
}

TayoriCmsPost *
tayori_cms_wp_get_post (TayoriCmsConnector  *connector,
                        gint64               remote_id,
                        GCancellable        *cancellable,
                        GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);

  if (site == NULL)
    return NULL;
  return get_post (self, site, remote_id, cancellable, error);
}

/* Without the plugin: the user's posts whose content mentions the id, then the exact comment. */
static TayoriCmsPost *
search_client_id (TayoriCmsWordpress  *self,
                  const TayoriWpSite  *site,
                  const char          *client_id,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autofree char *escaped = g_uri_escape_string (client_id, NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("context=edit&status=any&author=%" G_GINT64_FORMAT
                                            "&search=%s", site->info->user_id, escaped);
  g_autoptr(GPtrArray) items = tayori_cms_wp_get_all (self, site, "/wp/v2/posts", query,
                                                      cancellable, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(TayoriCmsPost) post = tayori_cms_wp_post_from_json (g_ptr_array_index (items, i),
                                                                    site->info, NULL);

      if (post != NULL && g_strcmp0 (post->client_id, client_id) == 0)
        return g_steal_pointer (&post);
    }
  return NULL;
}

TayoriCmsPost *
tayori_cms_wp_find_by_client_id (TayoriCmsConnector  *connector,
                                 const char          *client_id,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autofree char *escaped = g_uri_escape_string (client_id, NULL, FALSE);
  g_autofree char *query = g_strconcat ("client_id=", escaped, NULL);
  TayoriWpCall call = { .method = "GET", .route = "/tayori/v1/find", .query = query,
                        .action = TAYORI_WP_DO_READ };
  g_autoptr(JsonNode) node = NULL;
  gint64 id;

  if (site == NULL)
    return NULL;
  if (!site->info->has_plugin)
    return search_client_id (self, site, client_id, cancellable, error);
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  if (node == NULL)
    return NULL;
  id = JSON_NODE_HOLDS_OBJECT (node) ? tayori_cms_wp_get_int (json_node_get_object (node), "id")
                                     : 0;
  if (id <= 0)
    return NULL;
  return get_post (self, site, id, cancellable, error);
}

GPtrArray *
tayori_cms_wp_list_posts (TayoriCmsConnector  *connector,
                          TayoriCmsScope       scope,
                          GCancellable        *cancellable,
                          GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *query = NULL;
  GPtrArray *posts;

  if (site == NULL)
    return NULL;
  switch (scope)
    {
    case TAYORI_CMS_SCOPE_MINE:
      query = g_strdup_printf (EDIT_QUERY "&" LIST_FIELDS "&status=draft,pending,future"
                               "&author=%" G_GINT64_FORMAT, site->info->user_id);
      break;
    case TAYORI_CMS_SCOPE_PENDING_REVIEW:
      query = g_strdup (EDIT_QUERY "&" LIST_FIELDS "&status=pending");
      break;
    case TAYORI_CMS_SCOPE_PUBLISHED:
    default:
      /* The view context: WordPress hides from the edit context the published posts a
       * contributor can no longer edit, and a contributor must still learn of them. */
      query = g_strdup ("context=view&_embed=author&" LIST_FIELDS "&status=publish");
      break;
    }
  items = tayori_cms_wp_get_all (self, site, "/wp/v2/posts", query, cancellable, error);
  if (items == NULL)
    return NULL;
  posts = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_post_free);
  for (guint i = 0; i < items->len; i++)
    {
      TayoriCmsPost *post = tayori_cms_wp_post_from_json (g_ptr_array_index (items, i),
                                                          site->info, NULL);

      if (post != NULL)
        g_ptr_array_add (posts, post);
    }
  return posts;
}

TayoriCmsPost *
tayori_cms_wp_set_status (TayoriCmsConnector  *connector,
                          gint64               remote_id,
                          const char          *status,
                          GCancellable        *cancellable,
                          GError             **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = tayori_cms_wp_dup_site (self, cancellable, error);
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonObject) object = NULL;

  if (site == NULL)
    return NULL;
  if (g_str_equal (status, "trash"))
    {
      /* Without force WordPress moves the post to the trash and answers with it. */
      g_autofree char *route = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT, remote_id);
      TayoriWpCall call = { .method = "DELETE", .route = route, .query = "context=edit",
                            .action = TAYORI_WP_DO_DELETE };
      g_autoptr(JsonNode) node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);

      return node != NULL ? tayori_cms_wp_post_from_json (node, site->info, error) : NULL;
    }
  object = json_object_new ();
  json_object_set_string_member (object, "status", status);
  json = json_node_init_object (json_node_alloc (), object);
  return tayori_cms_wp_write_post (self, site, remote_id, json, write_action (status, remote_id),
                                   cancellable, error);
}
