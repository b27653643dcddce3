/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticle: notifications, the "changed" signal, deep copy, content equality, enums and
 * the attachment label. */
#include "tayori-article.h"
#include "tayori-article-summary.h"

typedef struct {
  guint changed;
  GPtrArray *notified;
} Counter;

static void
on_changed (TayoriArticle *article,
            Counter       *counter)
{
  counter->changed++;
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Counter    *counter)
{
  g_ptr_array_add (counter->notified, g_strdup (pspec->name));
}

static void
counter_connect (Counter       *counter,
                 TayoriArticle *article)
{
  counter->changed = 0;
  counter->notified = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (article, "changed", G_CALLBACK (on_changed), counter);
  g_signal_connect (article, "notify", G_CALLBACK (on_notify), counter);
}

static void
test_notify (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  const char *audiences[] = { "高齢者", "外国人", NULL };
  Counter counter;

  counter_connect (&counter, article);

  tayori_article_set_title (article, "防災訓練のお知らせ");
  g_assert_cmpuint (counter.changed, ==, 1);
  g_assert_cmpuint (counter.notified->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (counter.notified, 0), ==, "title");

  /* same value: nothing */
  tayori_article_set_title (article, "防災訓練のお知らせ");
  g_assert_cmpuint (counter.changed, ==, 1);
  g_assert_cmpuint (counter.notified->len, ==, 1);

  g_object_set (article, "thumbnail-alt", "訓練の様子", "publish-start", "2026-12-01", NULL);
  g_assert_cmpuint (counter.changed, ==, 3);
  g_assert_cmpstr (tayori_article_get_thumbnail_alt (article), ==, "訓練の様子");
  g_assert_cmpstr (tayori_article_get_publish_start (article), ==, "2026-12-01");

  tayori_article_set_audiences (article, audiences);
  tayori_article_set_audiences (article, audiences);
  g_assert_cmpuint (counter.changed, ==, 4);
  g_assert_cmpstrv (tayori_article_get_audiences (article), audiences);

  tayori_article_set_emergency (article, TRUE);
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_IN_REVIEW);
  tayori_article_set_language (article, TAYORI_LANGUAGE_JA_EASY);
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_IN_REVIEW);
  g_assert_cmpuint (counter.changed, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (counter.notified, counter.notified->len - 1), ==, "language");

  /* bookkeeping notifies but is no edit */
  tayori_article_set_id (article, 42);
  g_assert_cmpuint (counter.changed, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (counter.notified, counter.notified->len - 1), ==, "id");

  g_ptr_array_unref (counter.notified);
}

static void
test_defaults (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  Counter counter;

  g_assert_nonnull (tayori_article_get_categories (article));
  g_assert_null (tayori_article_get_categories (article)[0]);
  g_assert_nonnull (tayori_article_get_audiences (article));
  g_assert_cmpuint (tayori_article_get_links (article)->len, ==, 0);
  g_assert_cmpuint (tayori_article_get_attachments (article)->len, ==, 0);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "");
  g_assert_null (tayori_article_get_publish_end (article));
  g_assert_cmpint (tayori_article_get_status (article), ==, TAYORI_ARTICLE_STATUS_DRAFT);
  g_assert_cmpint (tayori_article_get_language (article), ==, TAYORI_LANGUAGE_JA);

  /* "" and NULL are the same content: no change */
  counter_connect (&counter, article);
  tayori_article_set_title (article, NULL);
  tayori_article_set_publish_end (article, "");
  tayori_article_set_categories (article, NULL);
  g_assert_cmpuint (counter.changed, ==, 0);
  g_ptr_array_unref (counter.notified);
}

static TayoriArticle *
make_full_article (void)
{
  TayoriArticle *article = tayori_article_new ();
  const char *categories[] = { "防災・安全/避難所", NULL };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 11, 22, 5, 5, 0);

  g_ptr_array_add (links, tayori_link_new ("避難所一覧", "https://example.jp/hinan"));
  g_ptr_array_add (attachments, tayori_attachment_new ("地図.pdf", "abc123", "application/pdf", 126000));
  g_object_set (article,
                "title", "避難所の開設",
                "category", "防災・安全",
                "categories", categories,
                "body", "## 開設状況\n\n本日開設しました。",
                "contact-phone", "06-0000-0000",
                "emergency", TRUE,
                "status", TAYORI_ARTICLE_STATUS_PUBLISHED,
                "links", links,
                "attachments", attachments,
                "created", created,
                NULL);
  tayori_article_set_id (article, 7);
  return article;
}

