/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Dismissed findings on the article: the model (copy, equality, "changed"), and the round
 * trip through front matter and the store. */
#include <glib/gstdio.h>
#include <string.h>

#include "tayori-front-matter.h"
#include "tayori-store.h"

static const char * const db_suffixes[] = { "", "-wal", "-shm" };

static TayoriArticle *
article_with_dismissals (void)
{
  TayoriArticle *article = tayori_article_new ();
  g_autoptr(GPtrArray) dismissals = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_dismissal_free);

  tayori_article_set_title (article, "粗大ごみの出し方");
  tayori_article_set_body (article, "㈱大阪環境に委託しています。\n");
  g_ptr_array_add (dismissals, tayori_dismissal_new ("ja-platform-dependent-char", "body", "㈱",
                                                     "登記上の社名のため", "山田 花子",
                                                     "2026-04-01T09:00:00+09:00"));
  g_ptr_array_add (dismissals, tayori_dismissal_new ("title-length", "title", "",
                                                     "見出しの規定に合わせた: 短い", "", "2026-04-02"));
  tayori_article_set_dismissals (article, dismissals);
  return article;
}

static void
count_changed (TayoriArticle *article,
               guint         *count)
{
  (*count)++;
}

static void
count_notify (TayoriArticle *article,
              GParamSpec    *pspec,
              guint         *count)
{
  (*count)++;
}

static void
test_model (void)
{
  g_autoptr(TayoriArticle) article = article_with_dismissals ();
  g_autoptr(TayoriArticle) copy = tayori_article_copy (article);
  g_autoptr(TayoriDismissal) extra = tayori_dismissal_new ("axe/image-alt", "body", "", "装飾の画像", "", "");
  const TayoriDismissal *first;
  guint changed = 0, notified = 0;

  g_assert_cmpuint (tayori_article_get_dismissals (article)->len, ==, 2);
  first = g_ptr_array_index (tayori_article_get_dismissals (article), 0);
  g_assert_cmpstr (first->rule_id, ==, "ja-platform-dependent-char");
  g_assert_cmpstr (first->span, ==, "㈱");
  g_assert_true (tayori_article_content_equal (article, copy));

  g_signal_connect (copy, "changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (copy, "notify::dismissals", G_CALLBACK (count_notify), &notified);
  tayori_article_add_dismissal (copy, extra);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (tayori_article_get_dismissals (copy)->len, ==, 3);
  g_assert_false (tayori_article_content_equal (article, copy));

  /* setting the same list again changes nothing */
  tayori_article_set_dismissals (copy, tayori_article_get_dismissals (copy));
  g_assert_cmpuint (changed, ==, 1);
  tayori_article_set_dismissals (copy, NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (tayori_article_get_dismissals (copy)->len, ==, 0);
}

static void
test_front_matter (void)
{
  g_autoptr(TayoriArticle) article = article_with_dismissals ();
  g_autofree char *text = tayori_front_matter_serialize (article);
  g_autoptr(TayoriArticle) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) plain = tayori_article_new ();
  g_autofree char *plain_text = NULL;

  g_assert_nonnull (strstr (text, "\ndismissed:\n"));
  g_assert_nonnull (strstr (text, "reason: 登記上の社名のため"));
  parsed = tayori_front_matter_parse (text, -1, "notice.md", &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (article, parsed));

  /* no dismissals, no key */
  plain_text = tayori_front_matter_serialize (plain);
  g_assert_null (strstr (plain_text, "dismissed"));
}

static void
test_front_matter_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article =
    tayori_front_matter_parse ("---\ntitle: x\ndismissed: 3\n---\n本文\n", -1, "bad.md", &error);

  g_assert_null (article);
  g_assert_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "bad.md:3"));
}

static void
test_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tayori-dismissals-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "tayori.db", NULL);
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriArticle) article = article_with_dismissals ();
  g_autoptr(TayoriArticle) loaded = NULL;
  g_autoptr(TayoriArticle) again = NULL;
  gint64 id;

  g_assert_no_error (error);
  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  id = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  loaded = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (article, loaded));
  g_assert_cmpuint (tayori_article_get_dismissals (loaded)->len, ==, 2);

  tayori_article_set_dismissals (loaded, NULL);
  tayori_store_save_article (store, loaded, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  again = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tayori_article_get_dismissals (again)->len, ==, 0);

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, db_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/engine/dismissals/model", test_model);
  g_test_add_func ("/tayori/checks/engine/dismissals/front-matter", test_front_matter);
  g_test_add_func ("/tayori/checks/engine/dismissals/front-matter-invalid", test_front_matter_invalid);
  g_test_add_func ("/tayori/checks/engine/dismissals/store", test_store);
  return g_test_run ();
}
