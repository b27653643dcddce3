/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reviews through the plugin's /tayori/v1/posts/<id>/review (who, when, which revision, the
 * approval levels); without the plugin only a submit is possible, as a status change. */
#include <glib/gi18n.h>

#include "tayori-cms-wordpress-private.h"

static const char * const action_names[] = {
  [TAYORI_CMS_REVIEW_SUBMIT] = "submit",
  [TAYORI_CMS_REVIEW_APPROVE] = "approve",
  [TAYORI_CMS_REVIEW_RETURN] = "return",
};

static JsonNode *
review_json (TayoriCmsReviewAction  action,
             const char            *note,
             const char            *revision_hash,
             GDateTime             *publish_at,
             const char            *to)
{
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_string_member (object, "action", action_names[action]);
  if (to != NULL && action == TAYORI_CMS_REVIEW_RETURN)
    json_object_set_string_member (object, "to", to);
  if (note != NULL)
    json_object_set_string_member (object, "note", note);
  if (revision_hash != NULL)
    json_object_set_string_member (object, "revision_hash", revision_hash);
  if (publish_at != NULL && action == TAYORI_CMS_REVIEW_APPROVE)
    {
      g_autofree char *at = g_date_time_format (publish_at, "%Y-%m-%dT%H:%M:%S%:z");

      json_object_set_string_member (object, "publish_at", at);
    }
  return json_node_init_object (json_node_alloc (), object);
}

/* @to: where a return goes ("author", "previous"), NULL for the plugin's default. */
static TayoriCmsPost *
review (TayoriCmsConnector     *connector,
        gint64                  remote_id,
        TayoriCmsReviewAction   action,
        const char             *note,
        const char             *revision_hash,
        GDateTime              *publish_at,
        const char             *to,
        GCancellable           *cancellable,
        GError                **error)
{
  TayoriCmsWordpress *self = TAYORI_CMS_WORDPRESS (connector);
  g_autoptr(TayoriWpSite) site = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *route = NULL;
  TayoriWpCall call = { .method = "POST" };

  g_return_val_if_fail ((guint) action < G_N_ELEMENTS (action_names), NULL);

  site = tayori_cms_wp_dup_site (self, cancellable, error);
  if (site == NULL)
    return NULL;
  if (!site->info->has_plugin && action == TAYORI_CMS_REVIEW_SUBMIT)
    return tayori_cms_connector_set_status (connector, remote_id, "pending", cancellable, error);
  if (!site->info->has_plugin)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING,
                   _("Approving and returning articles needs the Tayori connector plugin on %s"),
                   self->site_url);
      return NULL;
    }

  route = g_strdup_printf ("/tayori/v1/posts/%" G_GINT64_FORMAT "/review", remote_id);
  json = review_json (action, note, revision_hash, publish_at, to);
  call.route = route;
  call.json = json;
  call.action = action == TAYORI_CMS_REVIEW_SUBMIT ? TAYORI_WP_DO_EDIT : TAYORI_WP_DO_REVIEW;
  node = tayori_cms_wp_send (self, site, &call, NULL, cancellable, error);
  if (node == NULL)
    return NULL;
  /* The review answer has the status and log, not the whole post: modified_gmt changed too. */
  return tayori_cms_connector_get_post (connector, remote_id, cancellable, error);
}

TayoriCmsPost *
tayori_cms_wp_review (TayoriCmsConnector     *connector,
                      gint64                  remote_id,
                      TayoriCmsReviewAction   action,
                      const char             *note,
                      const char             *revision_hash,
                      GDateTime              *publish_at,
                      GCancellable           *cancellable,
                      GError                **error)
{
  return review (connector, remote_id, action, note, revision_hash, publish_at, NULL,
                 cancellable, error);
}

TayoriCmsPost *
tayori_cms_wp_return_to_previous (TayoriCmsConnector  *connector,
                                  gint64               remote_id,
                                  const char          *note,
                                  const char          *revision_hash,
                                  GCancellable        *cancellable,
                                  GError             **error)
{
  return review (connector, remote_id, TAYORI_CMS_REVIEW_RETURN, note, revision_hash, NULL,
                 "previous", cancellable, error);
}
