/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Saving, loading, revisions, import and delete through the sync API. */
#include <stdlib.h>
#include "store-test-util.h"

static TayoriStore *
open_store (char **out_path)
{
  g_autofree char *path = store_test_db_path ();
  g_autoptr(GError) error = NULL;
  TayoriStore *store = tayori_store_open (path, &error);

  g_assert_no_error (error);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return store;
}

static TayoriArticle *
full_article (void)
{
  TayoriArticle *a = tayori_article_new ();
  const char *categories[] = { "防災/避難所", "くらし", NULL };
  const char *audiences[] = { "高齢者", "外国人", NULL };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

  g_ptr_array_add (links, tayori_link_new ("避難所一覧", "https://example.jp/hinan"));
  g_ptr_array_add (links, tayori_link_new ("\"引用\" と '記号'", "https://example.jp/?a=1&b=2"));
  g_ptr_array_add (attachments, tayori_attachment_new ("申請書.pdf",
      "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      "application/pdf", 123456));

  tayori_article_set_title (a, "台風10号に伴う避難所の開設について");
  tayori_article_set_category (a, "防災");
  tayori_article_set_categories (a, categories);
  tayori_article_set_body (a, "## 開設場所\n\n| 施設 | 住所 |\n|---|---|\n| 中央小学校 | 本町1-2-3 |\n");
  tayori_article_set_summary (a, "台風の接近に伴い、避難所を開設します。");
  tayori_article_set_thumbnail (a, "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
  tayori_article_set_thumbnail_alt (a, "避難所の入口の写真");
  tayori_article_set_audiences (a, audiences);
  tayori_article_set_ward (a, "中央区");
  tayori_article_set_department (a, "危機管理課");
  tayori_article_set_contact_section (a, "危機管理課 防災係");
  tayori_article_set_contact_phone (a, "03-1234-5678");
  tayori_article_set_contact_fax (a, "03-1234-5679");
  tayori_article_set_contact_email (a, "bousai@example.jp");
  tayori_article_set_contact_address (a, "本町1-1-1 区役所3階");
  tayori_article_set_publish_start (a, "2026-09-01T09:00:00+09:00");
  tayori_article_set_publish_end (a, "2026-09-30");
  tayori_article_set_emergency (a, TRUE);
  tayori_article_set_language (a, TAYORI_LANGUAGE_JA_EASY);
  tayori_article_set_translation_group (a, "5f0c6a1e-8a55-4c53-9d0e-1f0b8f7e2a10");
  tayori_article_set_status (a, TAYORI_ARTICLE_STATUS_IN_REVIEW);
  tayori_article_set_author (a, "山田 花子");
  tayori_article_set_links (a, links);
  tayori_article_set_attachments (a, attachments);
  return a;
}

static void
test_round_trip (void)
{
  g_autoptr(TayoriStore) store = open_store (NULL);
  g_autoptr(TayoriArticle) article = full_article ();
  g_autoptr(TayoriArticle) loaded = NULL;
  g_autoptr(TayoriArticle) again = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_cmpint (tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error), >, 0);
  g_assert_no_error (error);
  id = tayori_article_get_id (article);
  g_assert_cmpint (id, >, 0);

  loaded = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_article_get_id (loaded), ==, id);
  g_assert_true (tayori_article_content_equal (article, loaded));
  g_assert_cmpstr (tayori_article_get_title (loaded), ==, "台風10号に伴う避難所の開設について");
  g_assert_cmpstr (tayori_article_get_categories (loaded)[0], ==, "防災/避難所");
  g_assert_cmpuint (tayori_article_get_attachments (loaded)->len, ==, 1);
  g_assert_true (tayori_article_get_emergency (loaded));
  g_assert_cmpint (tayori_article_get_language (loaded), ==, TAYORI_LANGUAGE_JA_EASY);
  g_assert_cmpint (tayori_article_get_status (loaded), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);
  g_assert_nonnull (tayori_article_get_created (loaded));
  g_assert_cmpint (g_date_time_compare (tayori_article_get_created (loaded), before), >=, 0);
  g_assert_cmpint (g_date_time_compare (tayori_article_get_updated (loaded),
                                        tayori_article_get_created (loaded)), ==, 0);

  /* an update keeps created, moves updated, and an empty article round-trips too */
  tayori_article_set_emergency (loaded, FALSE);
  tayori_article_set_links (loaded, NULL);
  g_usleep (2000);
  g_assert_cmpint (tayori_store_save_article (store, loaded, TAYORI_SAVE_MANUAL, &error), >, 0);
  g_assert_no_error (error);
  again = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (again, loaded));
  g_assert_false (tayori_article_get_emergency (again));
  g_assert_cmpint (g_date_time_compare (tayori_article_get_created (again),
                                        tayori_article_get_created (loaded)), ==, 0);
  g_assert_cmpint (g_date_time_compare (tayori_article_get_updated (again),
                                        tayori_article_get_updated (loaded)), >, 0);
  g_clear_object (&again);

  g_clear_object (&article);
  article = tayori_article_new ();
  g_assert_cmpint (tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error), >, 0);
  again = tayori_store_load_article (store, tayori_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (again, article));
}

