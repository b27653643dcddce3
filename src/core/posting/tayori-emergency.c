/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Emergency templates: the built-in ones (resources/emergency) plus those in the preset's
 * [emergency] template-dir (same id replaces), filled into three linked articles (ja,
 * ja-easy, en) and their short posts. */
#include <string.h>
#include <glib/gi18n.h>

#include "tayori-emergency.h"

#define RESOURCE_DIR "/io/github/tayori/Tayori/core/emergency/"
#define SUFFIX       ".template"

static const TayoriLanguage languages[] = {
  TAYORI_LANGUAGE_JA, TAYORI_LANGUAGE_JA_EASY, TAYORI_LANGUAGE_EN
};

void
tayori_emergency_template_free (TayoriEmergencyTemplate *template_)
{
  if (template_ == NULL)
    return;
  g_free (template_->id);
  g_free (template_->label);
  g_strfreev (template_->fields);
  g_strfreev (template_->field_labels);
  g_free (template_);
}

/* id → GKeyFile: built-ins, then the preset's folder over them. */
static GHashTable *
load_keyfiles (TayoriPreset *preset)
{
  GHashTable *keyfiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_key_file_unref);
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_DIR, 0, NULL);
  g_autoptr(GKeyFile) settings = tayori_preset_dup_groups (preset, "emergency", "emergency:");
  g_autofree char *dir = g_key_file_get_string (settings, "emergency", "template-dir", NULL);
  g_autoptr(GDir) folder = dir != NULL && *dir != '\0' ? g_dir_open (dir, 0, NULL) : NULL;
  const char *name;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (RESOURCE_DIR, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      GKeyFile *keyfile = g_key_file_new ();

      if (bytes != NULL && g_str_has_suffix (names[i], SUFFIX)
          && g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
        g_hash_table_insert (keyfiles,
                             g_strndup (names[i], strlen (names[i]) - strlen (SUFFIX)), keyfile);
      else
        g_key_file_unref (keyfile);
    }
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GKeyFile *keyfile = g_key_file_new ();

      if (g_str_has_suffix (name, SUFFIX)
          && g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
        g_hash_table_insert (keyfiles, g_strndup (name, strlen (name) - strlen (SUFFIX)), keyfile);
      else
        g_key_file_unref (keyfile);
    }
  return keyfiles;
}

static TayoriEmergencyTemplate *
template_from_keyfile (const char *id,
                       GKeyFile   *keyfile)
{
  TayoriEmergencyTemplate *template_ = g_new0 (TayoriEmergencyTemplate, 1);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  template_->id = g_strdup (id);
  template_->label = g_key_file_get_locale_string (keyfile, "template", "label", NULL, NULL);
  template_->fields = g_key_file_get_string_list (keyfile, "template", "fields", NULL, NULL);
  if (template_->fields == NULL)
    template_->fields = g_new0 (char *, 1);
  for (guint i = 0; template_->fields[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("field-", template_->fields[i], NULL);
      g_autofree char *label = g_key_file_get_locale_string (keyfile, "template", key, NULL,
                                                             NULL);

      g_strv_builder_add (labels, label != NULL ? label : template_->fields[i]);
    }
  template_->field_labels = g_strv_builder_end (labels);
  return template_;
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 ((*(TayoriEmergencyTemplate **) a)->id,
                    (*(TayoriEmergencyTemplate **) b)->id);
}

GPtrArray *
tayori_emergency_templates (TayoriPreset *preset)
{
  g_autoptr(GHashTable) keyfiles = NULL;
  GPtrArray *templates;
  GHashTableIter iter;
  gpointer id, keyfile;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  keyfiles = load_keyfiles (preset);
  templates = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_emergency_template_free);
  g_hash_table_iter_init (&iter, keyfiles);
  while (g_hash_table_iter_next (&iter, &id, &keyfile))
    g_ptr_array_add (templates, template_from_keyfile (id, keyfile));
  g_ptr_array_sort (templates, compare_templates);
  return templates;
}

/* The template's keyfile, with every field filled in @values (else an error naming those
 * missing). */
