/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The document structure rules: headings, tables, blank-line layout and emphasis, on
 * Markdown articles and HTML files. */
#include <string.h>

#include "structure-test-util.h"

static TayoriChecker *
structure (void)
{
  static TayoriChecker *checker;

  if (checker == NULL)
    checker = tayori_check_structure_new ();
  return checker;
}

static const char table_rows[] =
  "| 区分 | 料金 |\n"
  "| --- | --- |\n"
  "| 1日 | 150円 |\n"
  "| 1か月 | 2,000円 |\n";

static void
test_heading_skip (void)
{
  g_autoptr(CheckResult) result = check_markdown (structure (),
    "## 利用の方法\n\n本文です。\n\n#### 料金\n\n本文です。\n\n### 住之江区の窓口\n");
  TayoriFinding *finding = only_finding (result, "heading-skip");

  assert_finding (result, finding, TAYORI_SEVERITY_WARNING, "#### 料金", NULL);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "見出し「料金」で、レベルが h2 から h4 に飛んでいます");
  g_assert_cmpuint (result->findings->len, ==, 1);
}

static void
test_heading_first_level (void)
{
  g_autoptr(CheckResult) result = check_markdown (structure (), "### 受付期間\n\n本文です。\n");
  TayoriFinding *finding = only_finding (result, "heading-skip");

  /* The title is h1, so the body's first heading is h2 */
  assert_finding (result, finding, TAYORI_SEVERITY_WARNING, "### 受付期間", NULL);
  g_assert_cmpstr (tayori_finding_get_message_en (finding), ==,
                   "The heading “受付期間” jumps from level 1 to level 3");
}

static void
test_heading_h1_and_empty (void)
{
  g_autoptr(CheckResult) result = check_markdown (structure (),
    "# 令和9年度の保育所入所案内\n\n本文です。\n\n##\n\n## 受付期間\n\n### 受付時間\n\n## お問い合わせ\n");

  assert_finding (result, only_finding (result, "heading-h1-in-body"), TAYORI_SEVERITY_ERROR,
                  "# 令和9年度の保育所入所案内", NULL);
  assert_finding (result, only_finding (result, "heading-empty"), TAYORI_SEVERITY_ERROR, "##", NULL);
  g_assert_cmpuint (result->findings->len, ==, 2);
}

static void
test_heading_html (void)
{
  g_autoptr(CheckResult) page = check_html (structure (),
    "<html><head><title>お知らせ</title></head><body>\n"
    "<h1>防災訓練のお知らせ</h1>\n<h2>日時</h2>\n<h4>雨天の場合</h4>\n<h1>二つ目の大見出し</h1>\n"
    "</body></html>\n");
  TayoriFinding *skip = only_finding (page, "heading-skip");

  assert_finding (page, skip, TAYORI_SEVERITY_WARNING, "<h4>雨天の場合</h4>", NULL);
  g_assert_cmpstr (tayori_finding_get_selector (skip), ==, "h4:nth-of-type(1)");
  assert_finding (page, only_finding (page, "heading-h1-in-body"), TAYORI_SEVERITY_ERROR,
                  "<h1>二つ目の大見出し</h1>", NULL);
}

