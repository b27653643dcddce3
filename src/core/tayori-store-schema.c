/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's connection on the worker thread: opening and checking the file, WAL and the
 * other pragmas, migrations by PRAGMA user_version, cached statements and error mapping. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include "tayori-store-private.h"
#include "tayori-text-normalize.h"

/* Each step runs with its version bump inside one BEGIN IMMEDIATE … COMMIT. */
static const char * const migrations[] = {
  /* 1: articles and their revisions */
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT,"
  "  category TEXT,"
  "  categories TEXT NOT NULL DEFAULT '[]',"
  "  body TEXT,"
  "  summary TEXT,"
  "  thumbnail TEXT,"
  "  thumbnail_alt TEXT,"
  "  audiences TEXT NOT NULL DEFAULT '[]',"
  "  ward TEXT,"
  "  department TEXT,"
  "  contact_section TEXT,"
  "  contact_phone TEXT,"
  "  contact_fax TEXT,"
  "  contact_email TEXT,"
  "  contact_address TEXT,"
  "  publish_start TEXT,"
  "  publish_end TEXT,"
  "  emergency INTEGER NOT NULL DEFAULT 0,"
  "  language TEXT NOT NULL DEFAULT 'ja',"
  "  translation_group TEXT,"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  author TEXT,"
  "  links TEXT NOT NULL DEFAULT '[]',"
  "  attachments TEXT NOT NULL DEFAULT '[]',"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL);"
  /* The list order, covering what the filters look at: listing, counting and paging never
   * read the (large) rows but for the page shown. */
  "CREATE INDEX articles_list ON articles"
  "  (updated DESC, id DESC, status, ward, author, category, categories);"
  "CREATE INDEX articles_by_status ON articles (status, updated DESC, id DESC);"
  "CREATE INDEX articles_by_author ON articles (author, updated DESC, id DESC, status);"
  "CREATE INDEX articles_by_ward ON articles (ward, updated DESC, id DESC, status);"
  "CREATE TABLE revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('auto', 'manual')),"
  "  started TEXT NOT NULL,"  /* first write: autosaves coalesce for a while after it */
  "  saved TEXT NOT NULL,"
  "  title TEXT NOT NULL,"
  "  snapshot TEXT NOT NULL);"
  "CREATE INDEX revisions_by_article ON revisions (article_id, id DESC);",

  /* 2: search. The searched text in its search form (tayori_search_form) feeds an
   * external-content FTS5 trigram index through triggers. The text is already folded, so
   * the tokenizer compares it as it is. */
  "CREATE TABLE articles_search ("
  "  id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  summary TEXT NOT NULL,"
  "  body TEXT NOT NULL);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5 (title, summary, body,"
  "  content='articles_search', content_rowid='id',"
  "  tokenize='tayori_trigram case_sensitive 1');"
  "CREATE TRIGGER articles_search_ai AFTER INSERT ON articles_search BEGIN"
  "  INSERT INTO articles_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;"
  "CREATE TRIGGER articles_search_ad AFTER DELETE ON articles_search BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "END;"
  "CREATE TRIGGER articles_search_au AFTER UPDATE ON articles_search BEGIN"
  "  INSERT INTO articles_fts (articles_fts, rowid, title, summary, body)"
  "    VALUES ('delete', old.id, old.title, old.summary, old.body);"
  "  INSERT INTO articles_fts (rowid, title, summary, body)"
  "    VALUES (new.id, new.title, new.summary, new.body);"
  "END;"
  "INSERT INTO articles_search (id, title, summary, body)"
  "  SELECT id, tayori_search_form (title), tayori_search_form (summary), tayori_search_form (body)"
  "  FROM articles;",

  /* 3: findings of the writing checks the writer dismissed, with the reasons */
  "ALTER TABLE articles ADD COLUMN dismissals TEXT NOT NULL DEFAULT '[]';",

  /* 4: which fields and paragraphs came from generative AI (tayori-ai-provenance.h) */
  "ALTER TABLE articles ADD COLUMN ai_provenance TEXT NOT NULL DEFAULT '[]';",

  /* 5: CMS sync (tayori-cms-sync.h), its outbox and review log; SNS versions, post jobs and
   * the audit trail (tayori-post-queue.h) */
  "CREATE TABLE cms_links ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,"
  "  account TEXT NOT NULL,"
  "  client_id TEXT NOT NULL UNIQUE,"     /* UUID stored in the remote post's meta */
  "  remote_id INTEGER,"                  /* NULL until the create is confirmed */
  "  remote_status TEXT,"                 /* WordPress status: draft, pending, future, publish… */
  "  remote_link TEXT,"
  "  remote_author TEXT,"
  "  synced_modified TEXT,"               /* the post's modified_gmt at the last sync */
  "  synced_hash TEXT,"                   /* tayori_cms_content_hash of what was last synced */
  "  synced_revision INTEGER,"            /* local revision id last synced */
  "  reviewed_snapshot TEXT,"             /* the article (store JSON) as last reviewed */
  "  review_note TEXT,"                   /* the latest return note, for the author */
  "  conflict_snapshot TEXT,"             /* the remote side (store JSON) while in conflict */
  "  updated TEXT NOT NULL);"
  "CREATE INDEX cms_links_by_remote ON cms_links (account, remote_id);"
  "CREATE TABLE cms_outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,"
  "  account TEXT NOT NULL,"
  "  action TEXT NOT NULL,"               /* push, submit, approve, return, unpublish, … */
  "  payload TEXT NOT NULL DEFAULT '{}',"  /* JSON: note, publish time, override reason… */
  "  state TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (state IN ('pending', 'running', 'done', 'failed', 'conflict')),"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt TEXT NOT NULL,"
  "  error_class TEXT,"
  "  error_message TEXT,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL);"
  "CREATE INDEX cms_outbox_due ON cms_outbox (state, next_attempt, id);"
  "CREATE TABLE review_log ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER REFERENCES articles (id) ON DELETE CASCADE,"
  "  account TEXT NOT NULL,"
  "  remote_id INTEGER,"
  "  action TEXT NOT NULL,"               /* submit, approve, return, schedule, publish */
  "  actor TEXT NOT NULL,"
  "  level INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT,"
  "  revision_hash TEXT,"
  "  at TEXT NOT NULL);"
  "CREATE INDEX review_log_by_article ON review_log (article_id, id);"
  "CREATE TABLE sns_versions ("
  "  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,"
  "  target TEXT NOT NULL,"               /* 'base', a network ('x') or an account name */
  "  text TEXT NOT NULL,"
  "  images TEXT NOT NULL DEFAULT '[]',"  /* JSON [{hash, alt}] */
  "  updated TEXT NOT NULL,"
  "  PRIMARY KEY (article_id, target));"
  "CREATE TABLE post_jobs ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,"
  "  account TEXT NOT NULL,"
  "  network TEXT NOT NULL,"
  "  text TEXT NOT NULL,"
  "  images TEXT NOT NULL DEFAULT '[]',"
  "  link_url TEXT,"
  "  idempotency_key TEXT NOT NULL UNIQUE," /* made once, stored before the first attempt */
  "  state TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (state IN ('pending', 'sending', 'unknown', 'sent', 'failed', 'late', 'cancelled')),"
  "  error_class TEXT,"
  "  error_message TEXT,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  scheduled_at TEXT,"
  "  next_attempt TEXT,"
  "  remote_id TEXT,"
  "  remote_url TEXT,"
  "  metrics TEXT,"
  "  actor TEXT NOT NULL,"
  "  created TEXT NOT NULL,"
  "  updated TEXT NOT NULL,"
  "  sent_at TEXT);"
  "CREATE INDEX post_jobs_by_article ON post_jobs (article_id, id);"
  "CREATE INDEX post_jobs_due ON post_jobs (state, next_attempt);"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  actor TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  article_id INTEGER,"
  "  account TEXT,"
  "  detail TEXT NOT NULL DEFAULT '{}');",

  /* 6: when a sent post was deleted from its network (from the app) */
  "ALTER TABLE post_jobs ADD COLUMN deleted_at TEXT;",
};

