/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Changes to post jobs on the store's worker: a state change with its audit line in one
 * transaction, the metrics read back, a deleted post, the late and crash checks, and the article's address
 * from its CMS link. */
#include <glib/gi18n.h>

#include "tayori-posting-private.h"

/* Updates. */

typedef struct {
  gint64                  id;
  const TayoriPostUpdate *update;
  char                   *next_attempt;
} UpdateData;

static guint
state_bit (TayoriPostJobState state)
{
  return 1u << state;
}

static gboolean
update_one (TayoriStoreDb  *db,
            gpointer        data,
            GError        **error)
{
  UpdateData *change = data;
  const TayoriPostUpdate *update = change->update;
  g_autoptr(TayoriPostJob) job = tayori_post_db_get_row (db, change->id, error);
  g_autofree char *now = tayori_post_db_now ();
  sqlite3_stmt *stmt;

  if (job == NULL)
    return FALSE;
  if (update->allowed_from != 0 && (update->allowed_from & state_bit (job->state)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Post job %lld is “%s” and cannot be changed that way."),
                   (long long) job->id, tayori_post_job_state_to_label (job->state));
      return FALSE;
    }
  stmt = tayori_store_db_prepare (db,
    "UPDATE post_jobs SET state = ?2, error_class = ?3, error_message = ?4, "
    "remote_id = COALESCE (?5, remote_id), remote_url = COALESCE (?6, remote_url), "
    "next_attempt = COALESCE (?7, next_attempt), "
    "scheduled_at = CASE WHEN ?8 THEN NULL ELSE scheduled_at END, "
    "attempts = CASE WHEN ?9 THEN 0 ELSE attempts END, "
    "sent_at = CASE WHEN ?2 = 'sent' AND sent_at IS NULL THEN ?10 ELSE sent_at END, "
    "updated = ?10 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, change->id);
  sqlite3_bind_text (stmt, 2, tayori_post_job_state_to_key (update->state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, update->error_class, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, update->error_message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, update->remote_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, update->remote_url, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, change->next_attempt, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 8, update->clear_schedule);
  sqlite3_bind_int (stmt, 9, update->reset_attempts);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  return update->audit_action == NULL
    || tayori_post_db_audit (db, change->id, update->audit_action, update->actor, error);
}

typedef gboolean (*TransactionFunc) (TayoriStoreDb *db, gpointer data, GError **error);

typedef struct {
  TransactionFunc func;
  gpointer        data;
} Transaction;

static gboolean
transaction_job (TayoriStoreDb      *db,
                 gpointer            data,
                 TayoriStoreResult  *result,
                 GError            **error)
{
  Transaction *transaction = data;

  return tayori_store_db_transaction (db, transaction->func, transaction->data, error);
}

/* Runs @func with @data in one transaction on the store's worker and waits for it. */
static gboolean
run_transaction (TayoriStore      *store,
                 TransactionFunc   func,
                 gpointer          data,
                 GError          **error)
{
  Transaction transaction = { func, data };
  TayoriStoreResult result = { 0 };

  return tayori_store_run_sync (store, transaction_job, &transaction, NULL, &result, error);
}

gboolean
tayori_post_db_update (TayoriStore             *store,
                       gint64                   id,
                       const TayoriPostUpdate  *update,
                       GError                 **error)
{
  UpdateData change = { .id = id, .update = update };
  g_autofree char *next_attempt = NULL;

  if (update->next_attempt != NULL)
    next_attempt = change.next_attempt = tayori_store_format_time (update->next_attempt);
  return run_transaction (store, update_one, &change, error);
}

typedef struct {
  gint64      id;
  const char *metrics;
} MetricsData;

static gboolean
metrics_job (TayoriStoreDb      *db,
             gpointer            data,
             TayoriStoreResult  *result,
             GError            **error)
{
  MetricsData *metrics = data;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "UPDATE post_jobs SET metrics = ?2 "
                                                    "WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, metrics->id);
  sqlite3_bind_text (stmt, 2, metrics->metrics, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

gboolean
tayori_post_db_set_metrics (TayoriStore  *store,
                            gint64        id,
                            const char   *metrics,
                            GError      **error)
{
  MetricsData data = { id, metrics };
  TayoriStoreResult result = { 0 };

  return tayori_store_run_sync (store, metrics_job, &data, NULL, &result, error);
}

/* A post deleted from its network: marked once, with its audit line. */

typedef struct {
  gint64      id;
  const char *actor;
} DeletedData;

static gboolean
deleted_one (TayoriStoreDb  *db,
             gpointer        data,
             GError        **error)
{
  DeletedData *deleted = data;
  g_autofree char *now = tayori_post_db_now ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "UPDATE post_jobs SET deleted_at = ?2, updated = ?2 "
                                                    "WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deleted->id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->handle) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("This post was already deleted."));
      return FALSE;
    }
  return tayori_post_db_audit (db, deleted->id, "post-deleted", deleted->actor, error);
}

gboolean
tayori_post_db_set_deleted (TayoriStore  *store,
                            gint64        id,
                            const char   *actor,
                            GError      **error)
{
  DeletedData data = { id, actor };

  return run_transaction (store, deleted_one, &data, error);
}

/* Start-up recovery. */

/* Appends the ids it changed to @changed. */
static gboolean
mark_all (TayoriStoreDb  *db,
          const char     *select_sql,
          const char     *cutoff,
          const char     *state,
          const char     *action,
          GArray         *changed,
          GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *now = tayori_post_db_now ();
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, select_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      stmt = tayori_store_db_prepare (db, "UPDATE post_jobs SET state = ?2, next_attempt = ?3, "
                                          "updated = ?3 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
      if (!tayori_store_db_step_done (db, stmt, error)
          || !tayori_post_db_audit (db, id, action, NULL, error))
        return FALSE;
      g_array_append_val (changed, id);
    }
  return TRUE;
}

typedef struct {
  char     *cutoff;
  gboolean  after_crash;
  GArray   *changed;
} RecoverData;

static gboolean
recover_all (TayoriStoreDb  *db,
             gpointer        data,
             GError        **error)
{
  RecoverData *recover = data;

  /* A crash mid-send leaves "sending": the post may have gone out, so reconcile first. A job
   * never tried whose time passed beyond the grace period is never sent silently. */
  if (recover->after_crash
      && !mark_all (db, "SELECT id FROM post_jobs WHERE state = 'sending'", NULL, "unknown",
                    "post-unknown", recover->changed, error))
    return FALSE;
  return mark_all (db, "SELECT id FROM post_jobs WHERE state = 'pending' AND attempts = 0 "
                       "AND scheduled_at IS NOT NULL AND scheduled_at < ?1",
                   recover->cutoff, "late", "post-late", recover->changed, error);
}

GArray *
tayori_post_db_recover (TayoriStore  *store,
                        GDateTime    *grace_cutoff,
                        gboolean      after_crash,
                        GError      **error)
{
  g_autofree char *cutoff = tayori_store_format_time (grace_cutoff);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  RecoverData recover = { cutoff, after_crash, changed };

  if (!run_transaction (store, recover_all, &recover, error))
    return NULL;
  return g_steal_pointer (&changed);
}

static gboolean
url_job (TayoriStoreDb      *db,
         gpointer            data,
         TayoriStoreResult  *result,
         GError            **error)
{
  gint64 *article_id = data;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT remote_link FROM cms_links WHERE article_id = ?1 AND remote_link IS NOT NULL "
    "ORDER BY updated DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      result->pointer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      result->pointer_free = g_free;
    }
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW || rc == SQLITE_DONE || tayori_store_db_fail (db, rc, error);
}

char *
tayori_post_article_url (TayoriStore *store,
                         gint64       article_id)
{
  char *url = NULL;

  if (article_id <= 0
      || !tayori_posting_run (store, url_job, &article_id, NULL, (gpointer *) &url, NULL, NULL))
    return NULL;
  return url;
}