static void
test_table_caption_markdown (void)
{
  g_autofree char *after_heading = g_strconcat ("## 料金\n\n", table_rows, NULL);
  g_autofree char *after_line = g_strconcat ("本文です。\n\n**表1 駐輪場の料金**\n\n", table_rows, NULL);
  g_autofree char *after_sentence = g_strconcat ("料金は次のとおりです。\n\n", table_rows, NULL);
  g_autofree char *labelled = g_strconcat ("Table: Opening hours of the Kita Ward Office, by day\n\n", table_rows, NULL);
  g_autoptr(CheckResult) label = check_markdown (structure (), labelled);
  g_autoptr(CheckResult) heading = check_markdown (structure (), after_heading);
  g_autoptr(CheckResult) line = check_markdown (structure (), after_line);
  g_autoptr(CheckResult) sentence = check_markdown (structure (), after_sentence);
  g_autoptr(CheckResult) first = check_markdown (structure (), table_rows);
  g_autofree char *rows = g_strndup (table_rows, strlen (table_rows) - 1);
  TayoriFinding *finding;

  g_assert_cmpuint (heading->findings->len, ==, 0);
  g_assert_cmpuint (line->findings->len, ==, 0);
  g_assert_cmpuint (label->findings->len, ==, 0);
  finding = only_finding (sentence, "table-caption");
  assert_finding (sentence, finding, TAYORI_SEVERITY_WARNING, rows, NULL);
  g_assert_cmpstr (tayori_finding_get_selector (finding), ==, "table:nth-of-type(1)");
  assert_finding (first, only_finding (first, "table-caption"), TAYORI_SEVERITY_WARNING, rows, NULL);
}

static void
test_table_header_markdown (void)
{
  g_autoptr(CheckResult) result = check_markdown (structure (),
    "## 料金\n\n|  |  |\n| --- | --- |\n| 1日 | 150円 |\n");

  assert_finding (result, only_finding (result, "table-header"), TAYORI_SEVERITY_ERROR,
                  "|  |  |\n| --- | --- |\n| 1日 | 150円 |", NULL);
  g_assert_cmpuint (result->findings->len, ==, 1);
}

static void
test_table_html (void)
{
  g_autoptr(CheckResult) result = check_html (structure (),
    "<table><tr><td>区分</td><td>料金</td></tr><tr><td>1日</td><td>150円</td></tr></table>\n"
    "<table><caption>駐輪場の料金</caption><tr><th>区分</th><th>料金</th></tr>"
    "<tr><td>1日</td><td>150円</td></tr></table>\n"
    "<table role=\"presentation\"><tr><td>左</td><td>右</td></tr></table>\n"
    "<table aria-label=\"受付時間\"><tr><th scope=\"row\">平日</th><td>9時から</td></tr></table>\n");
  static const char first[] =
    "<table><tr><td>区分</td><td>料金</td></tr><tr><td>1日</td><td>150円</td></tr></table>";

  assert_finding (result, only_finding (result, "table-header"), TAYORI_SEVERITY_ERROR, first, NULL);
  assert_finding (result, only_finding (result, "table-caption"), TAYORI_SEVERITY_WARNING, first, NULL);
  g_assert_cmpuint (result->findings->len, ==, 2);
}

static void
test_layout_markdown (void)
{
  g_autoptr(CheckResult) spaces = check_markdown (structure (), "一つ目の段落です。\n\n　\n\n二つ目の段落です。\n");
  g_autoptr(CheckResult) nbsp = check_markdown (structure (), "一つ目の段落です。\n\n&nbsp;\n\n二つ目の段落です。\n");
  g_autoptr(CheckResult) breaks = check_markdown (structure (), "一行目です。<br><br><br>二行目です。\n");
  g_autoptr(CheckResult) lone = check_markdown (structure (), "一つ目の段落です。\n\n<br>\n\n二つ目の段落です。\n");
  TayoriFinding *finding = only_finding (spaces, "layout-blank-lines");
  g_autofree char *fixed = apply_fix (spaces, finding);

  assert_finding (spaces, finding, TAYORI_SEVERITY_WARNING, "　", "");
  g_assert_cmpstr (fixed, ==, "一つ目の段落です。\n\n\n\n二つ目の段落です。\n");
  assert_finding (nbsp, only_finding (nbsp, "layout-blank-lines"), TAYORI_SEVERITY_WARNING, "&nbsp;", "");
  assert_finding (breaks, only_finding (breaks, "layout-blank-lines"), TAYORI_SEVERITY_WARNING,
                  "<br><br><br>", "<br>");
  assert_finding (lone, only_finding (lone, "layout-blank-lines"), TAYORI_SEVERITY_WARNING, "<br>", "");
}