static void
test_revisions_manual (void)
{
  g_autoptr(TayoriStore) store = open_store (NULL);
  g_autoptr(TayoriArticle) article = store_test_article ("第1版", "本文1");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second;
  TayoriRevision *newest;

  first = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  tayori_article_set_title (article, "第2版");
  second = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  revisions = tayori_store_list_revisions (store, tayori_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 2);
  newest = g_ptr_array_index (revisions, 0);
  g_assert_cmpint (newest->id, ==, second);
  g_assert_cmpint (newest->article_id, ==, tayori_article_get_id (article));
  g_assert_cmpint (newest->kind, ==, TAYORI_SAVE_MANUAL);
  g_assert_cmpstr (newest->title, ==, "第2版");
  g_assert_nonnull (newest->saved);
  g_assert_cmpstr (((TayoriRevision *) g_ptr_array_index (revisions, 1))->title, ==, "第1版");
}

static void
test_revisions_auto_coalesce (void)
{
  g_autofree char *path = NULL;
  g_autoptr(TayoriStore) store = open_store (&path);
  g_autoptr(TayoriArticle) article = store_test_article ("下書き", "");
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *aged = NULL;
  gint64 ids[3];

  /* continuous typing: every autosave lands in the same revision */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *body = g_strdup_printf ("入力中 %u", i);

      tayori_article_set_body (article, body);
      ids[i] = tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (ids[0], ==, ids[1]);
  g_assert_cmpint (ids[1], ==, ids[2]);
  revisions = tayori_store_list_revisions (store, tayori_article_get_id (article), &error);
  g_assert_cmpuint (revisions->len, ==, 1);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* a manual save always adds one, and the next autosave does not fold into it */
  g_assert_cmpint (tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error), >, ids[0]);
  ids[1] = tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error);
  revisions = tayori_store_list_revisions (store, tayori_article_get_id (article), &error);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_clear_pointer (&revisions, g_ptr_array_unref);

  /* an autosave revision started more than 10 minutes ago is left alone */
  aged = store_test_query (path, "UPDATE revisions SET started = '2000-01-01T00:00:00.000000Z'"
                                 " WHERE kind = 'auto'");
  ids[2] = tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error);
  g_assert_cmpint (ids[2], >, ids[1]);
  revisions = tayori_store_list_revisions (store, tayori_article_get_id (article), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (revisions->len, ==, 4);
  g_assert_cmpint (((TayoriRevision *) g_ptr_array_index (revisions, 0))->kind, ==, TAYORI_SAVE_AUTO);
}