static int target_version_for_testing;
static const char *extra_step_for_testing;

void
tayori_store_db_set_target_version_for_testing (int version)
{
  target_version_for_testing = version;
}

void
tayori_store_db_set_extra_step_for_testing (const char *sql)
{
  extra_step_for_testing = sql;
}

int
tayori_store_db_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
is_corruption (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static gboolean
set_corrupt_error (TayoriStoreDb  *db,
                   const char     *detail,
                   GError        **error)
{
  g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT,
               _("The article store “%s” is damaged or is not a Tayori database (%s)"),
               db->path, detail);
  return FALSE;
}

gboolean
tayori_store_db_fail (TayoriStoreDb  *db,
                      int             rc,
                      GError        **error)
{
  const char *detail = db->handle != NULL ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc);

  if (is_corruption (rc))
    return set_corrupt_error (db, detail, error);
  g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED,
               _("The article store could not be used: %s"), detail);
  return FALSE;
}

gboolean
tayori_store_db_exec (TayoriStoreDb  *db,
                      const char     *sql,
                      GError        **error)
{
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return tayori_store_db_fail (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
tayori_store_db_prepare (TayoriStoreDb  *db,
                         const char     *sql,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
tayori_store_db_step_done (TayoriStoreDb  *db,
                           sqlite3_stmt   *stmt,
                           GError        **error)
{
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return tayori_store_db_fail (db, rc, error);
  return TRUE;
}

sqlite3_stmt *
tayori_store_db_query_row (TayoriStoreDb  *db,
                           const char     *sql,
                           GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
tayori_store_db_transaction (TayoriStoreDb  *db,
                             gboolean      (*func) (TayoriStoreDb *db,
                                                    gpointer       data,
                                                    GError       **error),
                             gpointer        data,
                             GError        **error)
{
  if (!tayori_store_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!func (db, data, error) || !tayori_store_db_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

char *
tayori_store_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

GDateTime *
tayori_store_parse_time (const char *text)
{
  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

/* tayori_search_form (text): the text normalised for search, padded at the end so that
 * even its last one or two characters start an indexed trigram (tayori-store-tokenizer.c). */
static void
search_form_function (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *normalized = tayori_text_normalize_for_search (text != NULL ? text : "");

  sqlite3_result_text (context, g_strconcat (normalized, TAYORI_STORE_SEARCH_PADDING, NULL),
                       -1, g_free);
}

static gboolean
query_text (TayoriStoreDb  *db,
            const char     *sql,
            char          **out_text,
            GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_query_row (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  *out_text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

/* A non-empty file that does not start with SQLite's header is refused before SQLite opens
 * it: SQLite would otherwise feel free to rewrite or drop the -wal and -shm files beside it,
 * which belong to the damaged store and are kept aside with it. */
static gboolean
check_header (TayoriStoreDb  *db,
              GError        **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[sizeof magic] = { 0 };
  FILE *file = g_fopen (db->path, "rb");
  size_t length;

  if (file == NULL)
    return TRUE;   /* a new store */
  length = fread (header, 1, sizeof header, file);
  fclose (file);
  if (length == 0 || memcmp (header, magic, sizeof magic) == 0)
    return TRUE;
  return set_corrupt_error (db, sqlite3_errstr (SQLITE_NOTADB), error);
}

static gboolean
check_integrity (TayoriStoreDb  *db,
                 GError        **error)
{
  g_autofree char *verdict = NULL;

  if (!query_text (db, "PRAGMA quick_check", &verdict, error))
    return FALSE;
  if (g_strcmp0 (verdict, "ok") != 0)
    return set_corrupt_error (db, verdict, error);
  return TRUE;
}

static gboolean
configure (TayoriStoreDb  *db,
           GError        **error)
{
  g_autofree char *mode = NULL;

  if (!query_text (db, "PRAGMA journal_mode = WAL", &mode, error))
    return FALSE;
  if (g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED,
                   _("The article store could not be used: %s"),
                   "journal_mode=WAL refused");
      return FALSE;
    }
  /* In WAL mode NORMAL loses nothing committed when the process dies (only on power loss). */
  return tayori_store_db_exec (db, "PRAGMA synchronous = NORMAL;"
                                   "PRAGMA foreign_keys = ON;"
                                   "PRAGMA temp_store = MEMORY;"
                                   "PRAGMA cache_size = -16384;", error);
}

static int
read_user_version (TayoriStoreDb  *db,
                   GError        **error)
{
  g_autofree char *text = NULL;

  if (!query_text (db, "PRAGMA user_version", &text, error))
    return -1;
  return atoi (text);
}

static gboolean
migrate_step (TayoriStoreDb  *db,
              int             version,
              GError        **error)
{
  const char *sql = version <= tayori_store_db_latest_version ()
                    ? migrations[version - 1] : extra_step_for_testing;
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

  if (!tayori_store_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!tayori_store_db_exec (db, sql, error) ||
      !tayori_store_db_exec (db, bump, error) ||
      !tayori_store_db_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("Updating the article store to version %d failed: "), version);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (TayoriStoreDb  *db,
         GError        **error)
{
  int latest = tayori_store_db_latest_version ();
  int target = latest;
  int version = read_user_version (db, error);

  if (version < 0)
    return FALSE;
  if (version > latest)
    {
      g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_TOO_NEW,
                   _("The article store “%s” was written by a newer version of Tayori "
                     "(store version %d, this version understands up to %d)"),
                   db->path, version, latest);
      return FALSE;
    }

  if (target_version_for_testing > 0)
    target = target_version_for_testing;
  if (extra_step_for_testing != NULL)
    target = latest + 1;

  for (; version < target; version++)
    if (!migrate_step (db, version + 1, error))
      return FALSE;
  db->schema_version = version;
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

gboolean
tayori_store_db_open (TayoriStoreDb  *db,
                      const char     *path,
                      GError        **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!check_header (db, error))
    return FALSE;
  rc = sqlite3_open_v2 (path, &db->handle, flags, NULL);
  if (rc != SQLITE_OK)
    return tayori_store_db_fail (db, rc, error);
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);
  sqlite3_create_function_v2 (db->handle, "tayori_search_form", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                              NULL, search_form_function, NULL, NULL, NULL);

  tayori_store_db_register_id_sets (db);

  return tayori_store_db_register_tokenizer (db, error) &&
         check_integrity (db, error) && configure (db, error) && migrate (db, error);
}

void
tayori_store_db_close (TayoriStoreDb *db)
{
  tayori_store_db_clear_id_sets (db);
  if (db->handle != NULL)
    {
      TAYORI_STORE_DB_ASSERT_WORKER (db);
      g_clear_pointer (&db->statements, g_hash_table_destroy);
      sqlite3_exec (db->handle, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close (db->handle);
      db->handle = NULL;
    }
  g_clear_pointer (&db->statements, g_hash_table_destroy);
  g_clear_pointer (&db->path, g_free);
}
