/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Training the built-in classifier from a store: which articles teach (categorised, not
 * archived), the async run and its cancellation, and keeping it current on save and delete. */
#include <glib/gstdio.h>
#include <string.h>

#include "tayori-ai-training.h"
#include "classifier-notices.h"

typedef struct {
  char        *dir;
  char        *path;
  TayoriStore *store;
} Fixture;

static TayoriArticle *
notice_article (const char          *category,
                const char          *text,
                TayoriArticleStatus  status)
{
  TayoriArticle *article = tayori_article_new ();
  const char *newline = strchr (text, '\n');
  g_autofree char *title = g_strndup (text, newline - text);

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, newline + 1);
  tayori_article_set_category (article, category);
  tayori_article_set_status (article, status);
  return article;
}

static void
add_notices (GPtrArray          *articles,
             const char         *category,
             const char * const *texts,
             gsize               n)
{
  for (gsize i = 0; i < n; i++)
    g_ptr_array_add (articles, notice_article (category, texts[i], TAYORI_ARTICLE_STATUS_PUBLISHED));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  (void) data;
  fixture->dir = g_dir_make_tmp ("test-ai-training-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "tayori.db", NULL);
  fixture->store = tayori_store_open (fixture->path, &error);
  g_assert_no_error (error);

  add_notices (articles, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  add_notices (articles, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
  add_notices (articles, CATEGORY_KOSODATE, kosodate_notices, G_N_ELEMENTS (kosodate_notices));
  /* these two must not teach: no category, and archived */
  g_ptr_array_add (articles, notice_article ("", bousai_notices[0], TAYORI_ARTICLE_STATUS_DRAFT));
  g_ptr_array_add (articles, notice_article ("観光・文化", bousai_notices[1], TAYORI_ARTICLE_STATUS_ARCHIVED));
  tayori_store_import_articles (fixture->store, articles, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  const char * const suffixes[] = { "", "-wal", "-shm" };

  (void) data;
  tayori_store_close (fixture->store);
  g_assert_finalize_object (fixture->store);
  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (fixture->path, suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static gboolean
suggests_category (TayoriClassifier *classifier,
                   const char       *category)
{
  g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[1].text, NULL, G_MAXUINT);

  for (guint i = 0; i < ranked->len; i++)
    if (strcmp (((TayoriCategoryScore *) g_ptr_array_index (ranked, i))->category, category) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_trained (TayoriClassifier *classifier)
{
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 18);
  for (gsize i = 0; i < G_N_ELEMENTS (unseen_notices); i++)
    {
      g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[i].text, NULL, 3);

      g_assert_cmpuint (ranked->len, ==, 3);
      g_assert_cmpstr (((TayoriCategoryScore *) g_ptr_array_index (ranked, 0))->category, ==,
                       unseen_notices[i].category);
    }
  /* the archived article's category was not learnt */
  g_assert_false (suggests_category (classifier, "観光・文化"));
}

static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(GError) error = NULL;
  gssize learnt;

  (void) data;
  learnt = tayori_ai_training_run (classifier, fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (learnt, ==, 18);
  assert_trained (classifier);
}

static void
on_trained (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  (void) source;
  *out = g_object_ref (result);
}

static gssize
run_async_and_wait (TayoriClassifier *classifier,
                    TayoriStore      *store,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_ai_training_run_async (classifier, store, cancellable, on_trained, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return tayori_ai_training_run_finish (result, error);
}

static void
test_run_async (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(GError) error = NULL;
  gssize learnt;

  (void) data;
  learnt = run_async_and_wait (classifier, fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (learnt, ==, 18);
  assert_trained (classifier);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gssize learnt;

  (void) data;
  g_cancellable_cancel (cancellable);
  learnt = run_async_and_wait (classifier, fixture->store, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (learnt, ==, -1);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 0);
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(TayoriArticle) before = notice_article (CATEGORY_BOUSAI, bousai_notices[0],
                                                    TAYORI_ARTICLE_STATUS_PUBLISHED);
  g_autoptr(TayoriArticle) after = tayori_article_copy (before);
  g_autoptr(TayoriArticle) archived = tayori_article_copy (before);
  g_autoptr(GError) error = NULL;

  (void) data;
  g_assert_cmpint (tayori_ai_training_run (classifier, fixture->store, &error), ==, 18);
  g_assert_no_error (error);

  /* a new article, then its category changed: learnt, then moved */
  tayori_ai_training_update (classifier, NULL, before);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 19);
  tayori_article_set_category (after, "観光・文化");
  tayori_ai_training_update (classifier, before, after);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 19);
  g_assert_true (suggests_category (classifier, "観光・文化"));

  /* archiving unlearns it: its category disappears again */
  tayori_article_set_category (archived, "観光・文化");
  tayori_article_set_status (archived, TAYORI_ARTICLE_STATUS_ARCHIVED);
  tayori_ai_training_update (classifier, after, archived);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 18);
  g_assert_false (suggests_category (classifier, "観光・文化"));

  /* an article without a category teaches nothing */
  tayori_article_set_category (archived, NULL);
  tayori_article_set_status (archived, TAYORI_ARTICLE_STATUS_DRAFT);
  tayori_ai_training_update (classifier, NULL, archived);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 18);
}

static void
test_article_text (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree char *empty = tayori_ai_training_article_text (article);
  g_autofree char *text = NULL;

  g_assert_cmpstr (empty, ==, "\n\n");
  tayori_article_set_title (article, "粗大ごみの出し方");
  tayori_article_set_summary (article, "申し込みが必要です。");
  tayori_article_set_body (article, "## 申し込み\n\n電話で申し込んでください。");
  text = tayori_ai_training_article_text (article);
  g_assert_cmpstr (text, ==, "粗大ごみの出し方\n申し込みが必要です。\n## 申し込み\n\n電話で申し込んでください。");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tayori/ai/training/run", Fixture, NULL, fixture_set_up, test_run, fixture_tear_down);
  g_test_add ("/tayori/ai/training/run-async", Fixture, NULL, fixture_set_up, test_run_async, fixture_tear_down);
  g_test_add ("/tayori/ai/training/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add ("/tayori/ai/training/update", Fixture, NULL, fixture_set_up, test_update, fixture_tear_down);
  g_test_add_func ("/tayori/ai/training/article-text", test_article_text);
  return g_test_run ();
}
