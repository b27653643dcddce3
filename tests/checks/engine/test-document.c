/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckDocument: fields, the rendered element list with selectors and source ranges
 * (Markdown through data-sourcepos, HTML through tag offsets), and which bytes are prose. */
#include <string.h>

#include "tayori-check-document.h"

static const char markdown_body[] =
  "## お知らせ\n"
  "\n"
  "詳しくは[申請書のページ](https://example.jp/a)をご覧ください。`code` と https://www.city.osaka.lg.jp/ を見る。\n"
  "\n"
  "![地図の画像](map.png)\n"
  "\n"
  "- 項目一\n"
  "- 項目二\n";

static TayoriCheckDocument *
markdown_document (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);

  g_ptr_array_add (links, tayori_link_new ("申請書", "https://example.jp/form"));
  g_ptr_array_add (links, tayori_link_new ("", "https://example.jp/none"));
  g_ptr_array_add (links, tayori_link_new ("地図", "https://example.jp/map"));
  tayori_article_set_title (article, "お知らせの題名");
  tayori_article_set_body (article, markdown_body);
  tayori_article_set_contact_phone (article, "06-0000-0000");
  tayori_article_set_links (article, links);
  return tayori_check_document_new_for_article (article);
}

/* The source text of element @index */
static char *
element_source (TayoriCheckDocument *document,
                guint                index)
{
  const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
  const char *body = tayori_check_document_get_text (document, "body");

  return g_strndup (body + element->source_start, element->source_end - element->source_start);
}

static int
find_element (TayoriCheckDocument *document,
              const char          *selector)
{
  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    if (strcmp (tayori_check_document_get_element (document, i)->selector, selector) == 0)
      return i;
  return -1;
}

static void
assert_source (TayoriCheckDocument *document,
               const char          *selector,
               const char          *expected)
{
  int index = find_element (document, selector);
  g_autofree char *source = NULL;

  g_assert_cmpint (index, >=, 0);
  source = element_source (document, index);
  g_assert_cmpstr (source, ==, expected);
}

/* Whether the first occurrence of @text in the body is prose */
static gboolean
prose_at (TayoriCheckDocument *document,
          const char          *text)
{
  const char *body = tayori_check_document_get_text (document, "body");
  const char *found = strstr (body, text);

  g_assert_nonnull (found);
  return tayori_check_document_is_prose (document, "body", found - body, found - body + strlen (text));
}

static void
test_markdown_fields (void)
{
  g_autoptr(TayoriCheckDocument) document = markdown_document ();
  const char * const *fields = tayori_check_document_get_fields (document);
  const char * const expected[] = { "title", "body", "contact-phone", "link-title:0", "link-title:2", NULL };

  g_assert_cmpint (tayori_check_document_get_kind (document), ==, TAYORI_CHECK_SOURCE_MARKDOWN);
  g_assert_true (g_strv_equal (fields, expected));
  g_assert_cmpstr (tayori_check_document_get_text (document, "title"), ==, "お知らせの題名");
  g_assert_cmpstr (tayori_check_document_get_text (document, "link-title:2"), ==, "地図");
  g_assert_cmpstr (tayori_check_document_get_text (document, "summary"), ==, "");
  g_assert_cmpstr (tayori_check_document_get_text (document, "publish-end"), ==, "");
  g_assert_cmpstr (tayori_article_get_body (tayori_check_document_get_article (document)), ==, markdown_body);
  g_assert_nonnull (strstr (tayori_check_document_get_body_html (document), "data-sourcepos"));
  /* other fields are prose throughout */
  g_assert_true (tayori_check_document_is_prose (document, "title", 0, 6));
}

static void
test_deep_copy (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;

  tayori_article_set_body (article, "元の本文");
  document = tayori_check_document_new_for_article (article);
  tayori_article_set_body (article, "変えた本文");
  g_assert_cmpstr (tayori_check_document_get_text (document, "body"), ==, "元の本文");
  g_assert_true (tayori_check_document_get_article (document) != article);
}

