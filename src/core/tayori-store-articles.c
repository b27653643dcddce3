/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Worker-side article operations: save (row, search index, revision), import, load, delete
 * and revisions. The row is written from and read back as the article's JSON object, so one
 * mapping (tayori-store-json.c) serves both the row and the revision snapshots. */
#include <glib/gi18n.h>
#include "tayori-store-private.h"

/* Autosaves within this long of an autosave revision's first write update it in place. */
#define AUTO_REVISION_SPAN (10 * G_TIME_SPAN_MINUTE)

typedef enum {
  COLUMN_TEXT,
  COLUMN_JSON,     /* arrays, kept as JSON text */
  COLUMN_BOOLEAN,
} ColumnType;

/* Every column of the articles table but id; the JSON key is the column name. */
static const struct {
  const char *name;
  ColumnType  type;
} columns[] = {
  { "title", COLUMN_TEXT }, { "category", COLUMN_TEXT }, { "categories", COLUMN_JSON },
  { "body", COLUMN_TEXT }, { "summary", COLUMN_TEXT }, { "thumbnail", COLUMN_TEXT },
  { "thumbnail_alt", COLUMN_TEXT }, { "audiences", COLUMN_JSON }, { "ward", COLUMN_TEXT },
  { "department", COLUMN_TEXT }, { "contact_section", COLUMN_TEXT },
  { "contact_phone", COLUMN_TEXT }, { "contact_fax", COLUMN_TEXT },
  { "contact_email", COLUMN_TEXT }, { "contact_address", COLUMN_TEXT },
  { "publish_start", COLUMN_TEXT }, { "publish_end", COLUMN_TEXT },
  { "emergency", COLUMN_BOOLEAN }, { "language", COLUMN_TEXT },
  { "translation_group", COLUMN_TEXT }, { "status", COLUMN_TEXT }, { "author", COLUMN_TEXT },
  { "links", COLUMN_JSON }, { "attachments", COLUMN_JSON }, { "dismissals", COLUMN_JSON },
  { "ai_provenance", COLUMN_JSON }, { "created", COLUMN_TEXT }, { "updated", COLUMN_TEXT },
};

typedef struct {
  char *insert;   /* ?1 = article JSON */
  char *update;   /* ?1 = article JSON, ?2 = id */
  char *select;   /* ?1 = id; one column: the article JSON */
} ArticleSql;

static const ArticleSql *
article_sql (void)
{
  static ArticleSql sql;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GString *names = g_string_new (NULL);
      GString *values = g_string_new (NULL);
      GString *sets = g_string_new (NULL);
      GString *object = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          const char *name = columns[i].name;
          const char *sep = i > 0 ? ", " : "";

          g_string_append_printf (names, "%s%s", sep, name);
          g_string_append_printf (values, "%sjson_extract (?1, '$.%s')", sep, name);
          g_string_append_printf (sets, "%s%s = json_extract (?1, '$.%s')", sep, name, name);
          if (columns[i].type == COLUMN_JSON)
            g_string_append_printf (object, "%s'%s', json (%s)", sep, name, name);
          else if (columns[i].type == COLUMN_BOOLEAN)
            g_string_append_printf (object, "%s'%s', json (iif (%s, 'true', 'false'))", sep, name, name);
          else
            g_string_append_printf (object, "%s'%s', %s", sep, name, name);
        }
      sql.insert = g_strdup_printf ("INSERT INTO articles (%s) VALUES (%s)", names->str, values->str);
      sql.update = g_strdup_printf ("UPDATE articles SET %s WHERE id = ?2", sets->str);
      sql.select = g_strdup_printf ("SELECT json_object (%s) FROM articles WHERE id = ?1", object->str);
      g_string_free (names, TRUE);
      g_string_free (values, TRUE);
      g_string_free (sets, TRUE);
      g_string_free (object, TRUE);
      g_once_init_leave (&initialized, 1);
    }
  return &sql;
}

static gboolean
not_found (GError **error,
           gint64   id)
{
  g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND,
               _("Article %lld does not exist (it may have been deleted)"), (long long) id);
  return FALSE;
}

