/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outbox's SQL on table cms_outbox: each call is one job on the store's worker thread, so
 * the scheduler never touches SQLite itself and never queues one main-loop idle per row. */
#include "tayori-outbox-private.h"
#include "tayori-store-private.h"

#define ITEM_COLUMNS "id, article_id, account, action, payload, state, attempts, next_attempt, " \
                     "error_class, error_message, created, updated"

typedef struct {
  gint64             id;
  gint64             article_id;
  gint64             time;
  TayoriOutboxState  state;
  char              *account;
  char              *action;
  char              *text;      /* payload, error class or member name */
  char              *message;
} Job;

static void
job_free (Job *job)
{
  g_free (job->account);
  g_free (job->action);
  g_free (job->text);
  g_free (job->message);
  g_free (job);
}

static Job *
job_new (gint64 id)
{
  Job *job = g_new0 (Job, 1);

  job->id = id;
  return job;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return tayori_store_format_time (now);
}

static char *
time_text (gint64 real_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (real_time / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = g_date_time_add (time, real_time % G_USEC_PER_SEC);

  return tayori_store_format_time (exact);
}

static gint64
parse_real_time (const char *text)
{
  g_autoptr(GDateTime) time = tayori_store_parse_time (text);

  return time != NULL ? g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time) : 0;
}

static const char *
column_text (sqlite3_stmt *stmt, int column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static TayoriOutboxItem *
item_from_row (sqlite3_stmt *stmt)
{
  TayoriOutboxItem *item = g_new0 (TayoriOutboxItem, 1);
  const char *state = column_text (stmt, 5);

  item->id = sqlite3_column_int64 (stmt, 0);
  item->article_id = sqlite3_column_int64 (stmt, 1);
  item->account = g_strdup (column_text (stmt, 2));
  item->action = g_strdup (column_text (stmt, 3));
  item->payload = g_strdup (column_text (stmt, 4));
  for (TayoriOutboxState s = TAYORI_OUTBOX_PENDING; s <= TAYORI_OUTBOX_CONFLICT; s++)
    if (g_strcmp0 (state, tayori_outbox_state_to_key (s)) == 0)
      item->state = s;
  item->attempts = (guint) sqlite3_column_int (stmt, 6);
  item->next_attempt = g_strdup (column_text (stmt, 7));
  item->error_class = g_strdup (column_text (stmt, 8));
  item->error_message = g_strdup (column_text (stmt, 9));
  item->created = g_strdup (column_text (stmt, 10));
  item->updated = g_strdup (column_text (stmt, 11));
  return item;
}

static TayoriOutboxItem *
db_get_item (TayoriStoreDb *db, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "SELECT " ITEM_COLUMNS " FROM cms_outbox WHERE id = ?1", error);
  TayoriOutboxItem *item;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND,
                     "No outbox item %" G_GINT64_FORMAT, id);
      else
        tayori_store_db_fail (db, rc, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  item = item_from_row (stmt);
  sqlite3_reset (stmt);
  return item;
}

static gboolean
set_item_result (TayoriStoreDb *db, gint64 id, TayoriStoreResult *result, GError **error)
{
  result->pointer = db_get_item (db, id, error);
  result->pointer_free = (GDestroyNotify) tayori_outbox_item_free;
  return result->pointer != NULL;
}

static gpointer
run_pointer (TayoriStore *store, TayoriStoreJobFunc func, Job *job, GError **error)
{
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (store, func, job, (GDestroyNotify) job_free, &result, error))
    return NULL;
  return result.pointer;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* Steps @stmt to its end and hands @result an array of its rows, each made by @from_row and
 * freed with @row_free. */
static gboolean
collect_rows (TayoriStoreDb      *db,
              sqlite3_stmt       *stmt,
              RowFunc             from_row,
              GDestroyNotify      row_free,
              TayoriStoreResult  *result,
              GError            **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);
  result->pointer = g_steal_pointer (&rows);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

static gpointer
entry_from_row (sqlite3_stmt *stmt)
{
  TayoriOutboxEntry *entry = g_new0 (TayoriOutboxEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->article_id = sqlite3_column_int64 (stmt, 1);
  entry->due = parse_real_time (column_text (stmt, 2));
  return entry;
}

static gboolean
load_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt;

  (void) data;
  stmt = tayori_store_db_prepare (db,
    "UPDATE cms_outbox SET state = 'pending', updated = ?1, next_attempt = ?1,"
    " payload = json_set(payload, '$.reconcile', json('true')) WHERE state = 'running'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  stmt = tayori_store_db_prepare (db,
    "SELECT id, article_id, next_attempt FROM cms_outbox WHERE state = 'pending' ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  return collect_rows (db, stmt, entry_from_row, g_free, result, error);
}

GPtrArray *
tayori_outbox_db_load (TayoriStore *store, GError **error)
{
  return run_pointer (store, load_job, job_new (0), error);
}

static gboolean
insert_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "INSERT INTO cms_outbox (article_id, account, action, payload, next_attempt, created, updated)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  if (job->article_id > 0)
    sqlite3_bind_int64 (stmt, 1, job->article_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, job->account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, job->action, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, job->text != NULL ? job->text : "{}", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  result->number = sqlite3_last_insert_rowid (db->handle);
  return TRUE;
}

gint64
tayori_outbox_db_insert (TayoriStore *store, gint64 article_id, const char *account,
                         const char *action, const char *payload, GError **error)
{
  TayoriStoreResult result = { 0 };
  Job *job = job_new (0);

  job->article_id = article_id;
  job->account = g_strdup (account);
  job->action = g_strdup (action);
  job->text = g_strdup (payload);
  if (!tayori_store_run_sync (store, insert_job, job, (GDestroyNotify) job_free, &result, error))
    return 0;
  return result.number;
}

static gboolean
start_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "UPDATE cms_outbox SET state = 'running', attempts = attempts + 1, updated = ?2 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error) && set_item_result (db, job->id, result, error);
}