static void
test_markdown_elements (void)
{
  g_autoptr(TayoriCheckDocument) document = markdown_document ();
  const TayoriCheckElement *link, *paragraph;
  int link_index, paragraph_index, item;

  g_assert_cmpuint (tayori_check_document_get_n_elements (document), ==, 10);
  g_assert_cmpstr (tayori_check_document_get_element (document, 0)->tag, ==, "h2");
  g_assert_cmpstr (tayori_check_document_get_element (document, 0)->text, ==, "お知らせ");

  paragraph_index = find_element (document, "p:nth-of-type(1)");
  link_index = find_element (document, "p:nth-of-type(1) > a:nth-of-type(1)");
  g_assert_cmpint (paragraph_index, ==, 1);
  g_assert_cmpint (link_index, ==, 2);
  paragraph = tayori_check_document_get_element (document, paragraph_index);
  link = tayori_check_document_get_element (document, link_index);
  g_assert_cmpint (link->parent, ==, paragraph_index);
  g_assert_cmpuint (link->depth, ==, 1);
  g_assert_cmpstr (link->text, ==, "申請書のページ");
  g_assert_cmpstr (tayori_check_element_get_attribute (link, "href"), ==, "https://example.jp/a");
  g_assert_null (tayori_check_element_get_attribute (link, "title"));
  g_assert_true (g_str_has_prefix (paragraph->text, "詳しくは申請書のページをご覧ください。code と"));
  g_assert_true (tayori_check_document_is_ancestor (document, paragraph_index, link_index));
  g_assert_false (tayori_check_document_is_ancestor (document, link_index, paragraph_index));

  /* blocks: their data-sourcepos; inline links and images: their own Markdown */
  assert_source (document, "h2:nth-of-type(1)", "## お知らせ");
  assert_source (document, "p:nth-of-type(1) > a:nth-of-type(1)", "[申請書のページ](https://example.jp/a)");
  assert_source (document, "p:nth-of-type(1) > code:nth-of-type(1)", "`code`");
  assert_source (document, "p:nth-of-type(1) > a:nth-of-type(2)", "https://www.city.osaka.lg.jp/");
  assert_source (document, "p:nth-of-type(2) > img:nth-of-type(1)", "![地図の画像](map.png)");
  assert_source (document, "ul:nth-of-type(1) > li:nth-of-type(2)", "- 項目二");
  item = find_element (document, "ul:nth-of-type(1) > li:nth-of-type(1)");
  g_assert_cmpstr (tayori_check_document_get_element (document, item)->text, ==, "項目一");
}

