/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests: the easy-japanese rules, each with failing and passing Japanese, exact spans,
 * severities and message arguments; which rules run for which language. */
#include <string.h>

#include "easy-test-util.h"
#include "tayori-check-document.h"
#include "tayori-finding.h"

static TayoriChecker *checker;

/* Findings of @rule_id on @body in @language with the default settings. */
static GPtrArray *
run (const char     *rule_id,
     const char     *body,
     TayoriLanguage  language)
{
  g_autoptr(GPtrArray) all = easy_test_run (checker, body, NULL, language, NULL);

  return check_test_filter (all, rule_id);
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
test_sentence_length (void)
{
  g_autofree char *kana39 = repeat ("あ", 39);
  g_autofree char *forty = g_strconcat (kana39, "。", NULL);
  g_autofree char *forty_one = g_strconcat ("住", kana39, "。", NULL);
  g_autofree char *body = g_strconcat ("# 見出し\n\n", forty, forty_one, "\n\n", forty, "\n", NULL);
  g_autoptr(GPtrArray) found = run ("easy-sentence-length", body, TAYORI_LANGUAGE_JA);

  /* 40 characters (。 included) pass, 41 do not */
  g_assert_cmpuint (found->len, ==, 1);
  easy_test_assert (found->pdata[0], "easy-sentence-length", TAYORI_SEVERITY_WARNING, body, forty_one);
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (found->pdata[0]), "41字"));
  g_assert_nonnull (strstr (tayori_finding_get_message_en (found->pdata[0]), "(more than 40)"));
}

static void
test_sentence_length_markup (void)
{
  g_autofree char *kana36 = repeat ("か", 36);
  /* link destination, ** markers and line breaks are not characters of the sentence */
  g_autofree char *body = g_strconcat ("[", kana36, "](https://www.city.osaka.lg.jp/a/b/c/d/e/f/g/h)**です**。\n",
                                       kana36, "\n", kana36, "\n", NULL);
  g_autoptr(GPtrArray) found = run ("easy-sentence-length", body, TAYORI_LANGUAGE_JA);
  g_autofree char *longer = g_strconcat ("[", kana36, "かきく](https://www.city.osaka.lg.jp/)です。", NULL);
  g_autoptr(GPtrArray) found_longer = run ("easy-sentence-length", longer, TAYORI_LANGUAGE_JA);
  g_autofree char *span = NULL;

  g_assert_cmpuint (found->len, ==, 0);
  /* 39 + です。 = 42: the span runs from the first to the last character a reader sees */
  g_assert_cmpuint (found_longer->len, ==, 1);
  span = tayori_finding_dup_span (found_longer->pdata[0], longer);
  g_assert_true (g_str_has_prefix (span, "かかか"));
  g_assert_true (g_str_has_suffix (span, "(https://www.city.osaka.lg.jp/)です。"));
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (found_longer->pdata[0]), "42字"));
}

static void
test_sentence_length_setting (void)
{
  const char *body = "住之江区役所の窓口で申し込んでください。";
  g_autoptr(GPtrArray) all = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA,
                                            "[check:easy-sentence-length]\nmax-length=15\n");
  g_autoptr(GPtrArray) found = check_test_filter (all, "easy-sentence-length");
  g_autoptr(GPtrArray) off = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA,
                                            "[check:easy-sentence-length]\nmax-length=15\nenabled=false\n");

  g_assert_cmpuint (found->len, ==, 1);
  easy_test_assert (found->pdata[0], "easy-sentence-length", TAYORI_SEVERITY_WARNING, body, body);
  for (guint i = 0; i < off->len; i++)
    g_assert_cmpstr (tayori_finding_get_rule_id (off->pdata[i]), !=, "easy-sentence-length");
}

