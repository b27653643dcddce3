/* SPDX-License-Identifier: GPL-3.0-or-later */
/* MeCab with Debian's IPADIC: one tagger, loaded once and used under a mutex, whose nodes are
 * copied into TayoriMorpheme; and the user dictionary of readings MeCab gets wrong. */
#include "tayori-mecab.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <mecab.h>
#include <string.h>

/* The dictionary is MECAB_DICDIR (meson option mecab_dicdir; the Flatpak passes
 * /app/lib/mecab/dic/ipadic); TAYORI_MECAB_DICDIR overrides it at run time. */
#define READINGS_RESOURCE "/io/github/tayori/Tayori/core/checks/readings.tsv"

/* IPADIC feature columns. */
enum {
  FEATURE_POS,
  FEATURE_POS_DETAIL,
  FEATURE_CONJUGATION = 5,
  FEATURE_BASE,
  FEATURE_READING,
};

typedef struct {
  mecab_t *tagger;
  GError  *error;
  GMutex   lock;
} Tagger;

G_DEFINE_QUARK (tayori-mecab-error-quark, tayori_mecab_error)

static gpointer
tagger_load (gpointer data)
{
  Tagger *self = g_new0 (Tagger, 1);
  const char *dicdir = g_getenv ("TAYORI_MECAB_DICDIR");
  g_autofree char *sys_dic = NULL;
  g_autofree char *args = NULL;

  (void) data;
  g_mutex_init (&self->lock);
  if (dicdir == NULL || *dicdir == '\0')
    dicdir = MECAB_DICDIR;
  sys_dic = g_build_filename (dicdir, "sys.dic", NULL);
  if (!g_file_test (sys_dic, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (&self->error, TAYORI_MECAB_ERROR, TAYORI_MECAB_ERROR_NO_DICTIONARY,
                   _("The Japanese dictionary for MeCab is missing (%s): install the Debian packages libmecab2 and mecab-ipadic-utf8"),
                   dicdir);
      return self;
    }
  /* -r /dev/null: no rc file, so ~/.mecabrc and $MECABRC cannot change the dictionary. */
  args = g_strdup_printf ("-r /dev/null -d %s", dicdir);
  self->tagger = mecab_new2 (args);
  if (self->tagger == NULL)
    g_set_error (&self->error, TAYORI_MECAB_ERROR, TAYORI_MECAB_ERROR_NO_DICTIONARY,
                 _("MeCab could not load its Japanese dictionary (%s): install the Debian packages libmecab2 and mecab-ipadic-utf8"),
                 mecab_strerror (NULL));
  return self;
}

static Tagger *
tagger_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  Tagger *self = g_once (&once, tagger_load, NULL);

  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return NULL;
    }
  return self;
}

gboolean
tayori_mecab_available (GError **error)
{
  return tagger_get (error) != NULL;
}

/* pos, pos_detail and conjugation come from small closed sets: they are interned, not owned. */
static void
morpheme_clear (gpointer data)
{
  TayoriMorpheme *m = data;

  g_free (m->surface);
  g_free (m->base);
  g_free (m->reading);
}

/* Field @index of IPADIC's comma-separated feature string, NULL when absent or "*". */
static const char *
feature_field (const char *feature,
               guint       index,
               gsize      *length)
{
  const char *start = feature;
  const char *end;

  for (guint i = 0; i < index; i++)
    {
      start = strchr (start, ',');
      if (start == NULL)
        return NULL;
      start++;
    }
  for (end = start; *end != '\0' && *end != ','; end++)
    ;
  *length = end - start;
  if (*length == 0 || (*length == 1 && *start == '*'))
    return NULL;
  return start;
}

static char *
feature_dup (const char *feature,
             guint       index)
{
  gsize length;
  const char *value = feature_field (feature, index, &length);

  return value != NULL ? g_strndup (value, length) : NULL;
}

static const char *
feature_intern (const char *feature,
                guint       index)
{
  g_autofree char *value = feature_dup (feature, index);

  return value != NULL ? g_intern_string (value) : NULL;
}

