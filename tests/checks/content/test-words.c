/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words check: 表記ゆれ only where the word is an auxiliary verb or a formal noun (〜して
 * 下さい yes, 資料を下さい no; 申請する事 yes, 事業 no), 不適切表現 as whole words (外人 but
 * not 海外人材), fixes, and the preset's dictionary file and extra entries. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "content-test-util.h"

static ContentRun *
check (const char *body,
       const char *preset)
{
  g_autoptr(TayoriChecker) checker = tayori_check_words_new ();
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset);
  g_autoptr(TayoriArticle) article = content_article_new ("保育所の入所申込みについて", body);

  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "content");
  return content_run_new (checker, article, settings);
}

static void
test_auxiliary (void)
{
  g_autoptr(ContentRun) run = check (
    "申込書を提出して下さい。ご注意下さい。お越し下さい。ご案内致します。\n\n"
    "ご参加頂きありがとうございます。\n\n"
    "資料を下さい。思いを致す。お茶を頂く。意見が一致します。", NULL);
  g_autofree char *spans = content_run_spans (run, "words-variant", "body");
  TayoriFinding *finding = g_ptr_array_index (run->findings, 0);

  /* 「下さい」 three times: each its own finding with the same fix */
  g_assert_cmpstr (spans, ==, "下さい|下さい|下さい|致し|頂き");
  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, "words-variant");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_NOTICE);
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, "ください");
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (finding), "「ください」"));
}

static void
test_formal_nouns (void)
{
  g_autoptr(ContentRun) run = check (
    "事業の事務所で工事をします。申請する事ができます。\n\n"
    "雨の時は中止します。午前9時から、同時に受け付けます。健康の為に。現在の所、研究所は休みです。",
    NULL);
  g_autofree char *spans = content_run_spans (run, "words-variant", "body");
  TayoriFinding *koto = content_run_find (run, "words-variant", "事");

  g_assert_cmpstr (spans, ==, "事|時|為|所");
  g_assert_cmpstr (tayori_finding_get_fix (koto), ==, "こと");
}

static void
test_whole_words (void)
{
  g_autoptr(ContentRun) run = check (
    "出来ます。出来る限り。出来事と出来上がりは別です。\n\n"
    "海外人材の受入れ。外人という言い方。父兄の皆様へ。痴呆症の方。", NULL);
  g_autofree char *variants = content_run_spans (run, "words-variant", "body");
  g_autofree char *inappropriate = content_run_spans (run, "words-inappropriate", "body");
  TayoriFinding *parents = content_run_find (run, "words-inappropriate", "父兄");

  g_assert_cmpstr (variants, ==, "出来|出来");
  g_assert_cmpstr (inappropriate, ==, "外人|父兄|痴呆症");
  g_assert_cmpint (tayori_finding_get_severity (parents), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpstr (tayori_finding_get_fix (parents), ==, "保護者");
  g_assert_cmpstr (tayori_finding_get_fix (content_run_find (run, "words-inappropriate", "痴呆症")),
                   ==, "認知症");
}

static void
test_not_in_code_or_links (void)
{
  g_autoptr(ContentRun) run = check (
    "`提出して下さい` はコードです。[詳しくはこちら](https://example.jp/出来る) をご覧ください。",
    NULL);

  g_assert_cmpuint (run->findings->len, ==, 0);
}

static void
test_preset_dictionary (void)
{
  g_autofree char *path = NULL;
  g_autofree char *preset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ContentRun) run = NULL;
  g_autofree char *variants = NULL;
  g_autofree char *inappropriate = NULL;
  int fd = g_file_open_tmp ("tayori-words-XXXXXX.tsv", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path,
                       "# our own dictionary\n"
                       "variant\t御座います\tございます\t\tany\n"
                       "inappropriate\t後進国\t開発途上国\t言い換えます。\n"
                       "broken line without columns\n",
                       -1, &error);
  g_assert_no_error (error);
  preset = g_strdup_printf ("[check:words]\nfile=%s\nextra=子供=子ども;;bad\n"
                            "extra-inappropriate=ちびっこ=子ども\n", path);
  run = check ("ありがとう御座います。提出して下さい。後進国と子供とちびっこ。", preset);
  variants = content_run_spans (run, "words-variant", "body");
  inappropriate = content_run_spans (run, "words-inappropriate", "body");

  /* The file replaces the default dictionary: 「下さい」 is no longer looked for. */
  g_assert_cmpstr (variants, ==, "御座います|子供");
  g_assert_cmpstr (inappropriate, ==, "後進国|ちびっこ");
  g_assert_cmpstr (tayori_finding_get_fix (content_run_find (run, "words-variant", "子供")), ==,
                   "子ども");
  g_unlink (path);
}

static void
test_disabled (void)
{
  g_autoptr(ContentRun) run = check ("提出して下さい。父兄の方へ。",
                                     "[check:words-variant]\nenabled=false\n");

  g_assert_cmpuint (content_run_count (run, "words-variant"), ==, 0);
  g_assert_cmpuint (content_run_count (run, "words-inappropriate"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/content/words/auxiliary", test_auxiliary);
  g_test_add_func ("/tayori/checks/content/words/formal-nouns", test_formal_nouns);
  g_test_add_func ("/tayori/checks/content/words/whole-words", test_whole_words);
  g_test_add_func ("/tayori/checks/content/words/not-in-code-or-links", test_not_in_code_or_links);
  g_test_add_func ("/tayori/checks/content/words/preset-dictionary", test_preset_dictionary);
  g_test_add_func ("/tayori/checks/content/words/disabled", test_disabled);
  return g_test_run ();
}