static void
test_kanji_ratio (void)
{
  const char *body = "国民健康保険料を納めてください。\nほけんりょうを はらって ください。\n"
                     "保険料。\nあいうえおかき漢字語。\nあいうえおか漢字語句。\n";
  g_autoptr(GPtrArray) easy = run ("easy-kanji-ratio", body, TAYORI_LANGUAGE_JA_EASY);
  g_autoptr(GPtrArray) plain = run ("easy-kanji-ratio", body, TAYORI_LANGUAGE_JA);

  /* 8 kanji of 16 = 50%; 0%; too short to judge (保険料。); 3 of 10 = 30% passes; 4 of 10 does not */
  g_assert_cmpuint (easy->len, ==, 2);
  easy_test_assert (easy->pdata[0], "easy-kanji-ratio", TAYORI_SEVERITY_NOTICE, body,
                    "国民健康保険料を納めてください。");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (easy->pdata[0]), "50%"));
  easy_test_assert (easy->pdata[1], "easy-kanji-ratio", TAYORI_SEVERITY_NOTICE, body,
                    "あいうえおか漢字語句。");
  /* only for the やさしい日本語 version */
  g_assert_cmpuint (plain->len, ==, 0);
}

static void
test_kanji_ratio_all_japanese (void)
{
  const char *body = "国民健康保険料を納めてください。";
  g_autoptr(GPtrArray) all = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA,
                                            "[check:easy-kanji-ratio]\nall-japanese=true\n");
  g_autoptr(GPtrArray) found = check_test_filter (all, "easy-kanji-ratio");

  g_assert_cmpuint (found->len, ==, 1);
}

static void
test_kanji_run (void)
{
  const char *body = "国民健康保険料のお知らせ。健康保険料を払う。令和6年度の国民健康保険。`国民健康保険料`"
                     "住之江区役所と大阪市立生野小学校で。";
  g_autoptr(GPtrArray) found = run ("easy-kanji-run", body, TAYORI_LANGUAGE_JA);

  /* 7 and 6 kanji are reported, 5 are not, a number breaks the run, code is not prose;
   * names of places and offices cannot be rewritten */
  g_assert_cmpuint (found->len, ==, 2);
  easy_test_assert (found->pdata[0], "easy-kanji-run", TAYORI_SEVERITY_NOTICE, body, "国民健康保険料");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (found->pdata[0]), "7字"));
  easy_test_assert (found->pdata[1], "easy-kanji-run", TAYORI_SEVERITY_NOTICE, body, "国民健康保険");
}

static void
test_katakana_run (void)
{
  const char *body = "コミュニティセンターで会議。マイナンバーカードを持参。"
                     "インフォメーション・センター。「ｶﾀｶﾅ」";
  g_autoptr(GPtrArray) found = run ("easy-katakana-run", body, TAYORI_LANGUAGE_JA);

  /* 10 with the long vowel mark; 9 pass; ・ splits the word (インフォメーション is 9) */
  g_assert_cmpuint (found->len, ==, 1);
  easy_test_assert (found->pdata[0], "easy-katakana-run", TAYORI_SEVERITY_NOTICE, body, "コミュニティセンター");
}

static void
test_double_negative (void)
{
  const char *body = "行かないわけではない。\n参加できないこともありません。\n中止せざるを得ません。\n"
                     "問題がないわけではありません。\n道は危なくはない。\n量は少なくはありません。\n"
                     "期限までに提出しなければなりません。\n";
  g_autoptr(GPtrArray) found = run ("easy-double-negative", body, TAYORI_LANGUAGE_JA);

  /* 危なく and 少なく are adjectives, not a negative; 〜なければなりません is left to style */
  g_assert_cmpuint (found->len, ==, 4);
  easy_test_assert (found->pdata[0], "easy-double-negative", TAYORI_SEVERITY_WARNING, body, "ないわけではない");
  easy_test_assert (found->pdata[1], "easy-double-negative", TAYORI_SEVERITY_WARNING, body, "ないこともありません");
  easy_test_assert (found->pdata[2], "easy-double-negative", TAYORI_SEVERITY_WARNING, body, "ざるを得ません");
  easy_test_assert (found->pdata[3], "easy-double-negative", TAYORI_SEVERITY_WARNING, body, "ないわけではありません");
}

