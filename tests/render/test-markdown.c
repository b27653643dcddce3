/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown rendering: headings, GFM tables with th, strikethrough and autolinks, source
 * positions on every block (the preview scrolls by them), Japanese text, and raw HTML and
 * unsafe links going through the sanitiser. */
#include <string.h>
#include <glib.h>

#include "tayori-html.h"
#include "tayori-markdown.h"

static void
assert_contains (const char *html,
                 const char *needle)
{
  if (strstr (html, needle) == NULL)
    g_error ("expected %s\n  in: %s", needle, html);
}

static void
test_headings (void)
{
  g_autofree char *html = tayori_markdown_render_body ("# 大見出し\n\n## 中見出し\n\n### 小見出し\n", -1);

  assert_contains (html, "<h1 data-sourcepos=\"1:1-1:14\">大見出し</h1>");
  assert_contains (html, "<h2 data-sourcepos=\"3:1-3:15\">中見出し</h2>");
  assert_contains (html, "<h3 data-sourcepos=\"5:1-5:16\">小見出し</h3>");
}

static void
test_tables (void)
{
  static const char markdown[] =
    "| 窓口 | 受付時間 | 手数料 |\n"
    "|:-----|:-------:|------:|\n"
    "| 区役所 | 9時〜17時 | 300円 |\n";
  g_autofree char *html = tayori_markdown_render_body (markdown, -1);

  assert_contains (html, "<table data-sourcepos=\"1:1-3:");
  assert_contains (html, "<thead>");
  assert_contains (html, "<tbody>");
  assert_contains (html, "<th class=\"align-left\" data-sourcepos=\"1:2-1:");
  assert_contains (html, ">窓口</th>");
  assert_contains (html, "<th class=\"align-center\"");
  assert_contains (html, "<th class=\"align-right\"");
  assert_contains (html, ">9時〜17時</td>");
  g_assert_null (strstr (html, "align=\""));
}

/* Every block element carries data-sourcepos; inline ones never do. */
static void
test_sourcepos (void)
{
  static const char markdown[] =
    "# 題\n\n段落の*強調*と`コード`。\n\n- 項目1\n- 項目2\n\n1. 手順\n\n> 引用\n\n"
    "```\n整形済み\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
  static const char * const blocks[] = {
    "h1", "p", "ul", "ol", "li", "blockquote", "pre", "hr", "table", "tr", "th", "td", NULL
  };
  g_autofree char *html = tayori_markdown_render_body (markdown, -1);
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);
  const TayoriHtmlToken *token;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      const char *sourcepos;

      if (token->type != TAYORI_HTML_TOKEN_START_TAG)
        continue;
      sourcepos = tayori_html_token_get_attribute (token, "data-sourcepos");
      if (g_strv_contains (blocks, token->name))
        {
          g_assert_nonnull (sourcepos);
          g_assert_true (g_regex_match_simple ("^\\d+:\\d+-\\d+:\\d+$", sourcepos, 0, 0));
          g_hash_table_add (seen, g_strdup (token->name));
        }
      else
        {
          g_assert_null (sourcepos);
        }
    }
  for (guint i = 0; blocks[i] != NULL; i++)
    if (!g_hash_table_contains (seen, blocks[i]))
      g_error ("no <%s> in %s", blocks[i], html);
}

static void
test_japanese (void)
{
  static const char markdown[] =
    "令和8年度の**住民税**の申告は、３月１５日までに~~郵送~~窓口で行ってください。\n"
    "詳しくは https://www.city.example.jp/zei/ をご覧ください。\n\n"
    "* 必要なもの：本人確認書類\n";
  g_autofree char *html = tayori_markdown_render_body (markdown, -1);

  assert_contains (html, "令和8年度の<strong>住民税</strong>の申告は、３月１５日までに<del>郵送</del>窓口で");
  assert_contains (html, "<a href=\"https://www.city.example.jp/zei/\" rel=\"noopener noreferrer\">"
                         "https://www.city.example.jp/zei/</a>");
  assert_contains (html, "<li data-sourcepos=\"4:1-4:");
  assert_contains (html, ">必要なもの：本人確認書類</li>");
  g_assert_true (g_utf8_validate (html, -1, NULL));
}

static void
test_links_and_images (void)
{
  static const char markdown[] =
    "[申請書](/shinsei/form.html \"申請\") [メール](mailto:a@example.jp) [危険](javascript:alert(1))\n\n"
    "![地図](tayori-media:0123abcd) ![埋め込み](data:image/png;base64,AAAA)\n";
  g_autofree char *html = tayori_markdown_render_body (markdown, -1);

  assert_contains (html, "<a href=\"/shinsei/form.html\" title=\"申請\">申請書</a>");
  assert_contains (html, "<a href=\"mailto:a@example.jp\">メール</a>");
  assert_contains (html, "<a>危険</a>");
  assert_contains (html, "<img src=\"tayori-media:0123abcd\" alt=\"地図\">");
  assert_contains (html, "<img alt=\"埋め込み\">");
}

static void
test_raw_html (void)
{
  static const char markdown[] =
    "<div onclick=\"x()\" style=\"color:red\">\n\n本文 <ruby>漢字<rt>かんじ</rt></ruby>\n\n</div>\n\n"
    "<script>alert(1)</script>\n\n`<b>コード</b>`\n";
  g_autofree char *html = tayori_markdown_render_body (markdown, -1);

  assert_contains (html, "<div>");
  assert_contains (html, "<ruby>漢字<rt>かんじ</rt></ruby>");
  assert_contains (html, "<code>&lt;b&gt;コード&lt;/b&gt;</code>");
  g_assert_null (strstr (html, "onclick"));
  g_assert_null (strstr (html, "style"));
  g_assert_null (strstr (html, "script"));
}

static void
test_bad_input (void)
{
  static const char with_nul[] = "前\0後\n";
  g_autofree char *from_nul = tayori_markdown_render_body (with_nul, sizeof with_nul - 1);
  g_autofree char *from_invalid = tayori_markdown_render_body ("正常 \xFF\xFE 終わり", -1);
  g_autofree char *empty = tayori_markdown_render_body ("", -1);

  g_assert_true (g_utf8_validate (from_nul, -1, NULL));
  assert_contains (from_nul, "前\xEF\xBF\xBD後");
  g_assert_true (g_utf8_validate (from_invalid, -1, NULL));
  assert_contains (from_invalid, "正常 ");
  g_assert_cmpstr (empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/render/markdown/headings", test_headings);
  g_test_add_func ("/tayori/render/markdown/tables", test_tables);
  g_test_add_func ("/tayori/render/markdown/sourcepos", test_sourcepos);
  g_test_add_func ("/tayori/render/markdown/japanese", test_japanese);
  g_test_add_func ("/tayori/render/markdown/links-and-images", test_links_and_images);
  g_test_add_func ("/tayori/render/markdown/raw-html", test_raw_html);
  g_test_add_func ("/tayori/render/markdown/bad-input", test_bad_input);

  return g_test_run ();
}
