/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The title check: the length range and its preset limits, a closing 。 removed by the fix,
 * and decoration brackets and symbols counted against their limit. */
#include <string.h>

#include "content-test-util.h"

static ContentRun *
check (const char *title,
       const char *preset)
{
  g_autoptr(TayoriChecker) checker = tayori_check_title_new ();
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset);
  g_autoptr(TayoriArticle) article = content_article_new (title, "本文です。");

  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "content");
  return content_run_new (checker, article, settings);
}

static void
test_length (void)
{
  g_autoptr(ContentRun) short_title = check ("お知らせ", NULL);
  g_autoptr(ContentRun) long_title = check ("令和8年度 住之江区・此花区合同 子育て支援センターの利用案内と"
                                            "一時預かり事業の申込み方法について（保護者向け）", NULL);
  g_autoptr(ContentRun) fine = check ("令和8年度 保育所の入所申込みを受け付けます", NULL);
  g_autoptr(ContentRun) relaxed = check ("お知らせ", "[check:title-length]\nmin-length=2\n");
  TayoriFinding *finding;

  g_assert_cmpuint (content_run_count (short_title, "title-length"), ==, 1);
  finding = g_ptr_array_index (short_title->findings, 0);
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "title");
  g_assert_cmpuint (tayori_finding_get_start (finding), ==, 0);
  g_assert_cmpuint (tayori_finding_get_end (finding), ==, 0);
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "タイトルが4文字です。10〜40文字を目安にしてください");
  g_assert_cmpuint (content_run_count (long_title, "title-length"), ==, 1);
  g_assert_cmpuint (fine->findings->len, ==, 0);
  g_assert_cmpuint (relaxed->findings->len, ==, 0);
}

static void
test_english (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_title_new ();
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (NULL);
  g_autoptr(TayoriArticle) article = content_article_new (
    "Moving to Kita Ward: Procedures for Foreign Residents", "Body.");
  g_autoptr(ContentRun) run = NULL;

  /* The range counts Japanese characters; English titles are not held to it. */
  tayori_article_set_language (article, TAYORI_LANGUAGE_EN);
  run = content_run_new (checker, article, settings);
  g_assert_cmpuint (run->findings->len, ==, 0);
}

static void
test_trailing_period (void)
{
  g_autoptr(ContentRun) run = check ("保育所の入所申込みを受け付けます。", NULL);
  g_autoptr(ContentRun) inside = check ("「ごみは分別。」キャンペーンのお知らせ", NULL);
  TayoriFinding *finding = content_run_find (run, "title-trailing-period", "。");

  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, "");
  g_assert_cmpuint (tayori_finding_get_start (finding), ==, strlen ("保育所の入所申込みを受け付けます"));
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpuint (inside->findings->len, ==, 0);
}

static void
test_brackets (void)
{
  g_autoptr(ContentRun) decorated = check ("【重要】★★保育所の入所申込み★★", NULL);
  g_autoptr(ContentRun) one = check ("【重要】保育所の入所申込みについて", NULL);
  g_autoptr(ContentRun) quoted = check ("「すみのえ区民まつり」（第30回）の開催について", NULL);
  g_autoptr(ContentRun) allowed = check ("【重要】★★保育所の入所申込み★★", "[check:title-brackets]\nmax=5\n");
  TayoriFinding *finding;

  g_assert_cmpuint (content_run_count (decorated, "title-brackets"), ==, 1);
  finding = content_run_find (decorated, "title-brackets", "");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_NOTICE);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "タイトルに装飾の括弧や記号が5個あります（1個まで）");
  g_assert_cmpuint (one->findings->len, ==, 0);
  g_assert_cmpuint (quoted->findings->len, ==, 0);
  g_assert_cmpuint (allowed->findings->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/content/title/length", test_length);
  g_test_add_func ("/tayori/checks/content/title/english", test_english);
  g_test_add_func ("/tayori/checks/content/title/trailing-period", test_trailing_period);
  g_test_add_func ("/tayori/checks/content/title/brackets", test_brackets);
  return g_test_run ();
}
