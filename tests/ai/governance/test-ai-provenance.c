/* SPDX-License-Identifier: GPL-3.0-or-later */
/* AI provenance on the article: the record, the model (copy, equality, "changed"), the round
 * trips through front matter, the store (and its migration) and JSON, and telling whether a
 * person edited the accepted text. */
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tayori-front-matter.h"
#include "tayori-store.h"
#include "tayori-store-private.h"

#define SUMMARY   "粗大ごみの申込み方法と収集日をお知らせします。"
#define PARAGRAPH "粗大ごみは、収集日の前日までに電話かインターネットで申し込んでください。申込みの際に受付番号をお伝えします。"

static const char * const db_suffixes[] = { "", "-wal", "-shm" };

static TayoriArticle *
article_with_provenance (void)
{
  TayoriArticle *article = tayori_article_new ();
  g_autoptr(TayoriAiProvenance) summary =
    tayori_ai_provenance_new ("summary", "city-azure", "gpt-4o-mini", "summary", "1", SUMMARY);
  g_autoptr(TayoriAiProvenance) body =
    tayori_ai_provenance_new ("body", "builtin", "builtin-easy-1", NULL, NULL, PARAGRAPH);

  tayori_article_set_title (article, "粗大ごみの出し方");
  tayori_article_set_summary (article, SUMMARY);
  tayori_article_set_body (article, "## 申込み\n\n" PARAGRAPH "\n\n## 料金\n\n品目ごとに決まっています。\n");
  tayori_article_add_ai_provenance (article, summary);
  tayori_article_add_ai_provenance (article, body);
  return article;
}

static void
count_changed (TayoriArticle *article,
               guint         *counter)
{
  (*counter)++;
}

static void
count_notify (TayoriArticle *article,
              GParamSpec    *pspec,
              guint         *counter)
{
  (*counter)++;
}

static void
test_record (void)
{
  g_autoptr(TayoriAiProvenance) summary =
    tayori_ai_provenance_new ("summary", "city-azure", "gpt-4o-mini", "summary", "1", "  " SUMMARY "\n");
  g_autoptr(TayoriAiProvenance) body =
    tayori_ai_provenance_new ("body", "builtin", "builtin-easy-1", "", NULL, "\n" PARAGRAPH);
  g_autoptr(TayoriAiProvenance) copy = tayori_ai_provenance_copy (summary);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (summary->time, NULL);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, SUMMARY, -1);

  g_assert_nonnull (time);
  g_assert_cmpstr (summary->field, ==, "summary");
  g_assert_cmpstr (summary->provider, ==, "city-azure");
  g_assert_cmpstr (summary->model, ==, "gpt-4o-mini");
  g_assert_cmpstr (summary->template_id, ==, "summary");
  g_assert_cmpstr (summary->template_version, ==, "1");
  /* the hash ignores white space around the text */
  g_assert_cmpstr (summary->output_hash, ==, hash);
  g_assert_null (summary->paragraph);
  g_assert_false (summary->edited);
  g_assert_true (tayori_ai_provenance_equal (summary, copy));

  /* the body record keeps the paragraph's first 40 characters; no template for builtin */
  g_assert_cmpstr (body->paragraph, ==, "粗大ごみは、収集日の前日までに電話かインターネットで申し込んでください。申込みの");
  g_assert_cmpuint (g_utf8_strlen (body->paragraph, -1), ==, 40);
  g_assert_null (body->template_id);
  g_assert_null (body->template_version);

  copy->edited = TRUE;
  g_assert_false (tayori_ai_provenance_equal (summary, copy));
  g_assert_cmpuint (G_TYPE_IS_BOXED (TAYORI_TYPE_AI_PROVENANCE), ==, TRUE);
}

