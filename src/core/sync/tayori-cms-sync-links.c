/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link between a local article and its remote post (table cms_links), the mirrored
 * review log (review_log) and the local status built from them: jobs on the store's worker. */
#include <string.h>
#include "tayori-cms-sync-private.h"
#include "tayori-outbox-private.h"
#include "tayori-store-private.h"

#define LINK_COLUMNS "article_id, account, client_id, coalesce(remote_id, 0), remote_status, " \
  "remote_link, remote_author, synced_modified, synced_hash, coalesce(synced_revision, 0), " \
  "reviewed_snapshot, review_note, conflict_snapshot"

typedef struct {
  gint64     article_id;
  gint64     remote_id;
  char      *account;
  GPtrArray *log;
  TayoriCmsLink *link;
} Job;

static void
job_free (Job *job)
{
  g_free (job->account);
  g_clear_pointer (&job->log, g_ptr_array_unref);
  g_clear_pointer (&job->link, tayori_cms_link_free);
  g_free (job);
}

void
tayori_cms_link_free (TayoriCmsLink *link)
{
  if (link == NULL)
    return;
  g_free (link->account);
  g_free (link->client_id);
  g_free (link->remote_status);
  g_free (link->remote_link);
  g_free (link->remote_author);
  g_free (link->synced_modified);
  g_free (link->synced_hash);
  g_free (link->synced_content);
  g_free (link->reviewed_snapshot);
  g_free (link->review_note);
  g_free (link->conflict_snapshot);
  g_free (link);
}

static char *
column_dup (sqlite3_stmt *stmt, int column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The synced_hash column holds "REVISION-HASH CONTENT-HASH" (the second part once known). */
static void
split_hashes (TayoriCmsLink *link, const char *column)
{
  const char *space = column != NULL ? strchr (column, ' ') : NULL;

  link->synced_hash = space != NULL ? g_strndup (column, space - column) : g_strdup (column);
  link->synced_content = space != NULL ? g_strdup (space + 1) : NULL;
}

static TayoriCmsLink *
link_from_row (sqlite3_stmt *stmt)
{
  TayoriCmsLink *link = g_new0 (TayoriCmsLink, 1);

  link->article_id = sqlite3_column_int64 (stmt, 0);
  link->account = column_dup (stmt, 1);
  link->client_id = column_dup (stmt, 2);
  link->remote_id = sqlite3_column_int64 (stmt, 3);
  link->remote_status = column_dup (stmt, 4);
  link->remote_link = column_dup (stmt, 5);
  link->remote_author = column_dup (stmt, 6);
  link->synced_modified = column_dup (stmt, 7);
  split_hashes (link, (const char *) sqlite3_column_text (stmt, 8));
  link->synced_revision = sqlite3_column_int64 (stmt, 9);
  link->reviewed_snapshot = column_dup (stmt, 10);
  link->review_note = column_dup (stmt, 11);
  link->conflict_snapshot = column_dup (stmt, 12);
  return link;
}

static TayoriCmsLink *
db_query_link (TayoriStoreDb *db, const char *sql, Job *job, gboolean *failed, GError **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, sql, error);
  TayoriCmsLink *link = NULL;
  int rc;

  *failed = stmt == NULL;
  if (stmt == NULL)
    return NULL;
  /* By article: ?1; by remote post: ?2 and ?3. */
  sqlite3_bind_int64 (stmt, 1, job->article_id);
  if (sqlite3_bind_parameter_count (stmt) == 3)
    {
      sqlite3_bind_text (stmt, 2, job->account, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, job->remote_id);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    link = link_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    *failed = !tayori_store_db_fail (db, rc, error);
  return link;
}

static gboolean
load_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  gboolean failed;
  const char *sql = job->article_id != 0
    ? "SELECT " LINK_COLUMNS " FROM cms_links WHERE article_id = ?1"
    : "SELECT " LINK_COLUMNS " FROM cms_links WHERE account = ?2 AND remote_id = ?3";

  result->pointer = db_query_link (db, sql, job, &failed, error);
  result->pointer_free = (GDestroyNotify) tayori_cms_link_free;
  return !failed;
}

static TayoriCmsLink *
run_load (TayoriStore *store, Job *job, GError **error)
{
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (store, load_job, job, (GDestroyNotify) job_free, &result, error))
    return NULL;
  return result.pointer;
}

TayoriCmsLink *
tayori_cms_link_load (TayoriStore *store, gint64 article_id, GError **error)
{
  Job *job = g_new0 (Job, 1);

  job->article_id = article_id;
  return run_load (store, job, error);
}

TayoriCmsLink *
tayori_cms_link_find_remote (TayoriStore *store, const char *account, gint64 remote_id,
                             GError **error)
{
  Job *job = g_new0 (Job, 1);

  job->account = g_strdup (account);
  job->remote_id = remote_id;
  return run_load (store, job, error);
}

