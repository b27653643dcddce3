/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The post_jobs table: jobs are written with their idempotency key and "post-requested" audit
 * line in one transaction, read, and claimed one at a time per account (changes are in
 * tayori-post-queue-db-update.c). All SQL runs on the store's worker. */
#include <glib/gi18n.h>

#include "tayori-posting-private.h"

#define JOB_COLUMNS "id, article_id, account, network, text, images, link_url, " \
  "idempotency_key, state, error_class, error_message, attempts, scheduled_at, remote_id, " \
  "remote_url, metrics, actor, created, updated, sent_at, deleted_at"

gboolean
tayori_posting_run (TayoriStore         *store,
                    TayoriStoreJobFunc   func,
                    gpointer             data,
                    GDestroyNotify       data_free,
                    gpointer            *pointer,
                    gint64              *number,
                    GError             **error)
{
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (store, func, data, data_free, &result, error))
    return FALSE;
  if (pointer != NULL)
    *pointer = result.pointer;
  else if (result.pointer != NULL && result.pointer_free != NULL)
    result.pointer_free (result.pointer);
  if (number != NULL)
    *number = result.number;
  return TRUE;
}

char *
tayori_post_db_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return tayori_store_format_time (now);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static TayoriPostJob *
job_from_row (sqlite3_stmt *stmt)
{
  TayoriPostJob *job = g_new0 (TayoriPostJob, 1);

  job->id = sqlite3_column_int64 (stmt, 0);
  job->article_id = sqlite3_column_int64 (stmt, 1);
  job->account = column_dup (stmt, 2);
  job->network = column_dup (stmt, 3);
  job->text = column_dup (stmt, 4);
  job->images = column_dup (stmt, 5);
  job->link_url = column_dup (stmt, 6);
  job->idempotency_key = column_dup (stmt, 7);
  tayori_post_job_state_from_key ((const char *) sqlite3_column_text (stmt, 8), &job->state);
  job->error_class = column_dup (stmt, 9);
  job->error_message = column_dup (stmt, 10);
  job->attempts = sqlite3_column_int (stmt, 11);
  job->scheduled_at = column_dup (stmt, 12);
  job->remote_id = column_dup (stmt, 13);
  job->remote_url = column_dup (stmt, 14);
  job->metrics = column_dup (stmt, 15);
  job->actor = column_dup (stmt, 16);
  job->created = column_dup (stmt, 17);
  job->updated = column_dup (stmt, 18);
  job->sent_at = column_dup (stmt, 19);
  job->deleted_at = column_dup (stmt, 20);
  return job;
}

TayoriPostJob *
tayori_post_db_get_row (TayoriStoreDb  *db,
                        gint64          id,
                        GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "SELECT " JOB_COLUMNS " FROM post_jobs "
                                                    "WHERE id = ?1", error);
  TayoriPostJob *job = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    job = job_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no post job %lld."),
                 (long long) id);
  else
    tayori_store_db_fail (db, rc, error);
  sqlite3_reset (stmt);
  return job;
}

static char *
audit_detail (const TayoriPostJob *job)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *keys[] = { "network", "state", "error_class", "error_message", "remote_id",
                         "remote_url", "scheduled_at", "text" };
  const char *values[] = { job->network, tayori_post_job_state_to_key (job->state),
                           job->error_class, job->error_message, job->remote_id,
                           job->remote_url, job->scheduled_at, job->text };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "job");
  json_builder_add_int_value (builder, job->id);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (values[i] != NULL)
      {
        json_builder_set_member_name (builder, keys[i]);
        json_builder_add_string_value (builder, values[i]);
      }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gboolean
tayori_post_db_audit (TayoriStoreDb  *db,
                      gint64          id,
                      const char     *action,
                      const char     *actor,
                      GError        **error)
{
  g_autoptr(TayoriPostJob) job = tayori_post_db_get_row (db, id, error);
  g_autofree char *detail = NULL;

  if (job == NULL)
    return FALSE;
  detail = audit_detail (job);
  return tayori_audit_log_db_append (db, actor != NULL ? actor : job->actor, action,
                                     job->article_id, job->account, detail, error);
}

/* Insert. */

