/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The municipal-text character rules: 機種依存文字 with their mapping, half-width katakana and
 * full-width letters and digits, each with texts that must pass. */
#include "text-test-util.h"

#include "tayori-check-document.h"
#include "tayori-check-settings.h"

#define PLATFORM  "ja-platform-dependent-char"
#define HALFWIDTH "ja-halfwidth-kana"
#define FULLWIDTH "ja-fullwidth-alnum"

static void
test_platform_mapping (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  static const struct {
    const char *body;
    const char *span;
    const char *fix;
  } cases[] = {
    { "①申請書を書きます", "①", "(1)" },
    { "手順⑳まで進む", "⑳", "(20)" },
    { "⑴対象者", "⑴", "(1)" },
    { "⒈はじめに", "⒈", "1." },
    { "㉑番の窓口", "㉑", "(21)" },
    { "㊿番", "㊿", "(50)" },
    { "❶受付", "❶", "(1)" },
    { "⓫番", "⓫", "(11)" },
    { "㈱タヨリ商事", "㈱", "(株)" },
    { "㈲住之江工務店", "㈲", "(有)" },
    { "㊤の欄", "㊤", "(上)" },
    { "Ⓐ会場", "Ⓐ", "(A)" },
    { "第Ⅱ期", "Ⅱ", "II" },
    { "ⅻ月", "ⅻ", "xii" },
    { "長さ10㎝以上", "㎝", "cm" },
    { "重さ5㎏まで", "㎏", "kg" },
    { "面積50㎡の区画", "㎡", "平方メートル" },
    { "容量2㎥", "㎥", "立方メートル" },
    { "1㌔歩く", "㌔", "キロ" },
    { "㍻30年", "㍻", "平成" },
    { "㍼60年", "㍼", "昭和" },
    { "㋿元年", "㋿", "令和" },
    { "㍿此花支店", "㍿", "株式会社" },
    { "℡ 06-1234-5678", "℡", "電話" },
    { "№12", "№", "No." },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    text_test_one (checker, cases[i].body, PLATFORM, TAYORI_SEVERITY_ERROR, cases[i].span, cases[i].fix);
}

static void
test_platform_each_character (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *body = "会場は②と③です";
  g_autoptr(GPtrArray) found = text_test_body (checker, body, PLATFORM);

  g_assert_cmpuint (found->len, ==, 2);
  text_test_assert (found->pdata[0], PLATFORM, TAYORI_SEVERITY_ERROR, "body", body, "②", "(2)");
  text_test_assert (found->pdata[1], PLATFORM, TAYORI_SEVERITY_ERROR, "body", body, "③", "(3)");
}

static void
test_platform_passes (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *bodies[] = {
    /* JIS X 0208 symbols and full-width punctuation are fine */
    "「第1回」（1）※〒530-0001 気温は30℃・湿度は60％です。",
    "住之江区と此花区の会場",
    /* code is not prose */
    "`①` と書くと丸数字です",
    "```\n①②③\n```\n",
    /* Hangul in a Korean translation is standard there */
    "㈜ 회사",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    text_test_none (checker, bodies[i], PLATFORM);
}

static void
test_platform_other_fields (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  g_autoptr(TayoriArticle) article = text_test_article ("本文", "要約①です", NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) found = NULL;

  tayori_article_set_title (article, "㈱説明会");
  findings = check_test_run_article (checker, article, NULL);
  found = check_test_filter (findings, PLATFORM);
  g_assert_cmpuint (found->len, ==, 2);
  text_test_assert (found->pdata[0], PLATFORM, TAYORI_SEVERITY_ERROR, "title", "㈱説明会", "㈱", "(株)");
  text_test_assert (found->pdata[1], PLATFORM, TAYORI_SEVERITY_ERROR, "summary", "要約①です", "①", "(1)");
  g_assert_cmpstr (tayori_finding_get_message_ja (found->pdata[0]), ==,
                   "「㈱」は機種依存文字です。「(株)」と書いてください");
}

static void
test_platform_html_input (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *html = "<p title=\"①\">②と<a href=\"/③\">案内</a><!-- ④ --></p>";
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (html, -1);
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  /* only the text a reader sees: not attributes, URLs or comments */
  tayori_checker_check (checker, document, settings, findings, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  text_test_assert (findings->pdata[0], PLATFORM, TAYORI_SEVERITY_ERROR, "body", html, "②", "(2)");
}

static void
test_halfwidth_kana (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();

  text_test_one (checker, "ｶﾞｲﾄﾞﾌﾞｯｸを配ります", HALFWIDTH, TAYORI_SEVERITY_ERROR,
                 "ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック");
  text_test_one (checker, "ﾊﾟﾝﾌﾚｯﾄ", HALFWIDTH, TAYORI_SEVERITY_ERROR, "ﾊﾟﾝﾌﾚｯﾄ", "パンフレット");
  /* half-width brackets and the long-vowel mark belong to the block too */
  text_test_one (checker, "｢ｺﾝﾋﾞﾆｰ｣で", HALFWIDTH, TAYORI_SEVERITY_ERROR, "｢ｺﾝﾋﾞﾆｰ｣", "「コンビニー」");
  /* a sound mark typed after a full-width kana joins it */
  text_test_one (checker, "カﾞイド", HALFWIDTH, TAYORI_SEVERITY_ERROR, "カﾞ", "ガ");
  /* … and one with nothing to join stays a visible mark */
  text_test_one (checker, "「ﾞ」", HALFWIDTH, TAYORI_SEVERITY_ERROR, "ﾞ", "゛");
  text_test_none (checker, "ガイドブック・コンビニ「パンフレット」", HALFWIDTH);
  text_test_none (checker, "`ｶﾅ` はコードです", HALFWIDTH);
}

static void
test_fullwidth_alnum (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();

  /* the quotes and the 第…回 around it are left alone */
  text_test_one (checker, "「第１回」説明会", FULLWIDTH, TAYORI_SEVERITY_WARNING, "１", "1");
  text_test_one (checker, "ＮＰＯ法人", FULLWIDTH, TAYORI_SEVERITY_WARNING, "ＮＰＯ", "NPO");
  text_test_one (checker, "午前９：００から", FULLWIDTH, TAYORI_SEVERITY_WARNING, "９：００", "9:00");
  text_test_one (checker, "参加費１，０００円", FULLWIDTH, TAYORI_SEVERITY_WARNING, "１，０００", "1,000");
  text_test_one (checker, "電話０６−１２３４−５６７８", FULLWIDTH, TAYORI_SEVERITY_WARNING,
                 "０６−１２３４−５６７８", "06-1234-5678");
  text_test_one (checker, "Ｅメール", FULLWIDTH, TAYORI_SEVERITY_WARNING, "Ｅ", "E");
  /* numbers inside words written in half width, full-width punctuation: nothing */
  text_test_none (checker, "「3密」を避け、24区すべてで（R6年度から）実施・受付中！", FULLWIDTH);
  text_test_none (checker, "```\nＡＢＣ\n```\n", FULLWIDTH);
}

static void
test_fullwidth_allow_list (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *body = "ＪＲ大阪駅からＮＰＯ法人の事務所へ";
  g_autoptr(TayoriArticle) article = text_test_article (body, NULL, NULL);
  g_autoptr(GPtrArray) findings = check_test_run_article (checker, article,
                                                          "[check:ja-fullwidth-alnum]\nallow=ＪＲ;ＪＡ\n");
  g_autoptr(GPtrArray) found = check_test_filter (findings, FULLWIDTH);

  g_assert_cmpuint (found->len, ==, 1);
  text_test_assert (found->pdata[0], FULLWIDTH, TAYORI_SEVERITY_WARNING, "body", body, "ＮＰＯ", "NPO");
}

static void
test_rules_disabled (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  g_autoptr(TayoriArticle) article = text_test_article ("①ｶﾅＡ", NULL, NULL);
  g_autoptr(GPtrArray) findings = check_test_run_article (checker, article,
                                                          "[check:ja-platform-dependent-char]\nenabled=false\n"
                                                          "[check:ja-fullwidth-alnum]\nenabled=false\n");

  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (tayori_finding_get_rule_id (findings->pdata[0]), ==, HALFWIDTH);
  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "municipal-text");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/text/platform/mapping", test_platform_mapping);
  g_test_add_func ("/tayori/checks/text/platform/each-character", test_platform_each_character);
  g_test_add_func ("/tayori/checks/text/platform/passes", test_platform_passes);
  g_test_add_func ("/tayori/checks/text/platform/other-fields", test_platform_other_fields);
  g_test_add_func ("/tayori/checks/text/platform/html", test_platform_html_input);
  g_test_add_func ("/tayori/checks/text/halfwidth-kana", test_halfwidth_kana);
  g_test_add_func ("/tayori/checks/text/fullwidth-alnum", test_fullwidth_alnum);
  g_test_add_func ("/tayori/checks/text/fullwidth-allow-list", test_fullwidth_allow_list);
  g_test_add_func ("/tayori/checks/text/disabled", test_rules_disabled);

  return g_test_run ();
}
