/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Autosave behaviour of TayoriArticleSaver against a real store in a temporary directory:
 * the throttle is not pushed back by typing, flushes write pending edits, explicit saves
 * make revisions, a new article is created once, and a failed save keeps the edits. */
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "tayori-article-saver.h"

#define WAIT_LIMIT_US (20 * G_USEC_PER_SEC)

typedef struct {
  char *dir;
  TayoriStore *store;
  TayoriArticleSaver *saver;
  TayoriArticle *article;
  guint saved;
  gint64 saved_id;
} Fixture;

static void
saved_cb (TayoriArticleSaver *saver,
          gint64              id,
          Fixture            *fixture)
{
  fixture->saved++;
  fixture->saved_id = id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tayori-saver-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tayori.db", NULL);
  fixture->store = tayori_store_open (path, &error);
  g_assert_no_error (error);

  fixture->article = tayori_article_new ();
  tayori_article_set_title (fixture->article, "避難所のお知らせ");
  tayori_store_save_article (fixture->store, fixture->article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);

  fixture->saver = tayori_article_saver_new (fixture->store);
  g_signal_connect (fixture->saver, "saved", G_CALLBACK (saved_cb), fixture);
  tayori_article_saver_set_article (fixture->saver, fixture->article);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "tayori.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_assert_finalize_object (fixture->saver);
  g_clear_object (&fixture->article);
  tayori_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_remove (db);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
wait_for_saves (Fixture *fixture,
                guint    count)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT_US;

  while (fixture->saved < count && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->saved, >=, count);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
save_and_wait (TayoriArticleSaver  *saver,
               TayoriSaveKind       kind,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_article_saver_save_async (saver, kind, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return tayori_article_saver_save_finish (saver, result, error);
}

static TayoriArticle *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  TayoriArticle *article = tayori_store_load_article (fixture->store, tayori_article_get_id (fixture->article),
                                                      &error);

  g_assert_no_error (error);
  return article;
}

/* Keystrokes every 100 ms for two seconds: the store gets the text while typing goes on */
typedef struct {
  Fixture *fixture;
  guint keys;
  guint saved_while_typing;
} Typist;

static gboolean
type_cb (gpointer user_data)
{
  Typist *typist = user_data;
  g_autofree char *title = g_strdup_printf ("避難所のお知らせ%u", typist->keys);

  tayori_article_set_title (typist->fixture->article, title);
  typist->saved_while_typing = typist->fixture->saved;
  return ++typist->keys < 20 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
test_throttle (Fixture       *fixture,
               gconstpointer  data)
{
  Typist typist = { fixture, 0, 0 };
  g_autoptr(TayoriArticle) article = NULL;

  g_timeout_add (100, type_cb, &typist);
  while (typist.keys < 20)
    g_main_context_iteration (NULL, TRUE);

  /* A timer restarted by every key would not have fired before typing stopped */
  g_assert_cmpuint (typist.saved_while_typing, >=, 1);
  g_assert_cmpint (fixture->saved_id, ==, tayori_article_get_id (fixture->article));

  wait_for_saves (fixture, typist.saved_while_typing + 1);
  while (tayori_article_saver_get_dirty (fixture->saver) ||
         tayori_article_saver_get_state (fixture->saver) == TAYORI_SAVE_STATE_SAVING)
    g_main_context_iteration (NULL, TRUE);
  article = stored (fixture);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "避難所のお知らせ19");
  g_assert_cmpint (tayori_article_saver_get_state (fixture->saver), ==, TAYORI_SAVE_STATE_SAVED);
  g_assert_nonnull (tayori_article_saver_get_saved_time (fixture->saver));
}

static void
test_flush (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = NULL;

  tayori_article_set_body (fixture->article, "受付は午前9時からです。");
  g_assert_true (tayori_article_saver_get_dirty (fixture->saver));
  g_assert_true (save_and_wait (fixture->saver, TAYORI_SAVE_AUTO, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->saved, ==, 1);
  g_assert_false (tayori_article_saver_get_dirty (fixture->saver));
  article = stored (fixture);
  g_assert_cmpstr (tayori_article_get_body (article), ==, "受付は午前9時からです。");

  /* Nothing pending: a flush writes nothing */
  g_assert_true (save_and_wait (fixture->saver, TAYORI_SAVE_AUTO, &error));
  g_assert_cmpuint (fixture->saved, ==, 1);
}

static void
push_held_back_cb (TayoriArticleSaver *saver,
                   TayoriArticle      *article)
{
  tayori_article_set_summary (article, "保育所の申込み");
}

static void
test_before_save (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = NULL;

  /* The body editor holds keystrokes back and only marks the saver dirty; the throttled
   * save asks it to push them into the article first */
  g_signal_connect (fixture->saver, "before-save", G_CALLBACK (push_held_back_cb), fixture->article);
  tayori_article_saver_mark_dirty (fixture->saver);
  wait_for_saves (fixture, 1);
  article = stored (fixture);
  g_assert_cmpstr (tayori_article_get_summary (article), ==, "保育所の申込み");
}

static void
test_manual (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = tayori_store_list_revisions (fixture->store,
                                                             tayori_article_get_id (fixture->article), &error);
  g_autoptr(GPtrArray) after = NULL;

  /* Explicit saves always make a version, even with nothing changed */
  g_assert_true (save_and_wait (fixture->saver, TAYORI_SAVE_MANUAL, &error));
  g_assert_true (save_and_wait (fixture->saver, TAYORI_SAVE_MANUAL, &error));
  g_assert_no_error (error);
  after = tayori_store_list_revisions (fixture->store, tayori_article_get_id (fixture->article), &error);
  g_assert_cmpuint (after->len, ==, before->len + 2);
  g_assert_cmpint (((TayoriRevision *) g_ptr_array_index (after, 0))->kind, ==, TAYORI_SAVE_MANUAL);
}

static void
test_new_article (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TayoriArticle) fresh = tayori_article_new ();
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) error = NULL;
  guint before = tayori_store_count_articles (fixture->store, NULL, &error);

  tayori_article_saver_set_article (fixture->saver, fresh);
  tayori_article_set_title (fresh, "新しい記事");
  /* Two saves back to back: the second waits, and finds the id the first one got */
  tayori_article_saver_save_async (fixture->saver, TAYORI_SAVE_AUTO, NULL, result_cb, &first);
  tayori_article_set_body (fresh, "本文");
  tayori_article_saver_save_async (fixture->saver, TAYORI_SAVE_AUTO, NULL, result_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (tayori_article_saver_save_finish (fixture->saver, first, &error));
  g_assert_true (tayori_article_saver_save_finish (fixture->saver, second, &error));
  g_assert_no_error (error);

  g_assert_cmpint (tayori_article_get_id (fresh), >, 0);
  g_assert_cmpint (fixture->saved_id, ==, tayori_article_get_id (fresh));
  g_assert_cmpuint (tayori_store_count_articles (fixture->store, NULL, &error), ==, before + 1);
}

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  tayori_store_close (fixture->store);
  tayori_article_set_body (fixture->article, "閉じた後に書いた文");
  g_assert_false (save_and_wait (fixture->saver, TAYORI_SAVE_AUTO, &error));
  g_assert_nonnull (error);

  /* The edit is still there, still dirty, and the user is told why */
  g_assert_cmpint (tayori_article_saver_get_state (fixture->saver), ==, TAYORI_SAVE_STATE_FAILED);
  g_assert_true (tayori_article_saver_get_dirty (fixture->saver));
  g_assert_nonnull (tayori_article_saver_get_error_message (fixture->saver));
  g_assert_cmpstr (tayori_article_get_body (fixture->article), ==, "閉じた後に書いた文");
  g_assert_cmpuint (fixture->saved, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/tayori/article/saver/throttle", Fixture, NULL, fixture_setup, test_throttle, fixture_teardown);
  g_test_add ("/tayori/article/saver/flush", Fixture, NULL, fixture_setup, test_flush, fixture_teardown);
  g_test_add ("/tayori/article/saver/before-save", Fixture, NULL, fixture_setup, test_before_save, fixture_teardown);
  g_test_add ("/tayori/article/saver/manual", Fixture, NULL, fixture_setup, test_manual, fixture_teardown);
  g_test_add ("/tayori/article/saver/new-article", Fixture, NULL, fixture_setup, test_new_article, fixture_teardown);
  g_test_add ("/tayori/article/saver/failure", Fixture, NULL, fixture_setup, test_failure, fixture_teardown);
  return g_test_run ();
}
