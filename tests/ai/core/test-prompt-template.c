/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of prompt templates: every embedded template loads and renders in Japanese, unknown
 * placeholders are errors, filled text is not expanded again, the preset's directory wins. */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include "tayori-prompt-template.h"

static const char * const ids[] = {
  "category", "summary", "titles", "sns", "thumbnail", "easy-japanese", "english", "proofread",
};

static GHashTable *
all_values (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);
  const char *names[] = { "title", "text", "categories", "max_chars", "summary", "url",
                          "hashtags", "networks", "category" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_hash_table_insert (values, (gpointer) names[i], (gpointer) "〈値〉");
  return values;
}

static void
test_embedded (void)
{
  g_autoptr(GHashTable) values = all_values ();

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TayoriPromptTemplate) template = tayori_prompt_template_load (NULL, ids[i], &error);
      g_autofree char *system = NULL;
      g_autofree char *user = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (tayori_prompt_template_get_id (template), ==, ids[i]);
      g_assert_cmpstr (tayori_prompt_template_get_version (template), ==, "1");
      g_assert_true (tayori_prompt_template_render (template, values, &system, &user, &error));
      g_assert_no_error (error);
      /* Japanese, multi-line, every placeholder filled */
      g_assert_nonnull (strstr (system, "ください"));
      g_assert_nonnull (strchr (system, '\n'));
      g_assert_null (strstr (system, "{{"));
      g_assert_null (strstr (user, "{{"));
      g_assert_true (strstr (system, "〈値〉") != NULL || strstr (user, "〈値〉") != NULL);
    }
}

static void
test_render (void)
{
  g_autoptr(TayoriPromptTemplate) template = tayori_prompt_template_load (NULL, "summary", NULL);
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *system = NULL;
  g_autofree char *user = NULL;
  char *unused = NULL;

  g_hash_table_insert (values, "title", "{{max_chars}} の説明会");
  g_hash_table_insert (values, "text", "本文です。{{text}}");
  /* A missing value is an error and leaves the outputs alone. */
  g_assert_false (tayori_prompt_template_render (template, values, &unused, NULL, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "max_chars"));
  g_assert_null (unused);

  g_hash_table_insert (values, "max_chars", "120");
  g_assert_true (tayori_prompt_template_render (template, values, &system, &user, NULL));
  g_assert_nonnull (strstr (system, "120文字以内"));
  g_assert_nonnull (strstr (user, "120文字以内"));
  /* Text put in stays as it is: no second expansion. */
  g_assert_nonnull (strstr (user, "{{max_chars}} の説明会"));
  g_assert_nonnull (strstr (user, "本文です。{{text}}"));
}

static void
test_unknown (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (tayori_prompt_template_load (NULL, "poem", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (tayori_prompt_template_load (NULL, "../summary", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_preset_override (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tayori-prompts-XXXXXX", NULL);
  g_autofree char *prompts = g_build_filename (dir, "prompts", NULL);
  g_autofree char *preset_path = g_build_filename (dir, "preset.conf", NULL);
  g_autofree char *summary_path = g_build_filename (prompts, "summary.prompt", NULL);
  g_autofree char *titles_path = g_build_filename (prompts, "titles.prompt", NULL);
  g_autofree char *english_path = g_build_filename (prompts, "english.prompt", NULL);
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(TayoriPromptTemplate) summary = NULL;
  g_autoptr(TayoriPromptTemplate) category = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *system = NULL;
  g_autofree char *user = NULL;

  g_assert_cmpint (g_mkdir (prompts, 0700), ==, 0);
  /* Relative to the preset file */
  g_assert_true (g_file_set_contents (preset_path, "[ai]\nprompts-dir=prompts\n", -1, NULL));
  g_assert_true (g_file_set_contents (summary_path,
    "[prompt]\nid=summary\nversion=2-city\nsystem=市の要約係です。\nuser=要約: {{text}}\n", -1, NULL));
  g_assert_true (g_file_set_contents (titles_path,
    "[prompt]\nid=summary\nversion=1\nsystem=s\nuser=u\n", -1, NULL));
  g_assert_true (g_file_set_contents (english_path,
    "[prompt]\nid=english\nversion=1\nsystem=s\nuser=u {{text}\n", -1, NULL));
  preset = tayori_preset_new_from_file (preset_path, &error);
  g_assert_no_error (error);

  summary = tayori_prompt_template_load (preset, "summary", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_prompt_template_get_version (summary), ==, "2-city");
  g_hash_table_insert (values, "text", "本文");
  g_assert_true (tayori_prompt_template_render (summary, values, &system, &user, &error));
  g_assert_cmpstr (system, ==, "市の要約係です。");
  g_assert_cmpstr (user, ==, "要約: 本文");

  /* Templates the organisation does not replace come from the resources. */
  category = tayori_prompt_template_load (preset, "category", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_prompt_template_get_version (category), ==, "1");

  /* A replacement with the wrong id, or a broken placeholder, is reported. */
  g_assert_null (tayori_prompt_template_load (preset, "titles", &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, titles_path));
  g_clear_error (&error);
  {
    g_autoptr(TayoriPromptTemplate) english = tayori_prompt_template_load (preset, "english", NULL);

    g_assert_false (tayori_prompt_template_render (english, values, NULL, NULL, &error));
    g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
  }

  g_unlink (summary_path);
  g_unlink (titles_path);
  g_unlink (english_path);
  g_rmdir (prompts);
  g_unlink (preset_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/prompt-template/embedded", test_embedded);
  g_test_add_func ("/tayori/ai/prompt-template/render", test_render);
  g_test_add_func ("/tayori/ai/prompt-template/unknown", test_unknown);
  g_test_add_func ("/tayori/ai/prompt-template/preset-override", test_preset_override);
  return g_test_run ();
}
