/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Front matter: round trips of awkward values, line endings, BOM, and the errors an author
 * sees for bad files (file name and line, wrong types, non-UTF-8). */
#include "tayori-core-resources.h"
#include "tayori-front-matter.h"

static TayoriArticle *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  TayoriArticle *article = tayori_front_matter_parse (text, -1, "test.md", &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  return article;
}

static void
assert_round_trip (TayoriArticle *article)
{
  g_autofree char *text = tayori_front_matter_serialize (article);
  g_autoptr(TayoriArticle) parsed = parse_ok (text);

  if (!tayori_article_content_equal (article, parsed))
    g_error ("round trip changed the article; file was:\n%s", text);
}

static void
test_parse_fields (void)
{
  g_autoptr(TayoriArticle) article = parse_ok (
    "---\n"
    "title: 防災訓練のお知らせ\n"
    "category: 防災・安全/避難所\n"
    "categories: [イベント・講座, 'まちづくり/地域活動']\n"
    "summary: 11月に訓練を行います。\n"
    "audiences:\n  - 高齢者\n  - 外国人\n"
    "ward: 北区\n"
    "department: 総務課\n"
    "contact:\n  section: 総務課 防災担当\n  phone: 06-0000-0000\n  fax: 06-0000-0001\n"
    "  email: bousai@example.jp\n  address: 大阪市北区\n"
    "publish_start: 2026-12-01T09:00:00+09:00\n"
    "publish_end: 2026-12-31\n"
    "emergency: yes\n"
    "thumbnail: 3f2a.png\n"
    "thumbnail_alt: 訓練の様子\n"
    "language: ja-easy\n"
    "status: in_review\n"
    "links:\n  - title: 避難所マップ\n    url: https://example.jp/map\n"
    "attachments:\n  - name: 案内.pdf\n    hash: abc\n    mime_type: application/pdf\n    size: 2048\n"
    "author: 山田 花子\n"
    "translation_group: 7d3c\n"
    "id: 99\n"
    "unknown_key: {ignored: true}\n"
    "---\n"
    "\n"
    "## 日時\n\n12月1日\n");
  TayoriAttachment *attachment;

  g_assert_cmpstr (tayori_article_get_title (article), ==, "防災訓練のお知らせ");
  g_assert_cmpstr (tayori_article_get_category (article), ==, "防災・安全/避難所");
  g_assert_cmpstrv (tayori_article_get_categories (article),
                    ((const char *[]) { "イベント・講座", "まちづくり/地域活動", NULL }));
  g_assert_cmpstrv (tayori_article_get_audiences (article), ((const char *[]) { "高齢者", "外国人", NULL }));
  g_assert_cmpstr (tayori_article_get_contact_email (article), ==, "bousai@example.jp");
  g_assert_cmpstr (tayori_article_get_contact_fax (article), ==, "06-0000-0001");
  g_assert_cmpstr (tayori_article_get_publish_start (article), ==, "2026-12-01T09:00:00+09:00");
  g_assert_cmpstr (tayori_article_get_publish_end (article), ==, "2026-12-31");
  g_assert_true (tayori_article_get_emergency (article));
  g_assert_cmpint (tayori_article_get_language (article), ==, TAYORI_LANGUAGE_JA_EASY);
  g_assert_cmpint (tayori_article_get_status (article), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);
  g_assert_cmpuint (tayori_article_get_links (article)->len, ==, 1);
  attachment = g_ptr_array_index (tayori_article_get_attachments (article), 0);
  g_assert_cmpstr (attachment->name, ==, "案内.pdf");
  g_assert_cmpuint (attachment->size, ==, 2048);
  g_assert_cmpstr (tayori_article_get_author (article), ==, "山田 花子");
  g_assert_cmpint (tayori_article_get_id (article), ==, 0);
  g_assert_cmpstr (tayori_article_get_body (article), ==, "## 日時\n\n12月1日\n");

  assert_round_trip (article);
}

