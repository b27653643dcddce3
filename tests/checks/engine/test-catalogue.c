/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule catalogue (both languages, the fallback for axe-core rule ids, severities) and
 * findings (messages with arguments, the UI language, spans and display order). */
#include "tayori-finding.h"

static void
test_severity_strings (void)
{
  TayoriSeverity severity = TAYORI_SEVERITY_NOTICE;

  g_assert_cmpstr (tayori_severity_to_string (TAYORI_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (tayori_severity_to_string (TAYORI_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (tayori_severity_to_string (TAYORI_SEVERITY_NOTICE), ==, "notice");
  g_assert_true (tayori_severity_from_string (" Error ", &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_ERROR);
  g_assert_true (tayori_severity_from_string ("warning", &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_WARNING);
  g_assert_false (tayori_severity_from_string ("fatal", &severity));
  g_assert_false (tayori_severity_from_string (NULL, &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_WARNING);
}

static void
test_lookup (void)
{
  const TayoriCheckRule *axe = tayori_check_rule_lookup ("axe");
  const TayoriCheckRule * const *all = tayori_check_rules_all ();
  gboolean found = FALSE;

  g_assert_nonnull (axe);
  g_assert_cmpstr (axe->id, ==, "axe");
  g_assert_cmpstr (axe->family, ==, "axe");
  g_assert_cmpint (axe->severity, ==, TAYORI_SEVERITY_WARNING);
  g_assert_nonnull (axe->wcag);
  g_assert_nonnull (axe->act);
  /* Localised keys: [ja] for the Japanese fields, the plain key for English */
  g_assert_cmpstr (axe->title_ja, ==, "ページのアクセシビリティ検査（axe-core）");
  g_assert_cmpstr (axe->title_en, ==, "Accessibility check of the page (axe-core)");
  g_assert_true (g_str_has_prefix (axe->why_ja, "プレビューに表示したページを"));
  g_assert_true (g_str_has_prefix (axe->why_en, "This comes from axe-core"));
  g_assert_cmpstr (axe->how_ja, !=, axe->how_en);

  /* Every axe-core rule id resolves to the one [axe] entry */
  g_assert_true (tayori_check_rule_lookup ("axe/color-contrast") == axe);
  g_assert_true (tayori_check_rule_lookup ("axe/image-alt") == axe);
  g_assert_null (tayori_check_rule_lookup ("axe/"));
  g_assert_null (tayori_check_rule_lookup ("no-such-rule"));

  /* Sorted by family, then id; every rule can be looked up by its id */
  for (guint i = 0; all[i] != NULL; i++)
    {
      g_assert_true (tayori_check_rule_lookup (all[i]->id) == all[i]);
      g_assert_cmpstr (all[i]->title_ja, !=, "");
      g_assert_cmpstr (all[i]->message_en, !=, "");
      found |= all[i] == axe;
      if (i > 0)
        {
          int cmp = g_strcmp0 (all[i - 1]->family, all[i]->family);

          g_assert_true (cmp < 0 || (cmp == 0 && g_strcmp0 (all[i - 1]->id, all[i]->id) < 0));
        }
    }
  g_assert_true (found);
}

static void
test_finding_messages (void)
{
  g_autoptr(TayoriFinding) finding = tayori_finding_new ("axe/image-alt", "body", 3, 9);

  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, "axe/image-alt");
  g_assert_true (tayori_finding_get_rule (finding) == tayori_check_rule_lookup ("axe"));
  g_assert_cmpstr (tayori_finding_get_family (finding), ==, "axe");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "表示したページにアクセシビリティの問題があります");
  g_assert_null (tayori_finding_get_fix (finding));
  g_assert_null (tayori_finding_get_selector (finding));
  g_assert_cmpuint (g_strv_length ((char **) tayori_finding_get_wcag (finding)), ==, 0);

  tayori_finding_set_messages (finding, "「{text}」に代替テキストがありません（{n}件目）",
                               "“{text}” has no alternative text ({n})");
  tayori_finding_set_arg (finding, "text", "地図.png");
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "「地図.png」に代替テキストがありません（{n}件目）");
  tayori_finding_set_arg (finding, "n", "2");
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "「地図.png」に代替テキストがありません（2件目）");
  g_assert_cmpstr (tayori_finding_get_message_en (finding), ==, "“地図.png” has no alternative text (2)");

  tayori_finding_set_wcag (finding, (const char * const[]) { "1.1.1", NULL });
  tayori_finding_set_act (finding, (const char * const[]) { "23a2a8", NULL });
  tayori_finding_set_fix (finding, "地図");
  tayori_finding_set_selector (finding, "p:nth-of-type(1) > img:nth-of-type(1)");
  tayori_finding_set_severity (finding, TAYORI_SEVERITY_ERROR);
  g_assert_cmpstr (tayori_finding_get_wcag (finding)[0], ==, "1.1.1");
  g_assert_cmpstr (tayori_finding_get_act (finding)[0], ==, "23a2a8");
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, "地図");
  g_assert_cmpstr (tayori_finding_get_selector (finding), ==, "p:nth-of-type(1) > img:nth-of-type(1)");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_ERROR);
}

static void
test_finding_language (void)
{
  g_autoptr(TayoriFinding) finding = tayori_finding_new ("axe/region", "body", 0, 0);
  const TayoriCheckRule *rule = tayori_finding_get_rule (finding);

  g_setenv ("LANGUAGE", "ja_JP:en", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_cmpstr (tayori_finding_get_message (finding), ==, tayori_finding_get_message_ja (finding));
  g_assert_cmpstr (tayori_finding_get_why (finding), ==, rule->why_ja);
  g_assert_cmpstr (tayori_finding_get_how (finding), ==, rule->how_ja);

  g_setenv ("LANGUAGE", "en_GB:ja", TRUE);
  g_assert_cmpstr (tayori_finding_get_message (finding), ==, tayori_finding_get_message_en (finding));
  g_assert_cmpstr (tayori_finding_get_why (finding), ==, rule->why_en);
  g_assert_cmpstr (tayori_finding_get_how (finding), ==, rule->how_en);
  g_unsetenv ("LANGUAGE");
}

static void
test_finding_span_and_order (void)
{
  const char *body = "①の説明と㈱";
  g_autoptr(TayoriFinding) first = tayori_finding_new ("axe/a", "body", 0, 3);
  g_autoptr(TayoriFinding) later = tayori_finding_new ("axe/a", "body", 15, 18);
  g_autoptr(TayoriFinding) title = tayori_finding_new ("axe/a", "title", 5, 5);
  g_autoptr(TayoriFinding) error = tayori_finding_new ("axe/a", "summary", 0, 0);
  g_autofree char *span1 = tayori_finding_dup_span (first, body);
  g_autofree char *span2 = tayori_finding_dup_span (later, body);
  g_autofree char *span3 = tayori_finding_dup_span (title, "短い");

  g_assert_cmpstr (span1, ==, "①");
  g_assert_cmpstr (span2, ==, "㈱");
  g_assert_cmpstr (span3, ==, "");

  tayori_finding_set_severity (error, TAYORI_SEVERITY_ERROR);
  /* errors first, then the field's place in the editor, then the offset */
  g_assert_cmpint (tayori_finding_compare (error, title), <, 0);
  g_assert_cmpint (tayori_finding_compare (title, first), <, 0);
  g_assert_cmpint (tayori_finding_compare (first, later), <, 0);
  g_assert_cmpint (tayori_finding_compare (later, first), >, 0);
  g_assert_cmpint (tayori_finding_compare (first, first), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/engine/severity-strings", test_severity_strings);
  g_test_add_func ("/tayori/checks/engine/catalogue-lookup", test_lookup);
  g_test_add_func ("/tayori/checks/engine/finding-messages", test_finding_messages);
  g_test_add_func ("/tayori/checks/engine/finding-language", test_finding_language);
  g_test_add_func ("/tayori/checks/engine/finding-span-order", test_finding_span_and_order);
  return g_test_run ();
}
