/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the store's files share: the worker-side database state (only ever touched on the
 * store's worker thread), the job plumbing, and the SQL operations the jobs run. */
#pragma once

#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include "tayori-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct _TayoriStoreIdSet TayoriStoreIdSet;

/* The connection and what it caches. Owned by the worker thread. */
typedef struct {
  sqlite3          *handle;
  GThread          *thread;          /* the worker: every sqlite3 call asserts it runs there */
  char             *path;
  int               schema_version;
  GHashTable       *statements;      /* SQL text -> sqlite3_stmt*, prepared once */
  TayoriStoreIdSet *search_hits;     /* what the latest search matched */
  TayoriStoreIdSet *archived;
} TayoriStoreDb;

#define TAYORI_STORE_DB_ASSERT_WORKER(db) g_assert ((db)->thread == g_thread_self ())

/* A job's outcome: a pointer (with its free function) and/or a number. */
typedef struct {
  gpointer       pointer;
  GDestroyNotify pointer_free;
  gint64         number;
} TayoriStoreResult;

typedef gboolean (*TayoriStoreJobFunc) (TayoriStoreDb      *db,
                                        gpointer            data,
                                        TayoriStoreResult  *result,
                                        GError            **error);

/* tayori-store-worker.c: the thread and its queue of jobs. @data is freed on the worker
 * with @data_free once @func has run. Stopping drains the queue first. */
typedef struct _TayoriStoreWorker TayoriStoreWorker;

TayoriStoreWorker *tayori_store_worker_start    (void);
void            tayori_store_worker_stop        (TayoriStoreWorker    *worker);
gboolean        tayori_store_worker_run_sync    (TayoriStoreWorker    *worker,
                                                 TayoriStoreJobFunc    func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free,
                                                 TayoriStoreResult    *out_result,
                                                 GError              **error);
/* Returns a TayoriStoreResult* through @task (g_task_propagate_pointer). */
void            tayori_store_worker_push_task   (TayoriStoreWorker    *worker,
                                                 GTask                *task,
                                                 TayoriStoreJobFunc    func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free);
void            tayori_store_result_free        (TayoriStoreResult    *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriStoreResult, tayori_store_result_free)

/* tayori-store.c: the same, failing once the store is closed. */
gboolean        tayori_store_run_sync           (TayoriStore          *self,
                                                 TayoriStoreJobFunc    func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free,
                                                 TayoriStoreResult    *out_result,
                                                 GError              **error);
void            tayori_store_run_async          (TayoriStore          *self,
                                                 TayoriStoreJobFunc    func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free,
                                                 gpointer              source_tag,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* Like run_async, for a task made by the caller (to give it task data). */
void            tayori_store_run_task           (TayoriStore          *self,
                                                 GTask                *task,
                                                 TayoriStoreJobFunc    func,
                                                 gpointer              data,
                                                 GDestroyNotify        data_free);
TayoriStoreResult *tayori_store_run_finish      (TayoriStore          *self,
                                                 GAsyncResult         *result,
                                                 gpointer              source_tag,
                                                 GError              **error);

/* tayori-store-schema.c: connection, errors, statements, migrations. */
gboolean        tayori_store_db_open            (TayoriStoreDb        *db,
                                                 const char           *path,
                                                 GError              **error);
void            tayori_store_db_close           (TayoriStoreDb        *db);
int             tayori_store_db_latest_version  (void);
gboolean        tayori_store_db_exec            (TayoriStoreDb        *db,
                                                 const char           *sql,
                                                 GError              **error);
/* A cached, reset statement for fixed SQL; do not finalize it. Filter queries, whose SQL
 * varies, use sqlite3_prepare_v2 with g_autoptr(sqlite3_stmt) instead. */
sqlite3_stmt   *tayori_store_db_prepare         (TayoriStoreDb        *db,
                                                 const char           *sql,
                                                 GError              **error);
/* Sets @error from the connection's last error; always returns FALSE. */
gboolean        tayori_store_db_fail            (TayoriStoreDb        *db,
                                                 int                   rc,
                                                 GError              **error);
/* Steps a statement that returns no rows. */
gboolean        tayori_store_db_step_done       (TayoriStoreDb        *db,
                                                 sqlite3_stmt         *stmt,
                                                 GError              **error);
/* Steps cached fixed SQL (see tayori_store_db_prepare) to its first row; read the row,
 * then reset the statement. NULL with @error when it fails or returns no row. */
sqlite3_stmt   *tayori_store_db_query_row       (TayoriStoreDb        *db,
                                                 const char           *sql,
                                                 GError              **error);
/* Runs @func inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails. */
gboolean        tayori_store_db_transaction     (TayoriStoreDb        *db,
                                                 gboolean            (*func) (TayoriStoreDb *db,
                                                                              gpointer       data,
                                                                              GError       **error),
                                                 gpointer              data,
                                                 GError              **error);
/* Timestamps in the store: ISO 8601 UTC with microseconds, so text order is time order. */
char           *tayori_store_format_time        (GDateTime            *time);
GDateTime      *tayori_store_parse_time         (const char           *text);

/* Tests only: migrate new databases no further than @version (0 = latest), and append one
 * extra migration step (NULL = none) to check that a failing step rolls back. */
void            tayori_store_db_set_target_version_for_testing (int         version);
void            tayori_store_db_set_extra_step_for_testing     (const char *sql);

/* tayori-store-tokenizer.c: registers "tayori_trigram" on the connection. */
gboolean        tayori_store_db_register_tokenizer (TayoriStoreDb     *db,
                                                 GError              **error);
/* Ends every indexed column; never part of a search term (split at spaces and controls). */
#define TAYORI_STORE_SEARCH_PADDING "\x1f\x1f"

/* tayori-store-idset.c: id bitmaps built by @sql (one row per id, @param bound as ?1),
 * reused while the data has not changed. The result lives in @slot. */
const TayoriStoreIdSet *tayori_store_db_id_set  (TayoriStoreDb        *db,
                                                 TayoriStoreIdSet    **slot,
                                                 const char           *sql,
                                                 const char           *param,
                                                 GError              **error);
guint           tayori_store_id_set_count       (const TayoriStoreIdSet *set);
gboolean        tayori_store_id_set_contains    (const TayoriStoreIdSet *set,
                                                 gint64                  id);
guint           tayori_store_id_set_overlap     (const TayoriStoreIdSet *a,
                                                 const TayoriStoreIdSet *b);
void            tayori_store_id_set_free        (TayoriStoreIdSet     *set);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriStoreIdSet, tayori_store_id_set_free)
/* Registers tayori_search_hit (id), true for the ids in db->search_hits. */
void            tayori_store_db_register_id_sets (TayoriStoreDb       *db);
void            tayori_store_db_clear_id_sets   (TayoriStoreDb        *db);