static void
test_round_trip_tricky (void)
{
  static const char * const values[] = {
    "時間: 10:00〜12:00",
    "#ハッシュタグ で始まる",
    "途中に # と ' と \" がある",
    "'single' \"double\"",
    "1行目\n2行目\n\n4行目",
    "末尾に改行\n",
    "末尾に改行2つ\n\n",
    "  先頭に空白",
    "末尾に空白  ",
    "\n先頭が改行",
    "  インデント\n  された行",
    "行末空白 \n次の行",
    "タブ\tと制御\x01文字",
    "絵文字 🎉🏯 と 𠮷野家",
    "---",
    "...",
    "- リストみたい",
    "[配列] みたい",
    "{mapping: みたい}",
    "null", "~", "true", "no", "Yes", "123", "0x1F", "1e3", "-1.5", ".5",
    "2026-12-01",
    "@メンション",
    "`コード`",
    "*強調*",
    "&anchor",
    "!tag",
    "%percent",
    "a: b: c",
    "改行だけ\r\nCRLF",
    "\\ バックスラッシュ \\n",
    "全角　空白",
    "\xE2\x80\xA8行区切り",
    "長い" "テキスト長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト"
    "長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト長いテキスト",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(TayoriArticle) article = tayori_article_new ();
      const char *list[] = { values[i], "普通の項目", NULL };
      g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
      g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

      g_ptr_array_add (links, tayori_link_new (values[i], "https://example.jp/a?b=c#d"));
      g_ptr_array_add (attachments, tayori_attachment_new (values[i], "ff00", "text/csv", G_MAXUINT64));
      g_object_set (article,
                    "title", values[i],
                    "summary", values[i],
                    "category", values[i],
                    "categories", list,
                    "audiences", list,
                    "contact-address", values[i],
                    "thumbnail-alt", values[i],
                    "author", values[i],
                    "links", links,
                    "attachments", attachments,
                    "body", "本文\n\n---\n\n区切り線の後も本文",
                    NULL);
      assert_round_trip (article);
    }
}

static void
test_round_trip_empty (void)
{
  g_autoptr(TayoriArticle) empty = tayori_article_new ();
  g_autoptr(TayoriArticle) body_only = parse_ok ("本文だけ\n");
  g_autoptr(TayoriArticle) leading_blank = tayori_article_new ();
  g_autofree char *text = tayori_front_matter_serialize (empty);

  /* the file always opens with a front matter block, even for an empty article */
  g_assert_true (g_str_has_prefix (text, "---\n"));
  assert_round_trip (empty);

  g_assert_cmpstr (tayori_article_get_body (body_only), ==, "本文だけ\n");
  g_assert_cmpstr (tayori_article_get_title (body_only), ==, "");

  tayori_article_set_body (leading_blank, "\n\n空行で始まる本文");
  assert_round_trip (leading_blank);

  g_clear_object (&body_only);
  body_only = parse_ok ("---\n---\n本文");
  g_assert_cmpstr (tayori_article_get_body (body_only), ==, "本文");

  g_clear_object (&body_only);
  body_only = parse_ok ("---\ntitle:\naudiences: []\ncontact:\n---\n");
  g_assert_cmpstr (tayori_article_get_title (body_only), ==, "");
  g_assert_null (tayori_article_get_audiences (body_only)[0]);
}

static void
test_crlf_bom (void)
{
  g_autoptr(TayoriArticle) article = parse_ok (
    "\xEF\xBB\xBF---\r\ntitle: \"改行\\nあり\"\r\nsummary: |\r\n  一行目\r\n  二行目\r\n---\r\n\r\n本文1\r\n本文2\r\n");

  g_assert_cmpstr (tayori_article_get_title (article), ==, "改行\nあり");
  g_assert_cmpstr (tayori_article_get_summary (article), ==, "一行目\n二行目\n");
  g_assert_cmpstr (tayori_article_get_body (article), ==, "本文1\n本文2\n");
}

static void
assert_parse_error (const char *text,
                    gssize      length,
                    int         code,
                    const char *expected_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = tayori_front_matter_parse (text, length, "/tmp/お知らせ.md", &error);

  g_assert_null (article);
  g_assert_error (error, TAYORI_FRONT_MATTER_ERROR, code);
  if (!g_str_has_prefix (error->message, expected_start))
    g_error ("expected message starting with “%s”, got “%s”", expected_start, error->message);
}