static void
test_passive (void)
{
  const char *body = "説明会が開催されます。\n案内が書かれる。\nこの魚は生で食べられる。\n"
                     "ここから海が見れる。\nお知らせします。\n";
  g_autoptr(GPtrArray) easy = run ("easy-passive", body, TAYORI_LANGUAGE_JA_EASY);
  g_autoptr(GPtrArray) plain = run ("easy-passive", body, TAYORI_LANGUAGE_JA);

  /* 食べられる may be the potential, 見れる is one (ら抜き): neither is reported */
  g_assert_cmpuint (easy->len, ==, 2);
  easy_test_assert (easy->pdata[0], "easy-passive", TAYORI_SEVERITY_NOTICE, body, "開催され");
  easy_test_assert (easy->pdata[1], "easy-passive", TAYORI_SEVERITY_NOTICE, body, "書かれる");
  g_assert_cmpuint (plain->len, ==, 0);
}

static void
test_causative (void)
{
  const char *body = "説明会を中止させていただきます。\n子どもに本を読ませる。\n結果を知らせる。\n"
                     "お知らせします。\n";
  g_autoptr(GPtrArray) easy = run ("easy-causative", body, TAYORI_LANGUAGE_JA_EASY);
  g_autoptr(GPtrArray) plain = run ("easy-causative", body, TAYORI_LANGUAGE_JA);

  /* 知らせる is a verb of its own */
  g_assert_cmpuint (easy->len, ==, 2);
  easy_test_assert (easy->pdata[0], "easy-causative", TAYORI_SEVERITY_NOTICE, body, "中止させ");
  easy_test_assert (easy->pdata[1], "easy-causative", TAYORI_SEVERITY_NOTICE, body, "読ませる");
  g_assert_cmpuint (plain->len, ==, 0);
}

static void
test_honorific_density (void)
{
  const char *body = "ご協力いただきますようお願い申し上げます。ご案内いたします。"
                     "受付を終了させていただいております。バスをおります。";
  g_autoptr(GPtrArray) found = run ("easy-honorific-density", body, TAYORI_LANGUAGE_JA);
  g_autoptr(GPtrArray) all = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA,
                                            "[check:easy-honorific-density]\nmax-count=2\n");
  g_autoptr(GPtrArray) relaxed = check_test_filter (all, "easy-honorific-density");

  g_assert_cmpuint (found->len, ==, 2);
  easy_test_assert (found->pdata[0], "easy-honorific-density", TAYORI_SEVERITY_NOTICE, body,
                    "ご協力いただきますようお願い申し上げます。");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (found->pdata[0]), "「いただき」「申し上げ」"));
  easy_test_assert (found->pdata[1], "easy-honorific-density", TAYORI_SEVERITY_NOTICE, body,
                    "受付を終了させていただいております。");
  g_assert_cmpuint (relaxed->len, ==, 0);
}

static void
test_kanji_above_grade (void)
{
  const char *body = "申請書を出してください。住之江区の大きい木。";
  g_autoptr(GPtrArray) easy = run ("easy-kanji-above-grade", body, TAYORI_LANGUAGE_JA_EASY);
  g_autoptr(GPtrArray) plain = run ("easy-kanji-above-grade", body, TAYORI_LANGUAGE_JA);
  g_autoptr(GPtrArray) all = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA_EASY,
                                            "[check:easy-kanji-above-grade]\ngrade=8\n");
  g_autoptr(GPtrArray) grade8 = check_test_filter (all, "easy-kanji-above-grade");

  /* 請 is taught in secondary school; 之 is jinmeiyō, 江 secondary; 出 大 木 are grade 1 */
  g_assert_cmpuint (easy->len, ==, 2);
  easy_test_assert (easy->pdata[0], "easy-kanji-above-grade", TAYORI_SEVERITY_NOTICE, body, "申請書");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (easy->pdata[0]), "小学3年生"));
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (easy->pdata[0]), "：請"));
  easy_test_assert (easy->pdata[1], "easy-kanji-above-grade", TAYORI_SEVERITY_NOTICE, body, "住之江区");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (easy->pdata[1]), "：之江"));
  g_assert_cmpuint (plain->len, ==, 0);
  /* above grade 8 only 之 (jinmeiyō) is left */
  g_assert_cmpuint (grade8->len, ==, 1);
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (grade8->pdata[0]), "：之"));
}