/* tayori-store-json.c: the article as a JSON object, for revisions and the articles row. */
JsonNode       *tayori_store_article_to_json    (TayoriArticle        *article);
TayoriArticle  *tayori_store_article_from_json  (const char           *json,
                                                 GError              **error);

/* tayori-store-articles.c: worker-side article operations. Saving sets id, created and
 * updated on @article (the worker's copy); it returns the revision id, or 0 on error. */
gint64          tayori_store_db_save            (TayoriStoreDb        *db,
                                                 TayoriArticle        *article,
                                                 TayoriSaveKind        kind,
                                                 GError              **error);
gboolean        tayori_store_db_import          (TayoriStoreDb        *db,
                                                 GPtrArray            *articles,
                                                 GError              **error);
TayoriArticle  *tayori_store_db_load            (TayoriStoreDb        *db,
                                                 gint64                id,
                                                 GError              **error);
gboolean        tayori_store_db_delete          (TayoriStoreDb        *db,
                                                 gint64                id,
                                                 GError              **error);
GPtrArray      *tayori_store_db_list_revisions  (TayoriStoreDb        *db,
                                                 gint64                article_id,
                                                 GError              **error);
TayoriArticle  *tayori_store_db_load_revision   (TayoriStoreDb        *db,
                                                 gint64                revision_id,
                                                 GError              **error);

/* tayori-store-query.c: filtered listing and search. */
gboolean        tayori_store_db_count           (TayoriStoreDb             *db,
                                                 const TayoriArticleFilter *filter,
                                                 guint                     *out_count,
                                                 GError                   **error);
GPtrArray      *tayori_store_db_list            (TayoriStoreDb             *db,
                                                 const TayoriArticleFilter *filter,
                                                 guint                      offset,
                                                 guint                      limit,
                                                 GError                   **error);
/* Checks that the search index agrees with the articles (FTS5 integrity-check). */
gboolean        tayori_store_db_check_search_index (TayoriStoreDb      *db,
                                                 GError                   **error);

/* tayori-store-jobs.c: a page of the list without the count, for the list model's later
 * pages; finish with tayori_store_list_articles_finish (the total is then 0). */
void            tayori_store_list_page_async    (TayoriStore               *self,
                                                 const TayoriArticleFilter *filter,
                                                 guint                      offset,
                                                 guint                      limit,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
gboolean        tayori_store_check_search_index (TayoriStore               *self,
                                                 GError                   **error);

/* tayori-store-backup.c */
gboolean        tayori_store_db_backup_if_due   (TayoriStoreDb        *db,
                                                 GError              **error);

G_END_DECLS