static void
test_copy_equal (void)
{
  g_autoptr(TayoriArticle) article = make_full_article ();
  g_autoptr(TayoriArticle) copy = tayori_article_copy (article);
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 1, 1, 0, 0, 0);

  g_assert_true (copy != article);
  g_assert_cmpint (tayori_article_get_id (copy), ==, 7);
  g_assert_cmpstr (tayori_article_get_contact_phone (copy), ==, "06-0000-0000");
  g_assert_true (tayori_article_get_links (copy) != tayori_article_get_links (article));
  g_assert_true (g_date_time_equal (tayori_article_get_created (copy), tayori_article_get_created (article)));
  g_assert_true (tayori_article_content_equal (article, copy));

  /* timestamps and id are not content */
  tayori_article_set_updated (copy, later);
  tayori_article_set_id (copy, 8);
  g_assert_true (tayori_article_content_equal (article, copy));

  /* the copy is deep: changing one link array leaves the other alone */
  g_ptr_array_add (links, tayori_link_new ("避難所一覧", "https://example.jp/other"));
  tayori_article_set_links (copy, links);
  g_assert_false (tayori_article_content_equal (article, copy));
  g_assert_cmpstr (((TayoriLink *) g_ptr_array_index (tayori_article_get_links (article), 0))->url,
                   ==, "https://example.jp/hinan");

  g_clear_object (&copy);
  copy = tayori_article_copy (article);
  tayori_article_set_emergency (copy, FALSE);
  g_assert_false (tayori_article_content_equal (article, copy));

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_enums (void)
{
  TayoriArticleStatus status;
  TayoriLanguage language;

  g_assert_true (G_TYPE_IS_ENUM (TAYORI_TYPE_ARTICLE_STATUS));
  g_assert_cmpstr (tayori_article_status_to_key (TAYORI_ARTICLE_STATUS_IN_REVIEW), ==, "in_review");
  g_assert_true (tayori_article_status_from_key ("archived", &status));
  g_assert_cmpint (status, ==, TAYORI_ARTICLE_STATUS_ARCHIVED);
  g_assert_false (tayori_article_status_from_key ("Archived", &status));
  g_assert_false (tayori_article_status_from_key (NULL, &status));
  g_assert_cmpstr (tayori_article_status_to_label (TAYORI_ARTICLE_STATUS_RETURNED), ==, "Returned");

  g_assert_cmpstr (tayori_language_to_key (TAYORI_LANGUAGE_JA_EASY), ==, "ja-easy");
  g_assert_true (tayori_language_from_key ("en", &language));
  g_assert_cmpint (language, ==, TAYORI_LANGUAGE_EN);
  g_assert_false (tayori_language_from_key ("fr", &language));
  g_assert_cmpstr (tayori_language_to_label (TAYORI_LANGUAGE_JA_EASY), ==, "Easy Japanese");
}

static void
assert_describe (const char *name,
                 const char *mime_type,
                 guint64     size,
                 const char *expected)
{
  g_autoptr(TayoriAttachment) attachment = tayori_attachment_new (name, "hash", mime_type, size);
  g_autofree char *label = tayori_attachment_describe (attachment);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_attachment_describe (void)
{
  /* The tests run in the C locale: the English source form of "PDF形式：123KB" */
  assert_describe ("申請書.pdf", "application/pdf", 123 * 1024, "PDF, 123KB");
  assert_describe ("申請書.pdf", "application/pdf", 123 * 1024 + 1, "PDF, 124KB");
  assert_describe ("a.bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 1, "Excel, 1KB");
  assert_describe ("名簿.DOCX", NULL, 2048, "Word, 2KB");
  assert_describe ("写真.jpeg", "application/octet-stream", 1024 * 1024, "JPEG, 1024KB");
  assert_describe ("資料.zip", "application/zip", 1536 * 1024, "ZIP, 1.5MB");
  assert_describe ("説明.pptx", NULL, 10 * 1024 * 1024, "PowerPoint, 10.0MB");
  assert_describe ("図面.dwg", NULL, 0, "DWG, 0KB");
  assert_describe ("data.csv", "text/csv", 500, "CSV, 1KB");
}

static void
on_summary_notify (GObject    *object,
                   GParamSpec *pspec,
                   GPtrArray  *names)
{
  g_ptr_array_add (names, g_strdup (pspec->name));
}

static void
test_summary (void)
{
  g_autoptr(TayoriArticleSummary) placeholder = tayori_article_summary_new ();
  g_autoptr(TayoriArticleSummary) loaded = tayori_article_summary_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new_now (tokyo);
  g_autoptr(GDateTime) updated = g_date_time_new (tokyo, g_date_time_get_year (now), 11, 22, 14, 5, 0);
  g_autofree char *label = NULL;
  g_autofree char *status_label = NULL;

  g_assert_false (tayori_article_summary_get_loaded (placeholder));
  tayori_article_summary_fill (loaded, 3, "ごみ収集日の変更", TAYORI_ARTICLE_STATUS_SCHEDULED,
                               "ごみ・リサイクル", "北区", "山田", updated);
  g_signal_connect (placeholder, "notify", G_CALLBACK (on_summary_notify), names);
  tayori_article_summary_update_from (placeholder, loaded);

  g_assert_true (tayori_article_summary_get_loaded (placeholder));
  g_assert_cmpint (tayori_article_summary_get_id (placeholder), ==, 3);
  g_assert_cmpstr (tayori_article_summary_get_ward (placeholder), ==, "北区");
  g_assert_true (g_date_time_equal (tayori_article_summary_get_updated (placeholder), updated));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "loaded", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (names, "updated-label", g_str_equal, NULL));

  g_object_get (placeholder, "updated-label", &label, "status-label", &status_label, NULL);
  if (g_strcmp0 (g_getenv ("TZ"), "Asia/Tokyo") == 0)
    g_assert_cmpstr (label, ==, "Nov 22 14:05");
  else
    g_assert_true (g_str_has_prefix (label, "Nov "));
  g_assert_cmpstr (status_label, ==, "Scheduled");

  /* filling again with the same values notifies nothing */
  g_ptr_array_set_size (names, 0);
  tayori_article_summary_update_from (placeholder, loaded);
  g_assert_cmpuint (names->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/article/notify", test_notify);
  g_test_add_func ("/tayori/model/article/defaults", test_defaults);
  g_test_add_func ("/tayori/model/article/copy-equal", test_copy_equal);
  g_test_add_func ("/tayori/model/article/enums", test_enums);
  g_test_add_func ("/tayori/model/article/attachment-describe", test_attachment_describe);
  g_test_add_func ("/tayori/model/article/summary", test_summary);

  return g_test_run ();
}
