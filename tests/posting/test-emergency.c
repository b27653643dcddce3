/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Emergency templates: every built-in template lists its fields, fills all of them into the
 * three linked articles and their posts, and names the fields left empty. */
#include "tayori-emergency.h"

static GHashTable *
values_for (const TayoriEmergencyTemplate *template_)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; template_->fields[i] != NULL; i++)
    g_hash_table_insert (values, g_strdup (template_->fields[i]),
                         g_strdup_printf ("〈%s〉", template_->fields[i]));
  return values;
}

static void
test_every_template (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GPtrArray) templates = tayori_emergency_templates (preset);
  const char *ids[] = { "evacuation", "school-closure", "traffic", "water-outage" };

  g_assert_cmpuint (templates->len, ==, G_N_ELEMENTS (ids));
  for (guint t = 0; t < templates->len; t++)
    {
      TayoriEmergencyTemplate *template_ = g_ptr_array_index (templates, t);
      g_autoptr(GHashTable) values = values_for (template_);
      g_autoptr(GPtrArray) articles = NULL;
      g_auto(GStrv) posts = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *ja_text = NULL;

      g_assert_cmpstr (template_->id, ==, ids[t]);
      g_assert_nonnull (template_->label);
      g_assert_cmpuint (g_strv_length (template_->fields), >=, 4);
      g_assert_cmpuint (g_strv_length (template_->field_labels), ==,
                        g_strv_length (template_->fields));
      articles = tayori_emergency_build (preset, template_->id, values, &error);
      g_assert_no_error (error);
      posts = tayori_emergency_build_posts (preset, template_->id, values, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (articles->len, ==, 3);
      g_assert_cmpuint (g_strv_length (posts), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          TayoriArticle *article = g_ptr_array_index (articles, i);

          g_assert_cmpint (tayori_article_get_language (article), ==, (TayoriLanguage) i);
          g_assert_true (tayori_article_get_emergency (article));
          g_assert_cmpstr (tayori_article_get_translation_group (article), ==,
                           tayori_article_get_translation_group (g_ptr_array_index (articles, 0)));
          g_assert_nonnull (tayori_article_get_category (article));
          g_assert_null (strchr (tayori_article_get_title (article), '{'));
          g_assert_null (strchr (tayori_article_get_body (article), '{'));
          g_assert_null (strchr (posts[i], '{'));
          g_assert_cmpstr (posts[i], !=, "");
        }
      /* Every field appears somewhere in the Japanese article. */
      ja_text = g_strconcat (tayori_article_get_title (g_ptr_array_index (articles, 0)),
                             tayori_article_get_body (g_ptr_array_index (articles, 0)), NULL);
      for (guint f = 0; template_->fields[f] != NULL; f++)
        g_assert_nonnull (strstr (ja_text, g_hash_table_lookup (values, template_->fields[f])));
    }
}

static void
test_language_values (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GPtrArray) templates = tayori_emergency_templates (preset);
  g_autoptr(GHashTable) values = values_for (g_ptr_array_index (templates, 0));
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, g_strdup ("level@en"), g_strdup ("Evacuation order"));
  articles = tayori_emergency_build (preset, "evacuation", values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (tayori_article_get_title (g_ptr_array_index (articles, 2)),
                            "Evacuation order"));
  g_assert_null (strstr (tayori_article_get_title (g_ptr_array_index (articles, 0)),
                         "Evacuation order"));
}

static void
test_missing_fields (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_insert (values, (char *) "school", (char *) "中央小学校");
  g_hash_table_insert (values, (char *) "date", (char *) "  ");
  articles = tayori_emergency_build (preset, "school-closure", values, &error);
  g_assert_null (articles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "date, reason, resume, contact"));
  g_assert_null (strstr (error->message, "school,"));
  g_clear_error (&error);
  g_assert_null (tayori_emergency_build (preset, "tsunami", values, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/posting/emergency/every-template", test_every_template);
  g_test_add_func ("/tayori/posting/emergency/language-values", test_language_values);
  g_test_add_func ("/tayori/posting/emergency/missing-fields", test_missing_fields);
  return g_test_run ();
}
