/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckSettings: the preset's check groups, read whole at construction into tables so
 * that every getter is a plain lookup, safe from the worker thread. */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "tayori-check-keyfile-private.h"
#include "tayori-check-settings.h"

#define SHARED_GROUP "checks"
#define RULE_GROUP   "check:"

struct _TayoriCheckSettings
{
  GObject parent_instance;

  GHashTable *values; /* "group\nkey" → unescaped string */
  GHashTable *lists;  /* "group\nkey" → GStrv */
};

G_DEFINE_FINAL_TYPE (TayoriCheckSettings, tayori_check_settings, G_TYPE_OBJECT)

static void
tayori_check_settings_finalize (GObject *object)
{
  TayoriCheckSettings *self = TAYORI_CHECK_SETTINGS (object);

  g_hash_table_unref (self->values);
  g_hash_table_unref (self->lists);

  G_OBJECT_CLASS (tayori_check_settings_parent_class)->finalize (object);
}

static void
tayori_check_settings_class_init (TayoriCheckSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_check_settings_finalize;
}

static void
tayori_check_settings_init (TayoriCheckSettings *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

static char *
make_key (const char *group,
          const char *key)
{
  return group != NULL ? g_strconcat (RULE_GROUP, group, "\n", key, NULL)
                       : g_strconcat (SHARED_GROUP, "\n", key, NULL);
}

static gpointer
lookup (GHashTable *table,
        const char *group,
        const char *key)
{
  g_autofree char *table_key = make_key (group, key);

  return g_hash_table_lookup (table, table_key);
}

GStrv
tayori_check_keyfile_get_list (GKeyFile   *keyfile,
                               const char *group,
                               const char *key)
{
  g_auto(GStrv) items = g_key_file_get_string_list (keyfile, group, key, NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (g_strstrip (items[i])[0] != '\0')
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

TayoriCheckSettings *
tayori_check_settings_new (TayoriPreset *preset)
{
  TayoriCheckSettings *self;
  g_autoptr(GKeyFile) keyfile = NULL;
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  self = g_object_new (TAYORI_TYPE_CHECK_SETTINGS, NULL);
  keyfile = tayori_preset_dup_check_keyfile (preset);
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_auto(GStrv) keys = g_key_file_get_keys (keyfile, groups[i], NULL, NULL);

      for (guint j = 0; keys[j] != NULL; j++)
        {
          char *value = g_key_file_get_string (keyfile, groups[i], keys[j], NULL);
          char *key = g_strconcat (groups[i], "\n", keys[j], NULL);

          if (value == NULL)
            {
              g_free (key);
              continue;
            }
          g_hash_table_insert (self->values, key, g_strstrip (value));
          g_hash_table_insert (self->lists, g_strdup (key), tayori_check_keyfile_get_list (keyfile, groups[i], keys[j]));
        }
    }
  return self;
}

TayoriCheckSettings *
tayori_check_settings_new_defaults (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();

  return tayori_check_settings_new (preset);
}

const char *
tayori_check_settings_get_string (TayoriCheckSettings *self,
                                  const char          *group,
                                  const char          *key)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return lookup (self->values, group, key);
}

/* A rule's own group, else the group of the catalogue entry it shares ("check:axe" for
 * every axe-core rule) */
static const char *
rule_value (TayoriCheckSettings *self,
            const char          *rule_id,
            const char          *key)
{
  const char *value = tayori_check_settings_get_string (self, rule_id, key);
  const TayoriCheckRule *rule;

  if (value == NULL && (rule = tayori_check_rule_lookup (rule_id)) != NULL &&
      strcmp (rule->id, rule_id) != 0)
    value = tayori_check_settings_get_string (self, rule->id, key);
  return value;
}

gboolean
tayori_check_settings_is_enabled (TayoriCheckSettings *self,
                                  const char          *rule_id)
{
  const char *value;

  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (self), TRUE);
  g_return_val_if_fail (rule_id != NULL, TRUE);

  value = rule_value (self, rule_id, "enabled");
  /* Anything but a clear "off" keeps the rule on: a typo must not silence a check */
  return value == NULL ||
         !(g_ascii_strcasecmp (value, "false") == 0 || g_str_equal (value, "0"));
}

gboolean
tayori_check_settings_get_severity_override (TayoriCheckSettings *self,
                                             const char          *rule_id,
                                             TayoriSeverity      *severity)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (self), FALSE);
  g_return_val_if_fail (rule_id != NULL, FALSE);

  return tayori_severity_from_string (rule_value (self, rule_id, "severity"), severity);
}

TayoriSeverity
tayori_check_settings_get_severity (TayoriCheckSettings *self,
                                    const char          *rule_id)
{
  const TayoriCheckRule *rule;
  TayoriSeverity severity;

  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (self), TAYORI_SEVERITY_NOTICE);
  g_return_val_if_fail (rule_id != NULL, TAYORI_SEVERITY_NOTICE);

  if (tayori_check_settings_get_severity_override (self, rule_id, &severity))
    return severity;
  rule = tayori_check_rule_lookup (rule_id);
  return rule != NULL ? rule->severity : TAYORI_SEVERITY_NOTICE;
}

gint64
tayori_check_settings_get_int (TayoriCheckSettings *self,
                               const char          *group,
                               const char          *key,
                               gint64               fallback)
{
  const char *value = tayori_check_settings_get_string (self, group, key);
  gint64 number;

  if (value == NULL ||
      !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return fallback;
  return number;
}

double
tayori_check_settings_get_double (TayoriCheckSettings *self,
                                  const char          *group,
                                  const char          *key,
                                  double               fallback)
{
  const char *value = tayori_check_settings_get_string (self, group, key);
  char *end = NULL;
  double number;

  if (value == NULL || value[0] == '\0')
    return fallback;
  errno = 0;
  number = g_ascii_strtod (value, &end);
  if (errno != 0 || *end != '\0' || !isfinite (number))
    return fallback;
  return number;
}

const char * const *
tayori_check_settings_get_list (TayoriCheckSettings *self,
                                const char          *group,
                                const char          *key)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_SETTINGS (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return lookup (self->lists, group, key);
}
