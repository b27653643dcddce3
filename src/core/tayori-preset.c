/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreset: the organisation's lists and defaults. The embedded defaults are a keyfile;
 * a file placed by IT staff overrides them key by key, and is taken whole or not at all. */
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tayori-core-resources.h"
#include "tayori-preset.h"

#define DEFAULTS_RESOURCE "/io/github/tayori/Tayori/core/preset-defaults.conf"
#define FLATPAK_PRESET    "/app/preset/preset.conf"
#define SUMMARY_LIMIT_MAX 10000

static const char * const contact_keys[] = { "section", "phone", "fax", "email", "address" };

struct _TayoriPreset
{
  GObject parent_instance;

  char *source;
  char *city_name;
  char **categories;
  char **audiences;
  char **wards;
  char **departments;
  char *contact[G_N_ELEMENTS (contact_keys)];
  guint summary_limit;
  char *template_dir;
  char **locked;
  GKeyFile *merged;  /* the defaults with the organisation file's keys over them */
};

G_DEFINE_FINAL_TYPE (TayoriPreset, tayori_preset, G_TYPE_OBJECT)

/* The values of one keyfile, read completely before any of them is used */
typedef struct {
  char *city_name;
  char **categories;
  char **audiences;
  char **wards;
  char **departments;
  char *contact[G_N_ELEMENTS (contact_keys)];
  guint summary_limit;
  char *template_dir;
  char **locked;
} Values;

static void
values_clear (Values *values)
{
  g_free (values->city_name);
  g_strfreev (values->categories);
  g_strfreev (values->audiences);
  g_strfreev (values->wards);
  g_strfreev (values->departments);
  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    g_free (values->contact[i]);
  g_free (values->template_dir);
  g_strfreev (values->locked);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

static char *
read_string (GKeyFile    *keyfile,
             const char  *group,
             const char  *key,
             GError     **error)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, error);

  if (value == NULL)
    return NULL;
  g_strstrip (value);
  return g_steal_pointer (&value);
}

/* Items are trimmed and empty ones dropped, so "a; b;" is the list a, b */
static char **
read_list (GKeyFile    *keyfile,
           const char  *group,
           const char  *key,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) items = g_key_file_get_string_list (keyfile, group, key, NULL, &local_error);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (items == NULL)
    {
      /* "key=" is an empty list, not an error */
      if (g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE))
        return g_new0 (char *, 1);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  builder = g_strv_builder_new ();
  for (guint i = 0; items[i] != NULL; i++)
    if (g_strstrip (items[i])[0] != '\0')
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

static gboolean
read_values (GKeyFile    *keyfile,
             const char  *base_dir,
             Values      *values,
             GError     **error)
{
  g_autofree char *template_dir = NULL;
  int limit;

  if (!(values->city_name = read_string (keyfile, "city", "name", error)) ||
      !(values->categories = read_list (keyfile, "lists", "categories", error)) ||
      !(values->audiences = read_list (keyfile, "lists", "audiences", error)) ||
      !(values->wards = read_list (keyfile, "lists", "wards", error)) ||
      !(values->departments = read_list (keyfile, "lists", "departments", error)) ||
      !(values->locked = read_list (keyfile, "locked", "keys", error)) ||
      !(template_dir = read_string (keyfile, "preview", "template-dir", error)))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    if (!(values->contact[i] = read_string (keyfile, "contact", contact_keys[i], error)))
      return FALSE;

  limit = g_key_file_get_integer (keyfile, "article", "summary-limit", error);
  if (limit <= 0 || limit > SUMMARY_LIMIT_MAX)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                     _("summary-limit must be between 1 and %d"), SUMMARY_LIMIT_MAX);
      return FALSE;
    }
  values->summary_limit = limit;

  /* A relative template directory is relative to the preset file */
  if (template_dir[0] != '\0')
    values->template_dir = base_dir && !g_path_is_absolute (template_dir)
                           ? g_build_filename (base_dir, template_dir, NULL)
                           : g_steal_pointer (&template_dir);
  return TRUE;
}

static void
take_values (TayoriPreset *self,
             Values       *values)
{
  Values old = {
    self->city_name, self->categories, self->audiences, self->wards, self->departments,
    { NULL }, self->summary_limit, self->template_dir, self->locked,
  };

  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    {
      old.contact[i] = self->contact[i];
      self->contact[i] = g_steal_pointer (&values->contact[i]);
    }
  self->city_name = g_steal_pointer (&values->city_name);
  self->categories = g_steal_pointer (&values->categories);
  self->audiences = g_steal_pointer (&values->audiences);
  self->wards = g_steal_pointer (&values->wards);
  self->departments = g_steal_pointer (&values->departments);
  self->summary_limit = values->summary_limit;
  self->template_dir = g_steal_pointer (&values->template_dir);
  self->locked = g_steal_pointer (&values->locked);
  values_clear (&old);
}

static GKeyFile *
load_defaults (void)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (tayori_core_get_resource (), DEFAULTS_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL ||
      !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_NONE, &error))
    g_error ("Embedded preset defaults are broken: %s", error->message);
  return g_steal_pointer (&keyfile);
}

