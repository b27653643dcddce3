/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The personal-data check: mobile numbers in either width and in tel: links, e-mail addresses
 * inside and outside the organisation's domains, My Numbers and card numbers with valid and
 * invalid check digits, and birth dates next to names (and forms that only ask for them). */
#include "content-test-util.h"
#include "tayori-personal-data-private.h"

static ContentRun *
check (TayoriArticle *article,
       const char    *preset)
{
  g_autoptr(TayoriChecker) checker = tayori_check_personal_data_new ();
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset);

  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "content");
  return content_run_new (checker, article, settings);
}

static ContentRun *
check_body (const char *body)
{
  g_autoptr(TayoriArticle) article = content_article_new ("保育所の入所申込みについて", body);

  return check (article, NULL);
}

static void
test_check_digits (void)
{
  g_assert_true (tayori_my_number_is_valid ("123456789018"));
  g_assert_true (tayori_my_number_is_valid ("555566667772"));
  g_assert_false (tayori_my_number_is_valid ("123456789012"));
  g_assert_false (tayori_my_number_is_valid ("987654321098"));

  g_assert_true (tayori_luhn_is_valid ("4111111111111111", 16));
  g_assert_false (tayori_luhn_is_valid ("4111111111111112", 16));
  g_assert_true (tayori_luhn_is_valid ("378282246310005", 15));
  g_assert_true (tayori_card_prefix_is_plausible ("4111111111111111", 16));
  g_assert_true (tayori_card_prefix_is_plausible ("3530111333300000", 16));
  g_assert_false (tayori_card_prefix_is_plausible ("378282246310005", 16));   /* Amex has 15 */
  g_assert_false (tayori_card_prefix_is_plausible ("1234567812345670", 16));
}

static void
test_mobile (void)
{
  g_autoptr(ContentRun) run = check_body (
    "携帯は090-1234-5678です。全角なら０８０１２３４５６７８、国際形式は +81 90 1111 2222 。\n\n"
    "070 1234 5678 にも。[電話する](tel:08055556666)\n\n"
    "事務所は06-6208-1234、フリーダイヤルは0120-123-456です。\n\n"
    "受付番号 09012345678901 と ID A09012345678 は電話番号ではありません。");
  g_autofree char *spans = content_run_spans (run, "pii-mobile-number", "body");
  TayoriFinding *finding = content_run_find (run, "pii-mobile-number", "090-1234-5678");

  g_assert_cmpstr (spans, ==, "090-1234-5678|０８０１２３４５６７８|+81 90 1111 2222|"
                              "070 1234 5678|08055556666");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_ERROR);
  g_assert_null (tayori_finding_get_fix (finding));
  g_assert_cmpuint (run->findings->len, ==, 5);
}

static void
test_contact_phone (void)
{
  g_autoptr(TayoriArticle) mobile = content_article_new ("保育所の入所申込みについて", "本文");
  g_autoptr(TayoriArticle) office = content_article_new ("保育所の入所申込みについて", "本文");
  g_autoptr(ContentRun) flagged = NULL;
  g_autoptr(ContentRun) fine = NULL;
  g_autofree char *spans = NULL;

  tayori_article_set_contact_phone (mobile, "090-9999-8888");
  tayori_article_set_contact_phone (office, "06-6208-9876");
  tayori_article_set_contact_fax (office, "06-6208-9877");
  flagged = check (mobile, NULL);
  fine = check (office, NULL);
  spans = content_run_spans (flagged, "pii-mobile-number", "body");
  g_assert_cmpstr (spans, ==, "contact-phone:090-9999-8888");
  g_assert_cmpuint (fine->findings->len, ==, 0);
}

