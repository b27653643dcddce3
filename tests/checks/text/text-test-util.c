/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the municipal-text and dates checkers (see text-test-util.h). */
#include "text-test-util.h"

TayoriArticle *
text_test_article (const char *body,
                   const char *summary,
                   const char *publish_start)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, "お知らせ");
  tayori_article_set_body (article, body);
  tayori_article_set_summary (article, summary);
  tayori_article_set_publish_start (article, publish_start);
  return article;
}

GPtrArray *
text_test_body (TayoriChecker *checker,
                const char    *body,
                const char    *rule_id)
{
  g_autoptr(TayoriArticle) article = text_test_article (body, NULL, NULL);
  g_autoptr(GPtrArray) findings = check_test_run_article (checker, article, NULL);

  return check_test_filter (findings, rule_id);
}

void
text_test_assert (TayoriFinding  *finding,
                  const char     *rule_id,
                  TayoriSeverity  severity,
                  const char     *field,
                  const char     *field_text,
                  const char     *span,
                  const char     *fix)
{
  g_autofree char *text = tayori_finding_dup_span (finding, field_text);

  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, rule_id);
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, severity);
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, field);
  g_assert_cmpstr (text, ==, span);
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, fix);
}

void
text_test_one (TayoriChecker  *checker,
               const char     *body,
               const char     *rule_id,
               TayoriSeverity  severity,
               const char     *span,
               const char     *fix)
{
  g_autoptr(GPtrArray) found = text_test_body (checker, body, rule_id);

  if (found->len != 1)
    g_test_message ("%s: %u findings of %s", body, found->len, rule_id);
  g_assert_cmpuint (found->len, ==, 1);
  text_test_assert (found->pdata[0], rule_id, severity, "body", body, span, fix);
}

void
text_test_none (TayoriChecker *checker,
                const char    *body,
                const char    *rule_id)
{
  g_autoptr(GPtrArray) found = text_test_body (checker, body, rule_id);

  if (found->len != 0)
    {
      g_autofree char *span = tayori_finding_dup_span (found->pdata[0], body);

      g_test_message ("%s: %u findings of %s, the first over “%s”", body, found->len, rule_id, span);
    }
  g_assert_cmpuint (found->len, ==, 0);
}
