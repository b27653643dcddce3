/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the store tests. */
#include <stdlib.h>
#include <glib/gstdio.h>
#include "store-test-util.h"
#include "tayori-article-summary.h"

static GPtrArray *scratch_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
remove_scratch_dirs (void)
{
  for (guint i = 0; i < scratch_dirs->len; i++)
    remove_tree (g_ptr_array_index (scratch_dirs, i));
  g_ptr_array_unref (scratch_dirs);
}

char *
store_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tayori-store-XXXXXX", &error);

  g_assert_no_error (error);
  if (scratch_dirs == NULL)
    {
      scratch_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_scratch_dirs);
    }
  g_ptr_array_add (scratch_dirs, g_strdup (dir));
  return dir;
}

char *
store_test_db_path (void)
{
  g_autofree char *dir = store_test_make_dir ();

  return g_build_filename (dir, "tayori.db", NULL);
}

TayoriArticle *
store_test_article (const char *title,
                    const char *body)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, body);
  return article;
}

gint64
store_test_add (TayoriStore *store,
                const char  *title,
                const char  *body)
{
  g_autoptr(TayoriArticle) article = store_test_article (title, body);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error), >, 0);
  g_assert_no_error (error);
  return tayori_article_get_id (article);
}

char *
store_test_query (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      break;
    case SQLITE_DONE:
      break;
    default:
      g_error ("%s: %s", sql, sqlite3_errmsg (db));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

char *
store_test_list_ids (TayoriStore               *store,
                     const TayoriArticleFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = tayori_store_list_articles (store, filter, 0, 1000, &error);
  GString *ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            tayori_article_summary_get_id (g_ptr_array_index (rows, i)));
  /* the count agrees with the list */
  g_assert_cmpuint (tayori_store_count_articles (store, filter, &error), ==, rows->len);
  g_assert_no_error (error);
  return g_string_free (ids, FALSE);
}

char *
store_test_search_ids (TayoriStore *store,
                       const char  *query)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();

  filter->query = g_strdup (query);
  return store_test_list_ids (store, filter);
}