static void
test_sourcepos (void)
{
  g_autoptr(TayoriCheckDocument) document = markdown_document ();
  gsize start = 0, end = 0;

  /* 1-based lines and byte columns, end column inclusive */
  g_assert_true (tayori_check_document_sourcepos_to_range (document, "1:1-1:15", &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 15);
  g_assert_true (tayori_check_document_sourcepos_to_range (document, "7:3-7:11", &start, &end));
  g_assert_cmpuint (end - start, ==, 9);
  g_assert_true (strncmp (markdown_body + start, "項目一", end - start) == 0);
  g_assert_false (tayori_check_document_sourcepos_to_range (document, "99:1-99:2", &start, &end));
  g_assert_false (tayori_check_document_sourcepos_to_range (document, "1:1", &start, &end));
  g_assert_false (tayori_check_document_sourcepos_to_range (document, "a:b-c:d", &start, &end));
}

static void
test_markdown_prose (void)
{
  g_autoptr(TayoriCheckDocument) document = markdown_document ();

  g_assert_true (prose_at (document, "お知らせ"));
  g_assert_false (prose_at (document, "## "));
  g_assert_true (prose_at (document, "詳しくは"));
  g_assert_true (prose_at (document, "申請書のページ"));
  g_assert_false (prose_at (document, "[申請書"));
  g_assert_false (prose_at (document, "https://example.jp/a"));
  g_assert_false (prose_at (document, "code"));
  g_assert_false (prose_at (document, "https://www.city.osaka.lg.jp/"));
  g_assert_true (prose_at (document, "を見る。"));
  g_assert_true (prose_at (document, "地図の画像"));
  g_assert_false (prose_at (document, "map.png"));
  g_assert_false (prose_at (document, "- 項目一"));
  g_assert_true (prose_at (document, "項目一"));
}

static void
test_markdown_prose_more (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;

  tayori_article_set_body (article,
                           "> 引用の**強調**です\n"
                           "\n"
                           "```\n"
                           "ｺｰﾄﾞ①\n"
                           "```\n"
                           "\n"
                           "    字下げのコード\n"
                           "\n"
                           "1. 連絡先 soumu@example.jp まで<br>\n"
                           "\n"
                           "<!-- 注釈 -->\n"
                           "<style>p { color: red }</style>\n"
                           "[参考][ref]を見る\n"
                           "\n"
                           "[ref]: https://example.jp/ref\n"
                           "\n"
                           "| 区 | 会場 |\n"
                           "|---|:---:|\n"
                           "| 此花区 | 区民ホール |\n");
  document = tayori_check_document_new_for_article (article);

  g_assert_false (prose_at (document, "> "));
  g_assert_true (prose_at (document, "引用の"));
  g_assert_false (prose_at (document, "**"));
  g_assert_false (prose_at (document, "ｺｰﾄﾞ①"));
  g_assert_false (prose_at (document, "字下げのコード"));
  g_assert_false (prose_at (document, "1. "));
  g_assert_true (prose_at (document, "連絡先"));
  g_assert_false (prose_at (document, "soumu@example.jp"));
  g_assert_false (prose_at (document, "<br>"));
  g_assert_false (prose_at (document, "注釈"));
  g_assert_false (prose_at (document, "color: red"));
  g_assert_true (prose_at (document, "参考"));
  g_assert_false (prose_at (document, "[ref]を"));
  g_assert_false (prose_at (document, "https://example.jp/ref"));
  g_assert_false (prose_at (document, "|---|:---:|"));
  g_assert_true (prose_at (document, "此花区"));
  g_assert_false (prose_at (document, "| 此花区"));
}

static const char fragment[] =
  "<p>本文<a href=\"x.pdf\">申請書</a></p>\n"
  "<ul><li>一<li>二</ul>\n"
  "<p>開いたまま<img src=\"a.png\" alt=\"地図\">\n"
  "<div>次</div>";

static void
test_html_fragment (void)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (fragment, -1);
  int img;

  g_assert_cmpint (tayori_check_document_get_kind (document), ==, TAYORI_CHECK_SOURCE_HTML);
  g_assert_cmpstr (tayori_check_document_get_text (document, "body"), ==, fragment);
  g_assert_cmpstr (tayori_check_document_get_body_html (document), ==, fragment);
  g_assert_cmpuint (tayori_check_document_get_n_elements (document), ==, 8);

  assert_source (document, "p:nth-of-type(1)", "<p>本文<a href=\"x.pdf\">申請書</a></p>");
  assert_source (document, "p:nth-of-type(1) > a:nth-of-type(1)", "<a href=\"x.pdf\">申請書</a>");
  /* implied end tags: li before li, p before a block */
  assert_source (document, "ul:nth-of-type(1) > li:nth-of-type(1)", "<li>一");
  assert_source (document, "ul:nth-of-type(1) > li:nth-of-type(2)", "<li>二");
  assert_source (document, "p:nth-of-type(2)", "<p>開いたまま<img src=\"a.png\" alt=\"地図\">");
  assert_source (document, "p:nth-of-type(2) > img:nth-of-type(1)", "<img src=\"a.png\" alt=\"地図\">");
  assert_source (document, "div:nth-of-type(1)", "<div>次</div>");
  img = find_element (document, "p:nth-of-type(2) > img:nth-of-type(1)");
  g_assert_cmpstr (tayori_check_element_get_attribute (tayori_check_document_get_element (document, img), "alt"),
                   ==, "地図");

  g_assert_true (prose_at (document, "本文"));
  g_assert_true (prose_at (document, "申請書"));
  g_assert_false (prose_at (document, "<a href"));
  g_assert_false (prose_at (document, "x.pdf"));
  /* a fragment without h1 or title has no title field */
  g_assert_cmpstr (tayori_check_document_get_fields (document)[0], ==, "body");
}

