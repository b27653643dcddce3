/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link rules: empty and vague link text, adjacent links to one place, new windows, file
 * links without format and size, phone numbers that are not tel: links. */
#include <string.h>

#include "structure-test-util.h"

static TayoriChecker *
links (void)
{
  static TayoriChecker *checker;

  if (checker == NULL)
    checker = tayori_check_links_new ();
  return checker;
}

static void
test_vague_kochira (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (),
    "料金の表は[こちら](https://example.jp/ryokin.html)をご覧ください。\n");
  TayoriFinding *finding = only_finding (result, "link-vague-text");

  assert_finding (result, finding, TAYORI_SEVERITY_WARNING,
                  "[こちら](https://example.jp/ryokin.html)", NULL);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "リンクの文字「こちら」だけでは、リンク先が分かりません");
  g_assert_nonnull (tayori_finding_get_selector (finding));
  g_assert_cmpstr (tayori_finding_get_wcag (finding)[0], ==, "2.4.4");
  g_assert_cmpstr (tayori_finding_get_act (finding)[0], ==, "5effbb");
}

static void
test_vague_variants (void)
{
  static const char * const vague[] = {
    "[詳しくはこちら](https://example.jp/)",
    "[詳細](https://example.jp/)",
    "[ここをクリックしてください](https://example.jp/)",
    "[こちらをご覧ください。](https://example.jp/)",
    "【[こちら](https://example.jp/)】",
    "[Click here](https://example.jp/)",
    "[地図](https://example.jp/map)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vague); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (links (), vague[i]);

      g_test_message ("%s", vague[i]);
      g_assert_cmpuint (count_rule (result, "link-vague-text"), ==, 1);
    }
}

static void
test_vague_passes (void)
{
  static const char * const clear[] = {
    "[詳しくは区役所の保育所一覧をご覧ください](https://www.city.osaka.lg.jp/)",
    "[住之江区役所](https://www.city.osaka.lg.jp/suminoe/)",
    "[此花区の避難所](https://www.city.osaka.lg.jp/konohana/)",
    "電話：[06-6208-8181](tel:0662088181)",
    "https://www.city.osaka.lg.jp/ をご覧ください。",
    "[![区役所への地図](map.png)](https://example.jp/map)",
    "`[こちら](https://example.jp/)` と書くとリンクになります。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (clear); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (links (), clear[i]);

      g_test_message ("%s", clear[i]);
      g_assert_cmpuint (count_rule (result, "link-vague-text"), ==, 0);
      g_assert_cmpuint (count_rule (result, "link-empty"), ==, 0);
    }
}

static void
test_vague_settings (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(CheckResult) shorter = NULL;
  g_autoptr(CheckResult) words = NULL;

  tayori_article_set_body (article, "[地図](https://example.jp/map) と [申込フォーム](https://example.jp/form)\n");
  shorter = check_article (links (), article, "[check:link-vague-text]\nmin-length=2\n");
  g_assert_cmpuint (count_rule (shorter, "link-vague-text"), ==, 0);
  words = check_article (links (), article, "[check:link-vague-text]\nwords=申込フォーム\nmin-length=1\n");
  assert_finding (words, only_finding (words, "link-vague-text"), TAYORI_SEVERITY_WARNING,
                  "[申込フォーム](https://example.jp/form)", NULL);
}

static void
test_vague_image_link (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (), "[![こちら](button.png)](https://example.jp/)\n");

  assert_finding (result, only_finding (result, "link-vague-text"), TAYORI_SEVERITY_WARNING,
                  "[![こちら](button.png)](https://example.jp/)", NULL);
}

static void
test_vague_html (void)
{
  g_autoptr(CheckResult) result = check_html (links (),
    "<p>詳細は<a href=\"/guide.html\">こちら</a>をご覧ください。</p>\n"
    "<p><a href=\"/list.html\">区内の保育所一覧</a></p>\n");
  TayoriFinding *finding = only_finding (result, "link-vague-text");

  assert_finding (result, finding, TAYORI_SEVERITY_WARNING, "<a href=\"/guide.html\">こちら</a>", NULL);
  g_assert_cmpstr (tayori_finding_get_selector (finding), ==, "p:nth-of-type(1) > a:nth-of-type(1)");
}

