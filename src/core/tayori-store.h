/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriStore: the local SQLite store (WAL) of articles, revisions and search. Every query
 * runs on one worker thread owned by the store; the sync calls (CLI, tests) wait for it, the
 * _async calls return on the caller's thread-default main context. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-article-summary.h"

G_BEGIN_DECLS

#define TAYORI_STORE_ERROR (tayori_store_error_quark ())
typedef enum {
  TAYORI_STORE_ERROR_FAILED,
  TAYORI_STORE_ERROR_CORRUPT,      /* not a database, or integrity check failed */
  TAYORI_STORE_ERROR_TOO_NEW,      /* written by a newer Tayori (user_version ahead) */
  TAYORI_STORE_ERROR_NOT_FOUND,
} TayoriStoreError;
GQuark tayori_store_error_quark (void);

typedef enum {
  TAYORI_SAVE_AUTO,     /* autosave: coalesced into the latest auto revision for a while */
  TAYORI_SAVE_MANUAL,   /* explicit save, import, restore: always a new revision */
} TayoriSaveKind;

/* What the article list shows: every field is optional (NULL / -1 = no filter). */
typedef struct {
  char *query;          /* search text: FTS5 trigram for >= 3 chars, substring scan below */
  int   status;         /* TayoriArticleStatus or -1 */
  char *author;         /* "mine" filter */
  char *category;
  char *ward;
  gboolean include_archived; /* archived articles are hidden unless asked for or status=archived */
} TayoriArticleFilter;

TayoriArticleFilter *tayori_article_filter_new  (void);
TayoriArticleFilter *tayori_article_filter_copy (const TayoriArticleFilter *filter);
void                 tayori_article_filter_free (TayoriArticleFilter *filter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriArticleFilter, tayori_article_filter_free)

/* One saved state of an article. */
typedef struct {
  gint64          id;
  gint64          article_id;
  GDateTime      *saved;    /* UTC */
  TayoriSaveKind  kind;
  char           *title;
} TayoriRevision;
#define TAYORI_TYPE_REVISION (tayori_revision_get_type ())
GType           tayori_revision_get_type (void) G_GNUC_CONST;
TayoriRevision *tayori_revision_copy     (const TayoriRevision *revision);
void            tayori_revision_free     (TayoriRevision *revision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriRevision, tayori_revision_free)

#define TAYORI_TYPE_STORE (tayori_store_get_type ())
G_DECLARE_FINAL_TYPE (TayoriStore, tayori_store, TAYORI, STORE, GObject)

/* Opening checks the file (quick_check), migrates by user_version (each step in a
 * transaction) and enables WAL. A damaged file gives TAYORI_STORE_ERROR_CORRUPT. */
TayoriStore   *tayori_store_open                 (const char           *path,
                                                  GError              **error);
void           tayori_store_open_async           (const char           *path,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
TayoriStore   *tayori_store_open_finish          (GAsyncResult         *result,
                                                  GError              **error);
const char    *tayori_store_get_path             (TayoriStore          *self);
int            tayori_store_get_schema_version   (TayoriStore          *self);
/* Waits for queued writes and closes the database; later calls fail. */
void           tayori_store_close                (TayoriStore          *self);

/* Saves (creates when id is 0, and sets the new id on the article) and keeps a revision.
 * Returns the revision id. The article is copied before the call returns. */
gint64         tayori_store_save_article         (TayoriStore          *self,
                                                  TayoriArticle        *article,
                                                  TayoriSaveKind        kind,
                                                  GError              **error);
void           tayori_store_save_article_async   (TayoriStore          *self,
                                                  TayoriArticle        *article,
                                                  TayoriSaveKind        kind,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64         tayori_store_save_article_finish  (TayoriStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
/* Imports several articles in one transaction: all or nothing. Sets ids on them. */
gboolean       tayori_store_import_articles      (TayoriStore          *self,
                                                  GPtrArray            *articles,
                                                  GError              **error);
TayoriArticle *tayori_store_load_article         (TayoriStore          *self,
                                                  gint64                id,
                                                  GError              **error);
void           tayori_store_load_article_async   (TayoriStore          *self,
                                                  gint64                id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
TayoriArticle *tayori_store_load_article_finish  (TayoriStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean       tayori_store_delete_article       (TayoriStore          *self,
                                                  gint64                id,
                                                  GError              **error);
void           tayori_store_delete_article_async (TayoriStore          *self,
                                                  gint64                id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       tayori_store_delete_article_finish (TayoriStore         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Listing, newest update first. Element type TayoriArticleSummary. */
guint          tayori_store_count_articles       (TayoriStore               *self,
                                                  const TayoriArticleFilter *filter,
                                                  GError                   **error);
GPtrArray     *tayori_store_list_articles        (TayoriStore               *self,
                                                  const TayoriArticleFilter *filter,
                                                  guint                      offset,
                                                  guint                      limit,
                                                  GError                   **error);
/* Async count + first page in one call, for the list model. */
void           tayori_store_list_articles_async  (TayoriStore               *self,
                                                  const TayoriArticleFilter *filter,
                                                  guint                      offset,
                                                  guint                      limit,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data);
GPtrArray     *tayori_store_list_articles_finish (TayoriStore               *self,
                                                  GAsyncResult              *result,
                                                  guint                     *out_total,
                                                  GError                   **error);

/* Revisions, newest first. Element type TayoriRevision. */
GPtrArray     *tayori_store_list_revisions       (TayoriStore          *self,
                                                  gint64                article_id,
                                                  GError              **error);
void           tayori_store_list_revisions_async (TayoriStore          *self,
                                                  gint64                article_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray     *tayori_store_list_revisions_finish (TayoriStore         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
TayoriArticle *tayori_store_load_revision        (TayoriStore          *self,
                                                  gint64                revision_id,
                                                  GError              **error);
void           tayori_store_load_revision_async  (TayoriStore          *self,
                                                  gint64                revision_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
TayoriArticle *tayori_store_load_revision_finish (TayoriStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Backups next to the database in "<dir>/backups/tayori-YYYY-MM-DD.db" (SQLite backup API),
 * one per day, the newest 7 kept. Returns FALSE with no error when today's exists. */
gboolean       tayori_store_backup_if_due        (TayoriStore          *self,
                                                  GError              **error);
void           tayori_store_backup_if_due_async  (TayoriStore          *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean       tayori_store_backup_if_due_finish (TayoriStore          *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

/* Recovery of a damaged store (no open store needed). */
char          *tayori_store_find_latest_backup   (const char           *db_path);
/* Moves the damaged file (and its -wal/-shm) to "<path>.damaged-<time>"; returns that path. */
char          *tayori_store_set_aside            (const char           *db_path,
                                                  GError              **error);
/* Copies the backup into place (after set_aside). */
gboolean       tayori_store_restore_backup       (const char           *backup_path,
                                                  const char           *db_path,
                                                  GError              **error);

G_END_DECLS