static void
test_html_implied_table_parts (void)
{
  g_autoptr(TayoriCheckDocument) document =
    tayori_check_document_new_for_html ("<table><caption>日程</caption><tr><th>区<td>此花区</table>", -1);

  /* the DOM's tbody, so selectors match what the preview (and axe) see */
  g_assert_cmpuint (tayori_check_document_get_n_elements (document), ==, 6);
  assert_source (document, "table:nth-of-type(1) > caption:nth-of-type(1)", "<caption>日程</caption>");
  assert_source (document, "table:nth-of-type(1) > tbody:nth-of-type(1)", "<tr><th>区<td>此花区");
  assert_source (document, "table:nth-of-type(1) > tbody:nth-of-type(1) > tr:nth-of-type(1) > th:nth-of-type(1)",
                 "<th>区");
  assert_source (document, "table:nth-of-type(1) > tbody:nth-of-type(1) > tr:nth-of-type(1) > td:nth-of-type(1)",
                 "<td>此花区");
}

static const char page[] =
  "<!DOCTYPE html>\n"
  "<html lang=\"ja\"><head><title>ごみの出し方 &amp; 分別</title>\n"
  "<style>p { color: red }</style></head>\n"
  "<body>\n"
  "<h1>ごみの出し方</h1>\n"
  "<p>燃えるごみは月曜日です。</p>\n"
  "<script>var p = \"<p>ではない\";</script>\n"
  "</body></html>\n";

static void
test_html_page (void)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (page, -1);

  g_assert_cmpstr (tayori_check_document_get_text (document, "title"), ==, "ごみの出し方 & 分別");
  g_assert_cmpstr (tayori_check_document_get_fields (document)[0], ==, "title");
  /* head, html and body are not elements: selectors start below <body> */
  g_assert_cmpuint (tayori_check_document_get_n_elements (document), ==, 3);
  assert_source (document, "h1:nth-of-type(1)", "<h1>ごみの出し方</h1>");
  assert_source (document, "p:nth-of-type(1)", "<p>燃えるごみは月曜日です。</p>");
  assert_source (document, "script:nth-of-type(1)", "<script>var p = \"<p>ではない\";</script>");
  g_assert_cmpstr (tayori_check_document_get_element (document, 1)->text, ==, "燃えるごみは月曜日です。");

  g_assert_true (prose_at (document, "燃えるごみは"));
  g_assert_false (prose_at (document, "color: red"));
  g_assert_false (prose_at (document, "ではない"));
  g_assert_false (prose_at (document, "<p>燃える"));
}

static void
test_html_title_from_h1 (void)
{
  g_autoptr(TayoriCheckDocument) document =
    tayori_check_document_new_for_html ("<h1> 防災訓練のお知らせ </h1><p>本文</p>", -1);

  g_assert_cmpstr (tayori_check_document_get_text (document, "title"), ==, "防災訓練のお知らせ");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/engine/document/markdown-fields", test_markdown_fields);
  g_test_add_func ("/tayori/checks/engine/document/deep-copy", test_deep_copy);
  g_test_add_func ("/tayori/checks/engine/document/markdown-elements", test_markdown_elements);
  g_test_add_func ("/tayori/checks/engine/document/sourcepos", test_sourcepos);
  g_test_add_func ("/tayori/checks/engine/document/markdown-prose", test_markdown_prose);
  g_test_add_func ("/tayori/checks/engine/document/markdown-prose-more", test_markdown_prose_more);
  g_test_add_func ("/tayori/checks/engine/document/html-fragment", test_html_fragment);
  g_test_add_func ("/tayori/checks/engine/document/html-implied-table-parts", test_html_implied_table_parts);
  g_test_add_func ("/tayori/checks/engine/document/html-page", test_html_page);
  g_test_add_func ("/tayori/checks/engine/document/html-title-from-h1", test_html_title_from_h1);
  return g_test_run ();
}