static void
test_model (void)
{
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(TayoriArticle) copy = tayori_article_copy (article);
  g_autoptr(TayoriAiProvenance) title =
    tayori_ai_provenance_new ("title", "builtin", "builtin-titles-1", NULL, NULL, "粗大ごみの出し方");
  guint changed = 0, notified = 0;

  g_assert_cmpuint (tayori_article_get_ai_provenance (article)->len, ==, 2);
  g_assert_true (tayori_article_content_equal (article, copy));

  g_signal_connect (copy, "changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (copy, "notify::ai-provenance", G_CALLBACK (count_notify), &notified);
  tayori_article_add_ai_provenance (copy, title);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (tayori_article_content_equal (article, copy));

  /* the same list again changes nothing */
  tayori_article_set_ai_provenance (copy, tayori_article_get_ai_provenance (copy));
  g_assert_cmpuint (changed, ==, 1);
  tayori_article_set_ai_provenance (copy, NULL);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (tayori_article_get_ai_provenance (copy)->len, ==, 0);
}

static void
test_front_matter (void)
{
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(TayoriArticle) parsed = NULL;
  g_autoptr(TayoriArticle) plain = tayori_article_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain_text = NULL;

  ((TayoriAiProvenance *) g_ptr_array_index (tayori_article_get_ai_provenance (article), 1))->edited = TRUE;
  text = tayori_front_matter_serialize (article);
  g_assert_nonnull (strstr (text, "\nai_provenance:\n- field: summary\n  provider: city-azure\n"
                                  "  model: gpt-4o-mini\n  template_id: summary\n"
                                  "  template_version: \"1\"\n"));
  g_assert_nonnull (strstr (text, "  edited: false\n- field: body\n  paragraph: "));
  g_assert_nonnull (strstr (text, "  edited: true\n"));
  parsed = tayori_front_matter_parse (text, -1, "notice.md", &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (article, parsed));
  g_assert_true (((TayoriAiProvenance *) g_ptr_array_index (tayori_article_get_ai_provenance (parsed), 1))->edited);

  plain_text = tayori_front_matter_serialize (plain);
  g_assert_null (strstr (plain_text, "ai_provenance"));
}

static void
test_front_matter_invalid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) list_error = NULL;
  g_autoptr(TayoriArticle) article =
    tayori_front_matter_parse ("---\ntitle: x\nai_provenance:\n- field: summary\n  edited: maybe\n---\n本文\n",
                               -1, "bad.md", &error);
  g_autoptr(TayoriArticle) not_list =
    tayori_front_matter_parse ("---\nai_provenance: summary\n---\n本文\n", -1, "bad.md", &list_error);

  g_assert_null (article);
  g_assert_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "bad.md:5"));
  g_assert_nonnull (strstr (error->message, "ai_provenance.edited"));
  g_assert_null (not_list);
  g_assert_error (list_error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE);
}

static void
test_json (void)
{
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) records = NULL;
  JsonObject *first;

  json_builder_begin_object (builder);
  tayori_ai_provenance_list_to_json (builder, "ai_provenance", tayori_article_get_ai_provenance (article));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  first = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root),
                                                                       "ai_provenance"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "field"), ==, "summary");
  g_assert_true (json_object_get_null_member (first, "paragraph"));
  g_assert_false (json_object_get_boolean_member (first, "edited"));
  records = tayori_ai_provenance_list_from_json (json_object_get_array_member (json_node_get_object (root),
                                                                               "ai_provenance"));
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    g_assert_true (tayori_ai_provenance_equal (g_ptr_array_index (records, i),
                                               g_ptr_array_index (tayori_article_get_ai_provenance (article), i)));
}

static void
remove_store (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (db_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, db_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

static char *
new_store_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tayori-provenance-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (dir, "tayori.db", NULL);
}

static void
test_store (void)
{
  g_autofree char *path = new_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = tayori_store_open (path, &error);
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(TayoriArticle) loaded = NULL;
  g_autoptr(TayoriArticle) again = NULL;
  gint64 id;

  g_assert_no_error (error);
  ((TayoriAiProvenance *) g_ptr_array_index (tayori_article_get_ai_provenance (article), 0))->edited = TRUE;
  id = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  loaded = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_true (tayori_article_content_equal (article, loaded));
  g_assert_cmpuint (tayori_article_get_ai_provenance (loaded)->len, ==, 2);

  tayori_article_set_ai_provenance (loaded, NULL);
  tayori_store_save_article (store, loaded, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  again = tayori_store_load_article (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tayori_article_get_ai_provenance (again)->len, ==, 0);

  g_clear_object (&store);
  remove_store (path);
}

/* A store written before provenance existed opens with the column added and no records */
static void
test_store_migration (void)
{
  g_autofree char *path = new_store_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriArticle) loaded = NULL;
  sqlite3 *db = NULL;

  tayori_store_db_set_target_version_for_testing (3);   /* the version before AI provenance */
  store = tayori_store_open (path, &error);
  tayori_store_db_set_target_version_for_testing (0);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* a row as the previous version wrote it: it has no ai_provenance column to write */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO articles (id, title, created, updated)"
                                     " VALUES (7, '移行前の記事', '2026-04-01T00:00:00Z',"
                                     " '2026-04-01T00:00:00Z')", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT ai_provenance FROM articles", NULL, NULL, NULL), !=, SQLITE_OK);
  sqlite3_close (db);

  store = tayori_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tayori_store_get_schema_version (store), ==, tayori_store_db_latest_version ());
  loaded = tayori_store_load_article (store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_title (loaded), ==, "移行前の記事");
  g_assert_cmpuint (tayori_article_get_ai_provenance (loaded)->len, ==, 0);

  g_clear_object (&store);
  remove_store (path);
}

