/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running one municipal-structure checker in a test and checking what it found. */
#include <string.h>

#include "structure-test-util.h"

void
check_result_free (CheckResult *result)
{
  g_clear_object (&result->document);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_free (result);
}

static CheckResult *
run (TayoriChecker       *checker,
     TayoriCheckDocument *document,
     const char          *settings_text)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (settings_text);
  CheckResult *result = g_new0 (CheckResult, 1);

  result->document = document;
  result->findings = check_test_run (checker, document, settings);
  for (guint i = 0; i < result->findings->len; i++)
    g_assert_cmpstr (tayori_finding_get_family (g_ptr_array_index (result->findings, i)), ==,
                     "municipal-structure");
  return result;
}

CheckResult *
check_article (TayoriChecker *checker,
               TayoriArticle *article,
               const char    *settings_text)
{
  return run (checker, tayori_check_document_new_for_article (article), settings_text);
}

CheckResult *
check_markdown (TayoriChecker *checker,
                const char    *body)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();

  tayori_article_set_title (article, "お知らせ");
  tayori_article_set_body (article, body);
  return check_article (checker, article, NULL);
}

CheckResult *
check_html (TayoriChecker *checker,
            const char    *html)
{
  return run (checker, tayori_check_document_new_for_html (html, -1), NULL);
}

guint
count_rule (CheckResult *result,
            const char  *rule_id)
{
  return check_test_count (result->findings, rule_id);
}

TayoriFinding *
nth_finding (CheckResult *result,
             const char  *rule_id,
             guint        n)
{
  for (guint i = 0; i < result->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (result->findings, i);

      if (g_str_equal (tayori_finding_get_rule_id (finding), rule_id) && n-- == 0)
        return finding;
    }
  g_assert_not_reached ();
}

TayoriFinding *
only_finding (CheckResult *result,
              const char  *rule_id)
{
  g_assert_cmpuint (count_rule (result, rule_id), ==, 1);
  return nth_finding (result, rule_id, 0);
}

void
assert_finding (CheckResult    *result,
                TayoriFinding  *finding,
                TayoriSeverity  severity,
                const char     *span,
                const char     *fix)
{
  const char *body = tayori_check_document_get_text (result->document, "body");
  g_autofree char *text = tayori_finding_dup_span (finding, body);

  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "body");
  g_assert_cmpstr (tayori_severity_to_string (tayori_finding_get_severity (finding)), ==,
                   tayori_severity_to_string (severity));
  g_assert_cmpstr (text, ==, span);
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, fix);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), !=, "");
  g_assert_null (strstr (tayori_finding_get_message_en (finding), "{"));
}

char *
apply_fix (CheckResult   *result,
           TayoriFinding *finding)
{
  const char *body = tayori_check_document_get_text (result->document, "body");
  GString *fixed = g_string_new_len (body, tayori_finding_get_start (finding));

  g_assert_nonnull (tayori_finding_get_fix (finding));
  g_string_append (fixed, tayori_finding_get_fix (finding));
  g_string_append (fixed, body + tayori_finding_get_end (finding));
  return g_string_free (fixed, FALSE);
}
