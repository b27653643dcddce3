/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The organisation preset: embedded defaults, a file overriding them key by key, locked keys,
 * and a broken file that leaves the defaults in place. */
#include <glib/gstdio.h>
#include <string.h>

#include "tayori-preset.h"

static char *
write_preset (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("tayori-preset-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  g_close (fd, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_defaults (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  const char * const *wards = tayori_preset_get_wards (preset);
  const char * const *categories = tayori_preset_get_categories (preset);

  g_assert_cmpstr (tayori_preset_get_source (preset), ==, "defaults");
  g_assert_cmpstr (tayori_preset_get_city_name (preset), ==, "大阪市");
  g_assert_cmpuint (g_strv_length ((char **) wards), ==, 24);
  g_assert_true (g_strv_contains (wards, "北区"));
  g_assert_true (g_strv_contains (wards, "西成区"));
  g_assert_cmpstrv (tayori_preset_get_audiences (preset),
                    ((const char *[]) { "子育て世帯", "高齢者", "外国人", "若年層", "転入者", "事業者", NULL }));
  g_assert_true (g_strv_contains (categories, "防災・安全"));
  g_assert_true (g_strv_contains (categories, "防災・安全/避難所"));
  g_assert_true (g_strv_contains (categories, "事業者向け"));
  /* every child comes after its parent */
  for (guint i = 0; categories[i] != NULL; i++)
    {
      const char *slash = strchr (categories[i], '/');
      g_autofree char *parent = slash ? g_strndup (categories[i], slash - categories[i]) : NULL;

      if (parent != NULL)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < i; j++)
            found |= g_str_equal (categories[j], parent);
          g_assert_true (found);
        }
    }
  g_assert_cmpuint (g_strv_length ((char **) tayori_preset_get_departments (preset)), >, 3);
  g_assert_cmpuint (tayori_preset_get_summary_limit (preset), ==, 120);
  g_assert_null (tayori_preset_get_template_dir (preset));
  g_assert_null (tayori_preset_get_contact_default (preset, "phone"));
  g_assert_null (tayori_preset_get_contact_default (preset, "no-such-key"));
  g_assert_false (tayori_preset_is_locked (preset, "lists/wards"));
}

static void
test_override (void)
{
  g_autofree char *path = write_preset (
    "# 北区役所の設定\n"
    "[city]\nname=大阪市北区\n"
    "[lists]\nwards=北区\naudiences= 子育て世帯 ; 高齢者 ;;\n"
    "[contact]\nsection=北区役所 総務課\nphone=06-0000-0000\n"
    "[article]\nsummary-limit=80\n"
    "[preview]\ntemplate-dir=templates/kita\n"
    "[locked]\nkeys=lists/wards;article/summary-limit\n"
    "[future]\nunknown=kept quiet\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_from_file (path, &error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *template_dir = g_build_filename (dir, "templates", "kita", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (tayori_preset_get_source (preset), ==, path);
  g_assert_cmpstr (tayori_preset_get_city_name (preset), ==, "大阪市北区");
  g_assert_cmpstrv (tayori_preset_get_wards (preset), ((const char *[]) { "北区", NULL }));
  g_assert_cmpstrv (tayori_preset_get_audiences (preset), ((const char *[]) { "子育て世帯", "高齢者", NULL }));
  /* keys the file does not name keep their defaults */
  g_assert_true (g_strv_contains (tayori_preset_get_categories (preset), "防災・安全/避難所"));
  g_assert_cmpstr (tayori_preset_get_contact_default (preset, "section"), ==, "北区役所 総務課");
  g_assert_cmpstr (tayori_preset_get_contact_default (preset, "phone"), ==, "06-0000-0000");
  g_assert_null (tayori_preset_get_contact_default (preset, "fax"));
  g_assert_cmpuint (tayori_preset_get_summary_limit (preset), ==, 80);
  g_assert_cmpstr (tayori_preset_get_template_dir (preset), ==, template_dir);
  g_assert_true (tayori_preset_is_locked (preset, "lists/wards"));
  g_assert_true (tayori_preset_is_locked (preset, "article/summary-limit"));
  g_assert_false (tayori_preset_is_locked (preset, "lists/categories"));

  g_unlink (path);
}

static void
assert_broken (const char *contents)
{
  g_autofree char *path = write_preset (contents);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_from_file (path, &error);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (preset);
  g_assert_cmpstr (tayori_preset_get_source (preset), ==, "defaults");
  g_assert_cmpuint (g_strv_length ((char **) tayori_preset_get_wards (preset)), ==, 24);
  g_assert_cmpuint (tayori_preset_get_summary_limit (preset), ==, 120);
  g_assert_false (tayori_preset_is_locked (preset, "lists/wards"));
  g_unlink (path);
}

static void
test_malformed (void)
{
  assert_broken ("[lists]\nwards=北区\nthis line is not a key\n");
  /* valid syntax but a bad value: nothing of the file applies, not even the good keys */
  assert_broken ("[lists]\nwards=北区\n[locked]\nkeys=lists/wards\n[article]\nsummary-limit=many\n");
  assert_broken ("[article]\nsummary-limit=0\n");
  assert_broken ("\xff\xfe not text\n");
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_from_file ("/nonexistent/tayori/preset.conf", &error);

  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_cmpstr (tayori_preset_get_source (preset), ==, "defaults");
}

/* The commented example IT staff copy must itself be a valid preset */
static void
test_example_file (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "preset-example.conf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (tayori_preset_get_source (preset), ==, path);
  g_assert_cmpuint (g_strv_length ((char **) tayori_preset_get_wards (preset)), ==, 24);
  g_assert_cmpstr (tayori_preset_get_contact_default (preset, "section"), ==, "北区役所 総務課");
  g_assert_true (tayori_preset_is_locked (preset, "lists/wards"));
  g_assert_true (tayori_preset_is_locked (preset, "contact/phone"));
  g_assert_false (tayori_preset_is_locked (preset, "lists/categories"));
}

static void
test_load_env (void)
{
  g_autofree char *path = write_preset ("[city]\nname=テスト市\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = NULL;

  g_setenv ("TAYORI_PRESET", path, TRUE);
  preset = tayori_preset_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_preset_get_city_name (preset), ==, "テスト市");
  g_unsetenv ("TAYORI_PRESET");
  g_unlink (path);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/preset/defaults", test_defaults);
  g_test_add_func ("/tayori/model/preset/override", test_override);
  g_test_add_func ("/tayori/model/preset/malformed", test_malformed);
  g_test_add_func ("/tayori/model/preset/missing-file", test_missing_file);
  g_test_add_func ("/tayori/model/preset/example-file", test_example_file);
  g_test_add_func ("/tayori/model/preset/load-env", test_load_env);

  return g_test_run ();
}