/* Sets created on @article: now for a new one, the stored value for an existing one. */
static gboolean
settle_created (TayoriStoreDb  *db,
                TayoriArticle  *article,
                GDateTime      *now,
                GError        **error)
{
  gint64 id = tayori_article_get_id (article);
  g_autoptr(GDateTime) created = NULL;
  sqlite3_stmt *stmt;

  if (id == 0)
    {
      tayori_article_set_created (article, now);
      return TRUE;
    }

  stmt = tayori_store_db_prepare (db, "SELECT created FROM articles WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return not_found (error, id);
    }
  created = tayori_store_parse_time ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  tayori_article_set_created (article, created);
  return TRUE;
}

static gboolean
write_row (TayoriStoreDb  *db,
           TayoriArticle  *article,
           const char     *json,
           GError        **error)
{
  gint64 id = tayori_article_get_id (article);
  sqlite3_stmt *stmt;

  stmt = tayori_store_db_prepare (db, id == 0 ? article_sql ()->insert : article_sql ()->update, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 2, id);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  if (id == 0)
    tayori_article_set_id (article, sqlite3_last_insert_rowid (db->handle));

  stmt = tayori_store_db_prepare (db,
      "INSERT INTO articles_search (id, title, summary, body)"
      " SELECT id, tayori_search_form (title), tayori_search_form (summary),"
      " tayori_search_form (body)"
      " FROM articles WHERE id = ?1"
      " ON CONFLICT (id) DO UPDATE SET title = excluded.title, summary = excluded.summary,"
      " body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, tayori_article_get_id (article));
  return tayori_store_db_step_done (db, stmt, error);
}

/* The newest revision when it is an autosave started after @cutoff, else 0. */
static gint64
recent_auto_revision (TayoriStoreDb  *db,
                      gint64          article_id,
                      const char     *cutoff,
                      GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 revision = 0;

  stmt = tayori_store_db_prepare (db,
      "SELECT id, kind = 'auto' AND started >= ?2 FROM revisions"
      " WHERE article_id = ?1 ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_text (stmt, 2, cutoff, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 1))
    revision = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return revision;
}

static gint64
keep_revision (TayoriStoreDb  *db,
               TayoriArticle  *article,
               TayoriSaveKind  kind,
               GDateTime      *now,
               const char     *json,
               GError        **error)
{
  gint64 article_id = tayori_article_get_id (article);
  const char *title = tayori_article_get_title (article);
  g_autofree char *now_text = tayori_store_format_time (now);
  gint64 revision = 0;
  sqlite3_stmt *stmt;

  if (kind == TAYORI_SAVE_AUTO)
    {
      g_autoptr(GDateTime) cutoff = g_date_time_add (now, -AUTO_REVISION_SPAN);
      g_autofree char *cutoff_text = tayori_store_format_time (cutoff);

      revision = recent_auto_revision (db, article_id, cutoff_text, error);
      if (revision < 0)
        return 0;
    }

  if (revision > 0)
    stmt = tayori_store_db_prepare (db,
        "UPDATE revisions SET saved = ?3, title = ?4, snapshot = ?5 WHERE id = ?1", error);
  else
    stmt = tayori_store_db_prepare (db,
        "INSERT INTO revisions (article_id, kind, started, saved, title, snapshot)"
        " VALUES (?2, ?6, ?3, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  if (revision > 0)
    sqlite3_bind_int64 (stmt, 1, revision);
  else
    {
      sqlite3_bind_int64 (stmt, 2, article_id);
      sqlite3_bind_text (stmt, 6, kind == TAYORI_SAVE_AUTO ? "auto" : "manual", -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (stmt, 3, now_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, title != NULL ? title : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, json, -1, SQLITE_STATIC);
  if (!tayori_store_db_step_done (db, stmt, error))
    return 0;
  return revision > 0 ? revision : sqlite3_last_insert_rowid (db->handle);
}

/* Inside a transaction. */
static gint64
save_locked (TayoriStoreDb  *db,
             TayoriArticle  *article,
             TayoriSaveKind  kind,
             GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (!settle_created (db, article, now, error))
    return 0;
  tayori_article_set_updated (article, now);
  node = tayori_store_article_to_json (article);
  json = json_to_string (node, FALSE);
  if (!write_row (db, article, json, error))
    return 0;
  return keep_revision (db, article, kind, now, json, error);
}

typedef struct {
  TayoriArticle  *article;
  TayoriSaveKind  kind;
  gint64          revision;
} SaveData;

static gboolean
save_in_transaction (TayoriStoreDb  *db,
                     gpointer        data,
                     GError        **error)
{
  SaveData *save = data;

  save->revision = save_locked (db, save->article, save->kind, error);
  return save->revision != 0;
}

gint64
tayori_store_db_save (TayoriStoreDb   *db,
                      TayoriArticle   *article,
                      TayoriSaveKind   kind,
                      GError         **error)
{
  SaveData save = { article, kind, 0 };

  if (!tayori_store_db_transaction (db, save_in_transaction, &save, error))
    return 0;
  return save.revision;
}

static gboolean
import_in_transaction (TayoriStoreDb  *db,
                       gpointer        data,
                       GError        **error)
{
  GPtrArray *articles = data;

  for (guint i = 0; i < articles->len; i++)
    if (save_locked (db, g_ptr_array_index (articles, i), TAYORI_SAVE_MANUAL, error) == 0)
      return FALSE;
  return TRUE;
}

gboolean
tayori_store_db_import (TayoriStoreDb  *db,
                        GPtrArray      *articles,
                        GError        **error)
{
  return tayori_store_db_transaction (db, import_in_transaction, articles, error);
}

TayoriArticle *
tayori_store_db_load (TayoriStoreDb  *db,
                      gint64          id,
                      GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, article_sql ()->select, error);
  TayoriArticle *article;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        not_found (error, id);
      else
        tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  article = tayori_store_article_from_json ((const char *) sqlite3_column_text (stmt, 0), error);
  sqlite3_reset (stmt);
  if (article != NULL)
    tayori_article_set_id (article, id);
  return article;
}

gboolean
tayori_store_db_delete (TayoriStoreDb  *db,
                        gint64          id,
                        GError        **error)
{
  sqlite3_stmt *stmt = tayori_store_db_prepare (db, "DELETE FROM articles WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!tayori_store_db_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (db->handle) == 0)
    return not_found (error, id);
  return TRUE;
}

GPtrArray *
tayori_store_db_list_revisions (TayoriStoreDb  *db,
                                gint64          article_id,
                                GError        **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_revision_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = tayori_store_db_prepare (db,
      "SELECT id, saved, kind, title FROM revisions WHERE article_id = ?1 ORDER BY id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TayoriRevision *revision = g_new0 (TayoriRevision, 1);

      revision->id = sqlite3_column_int64 (stmt, 0);
      revision->article_id = article_id;
      revision->saved = tayori_store_parse_time ((const char *) sqlite3_column_text (stmt, 1));
      revision->kind = g_str_equal (sqlite3_column_text (stmt, 2), "auto")
                       ? TAYORI_SAVE_AUTO : TAYORI_SAVE_MANUAL;
      revision->title = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (revisions, revision);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      tayori_store_db_fail (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&revisions);
}

TayoriArticle *
tayori_store_db_load_revision (TayoriStoreDb  *db,
                               gint64          revision_id,
                               GError        **error)
{
  sqlite3_stmt *stmt;
  TayoriArticle *article;
  gint64 article_id;

  stmt = tayori_store_db_prepare (db, "SELECT article_id, snapshot FROM revisions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, revision_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND,
                   _("Revision %lld does not exist"), (long long) revision_id);
      return NULL;
    }
  article_id = sqlite3_column_int64 (stmt, 0);
  article = tayori_store_article_from_json ((const char *) sqlite3_column_text (stmt, 1), error);
  sqlite3_reset (stmt);
  if (article != NULL)
    tayori_article_set_id (article, article_id);
  return article;
}
