/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail (store table audit_log): appended by the posting and review code on the
 * store's worker, exported as CSV for Excel (UTF-8 with a byte order mark, RFC 4180 quoting,
 * times in Japan Standard Time). */
#include <string.h>
#include <glib/gi18n.h>

#include "tayori-audit-log.h"
#include "tayori-posting-private.h"

gboolean
tayori_audit_log_db_append (TayoriStoreDb  *db,
                            const char     *actor,
                            const char     *action,
                            gint64          article_id,
                            const char     *account,
                            const char     *detail,
                            GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = tayori_store_format_time (now);
  sqlite3_stmt *stmt = tayori_store_db_prepare (db,
    "INSERT INTO audit_log (at, actor, action, article_id, account, detail) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, actor != NULL ? actor : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_TRANSIENT);
  if (article_id > 0)
    sqlite3_bind_int64 (stmt, 4, article_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, account, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, detail != NULL ? detail : "{}", -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

typedef struct {
  char   *actor;
  char   *action;
  gint64  article_id;
  char   *account;
  char   *detail;
} AppendData;

static void
append_data_free (gpointer data)
{
  AppendData *append = data;

  g_free (append->actor);
  g_free (append->action);
  g_free (append->account);
  g_free (append->detail);
  g_free (append);
}

static gboolean
append_job (TayoriStoreDb      *db,
            gpointer            data,
            TayoriStoreResult  *result,
            GError            **error)
{
  AppendData *append = data;

  return tayori_audit_log_db_append (db, append->actor, append->action, append->article_id,
                                     append->account, append->detail, error);
}

gboolean
tayori_audit_log_append (TayoriStore  *store,
                         const char   *actor,
                         const char   *action,
                         gint64        article_id,
                         const char   *account,
                         const char   *detail,
                         GError      **error)
{
  AppendData *append = g_new0 (AppendData, 1);

  g_return_val_if_fail (TAYORI_IS_STORE (store), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  append->actor = g_strdup (actor);
  append->action = g_strdup (action);
  append->article_id = article_id;
  append->account = g_strdup (account);
  append->detail = g_strdup (detail);
  return tayori_posting_run (store, append_job, append, append_data_free, NULL, NULL, error);
}

/* Every line as six texts (time as stored, in UTC). */
static gboolean
read_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  int rc;

  rc = sqlite3_prepare_v2 (db->handle,
                           "SELECT at, actor, action, article_id, account, detail "
                           "FROM audit_log ORDER BY id", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_ptr_array_unref (rows);
      return tayori_store_db_fail (db, rc, error);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 7);

      for (int i = 0; i < 6; i++)
        row[i] = g_strdup ((const char *) sqlite3_column_text (stmt, i));
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (rows);
      return tayori_store_db_fail (db, rc, error);
    }
  result->pointer = rows;
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

/* RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
static void
append_field (GString    *line,
              const char *value)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (line, value);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static char *
format_jst (const char *stored)
{
  g_autoptr(GDateTime) utc = stored != NULL ? tayori_store_parse_time (stored) : NULL;
  g_autoptr(GTimeZone) jst = g_time_zone_new_offset (9 * 60 * 60);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (stored);
  local = g_date_time_to_timezone (utc, jst);
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

#define N_COLUMNS 6

static void
append_row (GString            *csv,
            const char * const *fields)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i]);
    }
  g_string_append (csv, "\r\n");
}

gboolean
tayori_audit_log_export_csv (TayoriStore    *store,
                             GOutputStream  *out,
                             GCancellable   *cancellable,
                             GError        **error)
{
  const char *headers[N_COLUMNS] = { _("Time"), _("Person"), _("Action"), _("Article ID"),
                                     _("Account"), _("Details") };
  g_autoptr(GString) csv = g_string_new ("\xEF\xBB\xBF");
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TAYORI_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  if (!tayori_posting_run (store, read_job, NULL, NULL, (gpointer *) &rows, NULL, error))
    return FALSE;

  append_row (csv, headers);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autofree char *at = format_jst (row[0]);
      const char *fields[N_COLUMNS] = { at, row[1], row[2], row[3], row[4], row[5] };

      append_row (csv, fields);
    }
  return g_output_stream_write_all (out, csv->str, csv->len, NULL, cancellable, error);
}
