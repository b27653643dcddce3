/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The async API from a main loop: every call completes on the caller's thread, in order, and
 * a cancelled call reports G_IO_ERROR_CANCELLED. */
#include "store-test-util.h"
#include "tayori-article-summary.h"

static GThread *main_thread;

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_true (g_thread_self () == main_thread);
  *slot = g_object_ref (result);
}

/* Spins the main loop until the call reports. */
static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_round (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriArticle) article = store_test_article ("非同期の記事", "本文です");
  g_autoptr(TayoriArticle) loaded = NULL;
  g_autoptr(TayoriArticle) old = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  GAsyncResult *results[9] = { NULL };
  gint64 revision;
  guint total = 0;

  tayori_store_open_async (path, NULL, got_result, &results[0]);
  store = tayori_store_open_finish (wait_for (&results[0]), &error);
  g_assert_no_error (error);
  g_assert_true (TAYORI_IS_STORE (store));

  tayori_store_save_article_async (store, article, TAYORI_SAVE_MANUAL, NULL, got_result, &results[1]);
  /* the store works on its own copy: editing now changes nothing already queued */
  tayori_article_set_title (article, "後から変えたタイトル");
  revision = tayori_store_save_article_finish (store, wait_for (&results[1]), &error);
  g_assert_no_error (error);
  g_assert_cmpint (revision, >, 0);
  g_assert_cmpint (tayori_article_get_id (article), >, 0);

  tayori_store_load_article_async (store, tayori_article_get_id (article), NULL, got_result, &results[2]);
  tayori_store_list_articles_async (store, NULL, 0, 100, NULL, got_result, &results[3]);
  tayori_store_list_revisions_async (store, tayori_article_get_id (article), NULL, got_result, &results[4]);
  tayori_store_load_revision_async (store, revision, NULL, got_result, &results[5]);

  loaded = tayori_store_load_article_finish (store, wait_for (&results[2]), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_title (loaded), ==, "非同期の記事");

  rows = tayori_store_list_articles_finish (store, wait_for (&results[3]), &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (tayori_article_summary_get_title (g_ptr_array_index (rows, 0)), ==, "非同期の記事");

  revisions = tayori_store_list_revisions_finish (store, wait_for (&results[4]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 1);

  old = tayori_store_load_revision_finish (store, wait_for (&results[5]), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_title (old), ==, "非同期の記事");

  tayori_store_backup_if_due_async (store, NULL, got_result, &results[6]);
  g_assert_true (tayori_store_backup_if_due_finish (store, wait_for (&results[6]), &error));
  g_assert_no_error (error);

  tayori_store_delete_article_async (store, tayori_article_get_id (article), NULL, got_result, &results[7]);
  g_assert_true (tayori_store_delete_article_finish (store, wait_for (&results[7]), &error));
  g_assert_no_error (error);

  tayori_store_delete_article_async (store, tayori_article_get_id (article), NULL, got_result, &results[8]);
  g_assert_false (tayori_store_delete_article_finish (store, wait_for (&results[8]), &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_object_unref (results[i]);
}

static void
test_open_error (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TayoriStore) store = NULL;

  g_file_set_contents (path, "this is not a database, just some text that is long enough",
                       -1, &error);
  g_assert_no_error (error);
  tayori_store_open_async (path, NULL, got_result, &result);
  store = tayori_store_open_finish (wait_for (&result), &error);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT);
  g_assert_null (store);
}

static void
test_cancelled (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TayoriArticle) article = store_test_article ("取り消される保存", "本文");

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  tayori_store_save_article_async (store, article, TAYORI_SAVE_MANUAL, cancellable, got_result, &result);
  g_assert_cmpint (tayori_store_save_article_finish (store, wait_for (&result), &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (tayori_article_get_id (article), ==, 0);
}

static void
test_close_drains (void)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(TayoriStore) reopened = NULL;
  GAsyncResult *results[20] = { NULL };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_autoptr(TayoriArticle) article = store_test_article ("閉じる前の保存", "本文");

      tayori_store_save_article_async (store, article, TAYORI_SAVE_MANUAL, NULL, got_result, &results[i]);
    }
  /* close waits for the queued saves */
  tayori_store_close (store);
  reopened = tayori_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tayori_store_count_articles (reopened, NULL, &error), ==, G_N_ELEMENTS (results));

  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    {
      g_assert_cmpint (tayori_store_save_article_finish (store, wait_for (&results[i]), &error), >, 0);
      g_assert_no_error (error);
      g_object_unref (results[i]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  main_thread = g_thread_self ();

  g_test_add_func ("/tayori/store/async/round", test_round);
  g_test_add_func ("/tayori/store/async/open-error", test_open_error);
  g_test_add_func ("/tayori/store/async/cancelled", test_cancelled);
  g_test_add_func ("/tayori/store/async/close-drains", test_close_drains);

  return g_test_run ();
}
