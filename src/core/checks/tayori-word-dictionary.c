/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the word dictionary (see tayori-word-dictionary.h): tab-separated lines, '#'
 * comments, lines that do not parse are skipped so one typo does not disable the rest. */
#include <gio/gio.h>
#include <string.h>

#include "tayori-word-dictionary.h"

#define DEFAULT_RESOURCE "/io/github/tayori/Tayori/core/checks/words.tsv"

struct _TayoriWordDictionary
{
  GPtrArray  *entries;   /* TayoriWordEntry, owned */
  GHashTable *index;     /* first character → GPtrArray of entries, longest "from" first */
};

static const char * const match_names[] = {
  [TAYORI_WORD_MATCH_WORD] = "word",
  [TAYORI_WORD_MATCH_AUX] = "aux",
  [TAYORI_WORD_MATCH_FORMAL] = "formal",
  [TAYORI_WORD_MATCH_ANY] = "any",
};

static void
entry_free (TayoriWordEntry *entry)
{
  g_free (entry->from);
  g_free (entry->to);
  g_free (entry->note);
  g_free (entry);
}

static void
add_entry (TayoriWordDictionary *self,
           TayoriWordKind        kind,
           TayoriWordMatch       match,
           const char           *from,
           const char           *to,
           const char           *note)
{
  TayoriWordEntry *entry;

  if (from[0] == '\0' || !g_utf8_validate (from, -1, NULL) || !g_utf8_validate (to, -1, NULL) ||
      g_str_equal (from, to))
    return;
  entry = g_new0 (TayoriWordEntry, 1);
  entry->kind = kind;
  entry->match = match;
  entry->from = g_strdup (from);
  entry->to = g_strdup (to);
  entry->note = g_utf8_validate (note, -1, NULL) ? g_strdup (note) : g_strdup ("");
  g_ptr_array_add (self->entries, entry);
}

static gboolean
parse_match (const char      *text,
             TayoriWordMatch *match)
{
  if (text == NULL || text[0] == '\0')
    {
      *match = TAYORI_WORD_MATCH_WORD;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (match_names); i++)
    if (g_str_equal (text, match_names[i]))
      {
        *match = i;
        return TRUE;
      }
  return FALSE;
}

static void
parse_line (TayoriWordDictionary *self,
            char                 *line)
{
  g_auto(GStrv) columns = NULL;
  guint n;
  TayoriWordKind kind;
  TayoriWordMatch match;

  g_strchomp (line);
  if (line[0] == '#' || line[0] == '\0')
    return;
  columns = g_strsplit (line, "\t", 5);
  n = g_strv_length (columns);
  if (n < 3)
    return;
  if (g_str_equal (columns[0], "inappropriate"))
    kind = TAYORI_WORD_INAPPROPRIATE;
  else if (g_str_equal (columns[0], "variant"))
    kind = TAYORI_WORD_VARIANT;
  else
    return;
  if (!parse_match (n > 4 ? g_strstrip (columns[4]) : NULL, &match))
    return;
  add_entry (self, kind, match, g_strstrip (columns[1]), g_strstrip (columns[2]),
             n > 3 ? g_strstrip (columns[3]) : "");
}

static void
parse_text (TayoriWordDictionary *self,
            const char           *text,
            gsize                 length)
{
  g_autofree char *copy = g_strndup (text, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    parse_line (self, lines[i]);
}

static void
load_base (TayoriWordDictionary *self,
           const char           *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  /* An unreadable preset file must not leave the organisation without the default rules. */
  if (path != NULL && g_file_get_contents (path, &contents, &length, NULL))
    {
      parse_text (self, contents, length);
      return;
    }
  bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_return_if_fail (bytes != NULL);
  parse_text (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* "from=to" items of a preset list. */
static void
load_extra (TayoriWordDictionary *self,
            TayoriCheckSettings  *settings,
            const char           *key,
            TayoriWordKind        kind)
{
  const char * const *items = tayori_check_settings_get_list (settings, "words", key);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (items[i], "=", 2);

      if (g_strv_length (parts) == 2)
        add_entry (self, kind, TAYORI_WORD_MATCH_WORD, g_strstrip (parts[0]),
                   g_strstrip (parts[1]), "");
    }
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const TayoriWordEntry *x = *(TayoriWordEntry * const *) a;
  const TayoriWordEntry *y = *(TayoriWordEntry * const *) b;
  gsize lx = strlen (x->from);
  gsize ly = strlen (y->from);

  return lx == ly ? 0 : lx > ly ? -1 : 1;
}

TayoriWordDictionary *
tayori_word_dictionary_new (TayoriCheckSettings *settings)
{
  TayoriWordDictionary *self = g_new0 (TayoriWordDictionary, 1);
  GHashTableIter iter;
  gpointer bucket;

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->index = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  load_base (self, tayori_check_settings_get_string (settings, "words", "file"));
  load_extra (self, settings, "extra", TAYORI_WORD_VARIANT);
  load_extra (self, settings, "extra-inappropriate", TAYORI_WORD_INAPPROPRIATE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      TayoriWordEntry *entry = g_ptr_array_index (self->entries, i);
      gpointer key = GUINT_TO_POINTER (g_utf8_get_char (entry->from));
      GPtrArray *list = g_hash_table_lookup (self->index, key);

      if (list == NULL)
        g_hash_table_insert (self->index, key, list = g_ptr_array_new ());
      g_ptr_array_add (list, entry);
    }
  g_hash_table_iter_init (&iter, self->index);
  while (g_hash_table_iter_next (&iter, NULL, &bucket))
    g_ptr_array_sort (bucket, compare_longest_first);
  return self;
}

void
tayori_word_dictionary_free (TayoriWordDictionary *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->entries);
  g_free (self);
}

const GPtrArray *
tayori_word_dictionary_lookup (TayoriWordDictionary *self,
                               gunichar              c)
{
  return g_hash_table_lookup (self->index, GUINT_TO_POINTER (c));
}
