/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dates rules: numeric formats and their rewrites, and weekdays checked against the
 * calendar with the year written, taken from the paragraph or inferred from a fixed publish
 * window (across a year boundary too). */
#include "text-test-util.h"

#define FORMAT  "ja-date-format"
#define WEEKDAY "ja-date-weekday"

/* The findings of @rule_id for @body in an article published from @publish_start. */
static GPtrArray *
run_published (const char *body,
               const char *publish_start,
               const char *rule_id)
{
  g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
  g_autoptr(TayoriArticle) article = text_test_article (body, NULL, publish_start);
  g_autoptr(GPtrArray) findings = check_test_run_article (checker, article, NULL);

  return check_test_filter (findings, rule_id);
}

static void
assert_weekday (const char *body,
                const char *publish_start,
                const char *span,
                const char *fix,
                const char *date)
{
  g_autoptr(GPtrArray) found = run_published (body, publish_start, WEEKDAY);

  if (found->len != 1)
    g_test_message ("%s: %u weekday findings", body, found->len);
  g_assert_cmpuint (found->len, ==, 1);
  text_test_assert (found->pdata[0], WEEKDAY, TAYORI_SEVERITY_ERROR, "body", body, span, fix);
  g_assert_true (g_str_has_prefix (tayori_finding_get_message_ja (found->pdata[0]), date));
}

static void
assert_no_weekday (const char *body,
                   const char *publish_start)
{
  g_autoptr(GPtrArray) found = run_published (body, publish_start, WEEKDAY);

  if (found->len != 0)
    g_test_message ("%s: %u weekday findings", body, found->len);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_format (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
  static const struct {
    const char *body;
    const char *span;
    const char *fix;
  } cases[] = {
    { "締切は2026/11/23です", "2026/11/23", "2026年11月23日" },
    { "2026-01-05から", "2026-01-05", "2026年1月5日" },
    { "更新日：2026.11.23", "2026.11.23", "2026年11月23日" },
    { "R8.11.23開催", "R8.11.23", "令和8年11月23日" },
    { "H31.4.30まで", "H31.4.30", "平成31年4月30日" },
    { "R1/5/1施行", "R1/5/1", "令和元年5月1日" },
    { "11/23（月）に開催", "11/23", "11月23日" },
    { "11/23 10:00開始", "11/23", "11月23日" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    text_test_one (checker, cases[i].body, FORMAT, TAYORI_SEVERITY_WARNING, cases[i].span, cases[i].fix);
}

static void
test_format_range (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
  const char *body = "受付期間：11/23～11/30";
  g_autoptr(GPtrArray) found = text_test_body (checker, body, FORMAT);

  g_assert_cmpuint (found->len, ==, 2);
  text_test_assert (found->pdata[0], FORMAT, TAYORI_SEVERITY_WARNING, "body", body, "11/23", "11月23日");
  text_test_assert (found->pdata[1], FORMAT, TAYORI_SEVERITY_WARNING, "body", body, "11/30", "11月30日");
}

static void
test_format_passes (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
  const char *bodies[] = {
    "2026年11月23日に開催します",
    /* fractions, phone numbers, versions, postal codes, impossible dates */
    "補助は費用の1/2までです。定員の1/3程度",
    "電話：06-1234-5678、FAX：06-2026-1123",
    "バージョン1.11.23に更新、〒530-0001",
    "2026/13/45",
    "2026/2/30",
    /* links and code are not prose */
    "[案内](https://www.city.osaka.lg.jp/2026/11/23/)",
    "`2026/11/23`",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    text_test_none (checker, bodies[i], FORMAT);
}

static void
test_weekday (void)
{
  /* 2026-11-23 is a Monday */
  assert_no_weekday ("11月23日（月）に開催", "2026-11-01");
  assert_no_weekday ("11月23日（月・祝）", "2026-11-01");
  assert_no_weekday ("11月23日(月曜日)", "2026-11-01");
  assert_weekday ("11月24日（月）に開催", "2026-11-01", "月", "火", "2026年11月24日");
  assert_weekday ("11月24日(月曜日)", "2026-11-01", "月曜日", "火曜日", "2026年11月24日");
  assert_weekday ("１１月２４日（月）", "2026-11-01", "月", "火", "2026年11月24日");
  assert_weekday ("11/24（月）", "2026-11-01", "月", "火", "2026年11月24日");
  /* a written year wins over the publish window */
  assert_weekday ("2025年11月23日（月）", "2026-11-01", "月", "日", "2025年11月23日");
  assert_no_weekday ("令和8年11月23日（月）", "2020-01-01");
  assert_no_weekday ("令和8年（2026年）11月23日（月）", "2020-01-01");
}

static void
test_weekday_year_boundary (void)
{
  /* published in December: January is the coming one, 2027-01-05 a Tuesday */
  assert_no_weekday ("1月5日（火）から受付", "2026-12-10");
  assert_weekday ("1月5日（月）から受付", "2026-12-10", "月", "火", "2027年1月5日");
  /* 2 months before the publish month is still this year: 2026-10-01 is a Thursday */
  assert_no_weekday ("10月1日（木）に終了しました", "2026-12-10");
  /* published in January: December is the one just past, 2026-12-25 a Friday */
  assert_no_weekday ("12月25日（金）に受付を終えました", "2027-01-06");
  assert_weekday ("12月25日（土）", "2027-01-06", "土", "金", "2026年12月25日");
  /* without a publish window the preset's pinned "today" is the anchor */
  {
    g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
    g_autoptr(TayoriArticle) article = text_test_article ("1月5日（火）", NULL, NULL);
    g_autoptr(GPtrArray) findings = check_test_run_article (checker, article, "[checks]\ntoday=2026-12-20\n");
    g_autoptr(GPtrArray) found = check_test_filter (findings, WEEKDAY);

    g_assert_cmpuint (found->len, ==, 0);
  }
}

static void
test_weekday_paragraph_context (void)
{
  /* the written year of the first date carries over the year end, though the publish start
   * in February alone would put 1月5日 in 2026 (a Monday) */
  assert_no_weekday ("2026年12月25日（金）から1月5日（火）まで", "2026-02-01");
  /* … and back over it: the results before an interview in January come in December */
  assert_no_weekday ("面接は令和9年1月8日（金曜日）です。結果は12月25日（金曜日）までにお知らせします。",
                     "2026-11-16");
  /* a bare day takes the month of the date before it */
  assert_no_weekday ("11月23日（月）から25日（水）まで", "2026-11-01");
  assert_weekday ("11月23日（月）から26日（水）まで", "2026-11-01", "水", "木", "2026年11月26日");
  /* a bare day with nothing before it in its paragraph is left alone */
  assert_no_weekday ("11月23日（月）\n\n25日（木）", "2026-11-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/text/date-format", test_format);
  g_test_add_func ("/tayori/checks/text/date-format/range", test_format_range);
  g_test_add_func ("/tayori/checks/text/date-format/passes", test_format_passes);
  g_test_add_func ("/tayori/checks/text/weekday", test_weekday);
  g_test_add_func ("/tayori/checks/text/weekday/year-boundary", test_weekday_year_boundary);
  g_test_add_func ("/tayori/checks/text/weekday/paragraph", test_weekday_paragraph_context);

  return g_test_run ();
}
