/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 和暦 and 西暦: unpaired mixing across fields with the paired form as the fix, pairs that
 * disagree, and era years after their era ended (平成32年, 平成31年5月1日). */
#include "text-test-util.h"

#define CONSISTENCY "ja-era-consistency"
#define MISMATCH    "ja-era-mismatch"
#define OBSOLETE    "ja-era-obsolete"

static GPtrArray *
run_article (const char *body,
             const char *summary,
             const char *rule_id)
{
  g_autoptr(TayoriChecker) checker = tayori_check_dates_new ();
  g_autoptr(TayoriArticle) article = text_test_article (body, summary, "2026-11-01");
  g_autoptr(GPtrArray) findings = check_test_run_article (checker, article, NULL);

  return check_test_filter (findings, rule_id);
}

/* Asserts none of the @n @bodies gives a finding of @rule_id. */
static void
assert_none (const char * const *bodies,
             gsize               n,
             const char         *rule_id)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) found = run_article (bodies[i], NULL, rule_id);

      if (found->len != 0)
        g_test_message ("%s: %u findings", bodies[i], found->len);
      g_assert_cmpuint (found->len, ==, 0);
    }
}

static void
test_consistency (void)
{
  const char *body = "令和8年4月1日から受け付けます。";
  const char *summary = "2026年度の事業です。";
  g_autoptr(GPtrArray) found = run_article (body, summary, CONSISTENCY);

  /* fields in the document's order: title, summary, body */
  g_assert_cmpuint (found->len, ==, 2);
  text_test_assert (found->pdata[0], CONSISTENCY, TAYORI_SEVERITY_WARNING, "summary", summary,
                    "2026年度", "2026年度（令和8年度）");
  text_test_assert (found->pdata[1], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "令和8年", "令和8年（2026年）");
}

static void
test_consistency_western_fixes (void)
{
  /* the era of a western year: from its date, fiscal years by their December, none for a
   * year two eras share */
  const char *body = "令和元年に始まりました。2019年5月1日、2019年度、1995年、2019年の記録";
  g_autoptr(GPtrArray) found = run_article (body, NULL, CONSISTENCY);

  g_assert_cmpuint (found->len, ==, 5);
  text_test_assert (found->pdata[0], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "令和元年", "令和元年（2019年）");
  text_test_assert (found->pdata[1], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "2019年", "2019年（令和元年）");
  text_test_assert (found->pdata[2], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "2019年度", "2019年度（令和元年度）");
  text_test_assert (found->pdata[3], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "1995年", "1995年（平成7年）");
  text_test_assert (found->pdata[4], CONSISTENCY, TAYORI_SEVERITY_WARNING, "body", body,
                    "2019年", NULL);
}

static void
test_consistency_passes (void)
{
  const char *bodies[] = {
    /* one calendar only */
    "令和8年4月1日から令和9年3月31日まで",
    "2026年4月1日から2027年3月31日まで",
    /* paired at the first mention, then either */
    "令和8年（2026年）4月1日から。令和8年度の事業",
    "2026（令和8）年4月から。2026年度",
    /* numbers that are not years */
    "令和8年度に1000人、電話06-2026-1123",
  };

  assert_none (bodies, G_N_ELEMENTS (bodies), CONSISTENCY);
}

static void
test_mismatch (void)
{
  const char *body = "令和8年（2025年）4月1日から、2026（令和7）年度まで";
  g_autoptr(GPtrArray) found = run_article (body, NULL, MISMATCH);

  g_assert_cmpuint (found->len, ==, 2);
  text_test_assert (found->pdata[0], MISMATCH, TAYORI_SEVERITY_ERROR, "body", body,
                    "令和8年（2025年）", NULL);
  text_test_assert (found->pdata[1], MISMATCH, TAYORI_SEVERITY_ERROR, "body", body,
                    "2026（令和7）年度", NULL);
}

static void
test_mismatch_passes (void)
{
  const char *bodies[] = {
    "令和8年（2026年）",
    "令和元年(2019年)",
    "平成31年（2019年）4月",
    "2026年（令和8年）",
    "1989年（平成元年）",
    "昭和64年（1989年）1月7日",
  };

  assert_none (bodies, G_N_ELEMENTS (bodies), MISMATCH);
}

static void
test_obsolete (void)
{
  static const struct {
    const char *body;
    const char *span;
    const char *fix;
  } cases[] = {
    { "平成32年3月末まで", "平成32年", "令和2年" },
    { "平成31年5月1日施行", "平成31年", "令和元年" },
    { "平成33年度の予算", "平成33年度", "令和3年度" },
    { "昭和64年1月8日", "昭和64年", "平成元年" },
    { "平成31年（2019年）6月1日", "平成31年", "令和元年" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = run_article (cases[i].body, NULL, OBSOLETE);

      if (found->len != 1)
        g_test_message ("%s: %u findings", cases[i].body, found->len);
      g_assert_cmpuint (found->len, ==, 1);
      text_test_assert (found->pdata[0], OBSOLETE, TAYORI_SEVERITY_WARNING, "body", cases[i].body,
                        cases[i].span, cases[i].fix);
    }
}

static void
test_obsolete_passes (void)
{
  const char *bodies[] = {
    "平成31年4月30日まで",
    "平成31年の記録",
    "平成31年度の決算",
    "昭和64年1月7日",
    "令和100年",
  };

  assert_none (bodies, G_N_ELEMENTS (bodies), OBSOLETE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/text/era/consistency", test_consistency);
  g_test_add_func ("/tayori/checks/text/era/consistency/western", test_consistency_western_fixes);
  g_test_add_func ("/tayori/checks/text/era/consistency/passes", test_consistency_passes);
  g_test_add_func ("/tayori/checks/text/era/mismatch", test_mismatch);
  g_test_add_func ("/tayori/checks/text/era/mismatch/passes", test_mismatch_passes);
  g_test_add_func ("/tayori/checks/text/era/obsolete", test_obsolete);
  g_test_add_func ("/tayori/checks/text/era/obsolete/passes", test_obsolete_passes);

  return g_test_run ();
}