static gboolean
insert_all (TayoriStoreDb  *db,
            gpointer        data,
            GError        **error)
{
  TayoriPostInsert *insert = data;
  g_autofree char *now = tayori_post_db_now ();

  for (guint i = 0; i < insert->requests->len; i++)
    {
      TayoriPostRequest *request = g_ptr_array_index (insert->requests, i);
      g_autofree char *key = g_uuid_string_random ();
      g_autofree char *images = tayori_post_images_to_json (request->images);
      g_autofree char *scheduled = request->scheduled_at != NULL
        ? tayori_store_format_time (request->scheduled_at) : NULL;
      gboolean due_now = scheduled == NULL || g_strcmp0 (insert->due_now[i], "1") == 0;
      sqlite3_stmt *stmt = tayori_store_db_prepare (db,
        "INSERT INTO post_jobs (article_id, account, network, text, images, link_url, "
        "idempotency_key, state, scheduled_at, next_attempt, actor, created, updated) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending', ?8, ?9, ?10, ?11, ?11)", error);
      gint64 id;

      if (stmt == NULL)
        return FALSE;
      if (insert->article_id > 0)
        sqlite3_bind_int64 (stmt, 1, insert->article_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, request->account, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, insert->networks[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, request->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, images, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, insert->link_url, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, scheduled, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 9, due_now ? now : scheduled, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 10, insert->actor, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 11, now, -1, SQLITE_TRANSIENT);
      if (!tayori_store_db_step_done (db, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (db->handle);
      g_array_append_val (insert->ids, id);
      if (!tayori_post_db_audit (db, id, "post-requested", NULL, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_job (TayoriStoreDb      *db,
            gpointer            data,
            TayoriStoreResult  *result,
            GError            **error)
{
  TayoriPostInsert *insert = data;

  g_clear_pointer (&insert->ids, g_array_unref);
  insert->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!tayori_store_db_transaction (db, insert_all, insert, error))
    return FALSE;
  result->pointer = g_steal_pointer (&insert->ids);
  result->pointer_free = (GDestroyNotify) g_array_unref;
  return TRUE;
}

GArray *
tayori_post_db_insert (TayoriStore       *store,
                       TayoriPostInsert  *insert,
                       GError           **error)
{
  GArray *ids = NULL;

  if (!tayori_posting_run (store, insert_job, insert, NULL, (gpointer *) &ids, NULL, error))
    {
      g_clear_pointer (&insert->ids, g_array_unref);
      return NULL;
    }
  return ids;
}

/* Reading. */

typedef struct {
  gint64  id;           /* get */
  gint64  article_id;   /* list: 0 = all */
  GArray *ids;          /* get_many */
  char   *account;      /* claim */
  TayoriPostJobState previous;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *read = data;

  g_clear_pointer (&read->ids, g_array_unref);
  g_free (read->account);
  g_free (read);
}

/* Runs a read and frees @read. */
static gpointer
run_read (TayoriStore         *store,
          TayoriStoreJobFunc   func,
          ReadData            *read,
          GError             **error)
{
  gpointer result = NULL;

  if (!tayori_posting_run (store, func, read, read_data_free, &result, NULL, error))
    return NULL;
  return result;
}

static gboolean
get_job (TayoriStoreDb      *db,
         gpointer            data,
         TayoriStoreResult  *result,
         GError            **error)
{
  ReadData *read = data;

  result->pointer = tayori_post_db_get_row (db, read->id, error);
  result->pointer_free = (GDestroyNotify) tayori_post_job_free;
  return result->pointer != NULL;
}

TayoriPostJob *
tayori_post_db_get (TayoriStore  *store,
                    gint64        id,
                    GError      **error)
{
  ReadData *read = g_new0 (ReadData, 1);

  read->id = id;
  return run_read (store, get_job, read, error);
}

static GPtrArray *
new_job_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_job_free);
}

static gboolean
list_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  ReadData *read = data;
  g_autoptr(GPtrArray) jobs = new_job_array ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "SELECT " JOB_COLUMNS " FROM post_jobs "
                                                    "WHERE ?1 = 0 OR article_id = ?1 "
                                                    "ORDER BY id DESC", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, read->article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (jobs, job_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);
  result->pointer = g_steal_pointer (&jobs);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

GPtrArray *
tayori_post_db_list (TayoriStore  *store,
                     gint64        article_id,
                     GError      **error)
{
  ReadData *read = g_new0 (ReadData, 1);

  read->article_id = article_id;
  return run_read (store, list_job, read, error);
}

static gboolean
get_many_job (TayoriStoreDb      *db,
              gpointer            data,
              TayoriStoreResult  *result,
              GError            **error)
{
  ReadData *read = data;
  g_autoptr(GPtrArray) jobs = new_job_array ();

  for (guint i = 0; i < read->ids->len; i++)
    {
      TayoriPostJob *job = tayori_post_db_get_row (db, g_array_index (read->ids, gint64, i), error);

      if (job == NULL)
        return FALSE;
      g_ptr_array_add (jobs, job);
    }
  result->pointer = g_steal_pointer (&jobs);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

GPtrArray *
tayori_post_db_get_many (TayoriStore  *store,
                         GArray       *ids,
                         GError      **error)
{
  ReadData *read = g_new0 (ReadData, 1);

  read->ids = g_array_ref (ids);
  return run_read (store, get_many_job, read, error);
}

/* Claiming. */

static gboolean
claim_one (TayoriStoreDb  *db,
           gpointer        data,
           GError        **error)
{
  ReadData *read = data;
  g_autofree char *now = tayori_post_db_now ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT id, state FROM post_jobs WHERE account = ?1 AND state IN ('pending', 'unknown') "
    "AND next_attempt <= ?2 ORDER BY next_attempt, id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, read->account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  read->id = 0;
  if (rc == SQLITE_ROW)
    {
      read->id = sqlite3_column_int64 (stmt, 0);
      tayori_post_job_state_from_key ((const char *) sqlite3_column_text (stmt, 1),
                                      &read->previous);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);
  if (read->id == 0)
    return TRUE;

  stmt = tayori_store_db_prepare (db, "UPDATE post_jobs SET state = 'sending', "
                                      "attempts = attempts + 1, updated = ?2 WHERE id = ?1",
                                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, read->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

static gboolean
claim_job (TayoriStoreDb      *db,
           gpointer            data,
           TayoriStoreResult  *result,
           GError            **error)
{
  ReadData *read = data;

  if (!tayori_store_db_transaction (db, claim_one, read, error))
    return FALSE;
  if (read->id == 0)
    return TRUE;
  result->pointer = tayori_post_db_get_row (db, read->id, error);
  result->pointer_free = (GDestroyNotify) tayori_post_job_free;
  return result->pointer != NULL;
}

TayoriPostJob *
tayori_post_db_claim (TayoriStore         *store,
                      const char          *account,
                      TayoriPostJobState  *previous,
                      GError             **error)
{
  ReadData *read = g_new0 (ReadData, 1);
  TayoriPostJob *job = NULL;
  TayoriStoreResult result = { 0 };

  read->account = g_strdup (account);
  if (!tayori_store_run_sync (store, claim_job, read, NULL, &result, error))
    {
      read_data_free (read);
      return NULL;
    }
  job = result.pointer;
  *previous = read->previous;
  read_data_free (read);
  return job;
}

typedef struct {
  GStrv  accounts;
  char  *next_due;
} DueData;

static gboolean
due_job (TayoriStoreDb      *db,
         gpointer            data,
         TayoriStoreResult  *result,
         GError            **error)
{
  DueData *due = data;
  g_autoptr(GStrvBuilder) accounts = g_strv_builder_new ();
  g_autofree char *now = tayori_post_db_now ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT DISTINCT account FROM post_jobs WHERE state IN ('pending', 'unknown') "
    "AND next_attempt <= ?1 ORDER BY account", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (accounts, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);
  due->accounts = g_strv_builder_end (accounts);

  stmt = tayori_store_db_prepare (db,
    "SELECT MIN(next_attempt) FROM post_jobs WHERE state IN ('pending', 'unknown') "
    "AND next_attempt > ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    due->next_due = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || tayori_store_db_fail (db, rc, error);
}

GStrv
tayori_post_db_due_accounts (TayoriStore  *store,
                             char        **next_due,
                             GError      **error)
{
  DueData due = { 0 };
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (store, due_job, &due, NULL, &result, error))
    {
      g_strfreev (due.accounts);
      g_free (due.next_due);
      return NULL;
    }
  *next_due = due.next_due;
  return due.accounts;
}
