/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of TayoriCmsSync share: the state the outbox's worker threads use (a small
 * refcounted core, so running items never hold the GObject), the cms_links rows, the
 * article <-> post conversion, and the item runners. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-cms-sync.h"

G_BEGIN_DECLS

typedef struct {
  gatomicrefcount   ref;
  TayoriStore      *store;
  TayoriPreset     *preset;
  char             *media_dir;
  GMutex            lock;          /* guards the two tables */
  GHashTable       *connectors;    /* account name -> TayoriCmsConnector */
  GHashTable       *injected;      /* account names whose connector the caller set */
  GHashTable       *terms;         /* "account/taxonomy" -> GPtrArray of TayoriCmsTerm */
} TayoriCmsSyncCore;

TayoriCmsSyncCore  *tayori_cms_sync_get_core       (TayoriCmsSync *self);
/* A task of @self with its source tag and data (the shape of every _async here). */
GTask              *tayori_cms_sync_task_new       (TayoriCmsSync *self, gpointer source_tag,
                                                    gpointer data, GDestroyNotify data_free,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncCore  *tayori_cms_sync_core_ref       (TayoriCmsSyncCore *core);
void                tayori_cms_sync_core_unref     (TayoriCmsSyncCore *core);
/* Worker threads only: the injected connector, or one made from the account and its secret. */
TayoriCmsConnector *tayori_cms_sync_core_connector (TayoriCmsSyncCore *core, const char *account,
                                                    GCancellable *cancellable, GError **error);
/* After an authentication error: the next call looks the secret up again (a reconnect). */
void                tayori_cms_sync_core_forget_connector (TayoriCmsSyncCore *core, const char *account);
TayoriAccount      *tayori_cms_sync_core_account   (TayoriCmsSyncCore *core, const char *name,
                                                    GError **error);
/* Cached per account (a new reference). */
GPtrArray          *tayori_cms_sync_core_terms     (TayoriCmsSyncCore *core, const char *account,
                                                    TayoriCmsTaxonomy taxonomy,
                                                    GCancellable *cancellable, GError **error);

/* A cms_links row (tayori-cms-sync-links.c). */
typedef struct {
  gint64  article_id;
  char   *account;
  char   *client_id;
  gint64  remote_id;
  char   *remote_status;
  char   *remote_link;
  char   *remote_author;
  char   *synced_modified;
  char   *synced_hash;
  char   *synced_content;   /* SHA-256 of the remote content as last synced; kept after a space
                             * in the synced_hash column */
  gint64  synced_revision;
  char   *reviewed_snapshot;
  char   *review_note;
  char   *conflict_snapshot;
} TayoriCmsLink;

void           tayori_cms_link_free          (TayoriCmsLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsLink, tayori_cms_link_free)
/* NULL without error when the article has no link. */
TayoriCmsLink *tayori_cms_link_load          (TayoriStore *store, gint64 article_id, GError **error);
TayoriCmsLink *tayori_cms_link_find_remote   (TayoriStore *store, const char *account,
                                              gint64 remote_id, GError **error);
gboolean       tayori_cms_link_save          (TayoriStore *store, const TayoriCmsLink *link,
                                              GError **error);
/* Replaces the article's mirrored review log with @log (TayoriCmsReviewEntry). */
gboolean       tayori_cms_link_save_log      (TayoriStore *store, gint64 article_id,
                                              const char *account, gint64 remote_id,
                                              GPtrArray *log, GError **error);
/* The newest revision id of the article, 0 when none. */
gint64         tayori_cms_link_latest_revision (TayoriStore *store, gint64 article_id,
                                              GError **error);
TayoriCmsSyncStatus *tayori_cms_link_status  (TayoriStore *store, gint64 article_id, GError **error);
/* Copies what the CMS read back (status, link, author, modified, approvals) into @link. */
void           tayori_cms_link_take_post     (TayoriCmsLink *link, const TayoriCmsPost *post);

/* Conversion (tayori-cms-sync-convert.c). */
char          *tayori_cms_article_to_snapshot (TayoriArticle *article);
TayoriArticle *tayori_cms_article_from_snapshot (const char *snapshot, GError **error);
char          *tayori_cms_article_meta_json   (TayoriArticle *article);
/* The remote post as an article: the plugin's Markdown and meta, or the HTML as the body.
 * @categories: TayoriCmsTerm of the site (may be NULL) to name the categories. */
TayoriArticle *tayori_cms_article_from_post   (const TayoriCmsPost *post, GPtrArray *categories);
/* SHA-256 hex of the post's content as the CMS stores it (content.raw), NULL when unknown. */
char          *tayori_cms_post_content_hash  (const TayoriCmsPost *post);
/* The remote side of a conflict: from the HTML when the content on the CMS is not what was
 * last synced (@link's synced_content): an edit made in the CMS leaves the Markdown meta. */
TayoriArticle *tayori_cms_article_theirs     (const TayoriCmsPost *post, const TayoriCmsLink *link,
                                              GPtrArray *categories);
/* The content tayori_cms_link_take_post does not copy: hash, remote content hash, revision. */
void           tayori_cms_link_mark_synced   (TayoriCmsLink *link, const TayoriCmsPost *post,
                                              char *hash, gint64 revision);
/* The newest entry of @action in @log, NULL when none. */
const TayoriCmsReviewEntry *tayori_cms_review_log_last (GPtrArray *log, const char *action);

/* The approval levels the status reports (the preset's workflow). */
guint          tayori_cms_sync_core_levels   (TayoriCmsSyncCore *core, TayoriArticle *article);

/* Item runners on the outbox's worker threads (tayori-cms-sync-push.c, -review.c). */
gboolean       tayori_cms_sync_run_item      (const TayoriOutboxItem *item, gpointer core,
                                              GCancellable *cancellable, GError **error);
/* Creates or updates the post; @force skips the conflict check. Returns the post as stored. */
TayoriCmsPost *tayori_cms_sync_run_push      (TayoriCmsSyncCore *core, const TayoriOutboxItem *item,
                                              JsonObject *payload, TayoriCmsLink **out_link,
                                              GCancellable *cancellable, GError **error);
/* The local side of a conflict: keeps @theirs in the history and in the link (mine stays
 * current), then fails with TAYORI_CMS_ERROR_CONFLICT. */
gboolean       tayori_cms_sync_record_conflict (TayoriCmsSyncCore *core, TayoriCmsLink *link,
                                              TayoriArticle *mine, TayoriArticle *theirs,
                                              GError **error);

G_END_DECLS
