/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsSync: drafts to the CMS and back, the approval workflow and the link between a local
 * article and its remote post (store table cms_links). Every write goes through the persisted
 * outbox (tayori-outbox.h): the _async calls below enqueue an action and complete when the
 * outbox has done it (or failed it for good, or found a conflict). Nothing here blocks the
 * caller's main loop; connectors run on the outbox's worker threads. */
#pragma once

#include <gio/gio.h>
#include "tayori-accounts.h"
#include "tayori-cms-connector.h"
#include "tayori-outbox.h"
#include "tayori-store.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* What `tayori-cli status` prints and the window shows about an article's remote side. */
typedef struct {
  gint64     article_id;
  char      *account;          /* NULL: never pushed */
  char      *client_id;
  gint64     remote_id;        /* 0: not created (yet) */
  char      *remote_status;    /* "draft", "pending", "future", "publish", … */
  char      *remote_link;
  char      *remote_author;
  char      *synced_modified;  /* modified_gmt at the last sync */
  char      *synced_hash;
  gboolean   local_changed;    /* edited locally since the last sync */
  gboolean   conflict;         /* waiting for keep-mine / take-theirs / merge */
  char      *review_note;      /* the latest return note, NULL when none */
  guint      approvals;        /* recorded at the current revision */
  guint      approval_levels;
  TayoriOutboxItem *pending;   /* the newest unfinished outbox item, NULL when none */
  GPtrArray *review_log;       /* TayoriCmsReviewEntry, oldest first */
} TayoriCmsSyncStatus;

/* A remote post in a list (review queue, my drafts, published). */
typedef struct {
  char      *account;
  gint64     remote_id;
  gint64     article_id;       /* the local article linked to it, 0 when none */
  char      *title;
  char      *status;
  char      *author;
  char      *ward;             /* from the plugin meta, "" when unknown */
  char      *department;
  char      *modified_gmt;
  char      *submitted_at;     /* last submit in the review log, NULL when none */
  guint      approvals;
  char      *publish_end;      /* the article's publish window end, NULL when open */
  char      *link;
} TayoriCmsRemoteItem;

typedef enum {
  TAYORI_CONFLICT_KEEP_MINE,
  TAYORI_CONFLICT_TAKE_THEIRS,
  TAYORI_CONFLICT_MERGED,      /* the caller saved the merged article locally first */
} TayoriConflictChoice;

void                 tayori_cms_sync_status_free      (TayoriCmsSyncStatus *status);
void                 tayori_cms_remote_item_free      (TayoriCmsRemoteItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsSyncStatus, tayori_cms_sync_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriCmsRemoteItem, tayori_cms_remote_item_free)

/* The revision hash: SHA-256 hex over the article's content fields in a canonical form (what
 * tayori_article_content_equal compares), the same for the same content on any machine. */
char                *tayori_cms_content_hash          (TayoriArticle *article);

#define TAYORI_TYPE_CMS_SYNC (tayori_cms_sync_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCmsSync, tayori_cms_sync, TAYORI, CMS_SYNC, GObject)

/* Secrets are looked up in libsecret per account when needed. Starts the outbox (items left
 * "running" by a crash are reconciled first). */
TayoriCmsSync       *tayori_cms_sync_new              (TayoriStore  *store,
                                                       TayoriPreset *preset);
TayoriOutbox        *tayori_cms_sync_get_outbox       (TayoriCmsSync *self);
/* Tests and benchmarks: a connector to use for @account instead of building one. */
void                 tayori_cms_sync_set_connector    (TayoriCmsSync      *self,
                                                       const char         *account,
                                                       TayoriCmsConnector *connector);

/* Where the media store is (default: tayori_paths_media_dir ()), for a store elsewhere. */
void                 tayori_cms_sync_set_media_dir    (TayoriCmsSync      *self,
                                                       const char         *media_dir);