static void
test_layout_passes (void)
{
  static const char * const fine[] = {
    "一行目です。<br>二行目です。\n",
    "一行目です。  \n二行目です。\n",
    "```\n<br><br>\n```\n",
    "`<br><br>` と書くと二回改行します。\n",
    "　住之江区では、次のとおり実施します。\n",
    "![会場の地図](map.png)\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (structure (), fine[i]);

      g_test_message ("%s", fine[i]);
      g_assert_cmpuint (count_rule (result, "layout-blank-lines"), ==, 0);
    }
}

static void
test_layout_html (void)
{
  g_autoptr(CheckResult) result = check_html (structure (),
    "<p>一行目です。<br>\n<br>\n二行目です。</p>\n"
    "<p>&nbsp;</p>\n"
    "<p><br></p>\n"
    "<div><img src=\"map.png\" alt=\"地図\"></div>\n"
    "<p>三行目です。<br>四行目です。</p>\n");

  g_assert_cmpuint (count_rule (result, "layout-blank-lines"), ==, 3);
  assert_finding (result, nth_finding (result, "layout-blank-lines", 0), TAYORI_SEVERITY_WARNING,
                  "<p>&nbsp;</p>", "");
  assert_finding (result, nth_finding (result, "layout-blank-lines", 1), TAYORI_SEVERITY_WARNING,
                  "<p><br></p>", "");
  assert_finding (result, nth_finding (result, "layout-blank-lines", 2), TAYORI_SEVERITY_WARNING,
                  "<br>\n<br>", "<br>");
}

static void
test_emphasis (void)
{
  g_autoptr(CheckResult) many = check_markdown (structure (),
    "**申込期限**は**12月4日**です。**必要書類**を**必ず**確認してください。\n");
  g_autoptr(CheckResult) whole = check_markdown (structure (),
    "**この訓練は雨天でも実施しますので、雨具を用意して参加してください。**\n");
  g_autoptr(CheckResult) few = check_markdown (structure (),
    "**申込期限**は12月4日です。必要書類を**必ず**確認してください。\n\n**料金表**\n");
  TayoriFinding *finding = only_finding (many, "emphasis-overuse");

  assert_finding (many, finding, TAYORI_SEVERITY_NOTICE,
                  "**申込期限**は**12月4日**です。**必要書類**を**必ず**確認してください。", NULL);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "この段落では4か所、文字の51%が強調されています");
  finding = only_finding (whole, "emphasis-overuse");
  g_assert_cmpstr (tayori_finding_get_message_en (finding), ==,
                   "Emphasis in this paragraph: 1 parts, 100% of its text");
  g_assert_cmpuint (few->findings->len, ==, 0);
}

static void
test_disabled (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(CheckResult) result = NULL;

  tayori_article_set_body (article, "#### 料金\n\n　\n");
  result = check_article (structure (), article,
                          "[check:heading-skip]\nenabled=false\n[check:layout-blank-lines]\nenabled=false\n");
  g_assert_cmpuint (result->findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/structure/headings/skip", test_heading_skip);
  g_test_add_func ("/tayori/checks/structure/headings/first-level", test_heading_first_level);
  g_test_add_func ("/tayori/checks/structure/headings/h1-and-empty", test_heading_h1_and_empty);
  g_test_add_func ("/tayori/checks/structure/headings/html", test_heading_html);
  g_test_add_func ("/tayori/checks/structure/tables/caption-markdown", test_table_caption_markdown);
  g_test_add_func ("/tayori/checks/structure/tables/header-markdown", test_table_header_markdown);
  g_test_add_func ("/tayori/checks/structure/tables/html", test_table_html);
  g_test_add_func ("/tayori/checks/structure/layout/markdown", test_layout_markdown);
  g_test_add_func ("/tayori/checks/structure/layout/passes", test_layout_passes);
  g_test_add_func ("/tayori/checks/structure/layout/html", test_layout_html);
  g_test_add_func ("/tayori/checks/structure/emphasis", test_emphasis);
  g_test_add_func ("/tayori/checks/structure/disabled", test_disabled);

  return g_test_run ();
}