static void
test_english_and_summary (void)
{
  const char *body = "国民健康保険料の納付については、区役所の窓口または市税事務所でお問い合わせください。";
  g_autoptr(GPtrArray) english = easy_test_run (checker, body, body, TAYORI_LANGUAGE_EN, NULL);
  g_autoptr(GPtrArray) japanese = easy_test_run (checker, "本文。", body, TAYORI_LANGUAGE_JA, NULL);
  g_autoptr(GPtrArray) length = check_test_filter (japanese, "easy-sentence-length");

  g_assert_cmpuint (english->len, ==, 0);
  g_assert_cmpuint (length->len, ==, 1);
  g_assert_cmpstr (tayori_finding_get_field (length->pdata[0]), ==, "summary");
  g_assert_cmpuint (tayori_finding_get_start (length->pdata[0]), ==, 0);
  g_assert_cmpuint (tayori_finding_get_end (length->pdata[0]), ==, strlen (body));
  for (guint i = 0; i < japanese->len; i++)
    g_assert_cmpint (tayori_finding_get_severity (japanese->pdata[i]), !=, TAYORI_SEVERITY_ERROR);
}

static void
test_html_input (void)
{
  const char *html = "<h1>国民健康保険料</h1><p>行かないわけではない。<a href=\"https://example.jp/国民健康保険料\">案内</a></p>"
                     "<script>var s = '国民健康保険料';</script>";
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (html, -1);
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) negatives = NULL;

  tayori_checker_check (checker, document, settings, all, NULL);
  runs = check_test_filter (all, "easy-kanji-run");
  negatives = check_test_filter (all, "easy-double-negative");
  /* block tags end the text: the heading's run does not go on into the paragraph; the URL
   * and the script are not prose */
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpstr (tayori_finding_get_field (runs->pdata[0]), ==, "title");
  easy_test_assert (runs->pdata[1], "easy-kanji-run", TAYORI_SEVERITY_NOTICE, html, "国民健康保険料");
  g_assert_cmpuint (tayori_finding_get_start (runs->pdata[1]), ==, strlen ("<h1>"));
  g_assert_cmpuint (negatives->len, ==, 1);
  easy_test_assert (negatives->pdata[0], "easy-double-negative", TAYORI_SEVERITY_WARNING, html, "ないわけではない");
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  checker = tayori_check_easy_japanese_new ();
  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "easy-japanese");
  g_test_add_func ("/tayori/checks-easy/sentence-length", test_sentence_length);
  g_test_add_func ("/tayori/checks-easy/sentence-length/markup", test_sentence_length_markup);
  g_test_add_func ("/tayori/checks-easy/sentence-length/setting", test_sentence_length_setting);
  g_test_add_func ("/tayori/checks-easy/kanji-ratio", test_kanji_ratio);
  g_test_add_func ("/tayori/checks-easy/kanji-ratio/all-japanese", test_kanji_ratio_all_japanese);
  g_test_add_func ("/tayori/checks-easy/kanji-run", test_kanji_run);
  g_test_add_func ("/tayori/checks-easy/katakana-run", test_katakana_run);
  g_test_add_func ("/tayori/checks-easy/double-negative", test_double_negative);
  g_test_add_func ("/tayori/checks-easy/passive", test_passive);
  g_test_add_func ("/tayori/checks-easy/causative", test_causative);
  g_test_add_func ("/tayori/checks-easy/honorific-density", test_honorific_density);
  g_test_add_func ("/tayori/checks-easy/kanji-above-grade", test_kanji_above_grade);
  g_test_add_func ("/tayori/checks-easy/english-and-summary", test_english_and_summary);
  g_test_add_func ("/tayori/checks-easy/html-input", test_html_input);
  status = g_test_run ();
  g_object_unref (checker);
  return status;
}