static void
test_syntax_errors (void)
{
  /* the flow sequence opened on line 4 is found unterminated on line 5 */
  assert_parse_error ("---\ntitle: ok\nsummary: ok\naudiences: [a, b\nward: 北区\n---\n本文\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_SYNTAX, "/tmp/お知らせ.md:5: ");
  /* a mapping value where it is not allowed, on line 3 */
  assert_parse_error ("---\ntitle: ok\nsummary: a: b\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_SYNTAX, "/tmp/お知らせ.md:3: ");
  /* bad indentation on line 6, after CRLF and a BOM which do not shift lines */
  assert_parse_error ("\xEF\xBB\xBF---\r\ntitle: a\r\ncontact:\r\n  phone: 1\r\n  fax: 2\r\n email: x\r\n---\r\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_SYNTAX, "/tmp/お知らせ.md:6: ");
  assert_parse_error ("---\ntitle: 閉じ忘れ\n\n本文\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_SYNTAX, "/tmp/お知らせ.md:1: ");
}

static void
test_wrong_types (void)
{
  assert_parse_error ("---\ntitle: ok\nemergency: maybe\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:3: ");
  assert_parse_error ("---\ntitle:\n  - a\n  - b\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:3: ");
  assert_parse_error ("---\n\n\nstatus: done\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:4: ");
  assert_parse_error ("---\nlanguage: fr\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:2: ");
  assert_parse_error ("---\naudiences:\n  - a\n  - {b: c}\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:4: ");
  assert_parse_error ("---\ncontact: 06-0000-0000\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:2: ");
  assert_parse_error ("---\npublish_start: 2023-02-30\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:2: ");
  assert_parse_error ("---\npublish_end: 2023.2.3\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:2: ");
  assert_parse_error ("---\nattachments:\n  - name: a.pdf\n    size: big\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:4: ");
  assert_parse_error ("---\n- just\n- a list\n---\n", -1,
                      TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, "/tmp/お知らせ.md:2: ");
}

static void
test_wrong_type_names_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article =
    tayori_front_matter_parse ("---\nemergency: maybe\n---\n", -1, "a.md", &error);

  g_assert_null (article);
  g_assert_nonnull (strstr (error->message, "emergency"));
}

static void
test_not_utf8 (void)
{
  /* "お知らせ" in Shift_JIS */
  static const char sjis[] = "---\ntitle: \x82\xA8\x92\x6D\x82\xE7\x82\xB9\n---\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriArticle) article = tayori_front_matter_parse (sjis, -1, "sjis.md", &error);

  g_assert_null (article);
  g_assert_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_NOT_UTF8);
  g_assert_nonnull (strstr (error->message, "sjis.md"));

  /* an embedded NUL inside the given length is not text either */
  g_clear_error (&error);
  article = tayori_front_matter_parse ("---\ntitle: a\0b\n---\n", 19, "nul.md", &error);
  g_assert_null (article);
  g_assert_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_NOT_UTF8);
}

static void
test_sample_article (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (tayori_core_get_resource (),
                                                    "/io/github/tayori/Tayori/core/sample-article.md",
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bytes);
  article = tayori_front_matter_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "sample-article.md", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_article_get_ward (article), ==, "北区");
  g_assert_nonnull (tayori_article_get_contact_phone (article));
  g_assert_cmpint (g_utf8_strlen (tayori_article_get_summary (article), -1), <=, 120);
  g_assert_true (g_str_has_prefix (tayori_article_get_body (article), "これは"));
  g_assert_nonnull (strstr (tayori_article_get_body (article), "| --- |"));
  assert_round_trip (article);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/front-matter/parse-fields", test_parse_fields);
  g_test_add_func ("/tayori/model/front-matter/round-trip-tricky", test_round_trip_tricky);
  g_test_add_func ("/tayori/model/front-matter/round-trip-empty", test_round_trip_empty);
  g_test_add_func ("/tayori/model/front-matter/crlf-bom", test_crlf_bom);
  g_test_add_func ("/tayori/model/front-matter/syntax-errors", test_syntax_errors);
  g_test_add_func ("/tayori/model/front-matter/wrong-types", test_wrong_types);
  g_test_add_func ("/tayori/model/front-matter/wrong-type-names-key", test_wrong_type_names_key);
  g_test_add_func ("/tayori/model/front-matter/not-utf8", test_not_utf8);
  g_test_add_func ("/tayori/model/front-matter/sample-article", test_sample_article);

  return g_test_run ();
}