static void
test_load_revision (void)
{
  g_autoptr(TayoriStore) store = open_store (NULL);
  g_autoptr(TayoriArticle) article = full_article ();
  g_autoptr(TayoriArticle) original = NULL;
  g_autoptr(TayoriArticle) restored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first;

  first = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  original = tayori_article_copy (article);
  tayori_article_set_title (article, "書き換えたタイトル");
  tayori_article_set_body (article, "全く別の本文");
  tayori_article_set_audiences (article, NULL);
  tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);

  restored = tayori_store_load_revision (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_article_get_id (restored), ==, tayori_article_get_id (article));
  g_assert_true (tayori_article_content_equal (restored, original));
  g_assert_false (tayori_article_content_equal (restored, article));

  /* restoring = saving the old content again, as a new revision */
  g_assert_cmpint (tayori_store_save_article (store, restored, TAYORI_SAVE_MANUAL, &error), >, 0);
  g_clear_object (&restored);
  restored = tayori_store_load_article (store, tayori_article_get_id (article), &error);
  g_assert_cmpstr (tayori_article_get_title (restored), ==, tayori_article_get_title (original));

  g_assert_null (tayori_store_load_revision (store, 9999, &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(TayoriStore) store = open_store (NULL);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) first = NULL;

  g_ptr_array_add (articles, store_test_article ("一件目", "本文"));
  g_ptr_array_add (articles, store_test_article ("二件目", "本文"));
  /* names an article that does not exist: the whole import must fail */
  g_ptr_array_add (articles, store_test_article ("三件目", "本文"));
  tayori_article_set_id (g_ptr_array_index (articles, 2), 4242);

  g_assert_false (tayori_store_import_articles (store, articles, &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (tayori_store_count_articles (store, NULL, &error), ==, 0);
  g_assert_cmpint (tayori_article_get_id (g_ptr_array_index (articles, 0)), ==, 0);

  tayori_article_set_id (g_ptr_array_index (articles, 2), 0);
  g_assert_true (tayori_store_import_articles (store, articles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tayori_store_count_articles (store, NULL, &error), ==, 3);
  for (guint i = 0; i < articles->len; i++)
    g_assert_cmpint (tayori_article_get_id (g_ptr_array_index (articles, i)), >, 0);
  first = tayori_store_load_article (store, tayori_article_get_id (g_ptr_array_index (articles, 0)), &error);
  g_assert_cmpstr (tayori_article_get_title (first), ==, "一件目");
}

static void
test_delete (void)
{
  g_autofree char *path = NULL;
  g_autoptr(TayoriStore) store = open_store (&path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = store_test_article ("消す記事", "消える本文です");
  g_autofree char *revisions = NULL;
  g_autofree char *ids = NULL;
  gint64 keep = store_test_add (store, "残す記事", "残る本文です");
  gint64 id;

  tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error);
  id = tayori_article_get_id (article);

  g_assert_true (tayori_store_delete_article (store, id, &error));
  g_assert_no_error (error);
  g_assert_null (tayori_store_load_article (store, id, &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  revisions = store_test_query (path, "SELECT count(*) FROM revisions WHERE article_id NOT IN"
                                      " (SELECT id FROM articles)");
  g_assert_cmpstr (revisions, ==, "0");
  ids = store_test_search_ids (store, "本文です");
  g_assert_cmpint (g_ascii_strtoll (ids, NULL, 10), ==, keep);

  g_assert_false (tayori_store_delete_article (store, id, &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* saving an article that was deleted meanwhile does not bring it back */
  g_assert_cmpint (tayori_store_save_article (store, article, TAYORI_SAVE_AUTO, &error), ==, 0);
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND);
}

static void
test_closed (void)
{
  g_autoptr(TayoriStore) store = open_store (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = store_test_add (store, "記事", "本文");

  tayori_store_close (store);
  tayori_store_close (store);
  g_assert_null (tayori_store_load_article (store, id, &error));
  g_assert_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/store/articles/round-trip", test_round_trip);
  g_test_add_func ("/tayori/store/articles/revisions-manual", test_revisions_manual);
  g_test_add_func ("/tayori/store/articles/revisions-auto-coalesce", test_revisions_auto_coalesce);
  g_test_add_func ("/tayori/store/articles/load-revision", test_load_revision);
  g_test_add_func ("/tayori/store/articles/import-all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/tayori/store/articles/delete", test_delete);
  g_test_add_func ("/tayori/store/articles/closed", test_closed);

  return g_test_run ();
}