TayoriOutboxItem *
tayori_outbox_db_start (TayoriStore *store, gint64 id, GError **error)
{
  return run_pointer (store, start_job, job_new (id), error);
}

static gboolean
finish_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *now = now_text ();
  g_autofree char *next = job->state == TAYORI_OUTBOX_PENDING ? time_text (job->time) : NULL;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "UPDATE cms_outbox SET state = ?2, next_attempt = coalesce(?3, next_attempt),"
    " error_class = ?4, error_message = ?5, updated = ?6 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, tayori_outbox_state_to_key (job->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, next, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, job->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, job->message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error) && set_item_result (db, job->id, result, error);
}

TayoriOutboxItem *
tayori_outbox_db_finish (TayoriStore *store, gint64 id, TayoriOutboxState state,
                         gint64 next_attempt, const char *error_class,
                         const char *error_message, GError **error)
{
  Job *job = job_new (id);

  job->state = state;
  job->time = next_attempt;
  job->text = g_strdup (error_class);
  job->message = g_strdup (error_message);
  return run_pointer (store, finish_job, job, error);
}

static gboolean
get_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  return set_item_result (db, ((Job *) data)->id, result, error);
}

TayoriOutboxItem *
tayori_outbox_db_get (TayoriStore *store, gint64 id, GError **error)
{
  return run_pointer (store, get_job, job_new (id), error);
}

static gboolean
list_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT " ITEM_COLUMNS " FROM cms_outbox WHERE state <> 'done'"
    " AND (?1 = 0 OR article_id = ?1) ORDER BY id", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->article_id);
  return collect_rows (db, stmt, (RowFunc) item_from_row,
                       (GDestroyNotify) tayori_outbox_item_free, result, error);
}

GPtrArray *
tayori_outbox_db_list_unfinished (TayoriStore *store, gint64 article_id, GError **error)
{
  Job *job = job_new (0);

  job->article_id = article_id;
  return run_pointer (store, list_job, job, error);
}

static gboolean
retry_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "UPDATE cms_outbox SET state = 'pending', next_attempt = ?2, updated = ?2,"
    " error_class = NULL, error_message = NULL WHERE id = ?1 AND state = 'failed'"
    " RETURNING coalesce(article_id, 0)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result->number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND,
                   "No failed outbox item %" G_GINT64_FORMAT, job->id);
      return FALSE;
    }
  return rc == SQLITE_ROW || tayori_store_db_fail (db, rc, error);
}

gboolean
tayori_outbox_db_retry (TayoriStore *store, gint64 id, gint64 *out_article_id, GError **error)
{
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (store, retry_job, job_new (id), (GDestroyNotify) job_free, &result, error))
    return FALSE;
  *out_article_id = result.number;
  return TRUE;
}

static gboolean
set_payload_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "UPDATE cms_outbox SET payload = ?2 WHERE id = ?1", error);

  (void) result;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->id);
  sqlite3_bind_text (stmt, 2, job->text, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

gboolean
tayori_outbox_db_set_payload (TayoriStore *store, gint64 id, const char *payload, GError **error)
{
  Job *job = job_new (id);

  job->text = g_strdup (payload);
  return tayori_store_run_sync (store, set_payload_job, job, (GDestroyNotify) job_free,
                                &(TayoriStoreResult) { 0 }, error);
}

static gboolean
find_payload_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *path = g_strconcat ("$.", job->text, NULL);
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT payload FROM cms_outbox WHERE article_id = ?1 AND account = ?2 AND id <= ?3"
    " AND json_extract(payload, ?4) IS NOT NULL ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->article_id);
  sqlite3_bind_text (stmt, 2, job->account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, job->id);
  sqlite3_bind_text (stmt, 4, path, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      result->pointer = g_strdup (column_text (stmt, 0));
      result->pointer_free = g_free;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || tayori_store_db_fail (db, rc, error);
}

char *
tayori_outbox_db_find_payload (TayoriStore *store, gint64 article_id, const char *account,
                               gint64 before_id, const char *member, GError **error)
{
  Job *job = job_new (before_id);

  job->article_id = article_id;
  job->account = g_strdup (account);
  job->text = g_strdup (member);
  return run_pointer (store, find_payload_job, job, error);
}

static gboolean
settle_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autofree char *now = now_text ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "UPDATE cms_outbox SET state = 'done', updated = ?2 WHERE article_id = ?1 AND state = 'conflict'", error);

  (void) result;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->article_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

gboolean
tayori_outbox_db_settle_conflicts (TayoriStore *store, gint64 article_id, GError **error)
{
  Job *job = job_new (0);

  job->article_id = article_id;
  return tayori_store_run_sync (store, settle_job, job, (GDestroyNotify) job_free,
                                &(TayoriStoreResult) { 0 }, error);
}