static void
bind_text (sqlite3_stmt *stmt, int column, const char *text)
{
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static gboolean
save_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  const TayoriCmsLink *link = ((Job *) data)->link;
  g_autofree char *hashes = link->synced_content != NULL && link->synced_hash != NULL
                            ? g_strconcat (link->synced_hash, " ", link->synced_content, NULL)
                            : g_strdup (link->synced_hash);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = tayori_store_format_time (now);
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "INSERT OR REPLACE INTO cms_links (article_id, account, client_id, remote_id, remote_status,"
    " remote_link, remote_author, synced_modified, synced_hash, synced_revision, reviewed_snapshot,"
    " review_note, conflict_snapshot, updated)"
    " VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8, ?9, nullif(?10, 0), ?11, ?12, ?13, ?14)", error);

  (void) result;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, link->article_id);
  bind_text (stmt, 2, link->account);
  bind_text (stmt, 3, link->client_id);
  sqlite3_bind_int64 (stmt, 4, link->remote_id);
  bind_text (stmt, 5, link->remote_status);
  bind_text (stmt, 6, link->remote_link);
  bind_text (stmt, 7, link->remote_author);
  bind_text (stmt, 8, link->synced_modified);
  bind_text (stmt, 9, hashes);
  sqlite3_bind_int64 (stmt, 10, link->synced_revision);
  bind_text (stmt, 11, link->reviewed_snapshot);
  bind_text (stmt, 12, link->review_note);
  bind_text (stmt, 13, link->conflict_snapshot);
  bind_text (stmt, 14, updated);
  return tayori_store_db_step_done (db, stmt, error);
}

gboolean
tayori_cms_link_save (TayoriStore *store, const TayoriCmsLink *link, GError **error)
{
  Job *job = g_new0 (Job, 1);

  /* The job owns its link: copy the row through its own columns. */
  job->link = g_memdup2 (link, sizeof *link);
  job->link->account = g_strdup (link->account);
  job->link->client_id = g_strdup (link->client_id);
  job->link->remote_status = g_strdup (link->remote_status);
  job->link->remote_link = g_strdup (link->remote_link);
  job->link->remote_author = g_strdup (link->remote_author);
  job->link->synced_modified = g_strdup (link->synced_modified);
  job->link->synced_hash = g_strdup (link->synced_hash);
  job->link->synced_content = g_strdup (link->synced_content);
  job->link->reviewed_snapshot = g_strdup (link->reviewed_snapshot);
  job->link->review_note = g_strdup (link->review_note);
  job->link->conflict_snapshot = g_strdup (link->conflict_snapshot);
  return tayori_store_run_sync (store, save_job, job, (GDestroyNotify) job_free,
                                &(TayoriStoreResult) { 0 }, error);
}

static gboolean
save_log_rows (TayoriStoreDb *db, gpointer data, GError **error)
{
  Job *job = data;
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "DELETE FROM review_log WHERE article_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, job->article_id);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  for (guint i = 0; i < job->log->len; i++)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (job->log, i);

      stmt = tayori_store_db_prepare (db,
        "INSERT INTO review_log (article_id, account, remote_id, action, actor, level, note,"
        " revision_hash, at) VALUES (?1, ?2, nullif(?3, 0), ?4, ?5, ?6, ?7, ?8, ?9)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, job->article_id);
      bind_text (stmt, 2, job->account);
      sqlite3_bind_int64 (stmt, 3, job->remote_id);
      bind_text (stmt, 4, entry->action);
      bind_text (stmt, 5, entry->actor != NULL ? entry->actor : "");
      sqlite3_bind_int (stmt, 6, (int) entry->level);
      bind_text (stmt, 7, entry->note);
      bind_text (stmt, 8, entry->revision_hash);
      bind_text (stmt, 9, entry->at != NULL ? entry->at : "");
      if (!tayori_store_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_log_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  (void) result;
  return tayori_store_db_transaction (db, save_log_rows, data, error);
}

gboolean
tayori_cms_link_save_log (TayoriStore *store, gint64 article_id, const char *account,
                          gint64 remote_id, GPtrArray *log, GError **error)
{
  Job *job = g_new0 (Job, 1);

  job->article_id = article_id;
  job->account = g_strdup (account);
  job->remote_id = remote_id;
  job->log = g_ptr_array_ref (log);
  return tayori_store_run_sync (store, save_log_job, job, (GDestroyNotify) job_free,
                                &(TayoriStoreResult) { 0 }, error);
}

static gint64
db_latest_revision (TayoriStoreDb *db, gint64 article_id, GError **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT coalesce(max(id), 0) FROM revisions WHERE article_id = ?1", error);
  gint64 id = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else
    tayori_store_db_fail (db, sqlite3_errcode (db->handle), error);
  sqlite3_reset (stmt);
  return id;
}

static gboolean
latest_revision_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  result->number = db_latest_revision (db, ((Job *) data)->article_id, error);
  return result->number >= 0;
}

gint64
tayori_cms_link_latest_revision (TayoriStore *store, gint64 article_id, GError **error)
{
  TayoriStoreResult result = { 0 };
  Job *job = g_new0 (Job, 1);

  job->article_id = article_id;
  if (!tayori_store_run_sync (store, latest_revision_job, job, (GDestroyNotify) job_free, &result, error))
    return -1;
  return result.number;
}

static GPtrArray *
db_load_log (TayoriStoreDb *db, gint64 article_id, GError **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "SELECT action, actor, level, note, revision_hash, at FROM review_log"
    " WHERE article_id = ?1 ORDER BY id", error);
  g_autoptr(GPtrArray) log = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  log = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_review_entry_free);
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TayoriCmsReviewEntry *entry = g_new0 (TayoriCmsReviewEntry, 1);

      entry->action = column_dup (stmt, 0);
      entry->actor = column_dup (stmt, 1);
      entry->level = (guint) sqlite3_column_int (stmt, 2);
      entry->note = column_dup (stmt, 3);
      entry->revision_hash = column_dup (stmt, 4);
      entry->at = column_dup (stmt, 5);
      g_ptr_array_add (log, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&log);
}