static GKeyFile *
find_filled (TayoriPreset  *preset,
             const char    *template_id,
             GHashTable    *values,
             GError       **error)
{
  g_autoptr(GHashTable) keyfiles = load_keyfiles (preset);
  GKeyFile *keyfile = g_hash_table_lookup (keyfiles, template_id);
  g_auto(GStrv) fields = NULL;
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  if (keyfile == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no emergency template “%s”."), template_id);
      return NULL;
    }
  fields = g_key_file_get_string_list (keyfile, "template", "fields", NULL, NULL);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *value = values != NULL ? g_hash_table_lookup (values, fields[i]) : NULL;
      g_autofree char *trimmed = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

      if (trimmed == NULL || *trimmed == '\0')
        g_ptr_array_add (missing, g_strdup (fields[i]));
    }
  if (missing->len > 0)
    {
      g_autofree char *names = NULL;

      g_ptr_array_add (missing, NULL);
      names = g_strjoinv (", ", (char **) missing->pdata);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("These fields of the “%s” template are not filled in: %s"),
                   template_id, names);
      return NULL;
    }
  return g_key_file_ref (keyfile);
}

/* Replaces every {field} of @text; a "field@LANGUAGE" value wins in that language. */
static char *
fill (const char *text,
      GHashTable *values,
      const char *language)
{
  GString *filled = g_string_new (NULL);
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      const char *open = strchr (p, '{');
      const char *close = open != NULL ? strchr (open, '}') : NULL;
      g_autofree char *field = NULL;
      g_autofree char *localised = NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append (filled, p);
          break;
        }
      g_string_append_len (filled, p, open - p);
      field = g_strndup (open + 1, close - open - 1);
      localised = g_strconcat (field, "@", language, NULL);
      value = g_hash_table_lookup (values, localised);
      if (value == NULL)
        value = g_hash_table_lookup (values, field);
      if (value != NULL)
        g_string_append (filled, value);
      else
        g_string_append_len (filled, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (filled, FALSE);
}

static char *
fill_key (GKeyFile   *keyfile,
          const char *language,
          const char *key,
          GHashTable *values)
{
  g_autofree char *text = g_key_file_get_string (keyfile, language, key, NULL);

  return text != NULL ? fill (text, values, language) : NULL;
}

GPtrArray *
tayori_emergency_build (TayoriPreset  *preset,
                        const char    *template_id,
                        GHashTable    *values,
                        GError       **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autofree char *category = NULL;
  g_autofree char *group = g_uuid_string_random ();
  GPtrArray *articles;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (template_id != NULL, NULL);
  keyfile = find_filled (preset, template_id, values, error);
  if (keyfile == NULL)
    return NULL;
  category = g_key_file_get_string (keyfile, "template", "category", NULL);

  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *language = tayori_language_to_key (languages[i]);
      TayoriArticle *article = tayori_article_new ();
      g_autofree char *title = fill_key (keyfile, language, "title", values);
      g_autofree char *summary = fill_key (keyfile, language, "summary", values);
      g_autofree char *body = fill_key (keyfile, language, "body", values);

      tayori_article_set_title (article, title);
      tayori_article_set_summary (article, summary);
      tayori_article_set_body (article, body);
      tayori_article_set_category (article, category);
      tayori_article_set_language (article, languages[i]);
      tayori_article_set_translation_group (article, group);
      tayori_article_set_emergency (article, TRUE);
      g_ptr_array_add (articles, article);
    }
  return articles;
}

GStrv
tayori_emergency_build_posts (TayoriPreset  *preset,
                              const char    *template_id,
                              GHashTable    *values,
                              GError       **error)
{
  g_autoptr(GKeyFile) keyfile = NULL;
  g_autoptr(GStrvBuilder) posts = g_strv_builder_new ();

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  keyfile = find_filled (preset, template_id, values, error);
  if (keyfile == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *post = fill_key (keyfile, tayori_language_to_key (languages[i]), "post",
                                        values);

      g_strv_builder_add (posts, post != NULL ? post : "");
    }
  return g_strv_builder_end (posts);
}
