/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link checker's SQLite cache (see tayori-link-cache.h). Failures only cost a re-check,
 * so they are logged once and otherwise ignored. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tayori-link-cache.h"

#define SCHEMA \
  "CREATE TABLE IF NOT EXISTS links (" \
  "  url TEXT PRIMARY KEY," \
  "  checked_at INTEGER NOT NULL," \
  "  status INTEGER NOT NULL," \
  "  final_url TEXT NOT NULL," \
  "  n_redirects INTEGER NOT NULL," \
  "  error INTEGER NOT NULL DEFAULT -1," \
  "  permanent INTEGER NOT NULL DEFAULT 0)"

struct _TayoriLinkCache
{
  GMutex   lock;
  char    *path;
  sqlite3 *db;
  gboolean opened;   /* tried to open, whatever came of it */
};

void
tayori_link_outcome_free (TayoriLinkOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->final_url);
  g_free (outcome);
}

TayoriLinkCache *
tayori_link_cache_new (const char *path)
{
  TayoriLinkCache *self = g_new0 (TayoriLinkCache, 1);

  g_mutex_init (&self->lock);
  self->path = g_strdup (path);
  return self;
}

void
tayori_link_cache_free (TayoriLinkCache *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  g_free (self);
}

/* With the lock held. */
static sqlite3 *
get_db (TayoriLinkCache *self)
{
  g_autofree char *folder = NULL;
  sqlite3 *db = NULL;

  if (self->opened)
    return self->db;
  self->opened = TRUE;
  if (self->path != NULL)
    {
      folder = g_path_get_dirname (self->path);
      g_mkdir_with_parents (folder, 0700);
    }
  if (sqlite3_open_v2 (self->path != NULL ? self->path : ":memory:", &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (db, 3000) != SQLITE_OK ||
      sqlite3_exec (db, SCHEMA, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_warning ("The link cache %s cannot be used: %s", self->path != NULL ? self->path : "in memory",
                 db != NULL ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }
  self->db = db;
  return db;
}

TayoriLinkOutcome *
tayori_link_cache_lookup (TayoriLinkCache *self,
                          const char      *url,
                          gint64           now,
                          gint64           max_age)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  sqlite3 *db = get_db (self);
  sqlite3_stmt *stmt = NULL;
  TayoriLinkOutcome *outcome = NULL;

  if (db == NULL ||
      sqlite3_prepare_v2 (db, "SELECT status, final_url, n_redirects, error, permanent FROM links"
                              " WHERE url = ?1 AND checked_at >= ?2", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now - max_age);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      outcome = g_new0 (TayoriLinkOutcome, 1);
      outcome->status = sqlite3_column_int (stmt, 0);
      outcome->final_url = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      outcome->n_redirects = sqlite3_column_int (stmt, 2);
      outcome->error = sqlite3_column_int (stmt, 3);
      outcome->permanent = sqlite3_column_int (stmt, 4) != 0;
    }
  sqlite3_finalize (stmt);
  return outcome;
}

void
tayori_link_cache_store (TayoriLinkCache         *self,
                         const char              *url,
                         gint64                   now,
                         const TayoriLinkOutcome *outcome)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  sqlite3 *db = get_db (self);
  sqlite3_stmt *stmt = NULL;

  if (db == NULL ||
      sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO links (url, checked_at, status, final_url,"
                              " n_redirects, error, permanent) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, url, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, outcome->status);
  sqlite3_bind_text (stmt, 4, outcome->final_url, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, outcome->n_redirects);
  sqlite3_bind_int (stmt, 6, outcome->error);
  sqlite3_bind_int (stmt, 7, outcome->permanent);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_debug ("Could not remember the link check of %s: %s", url, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
}
