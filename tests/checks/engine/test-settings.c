/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Rule settings from the organisation preset: on/off, severity overrides, numbers and lists,
 * the shared [checks] group, and fallbacks for values that do not parse. */
#include "check-test-util.h"

static const char preset_text[] =
  "[checks]\n"
  "organisation-domains = example.lg.jp; city.osaka.lg.jp ;;\n"
  "\n"
  "[check:axe/region]\n"
  "enabled=false\n"
  "\n"
  "[check:axe/image-alt]\n"
  "enabled=true\n"
  "severity=error\n"
  "max-length=80\n"
  "ratio=0.35\n"
  "words=こちら; ここ ; 詳細\n"
  "\n"
  "[check:axe/label]\n"
  "enabled=maybe\n"
  "severity=fatal\n"
  "max-length=many\n"
  "ratio=0.3x\n"
  "\n"
  "[lists]\n"
  "wards=北区\n";

static void
test_preset_keyfile (void)
{
  g_autoptr(TayoriPreset) defaults = tayori_preset_new_defaults ();
  g_autoptr(GKeyFile) keyfile = tayori_preset_dup_check_keyfile (defaults);
  g_autofree char *domains = g_key_file_get_string (keyfile, "checks", "organisation-domains", NULL);

  g_assert_cmpstr (domains, ==, "city.osaka.lg.jp");
  /* only the check groups */
  g_assert_false (g_key_file_has_group (keyfile, "lists"));
}

static void
test_enabled_and_severity (void)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset_text);

  g_assert_false (tayori_check_settings_is_enabled (settings, "axe/region"));
  g_assert_true (tayori_check_settings_is_enabled (settings, "axe/image-alt"));
  /* a typo keeps the rule on; an unknown rule is on */
  g_assert_true (tayori_check_settings_is_enabled (settings, "axe/label"));
  g_assert_true (tayori_check_settings_is_enabled (settings, "axe/other"));

  g_assert_cmpint (tayori_check_settings_get_severity (settings, "axe/image-alt"), ==, TAYORI_SEVERITY_ERROR);
  /* garbage and unset: the catalogue default */
  g_assert_cmpint (tayori_check_settings_get_severity (settings, "axe/label"), ==, TAYORI_SEVERITY_WARNING);
  g_assert_cmpint (tayori_check_settings_get_severity (settings, "axe/region"), ==, TAYORI_SEVERITY_WARNING);
}

static void
test_values (void)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset_text);
  const char * const *words;
  const char * const *domains;

  g_assert_cmpint (tayori_check_settings_get_int (settings, "axe/image-alt", "max-length", 100), ==, 80);
  g_assert_cmpint (tayori_check_settings_get_int (settings, "axe/label", "max-length", 100), ==, 100);
  g_assert_cmpint (tayori_check_settings_get_int (settings, "axe/image-alt", "missing", -1), ==, -1);
  g_assert_cmpfloat (tayori_check_settings_get_double (settings, "axe/image-alt", "ratio", 0.3), ==, 0.35);
  g_assert_cmpfloat (tayori_check_settings_get_double (settings, "axe/label", "ratio", 0.3), ==, 0.3);
  g_assert_cmpstr (tayori_check_settings_get_string (settings, "axe/image-alt", "severity"), ==, "error");
  g_assert_null (tayori_check_settings_get_string (settings, "axe/image-alt", "missing"));

  words = tayori_check_settings_get_list (settings, "axe/image-alt", "words");
  g_assert_nonnull (words);
  g_assert_cmpuint (g_strv_length ((char **) words), ==, 3);
  g_assert_cmpstr (words[0], ==, "こちら");
  g_assert_cmpstr (words[1], ==, "ここ");
  g_assert_cmpstr (words[2], ==, "詳細");
  g_assert_null (tayori_check_settings_get_list (settings, "axe/image-alt", "missing"));

  /* the shared group; the file's value replaces the built-in one */
  domains = tayori_check_settings_get_list (settings, NULL, "organisation-domains");
  g_assert_nonnull (domains);
  g_assert_cmpuint (g_strv_length ((char **) domains), ==, 2);
  g_assert_cmpstr (domains[0], ==, "example.lg.jp");
  g_assert_cmpstr (domains[1], ==, "city.osaka.lg.jp");
  /* groups of other parts of the preset are not check settings */
  g_assert_null (tayori_check_settings_get_string (settings, "lists", "wards"));
}

static void
test_axe_group (void)
{
  g_autoptr(TayoriCheckSettings) settings =
    check_test_settings_new ("[check:axe]\nseverity=notice\n"
                        "[check:axe/color-contrast]\nseverity=error\n"
                        "[check:axe/region]\nenabled=false\n");
  TayoriSeverity severity = TAYORI_SEVERITY_WARNING;

  /* every axe-core rule follows [check:axe] unless it has a group of its own */
  g_assert_cmpint (tayori_check_settings_get_severity (settings, "axe/image-alt"), ==, TAYORI_SEVERITY_NOTICE);
  g_assert_cmpint (tayori_check_settings_get_severity (settings, "axe/color-contrast"), ==, TAYORI_SEVERITY_ERROR);
  g_assert_false (tayori_check_settings_is_enabled (settings, "axe/region"));
  g_assert_true (tayori_check_settings_is_enabled (settings, "axe/image-alt"));
  g_assert_true (tayori_check_settings_get_severity_override (settings, "axe/label", &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_NOTICE);
}

static void
test_override (void)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset_text);
  TayoriSeverity severity = TAYORI_SEVERITY_NOTICE;

  g_assert_true (tayori_check_settings_get_severity_override (settings, "axe/image-alt", &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_ERROR);
  /* a bad value or none is no override */
  g_assert_false (tayori_check_settings_get_severity_override (settings, "axe/label", &severity));
  g_assert_false (tayori_check_settings_get_severity_override (settings, "axe/region", &severity));
  g_assert_cmpint (severity, ==, TAYORI_SEVERITY_ERROR);
}

static void
test_defaults (void)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  const char * const *domains = tayori_check_settings_get_list (settings, NULL, "organisation-domains");

  g_assert_nonnull (domains);
  g_assert_cmpstr (domains[0], ==, "city.osaka.lg.jp");
  g_assert_true (tayori_check_settings_is_enabled (settings, "axe/region"));
  g_assert_cmpint (tayori_check_settings_get_int (settings, "axe/region", "limit", 4), ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/engine/settings/preset-keyfile", test_preset_keyfile);
  g_test_add_func ("/tayori/checks/engine/settings/enabled-severity", test_enabled_and_severity);
  g_test_add_func ("/tayori/checks/engine/settings/values", test_values);
  g_test_add_func ("/tayori/checks/engine/settings/axe-group", test_axe_group);
  g_test_add_func ("/tayori/checks/engine/settings/override", test_override);
  g_test_add_func ("/tayori/checks/engine/settings/defaults", test_defaults);
  return g_test_run ();
}
