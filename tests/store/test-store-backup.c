/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Daily backups and their rotation, and recovering a damaged store: set it aside, then
 * restore the latest backup. */
#include <glib/gstdio.h>
#include "store-test-util.h"

static char *
backup_name_for (GDateTime *day)
{
  return g_date_time_format (day, "tayori-%Y-%m-%d.db");
}

static void
test_daily_rotation (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *backups = g_build_filename (dir, "backups", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today_name = backup_name_for (now);
  g_autofree char *today = g_build_filename (backups, today_name, NULL);
  g_autofree char *latest = NULL;
  g_autofree char *other = g_build_filename (backups, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(TayoriStore) copy = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_null (tayori_store_find_latest_backup (path));
  id = store_test_add (store, "バックアップされる記事", "本文");

  /* ten older backups (days 1–10 ago) and an unrelated file */
  g_assert_cmpint (g_mkdir_with_parents (backups, 0700), ==, 0);
  for (int days = 1; days <= 10; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);
      g_autofree char *name = backup_name_for (day);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      g_file_set_contents (old, "old", -1, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (other, "keep me", -1, &error);

  g_assert_true (tayori_store_backup_if_due (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (today, G_FILE_TEST_IS_REGULAR));
  /* once a day */
  g_assert_false (tayori_store_backup_if_due (store, &error));
  g_assert_no_error (error);

  /* today + the 6 newest older ones are kept */
  for (int days = 1; days <= 10; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -days);
      g_autofree char *name = backup_name_for (day);
      g_autofree char *old = g_build_filename (backups, name, NULL);

      g_assert_cmpint (g_file_test (old, G_FILE_TEST_EXISTS), ==, days <= 6);
    }
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  latest = tayori_store_find_latest_backup (path);
  g_assert_cmpstr (latest, ==, today);

  /* the backup is a complete store */
  copy = tayori_store_open (today, &error);
  g_assert_no_error (error);
  article = tayori_store_load_article (copy, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "バックアップされる記事");
}

/* Damaged stores kept beside @path (not counting their -wal/-shm). */
static guint
count_set_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, ".damaged-") != NULL && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      count++;
  return count;
}

static void
test_set_aside_and_restore (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(TayoriArticle) article = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = store_test_add (store, "復元される記事", "本文");
  g_assert_true (tayori_store_backup_if_due (store, &error));
  g_clear_object (&store);

  /* the store gets damaged, with a WAL beside it */
  g_file_set_contents (path, "garbage garbage garbage garbage garbage garbage garbage", -1, &error);
  g_file_set_contents (wal, "wal garbage", -1, &error);
  g_file_set_contents (shm, "shm garbage", -1, &error);
  g_assert_no_error (error);
  store = tayori_store_open (path, &error);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  aside = tayori_store_set_aside (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_nonnull (strstr (aside, ".damaged-"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_file_get_contents (aside, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "garbage garbage garbage garbage garbage garbage garbage");
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside_wal, G_FILE_TEST_EXISTS));

  latest = tayori_store_find_latest_backup (path);
  g_assert_nonnull (latest);
  g_assert_true (tayori_store_restore_backup (latest, path, &error));
  g_assert_no_error (error);

  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  article = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "復元される記事");
  g_clear_object (&store);

  /* restoring over an existing file keeps that file aside instead of losing it */
  g_assert_true (tayori_store_restore_backup (latest, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_set_aside (path), ==, 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/store/backup/daily-rotation", test_daily_rotation);
  g_test_add_func ("/tayori/store/backup/set-aside-and-restore", test_set_aside_and_restore);

  return g_test_run ();
}
