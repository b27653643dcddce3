/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The lazy list model over a few thousand rows: count and first page on a filter change,
 * placeholders filled when their page arrives, stale answers discarded. */
#include "store-test-util.h"
#include "tayori-article-list-model.h"
#include "tayori-article-summary.h"

#define N_ARTICLES 3000

typedef struct {
  char                   *path;
  TayoriStore            *store;
  TayoriArticleListModel *model;
  GArray                 *changes;   /* guint triples: position, removed, added */
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  guint change[] = { position, removed, added };

  g_array_append_vals (f->changes, change, 3);
}

static void
wait_for_changes (Fixture *f,
                  guint    count)
{
  while (f->changes->len < count * 3)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_change (Fixture *f,
               guint    index,
               guint    removed,
               guint    added)
{
  g_assert_cmpuint (g_array_index (f->changes, guint, index * 3), ==, 0);
  g_assert_cmpuint (g_array_index (f->changes, guint, index * 3 + 1), ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, guint, index * 3 + 2), ==, added);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  f->path = store_test_db_path ();
  f->store = tayori_store_open (f->path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("お知らせ第%u号", i);
      TayoriArticle *article = store_test_article (title, i % 10 == 0 ? "特別な告知です" : "通常の本文");

      tayori_article_set_ward (article, i % 2 == 0 ? "中央区" : "北区");
      g_ptr_array_add (articles, article);
    }
  tayori_store_import_articles (f->store, articles, &error);
  g_assert_no_error (error);

  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  f->model = tayori_article_list_model_new (f->store);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_items_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->model);
  g_clear_object (&f->store);
  g_array_unref (f->changes);
  g_free (f->path);
}

static TayoriArticleSummary *
wait_until_loaded (TayoriArticleListModel *model,
                   guint                   position)
{
  TayoriArticleSummary *summary = g_list_model_get_item (G_LIST_MODEL (model), position);

  while (!tayori_article_summary_get_loaded (summary))
    g_main_context_iteration (NULL, TRUE);
  return summary;
}

static void
test_count_and_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(TayoriArticleSummary) first = NULL;
  g_autoptr(TayoriArticleSummary) far = NULL;
  g_autoptr(TayoriArticleSummary) same = NULL;
  g_autoptr(TayoriArticleSummary) filled = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, 0);
  wait_for_changes (f, 1);
  assert_change (f, 0, 0, N_ARTICLES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), ==, N_ARTICLES);
  g_assert_cmpint (g_list_model_get_item_type (G_LIST_MODEL (f->model)), ==, TAYORI_TYPE_ARTICLE_SUMMARY);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), N_ARTICLES));

  /* the first page came with the count */
  first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_true (tayori_article_summary_get_loaded (first));

  /* a far row is a placeholder until its page arrives, then it is filled in place */
  far = g_list_model_get_item (G_LIST_MODEL (f->model), 2345);
  g_assert_false (tayori_article_summary_get_loaded (far));
  g_assert_cmpint (tayori_article_list_model_find (f->model, 1), ==, -1);
  filled = wait_until_loaded (f->model, 2345);
  g_assert_true (filled == far);
  same = g_list_model_get_item (G_LIST_MODEL (f->model), 2345);
  g_assert_true (same == far);

  expected = tayori_store_list_articles (f->store, NULL, 2345, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_article_summary_get_id (far), ==,
                   tayori_article_summary_get_id (g_ptr_array_index (expected, 0)));
  g_assert_cmpstr (tayori_article_summary_get_title (far), ==,
                   tayori_article_summary_get_title (g_ptr_array_index (expected, 0)));
  g_assert_cmpint (tayori_article_list_model_find (f->model, tayori_article_summary_get_id (far)), ==, 2345);

  /* the last, partial page */
  g_clear_object (&filled);
  filled = wait_until_loaded (f->model, N_ARTICLES - 1);
  g_assert_cmpint (tayori_article_summary_get_id (filled), >, 0);
  g_assert_cmpuint (f->changes->len, ==, 3);
}

static void
test_filter_change (Fixture *f, gconstpointer data)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  g_autoptr(TayoriArticleSummary) item = NULL;
  gboolean loading;

  wait_for_changes (f, 1);

  filter->query = g_strdup ("特別な告知");
  tayori_article_list_model_set_filter (f->model, filter);
  g_object_get (f->model, "loading", &loading, NULL);
  g_assert_true (loading);
  wait_for_changes (f, 2);
  assert_change (f, 1, N_ARTICLES, N_ARTICLES / 10);
  g_object_get (f->model, "loading", &loading, NULL);
  g_assert_false (loading);
  item = wait_until_loaded (f->model, N_ARTICLES / 10 - 1);
  g_assert_true (g_str_has_prefix (tayori_article_summary_get_title (item), "お知らせ第"));

  /* two changes in a row: only the newer one is shown */
  g_free (filter->query);
  filter->query = g_strdup ("告知");
  tayori_article_list_model_set_filter (f->model, filter);
  g_clear_pointer (&filter->query, g_free);
  filter->ward = g_strdup ("北区");
  tayori_article_list_model_set_filter (f->model, filter);
  wait_for_changes (f, 3);
  /* the worker answers in order, so the first answer was handled (and dropped) by now */
  g_assert_cmpuint (f->changes->len, ==, 9);
  assert_change (f, 2, N_ARTICLES / 10, N_ARTICLES / 2);

  /* a reload after a save shows the new row on top */
  tayori_article_list_model_set_filter (f->model, NULL);
  wait_for_changes (f, 4);
  assert_change (f, 3, N_ARTICLES / 2, N_ARTICLES);
  store_test_add (f->store, "新しいお知らせ", "本文");
  tayori_article_list_model_reload (f->model);
  wait_for_changes (f, 5);
  assert_change (f, 4, N_ARTICLES, N_ARTICLES + 1);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (f->model), 0);
  g_assert_cmpstr (tayori_article_summary_get_title (item), ==, "新しいお知らせ");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tayori/store/list-model/count-and-pages", Fixture, NULL,
              fixture_set_up, test_count_and_pages, fixture_tear_down);
  g_test_add ("/tayori/store/list-model/filter-change", Fixture, NULL,
              fixture_set_up, test_filter_change, fixture_tear_down);

  return g_test_run ();
}
