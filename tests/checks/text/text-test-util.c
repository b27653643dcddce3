/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the municipal-text and dates checkers (see text-test-util.h). */
#include "text-test-util.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tayori-check-document.h"
#include "tayori-check-settings.h"
#include "tayori-preset.h"

static TayoriCheckSettings *
settings_new (const char *preset_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (preset_text == NULL)
    return tayori_check_settings_new_defaults ();
  fd = g_file_open_tmp ("text-preset-XXXXXX.conf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, preset_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return tayori_check_settings_new (preset);
}

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
text_test_run (TayoriChecker *checker,
               TayoriArticle *article,
               const char    *preset)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
  g_autoptr(TayoriCheckSettings) settings = settings_new (preset);
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  tayori_checker_check (checker, document, settings, findings, NULL);
  return findings;
}

GPtrArray *
text_test_filter (GPtrArray  *findings,
                  const char *rule_id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (tayori_finding_get_rule_id (findings->pdata[i]), rule_id))
      g_ptr_array_add (found, g_object_ref (findings->pdata[i]));
  return found;
}

GPtrArray *
text_test_body (TayoriChecker *checker,
                const char    *body,
                const char    *rule_id)
{
  g_autoptr(TayoriArticle) article = text_test_article (body, NULL, NULL);
  g_autoptr(GPtrArray) findings = text_test_run (checker, article, NULL);

  return text_test_filter (findings, rule_id);
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
