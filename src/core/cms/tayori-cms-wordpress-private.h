/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the WordPress connector's files share: the object, the discovered site (API root and
 * the signed-in user), one REST call, error classification and the JSON mapping. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"

G_BEGIN_DECLS

/* Immutable once discovered; shared by reference between worker threads. */
typedef struct {
  char              *prefix;      /* routes are appended: "https://site/wp-json" or
                                   * "https://site/?rest_route=" */
  gboolean           query_form;  /* the query of a route is joined with '&' */
  TayoriCmsSiteInfo *info;
} TayoriWpSite;

struct _TayoriCmsWordpress
{
  GObject           parent_instance;

  char             *site_url;     /* with a trailing '/' */
  char             *user;
  char             *password;
  char             *token;        /* base64 (user:password) */
  TayoriHttpClient *client;
  guint             timeout;      /* 0 = the defaults */

  GMutex            lock;         /* guards site */
  TayoriWpSite     *site;
};

/* What a call does, so a 403 can say what the role cannot do. */
typedef enum {
  TAYORI_WP_DO_READ,
  TAYORI_WP_DO_CREATE,
  TAYORI_WP_DO_EDIT,
  TAYORI_WP_DO_PUBLISH,
  TAYORI_WP_DO_UPLOAD,
  TAYORI_WP_DO_DELETE,
  TAYORI_WP_DO_REVIEW,
  TAYORI_WP_DO_APPROVE,
} TayoriWpAction;

typedef struct {
  const char     *method;
  const char     *route;         /* "/wp/v2/posts/12" */
  const char     *query;         /* "context=edit&per_page=100", values escaped; may be NULL */
  JsonNode       *json;          /* the body as JSON, or: */
  GBytes         *body;          /* a raw body with */
  const char     *content_type;
  const char     *disposition;
  TayoriWpAction  action;
  gboolean        media;         /* the long timeout */
} TayoriWpCall;

TayoriWpSite *tayori_wp_site_ref   (TayoriWpSite *site);
void          tayori_wp_site_unref (TayoriWpSite *site);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriWpSite, tayori_wp_site_unref)

/* tayori-cms-wordpress.c: the site discovered once (again after a failed discovery). */
TayoriWpSite  *tayori_cms_wp_dup_site       (TayoriCmsWordpress  *self,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* tayori-cms-wordpress-discovery.c */
TayoriWpSite  *tayori_cms_wp_discover       (TayoriCmsWordpress  *self,
                                             GCancellable        *cancellable,
                                             GError             **error);
GPtrArray     *tayori_cms_wp_list_terms     (TayoriCmsConnector  *connector,
                                             TayoriCmsTaxonomy    taxonomy,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* tayori-cms-wordpress-request.c */
char          *tayori_cms_wp_url            (const TayoriWpSite  *site,
                                             const char          *route,
                                             const char          *query);
/* @url with or without the Authorization header; redirects followed only without it.
 * Transport failures and oversized bodies are errors; any HTTP status is returned. */
TayoriHttpResponse *tayori_cms_wp_fetch     (TayoriCmsWordpress  *self,
                                             const TayoriWpCall  *call,
                                             const char          *url,
                                             gboolean             authenticated,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* The body as JSON, or TAYORI_CMS_ERROR_BAD_RESPONSE. */
JsonNode      *tayori_cms_wp_parse          (const TayoriHttpResponse *response,
                                             GError             **error);
/* An authenticated call: the JSON answer of a 2xx response, else a classified error. */
JsonNode      *tayori_cms_wp_send           (TayoriCmsWordpress  *self,
                                             const TayoriWpSite  *site,
                                             const TayoriWpCall  *call,
                                             TayoriHttpResponse **out_response,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* Every object of a collection, all pages (per_page=100, X-WP-TotalPages). */
GPtrArray     *tayori_cms_wp_get_all        (TayoriCmsWordpress  *self,
                                             const TayoriWpSite  *site,
                                             const char          *route,
                                             const char          *query,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* tayori-cms-wordpress-errors.c: an error for a non-2xx answer (@body may be NULL). */
void           tayori_cms_wp_set_error      (GError             **error,
                                             const TayoriWpSite  *site,
                                             const TayoriWpCall  *call,
                                             const char          *url,
                                             guint                status,
                                             JsonNode            *body);

/* tayori-cms-wordpress-json.c */
const char    *tayori_cms_wp_get_string     (JsonObject          *object,
                                             const char          *member);
gint64         tayori_cms_wp_get_int        (JsonObject          *object,
                                             const char          *member);
JsonNode      *tayori_cms_wp_post_to_json   (const TayoriCmsPost *post,
                                             gboolean             has_plugin);
TayoriCmsPost *tayori_cms_wp_post_from_json (JsonNode            *node,
                                             const TayoriCmsSiteInfo *info,
                                             GError             **error);
/* "<!-- tayori-client-id: UUID -->", the client id's home without the plugin. */
char          *tayori_cms_wp_client_id_comment (const char       *client_id);

/* tayori-cms-wordpress-posts.c */
TayoriCmsPost *tayori_cms_wp_create_post    (TayoriCmsConnector  *connector,
                                             const TayoriCmsPost *post,
                                             GCancellable        *cancellable,
                                             GError             **error);
TayoriCmsPost *tayori_cms_wp_update_post    (TayoriCmsConnector  *connector,
                                             const TayoriCmsPost *post,
                                             GCancellable        *cancellable,
                                             GError             **error);
TayoriCmsPost *tayori_cms_wp_get_post       (TayoriCmsConnector  *connector,
                                             gint64               remote_id,
                                             GCancellable        *cancellable,
                                             GError             **error);
TayoriCmsPost *tayori_cms_wp_find_by_client_id (TayoriCmsConnector *connector,
                                             const char          *client_id,
                                             GCancellable        *cancellable,
                                             GError             **error);
GPtrArray     *tayori_cms_wp_list_posts     (TayoriCmsConnector  *connector,
                                             TayoriCmsScope       scope,
                                             GCancellable        *cancellable,
                                             GError             **error);
TayoriCmsPost *tayori_cms_wp_set_status     (TayoriCmsConnector  *connector,
                                             gint64               remote_id,
                                             const char          *status,
                                             GCancellable        *cancellable,
                                             GError             **error);
/* Sends @json to /wp/v2/posts (@remote_id 0) or /wp/v2/posts/<id>: the post as stored. */
TayoriCmsPost *tayori_cms_wp_write_post     (TayoriCmsWordpress  *self,
                                             const TayoriWpSite  *site,
                                             gint64               remote_id,
                                             JsonNode            *json,
                                             TayoriWpAction       action,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* tayori-cms-wordpress-media.c */
TayoriCmsMedia *tayori_cms_wp_upload_media  (TayoriCmsConnector  *connector,
                                             GBytes              *data,
                                             const char          *file_name,
                                             const char          *mime_type,
                                             const char          *alt_text,
                                             gint64               post_id,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* tayori-cms-wordpress-review.c */
TayoriCmsPost *tayori_cms_wp_review         (TayoriCmsConnector  *connector,
                                             gint64               remote_id,
                                             TayoriCmsReviewAction action,
                                             const char          *note,
                                             const char          *revision_hash,
                                             GDateTime           *publish_at,
                                             GCancellable        *cancellable,
                                             GError             **error);
TayoriCmsPost *tayori_cms_wp_return_to_previous (TayoriCmsConnector  *connector,
                                                 gint64               remote_id,
                                                 const char          *note,
                                                 const char          *revision_hash,
                                                 GCancellable        *cancellable,
                                                 GError             **error);

G_END_DECLS
