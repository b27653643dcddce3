/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriExcludeModel over a real store: hidden articles leave the list with exact
 * items-changed signals, come back on unhide, stay hidden across reloads, and are forgotten
 * once deleted from the store. No display needed. */
#include <glib/gstdio.h>

#include "tayori-article-summary.h"
#include "tayori-exclude-model.h"

#define N_ARTICLES 6

typedef struct {
  char                   *dir;
  TayoriStore            *store;
  TayoriArticleListModel *base;
  TayoriExcludeModel     *model;
  GArray                 *changes;  /* guint triples: position, removed, added */
  guint                   base_changes;
  gint64                  ids[N_ARTICLES];
} Fixture;

static void
on_changed (GListModel *model,
            guint       position,
            guint       removed,
            guint       added,
            Fixture    *f)
{
  guint change[] = { position, removed, added };

  g_array_append_vals (f->changes, change, 3);
}

static void
on_base_changed (Fixture *f)
{
  f->base_changes++;
}

static void
wait_for_base (Fixture *f,
               guint    count)
{
  while (f->base_changes < count)
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_last_change (Fixture *f,
                    guint    position,
                    guint    removed,
                    guint    added)
{
  guint n = f->changes->len;

  g_assert_cmpuint (n, >=, 3);
  g_assert_cmpuint (g_array_index (f->changes, guint, n - 3), ==, position);
  g_assert_cmpuint (g_array_index (f->changes, guint, n - 2), ==, removed);
  g_assert_cmpuint (g_array_index (f->changes, guint, n - 1), ==, added);
}

/* The ids the model shows, in order, as "id,id,…". */
static char *
shown_ids (Fixture *f)
{
  GString *ids = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (f->model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TayoriArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_assert_nonnull (summary);
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", tayori_article_summary_get_id (summary));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->model), n));

  return g_string_free (ids, FALSE);
}

/* The expected list: every id of the fixture but those at @skip (a string of indexes). */
static char *
ids_without (Fixture    *f,
             const char *skip)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      if (strchr (skip, (char) ('0' + i)) != NULL)
        continue;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? "," : "", f->ids[i]);
    }

  return g_string_free (ids, FALSE);
}

static void
assert_shown (Fixture    *f,
              const char *skip)
{
  g_autofree char *shown = shown_ids (f);
  g_autofree char *expected = ids_without (f, skip);

  g_assert_cmpstr (shown, ==, expected);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("tayori-exclude-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "tayori.db", NULL);
  f->store = tayori_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *title = g_strdup_printf ("お知らせ%u", i);
      TayoriArticle *article = tayori_article_new ();

      tayori_article_set_title (article, title);
      g_ptr_array_add (articles, article);
    }
  g_assert_true (tayori_store_import_articles (f->store, articles, &error));
  g_assert_no_error (error);

  f->changes = g_array_new (FALSE, FALSE, sizeof (guint));
  f->base = tayori_article_list_model_new (f->store);
  g_signal_connect_swapped (f->base, "items-changed", G_CALLBACK (on_base_changed), f);
  wait_for_base (f, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->base)), ==, N_ARTICLES);

  f->model = tayori_exclude_model_new (f->base);
  g_signal_connect (f->model, "items-changed", G_CALLBACK (on_changed), f);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autoptr(TayoriArticleSummary) summary = g_list_model_get_item (G_LIST_MODEL (f->model), i);

      g_assert_true (tayori_article_summary_get_loaded (summary));
      f->ids[i] = tayori_article_summary_get_id (summary);
      g_assert_cmpint (tayori_exclude_model_find (f->model, f->ids[i]), ==, (int) i);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->model);
  g_assert_finalize_object (f->base);
  tayori_store_close (f->store);
  g_clear_object (&f->store);
  g_array_unref (f->changes);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
test_hide_unhide (Fixture       *f,
                  gconstpointer  data)
{
  tayori_exclude_model_hide (f->model, f->ids[2]);
  assert_last_change (f, 2, 1, 0);
  assert_shown (f, "2");
  g_assert_cmpint (tayori_exclude_model_find (f->model, f->ids[2]), ==, -1);
  g_assert_cmpint (tayori_exclude_model_find (f->model, f->ids[3]), ==, 2);

  tayori_exclude_model_hide (f->model, f->ids[0]);
  assert_last_change (f, 0, 1, 0);
  assert_shown (f, "02");
  g_assert_cmpint (tayori_exclude_model_find (f->model, f->ids[5]), ==, 3);

  /* Hiding twice changes nothing. */
  tayori_exclude_model_hide (f->model, f->ids[0]);
  g_assert_cmpuint (f->changes->len, ==, 2 * 3);

  tayori_exclude_model_unhide (f->model, f->ids[2]);
  assert_last_change (f, 1, 0, 1);
  assert_shown (f, "0");

  tayori_exclude_model_unhide (f->model, f->ids[0]);
  assert_last_change (f, 0, 0, 1);
  assert_shown (f, "");

  /* Unhiding what is not hidden changes nothing. */
  tayori_exclude_model_unhide (f->model, f->ids[4]);
  g_assert_cmpuint (f->changes->len, ==, 4 * 3);
}

static void
test_hidden_across_reload (Fixture       *f,
                           gconstpointer  data)
{
  tayori_exclude_model_hide (f->model, f->ids[1]);
  assert_shown (f, "1");

  tayori_article_list_model_reload (f->base);
  wait_for_base (f, 2);
  assert_last_change (f, 0, N_ARTICLES - 1, N_ARTICLES - 1);
  assert_shown (f, "1");
  g_assert_cmpint (tayori_exclude_model_find (f->model, f->ids[1]), ==, -1);
}

static void
test_release_after_delete (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_changes;

  tayori_exclude_model_hide (f->model, f->ids[3]);
  g_assert_true (tayori_store_delete_article (f->store, f->ids[3], &error));
  g_assert_no_error (error);
  tayori_exclude_model_release (f->model, f->ids[3]);

  tayori_article_list_model_reload (f->base);
  wait_for_base (f, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->base)), ==, N_ARTICLES - 1);
  assert_shown (f, "3");

  /* Nothing is hidden any more, so the next reload is passed on exactly as the base emits it. */
  n_changes = f->changes->len;
  tayori_article_list_model_reload (f->base);
  wait_for_base (f, 3);
  g_assert_cmpuint (f->changes->len, ==, n_changes + 3);
  assert_shown (f, "3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/tayori/gui/exclude-model/hide-unhide", Fixture, NULL,
              fixture_set_up, test_hide_unhide, fixture_tear_down);
  g_test_add ("/tayori/gui/exclude-model/hidden-across-reload", Fixture, NULL,
              fixture_set_up, test_hidden_across_reload, fixture_tear_down);
  g_test_add ("/tayori/gui/exclude-model/release-after-delete", Fixture, NULL,
              fixture_set_up, test_release_after_delete, fixture_tear_down);

  return g_test_run ();
}
