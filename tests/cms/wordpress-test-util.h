/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tests against the real WordPress (tests/cms/wordpress-wrapper.sh) share: connectors
 * per user, admin REST calls that set the scene, sample posts and review steps. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-cms-connector.h"

G_BEGIN_DECLS

/* g_test_init (); FALSE (with a message) when not run under wordpress-wrapper.sh. */
gboolean            wp_test_init          (int                   *argc,
                                           char                ***argv);
TayoriHttpClient   *wp_test_client        (void);
/* FALSE when run with TAYORI_WP_PLUGIN=0 (wordpress-wrapper.sh --no-plugin). */
gboolean            wp_test_with_plugin   (void);
/* Signed in as @user ("contrib", "editor1"…) with its TAYORI_WP_<USER>_PW. */
TayoriCmsConnector *wp_test_connector     (const char            *user);
/* A REST call as admin, outside the connector; the JSON answer (asserts a 2xx). */
JsonNode           *wp_test_admin_call    (const char            *method,
                                           const char            *route,
                                           const char            *json);
/* A draft with a new client id, a table, Markdown, meta and the title's SHA-256 as hash. */
TayoriCmsPost      *wp_test_sample_post   (const char            *title);
/* wp_test_sample_post () created through @connector (asserts success). */
TayoriCmsPost      *wp_test_create        (TayoriCmsConnector    *connector,
                                           const char            *title);
/* A review step on @post at its revision hash. */
TayoriCmsPost      *wp_test_review        (TayoriCmsConnector    *connector,
                                           const TayoriCmsPost   *post,
                                           TayoriCmsReviewAction  action,
                                           const char            *note,
                                           GDateTime             *at,
                                           GError               **error);
gboolean            wp_test_has           (GStrv                  values,
                                           const char            *value);
/* Whether @posts has @remote_id (written by @author unless it is NULL). */
gboolean            wp_test_contains_post (GPtrArray             *posts,
                                           gint64                 remote_id,
                                           const char            *author);

G_END_DECLS
