/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stale-content check with "today" pinned by the preset: an ended publish window, fiscal
 * years already over (but not 「令和6年度から」 or 「実績」), and event dates and deadlines that
 * have passed, ranges judged by their end (weekdays in brackets between), years inferred from
 * the publish start, and neither birth-date limits nor dates long before the publish start. */
#include "content-test-util.h"

#define TODAY "[checks]\ntoday=2026-06-15\n"

static ContentRun *
check (const char *body,
       const char *publish_start,
       const char *publish_end,
       const char *preset)
{
  g_autoptr(TayoriChecker) checker = tayori_check_stale_new ();
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset);
  g_autoptr(TayoriArticle) article = content_article_new ("区民まつりの開催について", body);

  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "content");
  tayori_article_set_publish_start (article, publish_start);
  tayori_article_set_publish_end (article, publish_end);
  return content_run_new (checker, article, settings);
}

static void
test_publish_window (void)
{
  g_autoptr(ContentRun) ended = check ("本文です。", "2026-04-01", "2026-06-01", TODAY);
  g_autoptr(ContentRun) ends_today = check ("本文です。", "2026-04-01", "2026-06-15", TODAY);
  g_autoptr(ContentRun) open = check ("本文です。", "2026-04-01", NULL, TODAY);
  g_autoptr(ContentRun) with_time = check ("本文です。", NULL, "2026-06-14T23:00:00+09:00", TODAY);
  TayoriFinding *finding;

  g_assert_cmpuint (ended->findings->len, ==, 1);
  finding = g_ptr_array_index (ended->findings, 0);
  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, "stale-publish-window");
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "publish-end");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "掲載終了日（2026-06-01）を過ぎています");
  g_assert_cmpuint (ends_today->findings->len, ==, 0);
  g_assert_cmpuint (open->findings->len, ==, 0);
  g_assert_cmpuint (content_run_count (with_time, "stale-publish-window"), ==, 1);
}

static void
test_fiscal_year (void)
{
  const char *body =
    "令和7年度の申込みを受け付けます。令和8年度の予定です。2025年度の案内と令和元年度の資料。\n\n"
    "令和７年度から実施している事業です。令和6年度実績と令和6年度分の市民税、"
    "令和5年度～令和9年度の計画。";
  g_autoptr(ContentRun) run = check (body, "2026-04-01", NULL, TODAY);
  g_autoptr(ContentRun) march = check (body, "2026-04-01", NULL, "[checks]\ntoday=2026-03-15\n");
  g_autofree char *spans = content_run_spans (run, "stale-fiscal-year", "body");
  g_autofree char *march_spans = content_run_spans (march, "stale-fiscal-year", "body");
  TayoriFinding *finding = content_run_find (run, "stale-fiscal-year", "令和7年度");

  g_assert_cmpstr (spans, ==, "令和7年度|2025年度|令和元年度");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==,
                   "「令和7年度」はすでに終わった年度です（現在は2026年度）");
  /* In March 2026 fiscal 2025 (令和7年度) is still running. */
  g_assert_cmpstr (march_spans, ==, "令和元年度");
}

static void
test_event_dates (void)
{
  g_autoptr(ContentRun) run = check (
    "- 日時：2026年5月10日（日）午前10時から\n"
    "- 次回の日時：2026年7月10日（金）\n"
    "- 募集期間：2026年6月1日～2026年6月30日\n"
    "- 受付期間：5月1日～5月31日\n"
    "- 申込み：6月10日（水曜日）から7月3日（金曜日）まで\n\n"
    "申込みは6月1日まで受け付けます。\n\n"
    "2026年5月1日に開催しました。2026年4月1日から制度が変わりました。2020年4月1日施行の条例です。"
    "平成21年4月12日までに生まれた方と、2025年4月1日まで住んでいた方が対象です。",
    "2026-04-01", NULL, TODAY);
  g_autoptr(ContentRun) ended = check ("- 日時：2026年5月10日（日）", "2026-04-01", "2026-06-01", TODAY);
  g_autoptr(ContentRun) no_year = check ("申込みは6月1日まで受け付けます。", NULL, NULL, TODAY);
  g_autofree char *spans = content_run_spans (run, "stale-event-date", "body");

  g_assert_cmpstr (spans, ==, "2026年5月10日|5月1日～5月31日|6月1日");
  g_assert_cmpint (tayori_finding_get_severity (content_run_find (run, "stale-event-date", "6月1日")),
                   ==, TAYORI_SEVERITY_WARNING);
  /* Once the window has ended, that one finding says it all. */
  g_assert_cmpuint (content_run_count (ended, "stale-event-date"), ==, 0);
  g_assert_cmpuint (content_run_count (ended, "stale-publish-window"), ==, 1);
  /* Without a year and without a publish start, a date cannot be placed. */
  g_assert_cmpuint (no_year->findings->len, ==, 0);
}

static void
test_year_turn (void)
{
  /* A December notice about January: the date falls in the next year. */
  g_autoptr(ContentRun) run = check ("- 日時：1月10日（土）\n", "2025-12-01", NULL,
                                     "[checks]\ntoday=2026-01-05\n");
  g_autoptr(ContentRun) later = check ("- 日時：1月10日（土）\n", "2025-12-01", NULL,
                                       "[checks]\ntoday=2026-01-11\n");

  g_assert_cmpuint (run->findings->len, ==, 0);
  g_assert_cmpuint (content_run_count (later, "stale-event-date"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/content/stale/publish-window", test_publish_window);
  g_test_add_func ("/tayori/checks/content/stale/fiscal-year", test_fiscal_year);
  g_test_add_func ("/tayori/checks/content/stale/event-dates", test_event_dates);
  g_test_add_func ("/tayori/checks/content/stale/year-turn", test_year_turn);
  return g_test_run ();
}
