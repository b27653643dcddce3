/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule catalogue: every "*.rules" keyfile under checks/ of the core resources, loaded once into
 * TayoriCheckRule records that live for the rest of the process. */
#include <string.h>
#include <gio/gio.h>

#include "tayori-core-resources.h"
#include "tayori-check-keyfile-private.h"
#include "tayori-check-rule.h"

#define RULES_PATH "/io/github/tayori/Tayori/core/checks/"
#define AXE_PREFIX "axe/"

static const char * const severity_names[] = {
  [TAYORI_SEVERITY_NOTICE] = "notice",
  [TAYORI_SEVERITY_WARNING] = "warning",
  [TAYORI_SEVERITY_ERROR] = "error",
};

typedef struct {
  GHashTable       *by_id;  /* id → TayoriCheckRule */
  TayoriCheckRule **sorted; /* NULL-terminated */
} Catalogue;

const char *
tayori_severity_to_string (TayoriSeverity severity)
{
  g_return_val_if_fail (severity <= TAYORI_SEVERITY_ERROR, NULL);
  return severity_names[severity];
}

gboolean
tayori_severity_from_string (const char     *text,
                             TayoriSeverity *severity)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_ascii_strdown (text, -1));
  for (guint i = 0; i < G_N_ELEMENTS (severity_names); i++)
    if (g_str_equal (trimmed, severity_names[i]))
      {
        if (severity != NULL)
          *severity = (TayoriSeverity) i;
        return TRUE;
      }
  return FALSE;
}

static char *
dup_text (GKeyFile   *keyfile,
          const char *group,
          const char *key,
          const char *locale)
{
  char *value = locale != NULL
                ? g_key_file_get_locale_string (keyfile, group, key, locale, NULL)
                : g_key_file_get_string (keyfile, group, key, NULL);

  return value != NULL ? g_strstrip (value) : g_strdup ("");
}

static TayoriCheckRule *
rule_from_group (GKeyFile   *keyfile,
                 const char *group,
                 const char *path)
{
  TayoriCheckRule *rule = g_new0 (TayoriCheckRule, 1);
  g_autofree char *severity = g_key_file_get_string (keyfile, group, "severity", NULL);

  rule->id = g_strdup (group);
  rule->family = dup_text (keyfile, group, "family", NULL);
  if (!tayori_severity_from_string (severity, &rule->severity))
    g_error ("Rule %s in %s has no valid severity", group, path);
  rule->wcag = (const char * const *) tayori_check_keyfile_get_list (keyfile, group, "wcag");
  rule->act = (const char * const *) tayori_check_keyfile_get_list (keyfile, group, "act");
  rule->title_ja = dup_text (keyfile, group, "title", "ja");
  rule->title_en = dup_text (keyfile, group, "title", NULL);
  rule->message_ja = dup_text (keyfile, group, "message", "ja");
  rule->message_en = dup_text (keyfile, group, "message", NULL);
  rule->why_ja = dup_text (keyfile, group, "why", "ja");
  rule->why_en = dup_text (keyfile, group, "why", NULL);
  rule->how_ja = dup_text (keyfile, group, "how", "ja");
  rule->how_en = dup_text (keyfile, group, "how", NULL);
  return rule;
}

static void
load_file (Catalogue  *catalogue,
           const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GBytes) bytes = g_resource_lookup_data (tayori_core_get_resource (), path,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_auto(GStrv) groups = NULL;

  if (bytes == NULL || !g_key_file_load_from_bytes (keyfile, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &error))
    g_error ("Embedded rule catalogue %s is broken: %s", path, error->message);
  groups = g_key_file_get_groups (keyfile, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      TayoriCheckRule *rule = rule_from_group (keyfile, groups[i], path);

      if (!g_hash_table_insert (catalogue->by_id, (gpointer) rule->id, rule))
        g_error ("Rule %s is defined twice in the catalogue", rule->id);
    }
}

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const TayoriCheckRule *ra = *(const TayoriCheckRule * const *) a;
  const TayoriCheckRule *rb = *(const TayoriCheckRule * const *) b;
  int cmp = strcmp (ra->family, rb->family);

  return cmp != 0 ? cmp : strcmp (ra->id, rb->id);
}

static gpointer
load_catalogue (gpointer data)
{
  Catalogue *catalogue = g_new0 (Catalogue, 1);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = g_resource_enumerate_children (tayori_core_get_resource (), RULES_PATH,
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer rule;

  if (names == NULL)
    g_error ("Embedded rule catalogue is missing: %s", error->message);
  catalogue->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".rules"))
      {
        g_autofree char *path = g_strconcat (RULES_PATH, names[i], NULL);

        load_file (catalogue, path);
      }

  g_hash_table_iter_init (&iter, catalogue->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &rule))
    g_ptr_array_add (sorted, rule);
  g_ptr_array_sort (sorted, compare_rules);
  g_ptr_array_add (sorted, NULL);
  catalogue->sorted = (TayoriCheckRule **) g_ptr_array_free (g_steal_pointer (&sorted), FALSE);
  return catalogue;
}

static Catalogue *
get_catalogue (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_catalogue, NULL);
}

const TayoriCheckRule *
tayori_check_rule_lookup (const char *id)
{
  Catalogue *catalogue = get_catalogue ();

  g_return_val_if_fail (id != NULL, NULL);

  /* Every axe-core rule shares the one generic [axe] entry */
  if (g_str_has_prefix (id, AXE_PREFIX) && id[strlen (AXE_PREFIX)] != '\0')
    id = "axe";
  return g_hash_table_lookup (catalogue->by_id, id);
}

const TayoriCheckRule * const *
tayori_check_rules_all (void)
{
  return (const TayoriCheckRule * const *) get_catalogue ()->sorted;
}