/* A copy of the groups of @keyfile named @group or starting with @prefix */
static GKeyFile *
copy_groups (GKeyFile   *keyfile,
             const char *group,
             const char *prefix)
{
  GKeyFile *copy = g_key_file_new ();
  g_auto(GStrv) groups = g_key_file_get_groups (keyfile, NULL);

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = NULL;

      if (!g_str_equal (groups[i], group) && !g_str_has_prefix (groups[i], prefix))
        continue;
      keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);
      for (guint j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *value = g_key_file_get_value (keyfile, groups[i], keys[j], NULL);

          g_key_file_set_value (copy, groups[i], keys[j], value);
        }
    }
  return copy;
}

static void
tayori_preset_finalize (GObject *object)
{
  TayoriPreset *self = TAYORI_PRESET (object);
  Values values = { NULL };

  take_values (self, &values);
  g_free (self->source);
  g_clear_pointer (&self->merged, g_key_file_unref);

  G_OBJECT_CLASS (tayori_preset_parent_class)->finalize (object);
}

static void
tayori_preset_class_init (TayoriPresetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_preset_finalize;
}

static void
tayori_preset_init (TayoriPreset *self)
{
}

TayoriPreset *
tayori_preset_new_defaults (void)
{
  g_autoptr(TayoriPreset) self = g_object_new (TAYORI_TYPE_PRESET, NULL);
  g_autoptr(GKeyFile) defaults = load_defaults ();
  g_autoptr(GError) error = NULL;
  g_auto(Values) values = { NULL };

  if (!read_values (defaults, NULL, &values, &error))
    g_error ("Embedded preset defaults are broken: %s", error->message);
  take_values (self, &values);
  self->merged = g_steal_pointer (&defaults);
  self->source = g_strdup ("defaults");
  return g_steal_pointer (&self);
}

/* Always returns a usable preset: on error it holds the defaults and @error says why. */
TayoriPreset *
tayori_preset_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(TayoriPreset) self = tayori_preset_new_defaults ();
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GKeyFile) merged = load_defaults ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *base_dir = NULL;
  g_auto(Values) values = { NULL };

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local_error))
    goto failed;

  groups = g_key_file_get_groups (file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (file, groups[i], NULL, NULL);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          g_autofree char *value = g_key_file_get_value (file, groups[i], keys[j], NULL);

          g_key_file_set_value (merged, groups[i], keys[j], value);
        }
    }

  base_dir = g_path_get_dirname (path);
  if (!read_values (merged, base_dir, &values, &local_error))
    goto failed;
  take_values (self, &values);
  g_key_file_unref (self->merged);
  self->merged = g_steal_pointer (&merged);
  g_free (self->source);
  self->source = g_strdup (path);
  return g_steal_pointer (&self);

failed:
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("The organisation preset %s could not be used, so the built-in lists apply: "),
                              path);
  return g_steal_pointer (&self);
}

TayoriPreset *
tayori_preset_load (GError **error)
{
  g_autofree char *system_preset = g_build_filename (SYSCONFDIR, "tayori", "preset.conf", NULL);
  const char *candidates[] = { g_getenv ("TAYORI_PRESET"), FLATPAK_PRESET, system_preset };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL && candidates[i][0] != '\0' &&
        g_file_test (candidates[i], G_FILE_TEST_EXISTS))
      return tayori_preset_new_from_file (candidates[i], error);
  return tayori_preset_new_defaults ();
}

const char *
tayori_preset_get_source (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return self->source;
}

const char * const *
tayori_preset_get_categories (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return (const char * const *) self->categories;
}

const char * const *
tayori_preset_get_audiences (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return (const char * const *) self->audiences;
}

const char * const *
tayori_preset_get_wards (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return (const char * const *) self->wards;
}

const char * const *
tayori_preset_get_departments (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return (const char * const *) self->departments;
}

const char *
tayori_preset_get_city_name (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return self->city_name;
}

const char *
tayori_preset_get_contact_default (TayoriPreset *self,
                                   const char   *key)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (contact_keys); i++)
    if (g_str_equal (contact_keys[i], key))
      return self->contact[i][0] != '\0' ? self->contact[i] : NULL;
  return NULL;
}

guint
tayori_preset_get_summary_limit (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), 120);
  return self->summary_limit;
}

const char *
tayori_preset_get_template_dir (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return self->template_dir;
}

gboolean
tayori_preset_is_locked (TayoriPreset *self,
                         const char   *group_key)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), FALSE);
  g_return_val_if_fail (group_key != NULL, FALSE);
  return g_strv_contains ((const char * const *) self->locked, group_key);
}

GKeyFile *
tayori_preset_dup_check_keyfile (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return copy_groups (self->merged, "checks", "check:");
}

GKeyFile *
tayori_preset_dup_ai_keyfile (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return copy_groups (self->merged, "ai", "ai-endpoint:");
}

GKeyFile *
tayori_preset_dup_sns_keyfile (TayoriPreset *self)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return copy_groups (self->merged, "sns", "sns:");
}

GKeyFile *
tayori_preset_dup_groups (TayoriPreset *self,
                          const char   *group,
                          const char   *prefix)
{
  g_return_val_if_fail (TAYORI_IS_PRESET (self), NULL);
  return copy_groups (self->merged, group, prefix);
}