static gboolean
edited (TayoriArticle *article,
        guint          index)
{
  return ((TayoriAiProvenance *) g_ptr_array_index (tayori_article_get_ai_provenance (article), index))->edited;
}

static void
test_edited_fields (void)
{
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(TayoriAiProvenance) sns =
    tayori_ai_provenance_new ("sns:x", "builtin", "builtin-sns-1", NULL, NULL, "投稿文");
  g_autoptr(TayoriAiProvenance) alt =
    tayori_ai_provenance_new ("thumbnail-alt", "builtin", "builtin-card-1", NULL, NULL, "粗大ごみの出し方の画像");
  guint changed = 0;

  tayori_article_add_ai_provenance (article, sns);
  tayori_article_add_ai_provenance (article, alt);
  tayori_article_set_thumbnail_alt (article, "粗大ごみの出し方の画像");
  g_signal_connect (article, "changed", G_CALLBACK (count_changed), &changed);

  tayori_article_update_ai_edited (article);
  g_assert_false (edited (article, 0));
  g_assert_false (edited (article, 3));
  g_assert_cmpuint (changed, ==, 0);

  /* a person rewrites the summary: only that record changes, and the article says so */
  tayori_article_set_summary (article, SUMMARY "料金もご確認ください。");
  changed = 0;
  tayori_article_update_ai_edited (article);
  g_assert_true (edited (article, 0));
  g_assert_false (edited (article, 1));
  g_assert_false (edited (article, 2));
  g_assert_cmpuint (changed, ==, 1);
  tayori_article_update_ai_edited (article);
  g_assert_cmpuint (changed, ==, 1);

  /* white space around the text is not an edit; going back to the accepted text undoes it */
  tayori_article_set_summary (article, SUMMARY "\n");
  tayori_article_set_thumbnail_alt (article, "粗大ごみの画像");
  tayori_article_update_ai_edited (article);
  g_assert_false (edited (article, 0));
  g_assert_true (edited (article, 3));
  /* SNS drafts are not on the article: their record is left as it is */
  g_assert_false (edited (article, 2));
}

static void
test_edited_body (void)
{
  g_autoptr(TayoriArticle) article = article_with_provenance ();
  g_autoptr(TayoriAiProvenance) two =
    tayori_ai_provenance_new ("body", "builtin", "builtin-easy-1", NULL, NULL, "一つ目の段落です。\n\n二つ目の段落です。\n");
  g_autofree char *edited_body = NULL;

  tayori_article_update_ai_edited (article);
  g_assert_false (edited (article, 1));

  /* other paragraphs may change around it */
  tayori_article_set_body (article, "はじめに。\n\n" PARAGRAPH "\n");
  tayori_article_update_ai_edited (article);
  g_assert_false (edited (article, 1));

  /* one character changed inside the accepted paragraph */
  edited_body = g_strdup ("はじめに。\n\n" PARAGRAPH "\n");
  memcpy (strstr (edited_body, "電話"), "手紙", strlen ("手紙"));
  tayori_article_set_body (article, edited_body);
  tayori_article_update_ai_edited (article);
  g_assert_true (edited (article, 1));

  /* text cut at the end of the paragraph is an edit too */
  tayori_article_set_body (article, "粗大ごみは、収集日の前日までに電話かインターネットで申し込んでください。\n");
  tayori_article_update_ai_edited (article);
  g_assert_true (edited (article, 1));

  /* several accepted paragraphs are found as a whole, and only as a whole */
  tayori_article_set_ai_provenance (article, NULL);
  tayori_article_add_ai_provenance (article, two);
  tayori_article_set_body (article, "# 題\n\n一つ目の段落です。\n\n二つ目の段落です。\n\n" "この記事の一部は生成AIを利用して作成しています。\n");
  tayori_article_update_ai_edited (article);
  g_assert_false (edited (article, 0));
  tayori_article_set_body (article, "一つ目の段落です。\n\n二つ目の段落を直しました。\n");
  tayori_article_update_ai_edited (article);
  g_assert_true (edited (article, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/governance/provenance/record", test_record);
  g_test_add_func ("/tayori/ai/governance/provenance/model", test_model);
  g_test_add_func ("/tayori/ai/governance/provenance/front-matter", test_front_matter);
  g_test_add_func ("/tayori/ai/governance/provenance/front-matter-invalid", test_front_matter_invalid);
  g_test_add_func ("/tayori/ai/governance/provenance/json", test_json);
  g_test_add_func ("/tayori/ai/governance/provenance/store", test_store);
  g_test_add_func ("/tayori/ai/governance/provenance/store-migration", test_store_migration);
  g_test_add_func ("/tayori/ai/governance/provenance/edited-fields", test_edited_fields);
  g_test_add_func ("/tayori/ai/governance/provenance/edited-body", test_edited_body);
  return g_test_run ();
}
