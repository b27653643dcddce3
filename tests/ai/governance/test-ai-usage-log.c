/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The AI usage log: appends from several threads, the CSV export (BOM, header row, fixed
 * columns, RFC 4180 quoting), persistence in WAL mode, the default location and failures. */
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tayori-ai-usage-log.h"

#define N_PER_THREAD 50
#define HEADER       "time,user,article_id,task,provider,model,template_id,template_version," \
                     "chars_sent,masked_spans,outcome\r\n"
#define BOM          "\xEF\xBB\xBF"

static const TayoriAiUsageEntry first_entry = {
  .user = "山田 花子", .article_id = 12, .task = "summary", .provider = "city-azure",
  .model = "gpt-4o-mini", .template_id = "summary", .template_version = "1",
  .chars_sent = 345, .masked_spans = 2, .outcome = "ok",
};

static const TayoriAiUsageEntry second_entry = {
  .user = "Smith, \"Bob\"", .article_id = 0, .task = "category", .provider = "builtin",
  .model = "builtin-cnb-1", .template_id = NULL, .template_version = NULL,
  .chars_sent = 0, .masked_spans = 0, .outcome = "error: 接続できません\n再試行してください",
};

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tayori-usage-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "ai-usage.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* Every row's time must be ISO 8601; it is then replaced by "T" so the rest compares exactly */
static char *
without_times (const char *csv)
{
  g_autoptr(GRegex) time = g_regex_new ("^[0-9]{4}-[^,]*", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (time, csv, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *text = g_match_info_fetch (match, 0);
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (text, NULL);

      g_assert_nonnull (parsed);
      g_match_info_next (match, NULL);
    }
  return g_regex_replace_literal (time, csv, -1, 0, "T", 0, NULL);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (fixture->path, &error);
  g_autofree char *csv = NULL;
  g_autofree char *stable = NULL;

  g_assert_no_error (error);
  g_assert_true (tayori_ai_usage_log_append (log, &first_entry, &error));
  g_assert_true (tayori_ai_usage_log_append (log, &second_entry, &error));
  g_assert_no_error (error);

  csv = tayori_ai_usage_log_export_csv (log, &error);
  g_assert_no_error (error);
  stable = without_times (csv);
  g_assert_cmpstr (stable, ==,
                   BOM HEADER
                   "T,山田 花子,12,summary,city-azure,gpt-4o-mini,summary,1,345,2,ok\r\n"
                   "T,\"Smith, \"\"Bob\"\"\",,category,builtin,builtin-cnb-1,,,0,0,"
                   "\"error: 接続できません\n再試行してください\"\r\n");
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (fixture->path, &error);
  g_autofree char *csv = tayori_ai_usage_log_export_csv (log, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==, BOM HEADER);
}

static gpointer
append_many (gpointer data)
{
  TayoriAiUsageLog *log = data;

  for (guint i = 0; i < N_PER_THREAD; i++)
    {
      g_autoptr(GError) error = NULL;
      TayoriAiUsageEntry entry = first_entry;

      entry.chars_sent = i;
      if (!tayori_ai_usage_log_append (log, &entry, &error))
        return g_strdup (error->message);
    }
  return NULL;
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = strstr (text, "\r\n"); p != NULL; p = strstr (p + 2, "\r\n"))
    lines++;
  return lines;
}

static void
test_threads (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (fixture->path, &error);
  GThread *threads[2];
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("usage-log", append_many, log);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree char *failure = g_thread_join (threads[i]);

      g_assert_null (failure);
    }
  csv = tayori_ai_usage_log_export_csv (log, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (csv), ==, 1 + G_N_ELEMENTS (threads) * N_PER_THREAD);
}

static char *
query (const char *path,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_persistent (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (fixture->path, &error);
  g_autoptr(TayoriAiUsageLog) reopened = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  tayori_ai_usage_log_append (log, &second_entry, &error);
  g_assert_no_error (error);
  g_clear_object (&log);

  mode = query (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  reopened = tayori_ai_usage_log_open (fixture->path, &error);
  g_assert_no_error (error);
  tayori_ai_usage_log_append (reopened, &first_entry, &error);
  csv = tayori_ai_usage_log_export_csv (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_lines (csv), ==, 3);
  g_assert_nonnull (strstr (csv, "builtin-cnb-1"));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  char **csv = data;
  g_autoptr(GError) error = NULL;

  *csv = tayori_ai_usage_log_export_csv_finish (TAYORI_AI_USAGE_LOG (source), result, &error);
  g_assert_no_error (error);
}

static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (fixture->path, &error);
  g_autofree char *expected = NULL;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  tayori_ai_usage_log_append (log, &first_entry, &error);
  g_assert_no_error (error);
  expected = tayori_ai_usage_log_export_csv (log, &error);
  tayori_ai_usage_log_export_csv_async (log, NULL, export_done, &csv);
  while (csv == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (csv, ==, expected);
}

static void
test_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open (NULL, &error);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "tayori", "ai-usage.db", NULL);

  g_assert_no_error (error);
  tayori_ai_usage_log_append (log, &first_entry, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiUsageLog) log = tayori_ai_usage_log_open ("/proc/tayori/ai-usage.db", &error);

  g_assert_null (log);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/proc/tayori/ai-usage.db"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/tayori/ai/governance/usage-log/csv", Fixture, NULL,
              fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/tayori/ai/governance/usage-log/empty", Fixture, NULL,
              fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/tayori/ai/governance/usage-log/threads", Fixture, NULL,
              fixture_set_up, test_threads, fixture_tear_down);
  g_test_add ("/tayori/ai/governance/usage-log/persistent", Fixture, NULL,
              fixture_set_up, test_persistent, fixture_tear_down);
  g_test_add ("/tayori/ai/governance/usage-log/export-async", Fixture, NULL,
              fixture_set_up, test_export_async, fixture_tear_down);
  g_test_add_func ("/tayori/ai/governance/usage-log/default-path", test_default_path);
  g_test_add_func ("/tayori/ai/governance/usage-log/unwritable", test_unwritable);
  return g_test_run ();
}
