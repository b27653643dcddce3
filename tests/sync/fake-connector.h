/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An in-process TayoriCmsConnector for the sync tests: one shared fake site (posts, media,
 * terms, the plugin's review rules) seen through a connector per user, with scripted
 * failures (transient errors, a lost create answer, a remote edit, slow calls). */
#pragma once

#include "tayori-cms-connector.h"
#include "tayori-cms-error.h"

G_BEGIN_DECLS

typedef struct _FakeSite FakeSite;

typedef struct {
  gint64  id;
  gint64  post_id;
  char   *file_name;
  char   *mime_type;
  char   *alt;
  gsize   size;
} FakeMedia;

FakeSite      *fake_site_new                 (guint approval_levels);
void           fake_site_free                (FakeSite *site);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeSite, fake_site_free)
/* The next @count write calls (create, update, upload, review) fail with UNREACHABLE. */
void           fake_site_fail_transiently    (FakeSite *site, guint count);
/* The next write fails with @code (not transient). */
void           fake_site_fail_once           (FakeSite *site, TayoriCmsError code);
/* The next create stores the post but answers UNREACHABLE (the answer was lost). */
void           fake_site_lose_next_create    (FakeSite *site);
/* Uploads fail with PLUGIN_MISSING (a contributor on a site without the plugin). */
void           fake_site_refuse_uploads      (FakeSite *site);
/* Each call sleeps @ms (to see the parallel limit). */
void           fake_site_set_delay           (FakeSite *site, guint ms);
/* Another user edits the post's title and body through the CMS. */
void           fake_site_edit_remotely       (FakeSite *site, gint64 id, const char *title,
                                              const char *content);
/* A copy of the stored post, NULL when absent. */
TayoriCmsPost *fake_site_get                 (FakeSite *site, gint64 id);
guint          fake_site_count_posts         (FakeSite *site, const char *client_id);
guint          fake_site_count_calls         (FakeSite *site, const char *call);
/* The most calls that ran at the same time. */
guint          fake_site_max_concurrent      (FakeSite *site);
/* Titles of the posts in the order the writes reached the site ("create:T", "update:T"). */
GPtrArray     *fake_site_dup_journal         (FakeSite *site);
/* Element FakeMedia (owned by the site). */
GPtrArray     *fake_site_get_media           (FakeSite *site);
void           fake_site_add_term            (FakeSite *site, TayoriCmsTaxonomy taxonomy,
                                              gint64 id, const char *name, const char *slug,
                                              gint64 parent);

#define FAKE_TYPE_CONNECTOR (fake_connector_get_type ())
G_DECLARE_FINAL_TYPE (FakeConnector, fake_connector, FAKE, CONNECTOR, GObject)

FakeConnector *fake_connector_new            (FakeSite *site, const char *login);

G_END_DECLS
