/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text the formatting toolbar writes and the publish-time parsing, without a display. */
#include <gio/gio.h>

#include "tayori-markdown-format.h"
#include "tayori-publish-time.h"

static void
test_markers (void)
{
  g_autofree char *h2 = tayori_markdown_marker (TAYORI_MARKDOWN_HEADING, 2);
  g_autofree char *h9 = tayori_markdown_marker (TAYORI_MARKDOWN_HEADING, 9);
  g_autofree char *third = tayori_markdown_marker (TAYORI_MARKDOWN_NUMBERED, 2);
  g_autofree char *bullet = tayori_markdown_marker (TAYORI_MARKDOWN_BULLET, 0);
  g_autofree char *quote = tayori_markdown_marker (TAYORI_MARKDOWN_QUOTE, 0);

  g_assert_cmpstr (h2, ==, "## ");
  g_assert_cmpstr (h9, ==, "###### ");
  g_assert_cmpstr (third, ==, "3. ");
  g_assert_cmpstr (bullet, ==, "- ");
  g_assert_cmpstr (quote, ==, "> ");

  g_assert_cmpuint (tayori_markdown_marker_length ("### 見出し", TAYORI_MARKDOWN_HEADING), ==, 4);
  g_assert_cmpuint (tayori_markdown_marker_length ("#見出し", TAYORI_MARKDOWN_HEADING), ==, 0);
  g_assert_cmpuint (tayori_markdown_marker_length ("12. 項目", TAYORI_MARKDOWN_NUMBERED), ==, 4);
  g_assert_cmpuint (tayori_markdown_marker_length ("12 項目", TAYORI_MARKDOWN_NUMBERED), ==, 0);
  g_assert_cmpuint (tayori_markdown_marker_length ("* 項目", TAYORI_MARKDOWN_BULLET), ==, 2);
  g_assert_cmpuint (tayori_markdown_marker_length ("-項目", TAYORI_MARKDOWN_BULLET), ==, 0);
  g_assert_cmpuint (tayori_markdown_marker_length ("> 引用", TAYORI_MARKDOWN_QUOTE), ==, 2);
  g_assert_cmpuint (tayori_markdown_marker_length ("", TAYORI_MARKDOWN_QUOTE), ==, 0);
}

static void
test_urls (void)
{
  const char *allowed[] = {
    "https://www.city.osaka.lg.jp/", "http://example.jp/a?b=c", "HTTPS://EXAMPLE.JP",
    "mailto:hoiku@city.example.jp", "tel:06-1234-5678", "tel:+81-6-1234-5678",
  };
  const char *refused[] = {
    "", "javascript:alert(1)", "data:text/html,<b>x</b>", "https://", "mailto:", "mailto:@x",
    "tel:", "tel:abc", "www.example.jp", "https://exa mple.jp", "file:///etc/passwd",
    "https://example.jp/\"onmouseover", "vbscript:x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    g_assert_true (tayori_markdown_url_is_allowed (allowed[i]));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_false (tayori_markdown_url_is_allowed (refused[i]));
}

static void
test_link_and_image (void)
{
  g_autofree char *plain = tayori_markdown_link ("申請書", "https://example.jp/a");
  g_autofree char *escaped = tayori_markdown_link ("[重要] 案内", "https://example.jp/a b(1)");
  g_autofree char *untitled = tayori_markdown_link ("", "tel:06-1234-5678");
  g_autofree char *image = tayori_markdown_image ("避難所の入口 [正面]", "ab12");

  g_assert_cmpstr (plain, ==, "[申請書](https://example.jp/a)");
  g_assert_cmpstr (escaped, ==, "[\\[重要\\] 案内](https://example.jp/a%20b%281%29)");
  g_assert_cmpstr (untitled, ==, "[tel:06-1234-5678](tel:06-1234-5678)");
  g_assert_cmpstr (image, ==, "![避難所の入口 \\[正面\\]](tayori-media:ab12)");
}

static void
test_alt_text (void)
{
  g_assert_false (tayori_markdown_alt_is_valid ("", "IMG_0012.JPG"));
  g_assert_false (tayori_markdown_alt_is_valid ("  \n", "IMG_0012.JPG"));
  g_assert_false (tayori_markdown_alt_is_valid ("IMG_0012.JPG", "IMG_0012.JPG"));
  g_assert_false (tayori_markdown_alt_is_valid ("img_0012", "IMG_0012.JPG"));
  g_assert_true (tayori_markdown_alt_is_valid ("北区役所の正面入口", "IMG_0012.JPG"));
  g_assert_true (tayori_markdown_alt_is_valid ("地図", NULL));
}

static void
test_table (void)
{
  g_autofree char *table = tayori_markdown_table ();
  g_auto(GStrv) lines = g_strsplit (table, "\n", -1);

  /* header, delimiter, two rows, and the final newline */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[1], ==, "| --- | --- |");
  g_assert_true (g_str_has_prefix (lines[0], "| "));
  g_assert_cmpstr (lines[4], ==, "");
}

static void
test_publish_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_time = NULL;
  g_autofree char *wide = NULL;
  g_autofree char *none = NULL;
  g_autofree char *bad = NULL;
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_assert_true (tayori_publish_time_parse ("2026-12-01", &date, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (date, ==, "2026-12-01");

  g_assert_true (tayori_publish_time_parse (" 2026/12/01  09:05 ", &date_time, &error));
  g_assert_no_error (error);
  moment = g_date_time_new_from_iso8601 (date_time, NULL);
  g_assert_nonnull (moment);
  local = g_date_time_to_local (moment);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 1);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 5);

  /* what a Japanese input method produces */
  g_assert_true (tayori_publish_time_parse ("２０２６－１２－０１　０９：０５", &wide, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wide, ==, date_time);

  g_assert_true (tayori_publish_time_parse ("", &none, &error));
  g_assert_null (none);

  g_assert_false (tayori_publish_time_parse ("2026-02-30", &bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_null (bad);
  g_clear_error (&error);
  g_assert_false (tayori_publish_time_parse ("2026-12-01 25:00", &bad, &error));
  g_clear_error (&error);
  g_assert_false (tayori_publish_time_parse ("来週", &bad, &error));
  g_assert_nonnull (error);
}

static void
test_publish_format (void)
{
  g_autofree char *parsed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *date = tayori_publish_time_format ("2027-03-31");
  g_autofree char *empty = tayori_publish_time_format (NULL);

  g_assert_cmpstr (date, ==, "2027-03-31");
  g_assert_cmpstr (empty, ==, "");
  g_assert_true (tayori_publish_time_parse ("2026-10-01 18:30", &parsed, NULL));
  shown = tayori_publish_time_format (parsed);
  g_assert_cmpstr (shown, ==, "2026-10-01 18:30");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/article/format/markers", test_markers);
  g_test_add_func ("/tayori/article/format/urls", test_urls);
  g_test_add_func ("/tayori/article/format/link-and-image", test_link_and_image);
  g_test_add_func ("/tayori/article/format/alt-text", test_alt_text);
  g_test_add_func ("/tayori/article/format/table", test_table);
  g_test_add_func ("/tayori/article/publish-time/parse", test_publish_parse);
  g_test_add_func ("/tayori/article/publish-time/format", test_publish_format);
  return g_test_run ();
}
