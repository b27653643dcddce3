/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsConnector: what Tayori needs of a CMS. One implementation per CMS in its own files
 * (tayori-cms-wordpress*.c). Every method is blocking and runs on a worker thread (the sync
 * engine's); errors are TAYORI_CMS_ERROR (tayori-cms-error.h) or G_IO_ERROR_CANCELLED. */
#pragma once

#include <gio/gio.h>
#include "tayori-accounts.h"
#include "tayori-cms-types.h"
#include "tayori-http-client.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_CMS_SCOPE_MINE,            /* my posts that are not published: draft, pending, future */
  TAYORI_CMS_SCOPE_PENDING_REVIEW,  /* every post waiting for review (editors) */
  TAYORI_CMS_SCOPE_PUBLISHED,       /* published posts (for the maintenance view) */
} TayoriCmsScope;

typedef enum {
  TAYORI_CMS_REVIEW_SUBMIT,   /* author: status pending, optional note */
  TAYORI_CMS_REVIEW_APPROVE,  /* approver: records the approval; the last level publishes, or
                               * schedules when a time is given */
  TAYORI_CMS_REVIEW_RETURN,   /* approver: back to the author (draft) or to the previous level;
                               * note required */
} TayoriCmsReviewAction;

#define TAYORI_TYPE_CMS_CONNECTOR (tayori_cms_connector_get_type ())
G_DECLARE_INTERFACE (TayoriCmsConnector, tayori_cms_connector, TAYORI, CMS_CONNECTOR, GObject)

struct _TayoriCmsConnectorInterface
{
  GTypeInterface parent_iface;

  TayoriCmsSiteInfo *(*discover)          (TayoriCmsConnector *self, GCancellable *cancellable,
                                           GError **error);
  GPtrArray         *(*list_terms)        (TayoriCmsConnector *self, TayoriCmsTaxonomy taxonomy,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsMedia    *(*upload_media)      (TayoriCmsConnector *self, GBytes *data,
                                           const char *file_name, const char *mime_type,
                                           const char *alt_text, gint64 post_id,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*create_post)       (TayoriCmsConnector *self, const TayoriCmsPost *post,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*update_post)       (TayoriCmsConnector *self, const TayoriCmsPost *post,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*get_post)          (TayoriCmsConnector *self, gint64 remote_id,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*find_by_client_id) (TayoriCmsConnector *self, const char *client_id,
                                           GCancellable *cancellable, GError **error);
  GPtrArray         *(*list_posts)        (TayoriCmsConnector *self, TayoriCmsScope scope,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*review)            (TayoriCmsConnector *self, gint64 remote_id,
                                           TayoriCmsReviewAction action, const char *note,
                                           const char *revision_hash, GDateTime *publish_at,
                                           GCancellable *cancellable, GError **error);
  TayoriCmsPost     *(*set_status)        (TayoriCmsConnector *self, gint64 remote_id,
                                           const char *status, GCancellable *cancellable,
                                           GError **error);
  /* Optional; the default fails with G_IO_ERROR_NOT_SUPPORTED. */
  TayoriCmsPost     *(*return_to_previous) (TayoriCmsConnector *self, gint64 remote_id,
                                            const char *note, const char *revision_hash,
                                            GCancellable *cancellable, GError **error);
};

/* The signed-in user, roles, capabilities and whether the plugin is there ("test connection"). */
TayoriCmsSiteInfo *tayori_cms_connector_discover          (TayoriCmsConnector *self,
                                                           GCancellable *cancellable, GError **error);
/* Element type TayoriCmsTerm, every term (all pages). */
GPtrArray         *tayori_cms_connector_list_terms        (TayoriCmsConnector *self,
                                                           TayoriCmsTaxonomy taxonomy,
                                                           GCancellable *cancellable, GError **error);
/* @post_id 0 = not attached to a post. Contributors can upload only with the plugin. */
TayoriCmsMedia    *tayori_cms_connector_upload_media      (TayoriCmsConnector *self, GBytes *data,
                                                           const char *file_name,
                                                           const char *mime_type,
                                                           const char *alt_text, gint64 post_id,
                                                           GCancellable *cancellable, GError **error);
/* Returns the post as the CMS stored it (id, link, modified_gmt, author…). */
TayoriCmsPost     *tayori_cms_connector_create_post       (TayoriCmsConnector *self,
                                                           const TayoriCmsPost *post,
                                                           GCancellable *cancellable, GError **error);
TayoriCmsPost     *tayori_cms_connector_update_post       (TayoriCmsConnector *self,
                                                           const TayoriCmsPost *post,
                                                           GCancellable *cancellable, GError **error);
TayoriCmsPost     *tayori_cms_connector_get_post          (TayoriCmsConnector *self, gint64 remote_id,
                                                           GCancellable *cancellable, GError **error);
/* NULL without error when no post carries @client_id (reconciling a create whose answer was
 * lost). With the plugin the id is post meta; without it, an HTML comment
 * "<!-- tayori-client-id: UUID -->" at the end of the content, found through ?search=. */
TayoriCmsPost     *tayori_cms_connector_find_by_client_id (TayoriCmsConnector *self,
                                                           const char *client_id,
                                                           GCancellable *cancellable, GError **error);
/* Element type TayoriCmsPost (content may be left out of list entries: call get_post). */
GPtrArray         *tayori_cms_connector_list_posts        (TayoriCmsConnector *self,
                                                           TayoriCmsScope scope,
                                                           GCancellable *cancellable, GError **error);
/* Needs the plugin (TAYORI_CMS_ERROR_PLUGIN_MISSING) except SUBMIT, which without it only sets
 * the status to pending. @publish_at (any zone) schedules on the last approval. */
TayoriCmsPost     *tayori_cms_connector_review            (TayoriCmsConnector *self,
                                                           gint64 remote_id,
                                                           TayoriCmsReviewAction action,
                                                           const char *note,
                                                           const char *revision_hash,
                                                           GDateTime *publish_at,
                                                           GCancellable *cancellable, GError **error);
/* RETURN to the previous approval level instead of the author: one approval less, the post
 * stays pending; note required. G_IO_ERROR_NOT_SUPPORTED when the CMS cannot (or
 * TAYORI_CMS_ERROR_PLUGIN_MISSING). */
TayoriCmsPost     *tayori_cms_connector_return_to_previous (TayoriCmsConnector *self,
                                                           gint64 remote_id, const char *note,
                                                           const char *revision_hash,
                                                           GCancellable *cancellable,
                                                           GError **error);
/* "draft" (unpublish), "trash" (archive), "private". */
TayoriCmsPost     *tayori_cms_connector_set_status        (TayoriCmsConnector *self,
                                                           gint64 remote_id, const char *status,
                                                           GCancellable *cancellable, GError **error);

/* The connector for an account's type ("wordpress"), with its secret (never kept beyond the
 * object, never logged). NULL with G_IO_ERROR_NOT_SUPPORTED for an unknown type, or
 * TAYORI_CMS_ERROR_INSECURE for plain HTTP to a non-loopback host. Defined in
 * tayori-cms-connectors.c, the one place that lists the implementations. */
TayoriCmsConnector *tayori_cms_connector_new_for_account  (const TayoriAccount *account,
                                                           const char *secret,
                                                           TayoriHttpClient *client,
                                                           GError **error);

G_END_DECLS