/* "Test connection": site, user, roles, capabilities, plugin. */
void                 tayori_cms_sync_test_account_async  (TayoriCmsSync *self, const TayoriAccount *account,
                                                          const char *secret, GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSiteInfo   *tayori_cms_sync_test_account_finish (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Categories as "parent/child" paths and tags, for the form and the category suggester;
 * cached in memory per account. Element type TayoriCmsTerm. */
void                 tayori_cms_sync_list_terms_async    (TayoriCmsSync *self, const char *account,
                                                          TayoriCmsTaxonomy taxonomy,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray           *tayori_cms_sync_list_terms_finish   (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);

/* Push: create or update the remote post from the local article's latest saved state (the
 * preview's sanitised HTML, summary as excerpt, categories and tags mapped to terms, thumbnail
 * as featured media with its alt text, inline images and attachments uploaded and their URLs
 * rewritten).
 * Terms: the article's category and secondary categories are matched to the site's
 * categories by path ("防災/避難所"). Audiences and the ward are mapped by the account's
 * options "term:VALUE=SLUG" in its "[cms:NAME]" group (preset or accounts.conf), e.g.
 * "term:子育て世帯=kosodate", "term:中央区=chuo": the slug is looked up among the tags
 * first, then the categories; values without such a key are not sent.
 * A new post is created as a draft first (its client id is stored in cms_links before),
 * media are uploaded to it (each file once per post, remembered in the outbox payload), then
 * the post is updated with everything. Before an update, the remote modified_gmt and content hash are compared with
 * the last sync: on a change the item ends in "conflict" and the call fails with
 * TAYORI_CMS_ERROR_CONFLICT (nothing overwritten; the remote side is kept as a revision).
 * @account NULL = the article's account, or the only/first one. */
void                 tayori_cms_sync_push_async          (TayoriCmsSync *self, gint64 article_id,
                                                          const char *account,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_push_finish         (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* 「承認依頼」: push, then submit for review. Refused with TAYORI_CMS_ERROR_CHECKS_FAILED while
 * the core checks report errors unless @override_reason is given (recorded in the log). */
void                 tayori_cms_sync_submit_async        (TayoriCmsSync *self, gint64 article_id,
                                                          const char *account, const char *note,
                                                          const char *override_reason,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_submit_finish       (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Editor actions on a local article linked to a remote post (open_remote first). APPROVE with
 * @publish_at schedules (status future); RETURN needs a note. Saves the reviewed snapshot for
 * the next "what changed since the last review". */
void                 tayori_cms_sync_review_async        (TayoriCmsSync *self, gint64 article_id,
                                                          TayoriCmsReviewAction action,
                                                          const char *note, GDateTime *publish_at,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_review_finish       (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* RETURN (note required) back to the author, or with @to_previous to the previous approval
 * level: one approval less, the post stays pending (needs the connector's support, else
 * G_IO_ERROR_NOT_SUPPORTED). Otherwise as tayori_cms_sync_review_async. */
void                 tayori_cms_sync_return_async        (TayoriCmsSync *self, gint64 article_id,
                                                          const char *note, gboolean to_previous,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_return_finish       (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Lists of remote posts; @account NULL = every CMS account. Element type TayoriCmsRemoteItem. */
void                 tayori_cms_sync_pull_async          (TayoriCmsSync *self, const char *account,
                                                          TayoriCmsScope scope,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
GPtrArray           *tayori_cms_sync_pull_finish         (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Opens a remote post locally: creates or updates (as a new revision, never silently over
 * local edits: those make a conflict) the linked local article from the plugin's Markdown
 * meta, or from the HTML without the plugin. Also refreshes the local status (a returned
 * article becomes TAYORI_ARTICLE_STATUS_RETURNED with its note). Returns the article id. */
void                 tayori_cms_sync_open_remote_async   (TayoriCmsSync *self, const char *account,
                                                          gint64 remote_id,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
gint64               tayori_cms_sync_open_remote_finish  (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Local only (no network): the link, the outbox state, the review log as last seen. */
void                 tayori_cms_sync_status_async        (TayoriCmsSync *self, gint64 article_id,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_status_finish       (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* Both sides of a conflict: *out_mine (the local article) and the return value (the remote
 * post as an article). */
void                 tayori_cms_sync_get_conflict_async  (TayoriCmsSync *self, gint64 article_id,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriArticle       *tayori_cms_sync_get_conflict_finish (TayoriCmsSync *self, GAsyncResult *result,
                                                          TayoriArticle **out_mine, GError **error);
/* KEEP_MINE pushes the local side over the remote (after keeping theirs as a local revision),
 * TAKE_THEIRS saves the remote side locally (mine stays in the history), MERGED pushes the
 * local article as it now is. */
void                 tayori_cms_sync_resolve_conflict_async  (TayoriCmsSync *self, gint64 article_id,
                                                              TayoriConflictChoice choice,
                                                              GCancellable *cancellable,
                                                              GAsyncReadyCallback callback,
                                                              gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_resolve_conflict_finish (TayoriCmsSync *self, GAsyncResult *result,
                                                              GError **error);
/* The article as last reviewed (for the reviewer's character diff), NULL (no error) if never. */
void                 tayori_cms_sync_reviewed_snapshot_async  (TayoriCmsSync *self, gint64 article_id,
                                                               GCancellable *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer user_data);
TayoriArticle       *tayori_cms_sync_reviewed_snapshot_finish (TayoriCmsSync *self, GAsyncResult *result,
                                                               GError **error);
/* Maintenance: unpublish ("draft") or archive ("trash") a published article whose window ended. */
void                 tayori_cms_sync_unpublish_async     (TayoriCmsSync *self, gint64 article_id,
                                                          gboolean archive, GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
TayoriCmsSyncStatus *tayori_cms_sync_unpublish_finish    (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);

/* The site an article targets (city site, ward sites), tayori-cms-sync-target.c. Stored in
 * the article's cms_links row (@account and a client id, no remote post yet); a push with no
 * account then goes there. Refused (G_IO_ERROR_EXISTS) once the article has a post on
 * another site or a write to it is under way; an unknown account is TAYORI_CMS_ERROR_NOT_FOUND. */
void                 tayori_cms_sync_set_target_async    (TayoriCmsSync *self, gint64 article_id,
                                                          const char *account,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
gboolean             tayori_cms_sync_set_target_finish   (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* The account the article targets or was pushed to, NULL (no error) when none yet. */
void                 tayori_cms_sync_get_target_async    (TayoriCmsSync *self, gint64 article_id,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback, gpointer user_data);
char                *tayori_cms_sync_get_target_finish   (TayoriCmsSync *self, GAsyncResult *result,
                                                          GError **error);
/* The category paths ("防災/避難所", sorted) of the site the article targets (stored, or the
 * first CMS account), from the cached terms: the form's choices and the category suggester's
 * "not on the site" note. No CMS account: TAYORI_CMS_ERROR_NOT_FOUND. */
void                 tayori_cms_sync_target_categories_async  (TayoriCmsSync *self, gint64 article_id,
                                                               GCancellable *cancellable,
                                                               GAsyncReadyCallback callback,
                                                               gpointer user_data);
GStrv                tayori_cms_sync_target_categories_finish (TayoriCmsSync *self, GAsyncResult *result,
                                                               GError **error);

G_END_DECLS