static void
test_empty (void)
{
  g_autoptr(CheckResult) markdown = check_markdown (links (), "地図：[](https://example.jp/map)\n");
  g_autoptr(CheckResult) html = check_html (links (),
    "<p><a href=\"/map\"><img src=\"map.png\" alt=\"\"></a></p>\n"
    "<p><a href=\"/top\" aria-label=\"区役所のトップページ\"><img src=\"logo.png\" alt=\"\"></a></p>\n"
    "<p><a name=\"anchor\"></a>目次</p>\n");
  TayoriFinding *finding = only_finding (markdown, "link-empty");

  assert_finding (markdown, finding, TAYORI_SEVERITY_ERROR, "[](https://example.jp/map)", NULL);
  g_assert_cmpstr (tayori_finding_get_act (finding)[0], ==, "c487ae");
  assert_finding (html, only_finding (html, "link-empty"), TAYORI_SEVERITY_ERROR,
                  "<a href=\"/map\"><img src=\"map.png\" alt=\"\"></a>", NULL);
}

static void
test_adjacent_markdown (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (),
    "[![地図](map.png)](https://example.jp/map) [区役所への地図](https://example.jp/map)\n\n"
    "[住之江区役所](https://example.jp/a)と[住之江区役所の窓口](https://example.jp/a)\n");
  TayoriFinding *finding = only_finding (result, "link-duplicate-adjacent");
  g_autofree char *fixed = NULL;

  assert_finding (result, finding, TAYORI_SEVERITY_NOTICE,
                  "[![地図](map.png)](https://example.jp/map) [区役所への地図](https://example.jp/map)",
                  "[![地図](map.png) 区役所への地図](https://example.jp/map)");
  fixed = apply_fix (result, finding);
  g_assert_true (g_str_has_prefix (fixed, "[![地図](map.png) 区役所への地図](https://example.jp/map)\n\n"));
}

static void
test_adjacent_html (void)
{
  g_autoptr(CheckResult) result = check_html (links (),
    "<p><a href=\"/m\"><img src=\"m.png\" alt=\"地図\"></a>\n<a href=\"/m\">区役所への地図</a></p>"
    "<p><a href=\"/a\">申込み</a><a href=\"/b\">問合せ先の一覧</a></p>");

  assert_finding (result, only_finding (result, "link-duplicate-adjacent"), TAYORI_SEVERITY_NOTICE,
                  "<a href=\"/m\"><img src=\"m.png\" alt=\"地図\"></a>\n<a href=\"/m\">区役所への地図</a>",
                  "<a href=\"/m\"><img src=\"m.png\" alt=\"地図\">\n区役所への地図</a>");
}

static void
test_new_window (void)
{
  g_autoptr(CheckResult) html = check_html (links (),
    "<p><a href=\"https://example.jp/\" target=\"_blank\">大阪市のホームページ</a></p>"
    "<p><a href=\"https://example.jp/a\" target=\"_blank\">大阪市の窓口（新しいウィンドウで開きます）</a></p>"
    "<p><a href=\"https://example.jp/b\" target=\"_blank\">国の制度</a>（外部サイト）</p>"
    "<p><a href=\"https://example.jp/c\" target=\"_blank\" title=\"別ウィンドウで開きます\">府の制度</a></p>"
    "<p><a href=\"https://example.jp/d\" target=\"_self\">市の制度の一覧</a></p>");
  g_autoptr(CheckResult) markdown = check_markdown (links (),
    "詳しくは<a href=\"https://example.jp/\" target=\"_blank\">大阪府のホームページ</a>をご覧ください。\n\n"
    "[区役所の案内](https://example.jp/guide)\n");
  TayoriFinding *finding = only_finding (html, "link-new-window");

  assert_finding (html, finding, TAYORI_SEVERITY_WARNING,
                  "<a href=\"https://example.jp/\" target=\"_blank\">大阪市のホームページ</a>", NULL);
  g_assert_cmpstr (tayori_finding_get_wcag (finding)[0], ==, "3.2.5");
  assert_finding (markdown, only_finding (markdown, "link-new-window"), TAYORI_SEVERITY_WARNING,
                  "<a href=\"https://example.jp/\" target=\"_blank\">大阪府のホームページ</a>", NULL);
}

static TayoriArticle *
article_with_attachment (const char *body,
                         const char *name,
                         const char *hash)
{
  TayoriArticle *article = tayori_article_new ();
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

  g_ptr_array_add (attachments, tayori_attachment_new (name, hash, "application/pdf", 125000));
  tayori_article_set_attachments (article, attachments);
  tayori_article_set_body (article, body);
  return article;
}