static void
morpheme_fill (TayoriMorpheme     *m,
               const mecab_node_t *node,
               const char         *text)
{
  m->start = node->surface - text;
  m->end = m->start + node->length;
  m->surface = g_strndup (node->surface, node->length);
  m->pos = (char *) feature_intern (node->feature, FEATURE_POS);
  m->pos_detail = (char *) feature_intern (node->feature, FEATURE_POS_DETAIL);
  m->conjugation = (char *) feature_intern (node->feature, FEATURE_CONJUGATION);
  m->base = feature_dup (node->feature, FEATURE_BASE);
  m->reading = feature_dup (node->feature, FEATURE_READING);
  if (m->base == NULL)
    m->base = g_strdup (m->surface);
  if (m->pos == NULL)
    m->pos = (char *) "";
  if (m->pos_detail == NULL)
    m->pos_detail = (char *) "";
}

/* End of the chunk of @text that starts at @start: after the next line break or 。. MeCab is
 * several times faster on many short inputs than on one long one, and neither ends a word. */
static gsize
chunk_end (const char *text,
           gsize       start,
           gsize       length)
{
  static const char full_stop[] = "。";

  for (gsize i = start; i < length; i++)
    {
      if (text[i] == '\n')
        return i + 1;
      if (i + 3 <= length && memcmp (text + i, full_stop, 3) == 0)
        return i + 3;
    }
  return length;
}

GArray *
tayori_mecab_parse (const char  *text,
                    gssize       length,
                    GError     **error)
{
  Tagger *tagger = tagger_get (error);
  GArray *morphemes;

  if (tagger == NULL)
    return NULL;
  if (length < 0)
    length = strlen (text);

  morphemes = g_array_new (FALSE, TRUE, sizeof (TayoriMorpheme));
  g_array_set_clear_func (morphemes, morpheme_clear);
  g_mutex_lock (&tagger->lock);
  for (gsize start = 0, end; start < (gsize) length; start = end)
    {
      end = chunk_end (text, start, length);
      for (const mecab_node_t *node = mecab_sparse_tonode2 (tagger->tagger, text + start, end - start);
           node != NULL; node = node->next)
        {
          TayoriMorpheme m = { 0 };

          if (node->stat == MECAB_BOS_NODE || node->stat == MECAB_EOS_NODE || node->length == 0)
            continue;
          morpheme_fill (&m, node, text);
          g_array_append_val (morphemes, m);
        }
    }
  g_mutex_unlock (&tagger->lock);
  return morphemes;
}

char *
tayori_mecab_to_hiragana (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x30A1 && c <= 0x30F6)
        c -= 0x60;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The user dictionary. Readings are interned, so a lookup's result outlives later changes. */
typedef struct {
  GHashTable *builtin;   /* surface → interned hiragana reading */
  GHashTable *preset;
  GMutex      lock;
} UserDictionary;

static void
user_dictionary_add (GHashTable *table,
                     const char *surface,
                     const char *reading)
{
  g_autofree char *hiragana = NULL;

  if (*surface == '\0' || *reading == '\0')
    return;
  hiragana = tayori_mecab_to_hiragana (reading);
  g_hash_table_replace (table, g_strdup (surface), (gpointer) g_intern_string (hiragana));
}

static gpointer
user_dictionary_load (gpointer data)
{
  UserDictionary *self = g_new0 (UserDictionary, 1);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (READINGS_RESOURCE, 0, NULL);
  g_auto(GStrv) lines = NULL;

  (void) data;
  g_mutex_init (&self->lock);
  self->builtin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->preset = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* The resource is part of the core library, so it is always there. */
  g_return_val_if_fail (bytes != NULL, self);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '#' || strchr (lines[i], '\t') == NULL)
        continue;
      columns = g_strsplit (lines[i], "\t", 3);
      user_dictionary_add (self->builtin, g_strstrip (columns[0]), g_strstrip (columns[1]));
    }
  return self;
}

static UserDictionary *
user_dictionary_get (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, user_dictionary_load, NULL);
}

const char *
tayori_mecab_user_reading (const char *surface)
{
  UserDictionary *self = user_dictionary_get ();
  const char *reading;

  g_mutex_lock (&self->lock);
  reading = g_hash_table_lookup (self->preset, surface);
  g_mutex_unlock (&self->lock);
  if (reading == NULL)
    reading = g_hash_table_lookup (self->builtin, surface);
  return reading;
}

void
tayori_mecab_set_preset_readings (TayoriCheckSettings *settings)
{
  UserDictionary *self = user_dictionary_get ();
  const char * const *items = tayori_check_settings_get_list (settings, "ruby", "readings");

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->preset);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (items[i], "=", 2);

      if (pair[0] != NULL && pair[1] != NULL)
        user_dictionary_add (self->preset, g_strstrip (pair[0]), g_strstrip (pair[1]));
    }
  g_mutex_unlock (&self->lock);
}