static gboolean
status_job (TayoriStoreDb *db, gpointer data, TayoriStoreResult *result, GError **error)
{
  Job *job = data;
  g_autoptr(TayoriCmsSyncStatus) status = g_new0 (TayoriCmsSyncStatus, 1);
  g_autoptr(TayoriCmsLink) link = NULL;
  gboolean failed;
  gint64 latest;

  status->article_id = job->article_id;
  link = db_query_link (db, "SELECT " LINK_COLUMNS " FROM cms_links WHERE article_id = ?1",
                        job, &failed, error);
  if (failed || (status->review_log = db_load_log (db, job->article_id, error)) == NULL)
    return FALSE;
  latest = db_latest_revision (db, job->article_id, error);
  if (latest < 0)
    return FALSE;
  if (link != NULL)
    {
      status->account = g_strdup (link->account);
      status->client_id = g_strdup (link->client_id);
      status->remote_id = link->remote_id;
      status->remote_status = g_strdup (link->remote_status);
      status->remote_link = g_strdup (link->remote_link);
      status->remote_author = g_strdup (link->remote_author);
      status->synced_modified = g_strdup (link->synced_modified);
      status->synced_hash = g_strdup (link->synced_hash);
      status->local_changed = link->synced_revision != latest;
      status->conflict = link->conflict_snapshot != NULL;
      status->review_note = g_strdup (link->review_note);
    }
  else
    status->local_changed = latest != 0;
  for (guint i = 0; i < status->review_log->len; i++)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (status->review_log, i);

      /* The plugin logs the approvals an approval makes, and those a return found: a return
       * that left the post pending went to the previous level (one approval less). */
      if (g_strcmp0 (entry->action, "approve") == 0
          && g_strcmp0 (entry->revision_hash, status->synced_hash) == 0)
        status->approvals = entry->level > 0 ? entry->level : status->approvals + 1;
      else if (g_strcmp0 (entry->action, "return") == 0)
        status->approvals = g_strcmp0 (status->remote_status, "pending") == 0 && entry->level > 0
                            ? entry->level - 1 : 0;
      else if (g_strcmp0 (entry->action, "submit") == 0)
        status->approvals = 0;
    }
  result->pointer = g_steal_pointer (&status);
  result->pointer_free = (GDestroyNotify) tayori_cms_sync_status_free;
  return TRUE;
}

TayoriCmsSyncStatus *
tayori_cms_link_status (TayoriStore *store, gint64 article_id, GError **error)
{
  TayoriStoreResult result = { 0 };
  Job *job = g_new0 (Job, 1);
  g_autoptr(GPtrArray) items = NULL;
  TayoriCmsSyncStatus *status;

  job->article_id = article_id;
  if (!tayori_store_run_sync (store, status_job, job, (GDestroyNotify) job_free, &result, error))
    return NULL;
  status = result.pointer;
  items = tayori_outbox_db_list_unfinished (store, article_id, error);
  if (items == NULL)
    {
      tayori_cms_sync_status_free (status);
      return NULL;
    }
  if (items->len > 0)
    status->pending = tayori_outbox_item_copy (g_ptr_array_index (items, items->len - 1));
  return status;
}

static void
set_text (char **slot, const char *text)
{
  g_free (*slot);
  *slot = g_strdup (text);
}

void
tayori_cms_link_take_post (TayoriCmsLink *link, const TayoriCmsPost *post)
{
  link->remote_id = post->remote_id;
  if (post->status != NULL)
    set_text (&link->remote_status, post->status);
  if (post->link != NULL)
    set_text (&link->remote_link, post->link);
  if (post->author_login != NULL)
    set_text (&link->remote_author, post->author_login);
  if (post->modified_gmt != NULL)
    set_text (&link->synced_modified, post->modified_gmt);
}

void
tayori_cms_link_mark_synced (TayoriCmsLink *link, const TayoriCmsPost *post, char *hash, gint64 revision)
{
  g_free (link->synced_hash);
  link->synced_hash = hash;
  g_free (link->synced_content);
  link->synced_content = tayori_cms_post_content_hash (post);
  link->synced_revision = revision;
}
