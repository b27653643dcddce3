/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiUsageLog: one SQLite connection (WAL) behind a mutex, so tasks finishing on any
 * thread can append; the CSV export writes the columns in a fixed order for auditors. */
#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sqlite3.h>

#include "tayori-ai-usage-log.h"
#include "tayori-paths.h"

#define FILE_NAME "ai-usage.db"
#define UTF8_BOM  "\xEF\xBB\xBF"

/* The columns, in the order of the table, the CSV and its English header row */
static const char * const columns[] = {
  "time", "user", "article_id", "task", "provider", "model", "template_id",
  "template_version", "chars_sent", "masked_spans", "outcome",
};

#define SCHEMA \
  "CREATE TABLE IF NOT EXISTS usage (" \
  "  id INTEGER PRIMARY KEY," \
  "  time TEXT NOT NULL," \
  "  user TEXT NOT NULL DEFAULT ''," \
  "  article_id INTEGER," \
  "  task TEXT NOT NULL DEFAULT ''," \
  "  provider TEXT NOT NULL DEFAULT ''," \
  "  model TEXT NOT NULL DEFAULT ''," \
  "  template_id TEXT NOT NULL DEFAULT ''," \
  "  template_version TEXT NOT NULL DEFAULT ''," \
  "  chars_sent INTEGER NOT NULL DEFAULT 0," \
  "  masked_spans INTEGER NOT NULL DEFAULT 0," \
  "  outcome TEXT NOT NULL DEFAULT '')"

struct _TayoriAiUsageLog
{
  GObject parent_instance;

  GMutex lock;   /* guards db */
  char *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (TayoriAiUsageLog, tayori_ai_usage_log, G_TYPE_OBJECT)

static void
tayori_ai_usage_log_finalize (GObject *object)
{
  TayoriAiUsageLog *self = TAYORI_AI_USAGE_LOG (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_free (self->path);

  G_OBJECT_CLASS (tayori_ai_usage_log_parent_class)->finalize (object);
}

static void
tayori_ai_usage_log_class_init (TayoriAiUsageLogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_ai_usage_log_finalize;
}

static void
tayori_ai_usage_log_init (TayoriAiUsageLog *self)
{
  g_mutex_init (&self->lock);
}

/* With the lock held (or before anyone else has the log) */
static gboolean
fail (TayoriAiUsageLog  *self,
      GError           **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The AI usage log “%s” cannot be written: %s"), self->path,
               self->db != NULL ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
  return FALSE;
}

static gboolean
journal_is_wal (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal;

  if (sqlite3_prepare_v2 (db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;
  wal = sqlite3_step (stmt) == SQLITE_ROW &&
        g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);
  return wal;
}

TayoriAiUsageLog *
tayori_ai_usage_log_open (const char  *path,
                          GError     **error)
{
  g_autoptr(TayoriAiUsageLog) self = g_object_new (TAYORI_TYPE_AI_USAGE_LOG, NULL);
  g_autofree char *folder = NULL;

  self->path = path != NULL ? g_strdup (path)
                            : g_build_filename (tayori_paths_data_dir (), FILE_NAME, NULL);
  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The AI usage log “%s” cannot be written: %s"), self->path,
                   g_strerror (saved_errno));
      return NULL;
    }
  if (sqlite3_open_v2 (self->path, &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK ||
      sqlite3_busy_timeout (self->db, 5000) != SQLITE_OK ||
      !journal_is_wal (self->db) ||
      sqlite3_exec (self->db, "PRAGMA synchronous = NORMAL;" SCHEMA, NULL, NULL, NULL) != SQLITE_OK)
    {
      fail (self, error);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

gboolean
tayori_ai_usage_log_append (TayoriAiUsageLog         *self,
                            const TayoriAiUsageEntry *entry,
                            GError                  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TAYORI_IS_AI_USAGE_LOG (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO usage (time, user, article_id, task, provider, model,"
                          " template_id, template_version, chars_sent, masked_spans, outcome)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return fail (self, error);
  bind_text (stmt, 1, time);
  bind_text (stmt, 2, entry->user);
  /* 0 is "no stored article", which the CSV shows as an empty cell */
  if (entry->article_id != 0)
    sqlite3_bind_int64 (stmt, 3, entry->article_id);
  bind_text (stmt, 4, entry->task);
  bind_text (stmt, 5, entry->provider);
  bind_text (stmt, 6, entry->model);
  bind_text (stmt, 7, entry->template_id);
  bind_text (stmt, 8, entry->template_version);
  sqlite3_bind_int64 (stmt, 9, entry->chars_sent);
  sqlite3_bind_int64 (stmt, 10, entry->masked_spans);
  bind_text (stmt, 11, entry->outcome);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok || fail (self, error);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled */
static void
append_field (GString    *csv,
              const char *value)
{
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_row (GString            *csv,
            const char * const *values,
            guint               n_values)
{
  for (guint i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, values[i]);
    }
  g_string_append (csv, "\r\n");
}

char *
tayori_ai_usage_log_export_csv (TayoriAiUsageLog  *self,
                                GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GString) csv = g_string_new (UTF8_BOM);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (TAYORI_IS_AI_USAGE_LOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (select, "%s%s", i > 0 ? ", " : "", columns[i]);
  g_string_append (select, " FROM usage ORDER BY id");
  append_row (csv, columns, G_N_ELEMENTS (columns));

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db, select->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail (self, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *values[G_N_ELEMENTS (columns)];

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          values[i] = value != NULL ? value : "";
        }
      append_row (csv, values, G_N_ELEMENTS (columns));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail (self, error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  char *csv = tayori_ai_usage_log_export_csv (source_object, &error);

  if (csv == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, csv, g_free);
}

void
tayori_ai_usage_log_export_csv_async (TayoriAiUsageLog    *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_AI_USAGE_LOG (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_ai_usage_log_export_csv_async);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, export_thread);
}

char *
tayori_ai_usage_log_export_csv_finish (TayoriAiUsageLog  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