static void
test_file_without_attachment (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (),
    "- [保育施設等利用申込書](https://example.jp/files/moushikomi.pdf)\n"
    "- [記入例](https://example.jp/files/kinyurei.docx)\n");
  TayoriFinding *finding = nth_finding (result, "link-file-format", 0);

  g_assert_cmpuint (count_rule (result, "link-file-format"), ==, 2);
  assert_finding (result, finding, TAYORI_SEVERITY_WARNING,
                  "[保育施設等利用申込書](https://example.jp/files/moushikomi.pdf)", NULL);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "PDFファイルへのリンク「保育施設等利用申込書」に、ファイル形式とサイズが書かれていません");
  assert_finding (result, nth_finding (result, "link-file-format", 1), TAYORI_SEVERITY_WARNING,
                  "[記入例](https://example.jp/files/kinyurei.docx)", NULL);
}

static void
test_file_fix_from_attachment (void)
{
  static const char body[] = "申込書は[保育施設等利用申込書](files/申込書.pdf)をお使いください。\n";
  g_autoptr(TayoriArticle) article = article_with_attachment (body, "申込書.pdf", "0123");
  g_autoptr(CheckResult) result = check_article (links (), article, NULL);
  TayoriFinding *finding = only_finding (result, "link-file-format");
  g_autoptr(TayoriAttachment) attachment = tayori_attachment_new ("申込書.pdf", "0123", "application/pdf", 125000);
  g_autofree char *description = tayori_attachment_describe (attachment);
  g_autofree char *expected = g_strconcat ("[保育施設等利用申込書](files/申込書.pdf)（", description, "）", NULL);
  g_autofree char *fixed = NULL;

  g_assert_nonnull (strstr (description, "123KB"));
  assert_finding (result, finding, TAYORI_SEVERITY_WARNING, "[保育施設等利用申込書](files/申込書.pdf)", expected);
  fixed = apply_fix (result, finding);
  g_assert_true (g_str_has_suffix (fixed, "）をお使いください。\n"));
}

static void
test_file_fix_media_hash (void)
{
  static const char hash[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  g_autofree char *link = g_strdup_printf ("[申請書](tayori-media:%s)", hash);
  g_autofree char *body = g_strconcat (link, "\n", NULL);
  g_autoptr(TayoriArticle) article = article_with_attachment (body, "shinsei.pdf", hash);
  g_autoptr(CheckResult) result = check_article (links (), article, NULL);
  g_autoptr(TayoriAttachment) attachment = tayori_attachment_new ("shinsei.pdf", hash, "application/pdf", 125000);
  g_autofree char *description = tayori_attachment_describe (attachment);
  g_autofree char *expected = g_strconcat (link, "（", description, "）", NULL);

  /* The sanitiser drops tayori-media: links from the HTML; the Markdown still names the file */
  assert_finding (result, only_finding (result, "link-file-format"), TAYORI_SEVERITY_WARNING, link, expected);
}

static void
test_file_described (void)
{
  static const char * const described[] = {
    "[申請書（PDF形式：123KB）](https://example.jp/a.pdf)",
    "[申請書](https://example.jp/a.pdf)（PDF形式：123KB）",
    "[申請書](https://example.jp/a.pdf) (PDF 1.2MB)",
    "[申請書](https://example.jp/a.pdf)「PDF形式、10キロバイト」",
    "[申請書](https://example.jp/a.pdf)（ＰＤＦ形式：１２３ＫＢ）",
    "[実績表（Excel形式：24KB）](https://example.jp/a.xlsx)",
    "[区役所の案内ページ](https://example.jp/guide.html)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (described); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (links (), described[i]);

      g_test_message ("%s", described[i]);
      g_assert_cmpuint (count_rule (result, "link-file-format"), ==, 0);
    }
}

static void
test_file_html (void)
{
  g_autoptr(CheckResult) result = check_html (links (),
    "<ul><li><a href=\"/files/shinsei.docx\">交付申請書</a></li>"
    "<li><a href=\"/files/tebiki.pdf\">手引き</a>（PDF形式：403KB）</li></ul>");
  TayoriFinding *finding = only_finding (result, "link-file-format");

  assert_finding (result, finding, TAYORI_SEVERITY_WARNING, "<a href=\"/files/shinsei.docx\">交付申請書</a>", NULL);
  g_assert_nonnull (strstr (tayori_finding_get_message_en (finding), "DOCX"));
}

static void
test_phone (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (),
    "## お問い合わせ\n\n北区役所 保健福祉課\n\n電話：06-6208-8181\n");
  TayoriFinding *finding = only_finding (result, "link-phone-not-tel");
  g_autofree char *fixed = apply_fix (result, finding);

  assert_finding (result, finding, TAYORI_SEVERITY_NOTICE, "06-6208-8181", "[06-6208-8181](tel:0662088181)");
  g_assert_true (g_str_has_suffix (fixed, "電話：[06-6208-8181](tel:0662088181)\n"));
}

