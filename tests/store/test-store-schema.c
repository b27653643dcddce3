/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the store: migrations by user_version, a failing step rolling back, a store from a
 * newer Tayori, and damaged files. */
#include <stdlib.h>
#include <glib/gstdio.h>
#include "store-test-util.h"
#include "tayori-store-private.h"

static void
test_fresh (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (tayori_store_get_schema_version (store), ==, tayori_store_db_latest_version ());
  g_assert_cmpstr (tayori_store_get_path (store), ==, path);
  tayori_store_close (store);

  version = store_test_query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, tayori_store_db_latest_version ());
  mode = store_test_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  /* opening again migrates nothing and keeps the version */
  g_clear_object (&store);
  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_store_get_schema_version (store), ==, tayori_store_db_latest_version ());
}

static void
test_old_version_migrated (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *inserted = NULL;

  /* a version 1 store, before search existed, with an article written by it */
  tayori_store_db_set_target_version_for_testing (1);
  store = tayori_store_open (path, &error);
  tayori_store_db_set_target_version_for_testing (0);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_store_get_schema_version (store), ==, 1);
  g_clear_object (&store);
  inserted = store_test_query (path,
      "INSERT INTO articles (title, body, created, updated)"
      " VALUES ('区民まつりのお知らせ', 'サービス開始', '2024-01-01T00:00:00.000000Z',"
      " '2024-01-01T00:00:00.000000Z') RETURNING id");
  g_assert_cmpstr (inserted, ==, "1");

  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_store_get_schema_version (store), ==, tayori_store_db_latest_version ());
  version = store_test_query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, tayori_store_db_latest_version ());

  /* the migration indexed the existing article, normalised */
  ids = store_test_search_ids (store, "ｻｰﾋﾞｽ");
  g_assert_cmpstr (ids, ==, "1");
}

static void
test_failing_migration_rolls_back (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *table = NULL;
  g_autofree char *count = NULL;

  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  store_test_add (store, "残る記事", "本文");
  g_clear_object (&store);

  /* a step that makes a table, then fails */
  tayori_store_db_set_extra_step_for_testing ("CREATE TABLE half_done (x);"
                                              "INSERT INTO no_such_table VALUES (1);");
  store = tayori_store_open (path, &error);
  tayori_store_db_set_extra_step_for_testing (NULL);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "no_such_table"));

  version = store_test_query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, tayori_store_db_latest_version ());
  table = store_test_query (path, "SELECT name FROM sqlite_master WHERE name = 'half_done'");
  g_assert_null (table);
  count = store_test_query (path, "SELECT count(*) FROM articles");
  g_assert_cmpstr (count, ==, "1");

  /* and the store still opens */
  g_clear_error (&error);
  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
}

static void
test_too_new (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d",
                                           tayori_store_db_latest_version () + 1);
  g_autofree char *ignored = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);
  ignored = store_test_query (path, bump);

  store = tayori_store_open (path, &error);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
}

static void
write_file (const char *path,
            const char *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static void
test_corrupt_garbage (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);

  for (guint i = 0; i < 4096; i++)
    g_string_append_c (garbage, (char) g_random_int_range (0, 256));
  write_file (path, garbage->str, garbage->len);

  store = tayori_store_open (path, &error);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_corrupt_pages (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autofree char *contents = NULL;
  g_autofree char *body = NULL;
  gsize length;

  g_assert_no_error (error);
  body = g_strnfill (3000, 'x');
  for (guint i = 0; i < 200; i++)
    store_test_add (store, "記事", body);
  g_clear_object (&store);

  /* keep the header, overwrite pages in the middle of the file */
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 64 * 1024);
  for (gsize i = 16 * 1024; i < length - 8 * 1024; i++)
    contents[i] = (char) (i * 31);
  write_file (path, contents, length);

  store = tayori_store_open (path, &error);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT);
  g_assert_null (store);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/store/schema/fresh", test_fresh);
  g_test_add_func ("/tayori/store/schema/old-version-migrated", test_old_version_migrated);
  g_test_add_func ("/tayori/store/schema/failing-migration-rolls-back", test_failing_migration_rolls_back);
  g_test_add_func ("/tayori/store/schema/too-new", test_too_new);
  g_test_add_func ("/tayori/store/schema/corrupt-garbage", test_corrupt_garbage);
  g_test_add_func ("/tayori/store/schema/corrupt-pages", test_corrupt_pages);

  return g_test_run ();
}