static void
test_email (void)
{
  const char *preset = "[checks]\norganisation-domains=city.osaka.lg.jp;osaka-kodomo.jp\n";
  g_autoptr(TayoriArticle) article = content_article_new (
    "保育所の入所申込みについて",
    "問い合わせは kodomo@city.osaka.lg.jp、区役所は info@kita.city.osaka.lg.jp です。\n\n"
    "担当者個人の taro.yamada@gmail.com や [メール](mailto:hanako@example-corp.co.jp) は"
    "載せません。記入例：sample@example.com、center@osaka-kodomo.jp\n");
  g_autoptr(TayoriArticle) outside = content_article_new ("保育所の入所申込みについて", "本文");
  g_autoptr(TayoriArticle) others = content_article_new (
    "保育所の入所申込みについて", "a@city.osaka.lg.jp と b@city.sakai.lg.jp と c@docomo.ne.jp");
  g_autoptr(ContentRun) run = NULL;
  g_autoptr(ContentRun) contact = NULL;
  g_autoptr(ContentRun) defaults = NULL;
  g_autoptr(ContentRun) fallback = NULL;
  g_autofree char *spans = NULL;
  g_autofree char *contact_spans = NULL;
  g_autofree char *default_spans = NULL;
  g_autofree char *fallback_spans = NULL;

  tayori_article_set_contact_email (article, "kodomo@city.osaka.lg.jp");
  tayori_article_set_contact_email (outside, "hoiku.tanto@yahoo.co.jp");
  run = check (article, preset);
  contact = check (outside, preset);
  defaults = check (others, NULL);
  fallback = check (others, "[checks]\norganisation-domains=\n");

  spans = content_run_spans (run, "pii-email", "body");
  g_assert_cmpstr (spans, ==, "taro.yamada@gmail.com|hanako@example-corp.co.jp");
  g_assert_cmpint (tayori_finding_get_severity (content_run_find (run, "pii-email",
                                                                  "taro.yamada@gmail.com")),
                   ==, TAYORI_SEVERITY_ERROR);
  contact_spans = content_run_spans (contact, "pii-email", "body");
  g_assert_cmpstr (contact_spans, ==, "contact-email:hoiku.tanto@yahoo.co.jp");
  /* The built-in preset names the city's domain; without any, public bodies are trusted. */
  default_spans = content_run_spans (defaults, "pii-email", "body");
  g_assert_cmpstr (default_spans, ==, "b@city.sakai.lg.jp|c@docomo.ne.jp");
  fallback_spans = content_run_spans (fallback, "pii-email", "body");
  g_assert_cmpstr (fallback_spans, ==, "c@docomo.ne.jp");
}

static void
test_my_number (void)
{
  g_autoptr(ContentRun) run = check_body (
    "個人番号 123456789018 を記入。区切って 5555 6666 7772 でも、全角で１２３４５６７８９０１８でも同じです。\n\n"
    "検査用数字が違う 123456789012 と 987654321098、長い番号 0123456789018 は対象外です。\n\n"
    "ページ https://example.jp/news/123456789018.html の番号も対象外です。");
  g_autofree char *spans = content_run_spans (run, "pii-my-number", "body");

  g_assert_cmpstr (spans, ==, "123456789018|5555 6666 7772|１２３４５６７８９０１８");
  g_assert_cmpuint (run->findings->len, ==, 3);
}

static void
test_card_number (void)
{
  g_autoptr(ContentRun) run = check_body (
    "カード 4111 1111 1111 1111、5555555555554444、3530-1113-3330-0000、378282246310005。\n\n"
    "誤り 4111-1111-1111-1112、発行者のない 1234567812345670、口座 1234-567-8901234 は対象外。");
  g_autofree char *spans = content_run_spans (run, "pii-card-number", "body");

  g_assert_cmpstr (spans, ==, "4111 1111 1111 1111|5555555555554444|3530-1113-3330-0000|"
                              "378282246310005");
  g_assert_cmpuint (run->findings->len, ==, 4);
}

static void
test_birth_date (void)
{
  g_autoptr(ContentRun) run = check_body (
    "氏名：山田 太郎\n生年月日：1980年4月1日\n\n"
    "表彰された山田花子さん（85歳）は住之江区にお住まいです。\n\n"
    "田中 一郎さんは昭和50年生まれです。\n\n"
    "申請書には氏名、生年月日、住所を書いてください。\n\n"
    "昭和55年生まれの方と65歳以上の方が対象です。担当者様の誕生日 4月1日。\n\n"
    "記入例：〇〇 〇〇さん（45歳）");
  g_autofree char *spans = content_run_spans (run, "pii-birth-date", "body");

  g_assert_cmpstr (spans, ==, "生年月日：1980年4月1日|（85歳）|昭和50年生まれ");
  g_assert_cmpint (tayori_finding_get_severity (content_run_find (run, "pii-birth-date", "（85歳）")),
                   ==, TAYORI_SEVERITY_ERROR);
}

static void
test_disabled (void)
{
  g_autoptr(TayoriArticle) article = content_article_new ("保育所の入所申込みについて",
                                                          "携帯 090-1234-5678、a@gmail.com");
  g_autoptr(ContentRun) run = check (article, "[check:pii-mobile-number]\nenabled=false\n");

  g_assert_cmpuint (content_run_count (run, "pii-mobile-number"), ==, 0);
  g_assert_cmpuint (content_run_count (run, "pii-email"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/content/personal-data/check-digits", test_check_digits);
  g_test_add_func ("/tayori/checks/content/personal-data/mobile", test_mobile);
  g_test_add_func ("/tayori/checks/content/personal-data/contact-phone", test_contact_phone);
  g_test_add_func ("/tayori/checks/content/personal-data/email", test_email);
  g_test_add_func ("/tayori/checks/content/personal-data/my-number", test_my_number);
  g_test_add_func ("/tayori/checks/content/personal-data/card-number", test_card_number);
  g_test_add_func ("/tayori/checks/content/personal-data/birth-date", test_birth_date);
  g_test_add_func ("/tayori/checks/content/personal-data/disabled", test_disabled);
  return g_test_run ();
}
