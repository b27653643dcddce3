/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The TayoriCmsConnector interface: the wrappers check their arguments and call the
 * implementation. */
#include <glib/gi18n.h>

#include "tayori-cms-connector.h"

G_DEFINE_INTERFACE (TayoriCmsConnector, tayori_cms_connector, G_TYPE_OBJECT)

static TayoriCmsPost *
tayori_cms_connector_real_return_to_previous (TayoriCmsConnector  *self,
                                              gint64               remote_id,
                                              const char          *note,
                                              const char          *revision_hash,
                                              GCancellable        *cancellable,
                                              GError             **error)
{
  (void) self;
  (void) remote_id;
  (void) note;
  (void) revision_hash;
  (void) cancellable;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("This CMS cannot return an article to the previous approval level"));
  return NULL;
}

static void
tayori_cms_connector_default_init (TayoriCmsConnectorInterface *iface)
{
  iface->return_to_previous = tayori_cms_connector_real_return_to_previous;
}

#define IFACE(self) TAYORI_CMS_CONNECTOR_GET_IFACE (self)

TayoriCmsSiteInfo *
tayori_cms_connector_discover (TayoriCmsConnector  *self,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->discover (self, cancellable, error);
}

GPtrArray *
tayori_cms_connector_list_terms (TayoriCmsConnector  *self,
                                 TayoriCmsTaxonomy    taxonomy,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_terms (self, taxonomy, cancellable, error);
}

TayoriCmsMedia *
tayori_cms_connector_upload_media (TayoriCmsConnector  *self,
                                   GBytes              *data,
                                   const char          *file_name,
                                   const char          *mime_type,
                                   const char          *alt_text,
                                   gint64               post_id,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (file_name != NULL && mime_type != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->upload_media (self, data, file_name, mime_type, alt_text, post_id,
                                     cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_create_post (TayoriCmsConnector   *self,
                                  const TayoriCmsPost  *post,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (post != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->create_post (self, post, cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_update_post (TayoriCmsConnector   *self,
                                  const TayoriCmsPost  *post,
                                  GCancellable         *cancellable,
                                  GError              **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (post != NULL && post->remote_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->update_post (self, post, cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_get_post (TayoriCmsConnector  *self,
                               gint64               remote_id,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (remote_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->get_post (self, remote_id, cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_find_by_client_id (TayoriCmsConnector  *self,
                                        const char          *client_id,
                                        GCancellable        *cancellable,
                                        GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (client_id != NULL && client_id[0] != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->find_by_client_id (self, client_id, cancellable, error);
}

GPtrArray *
tayori_cms_connector_list_posts (TayoriCmsConnector  *self,
                                 TayoriCmsScope       scope,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->list_posts (self, scope, cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_review (TayoriCmsConnector     *self,
                             gint64                  remote_id,
                             TayoriCmsReviewAction   action,
                             const char             *note,
                             const char             *revision_hash,
                             GDateTime              *publish_at,
                             GCancellable           *cancellable,
                             GError                **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (remote_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->review (self, remote_id, action, note, revision_hash, publish_at,
                               cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_return_to_previous (TayoriCmsConnector  *self,
                                         gint64               remote_id,
                                         const char          *note,
                                         const char          *revision_hash,
                                         GCancellable        *cancellable,
                                         GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (remote_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->return_to_previous (self, remote_id, note, revision_hash, cancellable, error);
}

TayoriCmsPost *
tayori_cms_connector_set_status (TayoriCmsConnector  *self,
                                 gint64               remote_id,
                                 const char          *status,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  g_return_val_if_fail (TAYORI_IS_CMS_CONNECTOR (self), NULL);
  g_return_val_if_fail (remote_id > 0, NULL);
  g_return_val_if_fail (status != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return IFACE (self)->set_status (self, remote_id, status, cancellable, error);
}
