/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the easy-japanese and readability checkers (see easy-test-util.h). */
#include "easy-test-util.h"

GPtrArray *
easy_test_run (TayoriChecker  *checker,
               const char     *body,
               const char     *summary,
               TayoriLanguage  language,
               const char     *preset)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();

  tayori_article_set_body (article, body);
  tayori_article_set_summary (article, summary);
  tayori_article_set_language (article, language);
  return check_test_run_article (checker, article, preset);
}

void
easy_test_assert (TayoriFinding  *finding,
                  const char     *rule_id,
                  TayoriSeverity  severity,
                  const char     *body,
                  const char     *span)
{
  g_autofree char *text = tayori_finding_dup_span (finding, body);

  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, rule_id);
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "body");
  g_assert_cmpstr (text, ==, span);
  g_assert_null (tayori_finding_get_fix (finding));
}
