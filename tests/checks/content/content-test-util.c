/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the content-rule tests (see content-test-util.h). */
#include <string.h>

#include "content-test-util.h"

TayoriArticle *
content_article_new (const char *title,
                     const char *body)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, title);
  tayori_article_set_body (article, body);
  return article;
}

ContentRun *
content_run_new (TayoriChecker       *checker,
                 TayoriArticle       *article,
                 TayoriCheckSettings *settings)
{
  ContentRun *run = g_new0 (ContentRun, 1);

  run->document = tayori_check_document_new_for_article (article);
  run->findings = check_test_run (checker, run->document, settings);
  for (guint i = 0; i < run->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (run->findings, i);

      /* Every finding names a rule of the catalogue and a range inside its field. */
      g_assert_nonnull (tayori_finding_get_rule (finding));
      g_assert_cmpuint (tayori_finding_get_start (finding), <=, tayori_finding_get_end (finding));
      g_assert_cmpuint (tayori_finding_get_end (finding), <=,
                        strlen (tayori_check_document_get_text (run->document,
                                                                tayori_finding_get_field (finding))));
    }
  return run;
}

void
content_run_free (ContentRun *run)
{
  g_clear_object (&run->document);
  g_ptr_array_unref (run->findings);
  g_free (run);
}

static char *
span_of (ContentRun    *run,
         TayoriFinding *finding)
{
  return tayori_finding_dup_span (finding, tayori_check_document_get_text (run->document,
                                                                           tayori_finding_get_field (finding)));
}

char *
content_run_spans (ContentRun *run,
                   const char *rule,
                   const char *field)
{
  g_autoptr(GString) spans = g_string_new (NULL);

  for (guint i = 0; i < run->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (run->findings, i);
      g_autofree char *span = NULL;

      if (!g_str_equal (tayori_finding_get_rule_id (finding), rule))
        continue;
      span = span_of (run, finding);
      if (spans->len > 0)
        g_string_append_c (spans, '|');
      if (!g_str_equal (tayori_finding_get_field (finding), field))
        g_string_append_printf (spans, "%s:", tayori_finding_get_field (finding));
      g_string_append (spans, span);
    }
  return g_string_free (g_steal_pointer (&spans), FALSE);
}

TayoriFinding *
content_run_find (ContentRun *run,
                  const char *rule,
                  const char *span)
{
  TayoriFinding *found = NULL;

  for (guint i = 0; i < run->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (run->findings, i);
      g_autofree char *text = span_of (run, finding);

      if (g_str_equal (tayori_finding_get_rule_id (finding), rule) && g_str_equal (text, span))
        {
          g_assert_null (found);
          found = finding;
        }
    }
  for (guint i = 0; found == NULL && i < run->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (run->findings, i);
      g_autofree char *text = span_of (run, finding);

      g_test_message ("no %s “%s”; found %s “%s”", rule, span,
                      tayori_finding_get_rule_id (finding), text);
    }
  g_assert_nonnull (found);
  return found;
}

guint
content_run_count (ContentRun *run,
                   const char *rule)
{
  return check_test_count (run->findings, rule);
}

void
content_keep_result (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **kept = user_data;

  (void) source;
  *kept = g_object_ref (result);
}

GAsyncResult *
content_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return g_steal_pointer (result);
}
