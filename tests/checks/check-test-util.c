/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the writing-check test suites (see check-test-util.h). */
#include "check-test-util.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tayori-preset.h"

TayoriCheckSettings *
check_test_settings_new (const char *preset_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autofree char *path = NULL;
  int fd;

  if (preset_text == NULL)
    return tayori_check_settings_new_defaults ();
  fd = g_file_open_tmp ("tayori-check-preset-XXXXXX.conf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, preset_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
  return tayori_check_settings_new (preset);
}

GPtrArray *
check_test_run (TayoriChecker       *checker,
                TayoriCheckDocument *document,
                TayoriCheckSettings *settings)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  tayori_checker_check (checker, document, settings, findings, NULL);
  return findings;
}

GPtrArray *
check_test_run_article (TayoriChecker *checker,
                        TayoriArticle *article,
                        const char    *preset_text)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset_text);

  return check_test_run (checker, document, settings);
}

GPtrArray *
check_test_filter (GPtrArray  *findings,
                   const char *rule_id)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < findings->len; i++)
    if (g_str_equal (tayori_finding_get_rule_id (findings->pdata[i]), rule_id))
      g_ptr_array_add (found, g_object_ref (findings->pdata[i]));
  return found;
}

guint
check_test_count (GPtrArray  *findings,
                  const char *rule_id)
{
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    n += g_str_equal (tayori_finding_get_rule_id (g_ptr_array_index (findings, i)), rule_id);
  return n;
}