static void
test_phone_shapes (void)
{
  g_autoptr(CheckResult) result = check_markdown (links (),
    "フリーダイヤル 0120-123-456（平日のみ）、東京事務所 03(1234)5678、(06)6208-8181\n");

  g_assert_cmpuint (count_rule (result, "link-phone-not-tel"), ==, 3);
  assert_finding (result, nth_finding (result, "link-phone-not-tel", 1), TAYORI_SEVERITY_NOTICE,
                  "03(1234)5678", "[03(1234)5678](tel:0312345678)");
}

static void
test_phone_passes (void)
{
  static const char * const others[] = {
    "〒530-8201 大阪市北区中之島1-3-20",
    "FAX：06-1234-5678",
    "ＦＡＸ 06-1234-5678",
    "ファクス：06-1234-5678",
    "電話・FAX：06-1234-5678",
    "06-1234-5678（FAX）",
    "電話：[06-6208-8181](tel:0662088181)",
    "受付は2026-11-20から。整理番号 1206-1234-5678",
    "`06-6208-8181` はコードです",
    "郵便番号は530-8201です",
    "| 電話 | [06-6686-2034](tel:0666862034) |\n| --- | --- |\n| ファックス | 06-6686-2039 |\n",
    "<table><tr><th>FAX</th><td>06-6686-2039</td></tr></table>\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (links (), others[i]);

      g_test_message ("%s", others[i]);
      g_assert_cmpuint (count_rule (result, "link-phone-not-tel"), ==, 0);
    }
}

static void
test_phone_html (void)
{
  g_autoptr(CheckResult) html = check_html (links (), "<p>電話：06-6208-8181　FAX：06-6202-7073</p>");
  g_autoptr(CheckResult) block = check_markdown (links (),
    "<table>\n<tr><th>電話</th><td>06-6208-8181</td></tr>\n</table>\n");

  assert_finding (html, only_finding (html, "link-phone-not-tel"), TAYORI_SEVERITY_NOTICE,
                  "06-6208-8181", "<a href=\"tel:0662088181\">06-6208-8181</a>");
  /* cmark reads no Markdown inside an HTML block: the fix is HTML there */
  assert_finding (block, only_finding (block, "link-phone-not-tel"), TAYORI_SEVERITY_NOTICE,
                  "06-6208-8181", "<a href=\"tel:0662088181\">06-6208-8181</a>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/structure/links/vague-kochira", test_vague_kochira);
  g_test_add_func ("/tayori/checks/structure/links/vague-variants", test_vague_variants);
  g_test_add_func ("/tayori/checks/structure/links/vague-passes", test_vague_passes);
  g_test_add_func ("/tayori/checks/structure/links/vague-settings", test_vague_settings);
  g_test_add_func ("/tayori/checks/structure/links/vague-image-link", test_vague_image_link);
  g_test_add_func ("/tayori/checks/structure/links/vague-html", test_vague_html);
  g_test_add_func ("/tayori/checks/structure/links/empty", test_empty);
  g_test_add_func ("/tayori/checks/structure/links/adjacent-markdown", test_adjacent_markdown);
  g_test_add_func ("/tayori/checks/structure/links/adjacent-html", test_adjacent_html);
  g_test_add_func ("/tayori/checks/structure/links/new-window", test_new_window);
  g_test_add_func ("/tayori/checks/structure/links/file-without-attachment", test_file_without_attachment);
  g_test_add_func ("/tayori/checks/structure/links/file-fix-from-attachment", test_file_fix_from_attachment);
  g_test_add_func ("/tayori/checks/structure/links/file-fix-media-hash", test_file_fix_media_hash);
  g_test_add_func ("/tayori/checks/structure/links/file-described", test_file_described);
  g_test_add_func ("/tayori/checks/structure/links/file-html", test_file_html);
  g_test_add_func ("/tayori/checks/structure/links/phone", test_phone);
  g_test_add_func ("/tayori/checks/structure/links/phone-shapes", test_phone_shapes);
  g_test_add_func ("/tayori/checks/structure/links/phone-passes", test_phone_passes);
  g_test_add_func ("/tayori/checks/structure/links/phone-html", test_phone_html);

  return g_test_run ();
}
