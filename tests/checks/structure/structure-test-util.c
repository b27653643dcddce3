/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running one municipal-structure checker in a test and checking what it found. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "structure-test-util.h"
#include "tayori-preset.h"

void
check_result_free (CheckResult *result)
{
  g_clear_object (&result->document);
  g_clear_pointer (&result->findings, g_ptr_array_unref);
  g_free (result);
}

static TayoriCheckSettings *
settings_new (const char *settings_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (settings_text == NULL)
    return tayori_check_settings_new_defaults ();
  fd = g_file_open_tmp ("tayori-structure-XXXXXX.conf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, settings_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return tayori_check_settings_new (preset);
}

static CheckResult *
run (TayoriChecker       *checker,
     TayoriCheckDocument *document,
     const char          *settings_text)
{
  g_autoptr(TayoriCheckSettings) settings = settings_new (settings_text);
  CheckResult *result = g_new0 (CheckResult, 1);

  result->document = document;
  result->findings = g_ptr_array_new_with_free_func (g_object_unref);
  tayori_checker_check (checker, document, settings, result->findings, NULL);
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
  guint n = 0;

  for (guint i = 0; i < result->findings->len; i++)
    n += g_str_equal (tayori_finding_get_rule_id (g_ptr_array_index (result->findings, i)), rule_id);
  return n;
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
