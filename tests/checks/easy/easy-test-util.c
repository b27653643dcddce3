/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the easy-japanese and readability checkers (see easy-test-util.h). */
#include "easy-test-util.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tayori-check-document.h"
#include "tayori-check-settings.h"
#include "tayori-preset.h"

TayoriCheckSettings *
easy_test_settings_new (const char *preset_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (preset_text == NULL)
    return tayori_check_settings_new_defaults ();
  fd = g_file_open_tmp ("easy-preset-XXXXXX.conf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, preset_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return tayori_check_settings_new (preset);
}

GPtrArray *
easy_test_run (TayoriChecker  *checker,
               const char     *body,
               const char     *summary,
               TayoriLanguage  language,
               const char     *preset)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(TayoriCheckSettings) settings = easy_test_settings_new (preset);
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  tayori_article_set_body (article, body);
  tayori_article_set_summary (article, summary);
  tayori_article_set_language (article, language);
  document = tayori_check_document_new_for_article (article);
  tayori_checker_check (checker, document, settings, findings, NULL);
  return findings;
}

GPtrArray *
easy_test_filter (GPtrArray  *findings,
                  const char *rule_id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (tayori_finding_get_rule_id (findings->pdata[i]), rule_id))
      g_ptr_array_add (found, g_object_ref (findings->pdata[i]));
  return found;
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
