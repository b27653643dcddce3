/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The easy-word dictionary. Entries are compared with the text itself, not with MeCab's split
 * of the entry: MeCab splits 「お越しください」 differently after 「ぜひ」 and after 「お早めに」,
 * but a match must still start and end where words start and end. */
#include "tayori-easy-words.h"

#include <gio/gio.h>
#include <string.h>

#define DICTIONARY_RESOURCE "/io/github/tayori/Tayori/core/ai/easy-words.tsv"

typedef struct {
  char *word;
  char *replacement;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->word);
  g_free (entry->replacement);
  g_free (entry);
}

static int
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Entry *x = *(Entry * const *) a;
  const Entry *y = *(Entry * const *) b;
  gsize n = strlen (x->word), m = strlen (y->word);

  return (m > n) - (m < n);
}

static void
sort_entries (gpointer key,
              gpointer entries,
              gpointer user_data)
{
  g_ptr_array_sort (entries, compare_longest_first);
}

/* First character of the word -> GPtrArray of Entry, longest first. A broken resource is a
 * bug of the build, so it simply gives an empty dictionary. */
static gpointer
dictionary_load (gpointer data)
{
  GHashTable *by_first = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DICTIONARY_RESOURCE,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return by_first;
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], "\t", 2);
      gpointer first;
      GPtrArray *entries;
      Entry *entry;

      if (lines[i][0] == '#' || columns[0] == NULL || columns[1] == NULL ||
          g_strstrip (columns[0])[0] == '\0')
        continue;
      entry = g_new0 (Entry, 1);
      entry->word = g_strdup (columns[0]);
      entry->replacement = g_strdup (g_strstrip (columns[1]));
      first = GUINT_TO_POINTER (g_utf8_get_char (entry->word));
      if ((entries = g_hash_table_lookup (by_first, first)) == NULL)
        {
          entries = g_ptr_array_new_with_free_func (entry_free);
          g_hash_table_insert (by_first, first, entries);
        }
      g_ptr_array_add (entries, entry);
    }
  g_hash_table_foreach (by_first, sort_entries, NULL);
  return by_first;
}

static const TayoriMorpheme *
morpheme_at (const GArray *morphemes,
             guint         index)
{
  return &g_array_index (morphemes, TayoriMorpheme, index);
}

static gboolean
is_noun (const TayoriMorpheme *m)
{
  return g_str_equal (m->pos, "名詞");
}

/* The morpheme @word ends with when it starts at morpheme @at, or -1: the text must be the
 * word, ending on a word boundary, and not part of a compound noun. */
static int
match_end (const char   *text,
           const GArray *morphemes,
           guint         at,
           const char   *word)
{
  const TayoriMorpheme *first = morpheme_at (morphemes, at);
  gsize end = first->start + strlen (word);
  guint last = at;

  if (strncmp (text + first->start, word, strlen (word)) != 0)
    return -1;
  while (last < morphemes->len && morpheme_at (morphemes, last)->end < end)
    last++;
  if (last == morphemes->len || morpheme_at (morphemes, last)->end != end)
    return -1;
  /* 「支援事業」 and 「事業所」 are other words than 「事業」 */
  if (at > 0 && is_noun (first) && !g_str_equal (first->pos_detail, "接尾"))
    {
      const TayoriMorpheme *before = morpheme_at (morphemes, at - 1);

      if (before->end == first->start && (is_noun (before) || g_str_equal (before->pos, "接頭詞")))
        return -1;
    }
  if (last + 1 < morphemes->len && is_noun (morpheme_at (morphemes, last)))
    {
      const TayoriMorpheme *after = morpheme_at (morphemes, last + 1);

      if (after->start == end && is_noun (after))
        return -1;
    }
  return last;
}

GArray *
tayori_easy_words_match (const char   *text,
                         const GArray *morphemes)
{
  static GOnce once = G_ONCE_INIT;
  GHashTable *by_first = g_once (&once, dictionary_load, NULL);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (TayoriEasyWordMatch));

  for (guint i = 0; i < morphemes->len; i++)
    {
      const TayoriMorpheme *m = morpheme_at (morphemes, i);
      GPtrArray *entries = g_hash_table_lookup (by_first,
                                                GUINT_TO_POINTER (g_utf8_get_char (text + m->start)));

      for (guint k = 0; entries != NULL && k < entries->len; k++)
        {
          const Entry *entry = g_ptr_array_index (entries, k);
          int last = match_end (text, morphemes, i, entry->word);

          if (last >= 0)
            {
              TayoriEasyWordMatch match = { i, last, entry->replacement };

              g_array_append_val (matches, match);
              i = last;
              break;
            }
        }
    }
  return matches;
}
