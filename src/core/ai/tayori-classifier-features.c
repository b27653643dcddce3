/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the classifier sees of a text: MeCab content words and pairs of them, character bigrams
 * and trigrams, hashed to 64-bit keys, as log-scaled, length-normalised term frequencies, the
 * title weighted up. */
#include "tayori-classifier-private.h"

#include <math.h>
#include <string.h>

#include "tayori-mecab.h"
#include "tayori-text-normalize.h"

/* Character bigram keys pack two code points (21 bits each) under this bit; every other key
 * is a hash with the bit clear. */
#define BIGRAM_BIT G_GUINT64_CONSTANT (0x8000000000000000)
/* The title (the first line) says most about the category: its features count this often. */
#define TITLE_WEIGHT 2.0

/* Base forms too common in notices of every kind to say anything about the category. */
static const char * const stop_words[] = {
  "する", "ある", "いる", "なる", "れる", "られる", "できる", "いう", "言う", "おる", "くる",
  "来る", "思う", "ない", "よい", "いい", "こと", "もの", "ため", "よう", "とき", "場合",
  "ほか", "など", "方", "等", "中", "的", "さん", "氏",
};

/* IPADIC noun subclasses that carry no topic: numbers, pronouns, dependent and suffix nouns. */
static const char * const skipped_noun_details[] = {
  "数", "代名詞", "非自立", "接尾", "特殊", "接続詞的", "動詞非自立的", "引用文字列",
};

static gboolean
in_list (const char         *word,
         const char * const *list,
         gsize               length)
{
  for (gsize i = 0; i < length; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_content_word (const TayoriMorpheme *m)
{
  if (!g_unichar_isalpha (g_utf8_get_char (m->base)))
    return FALSE;
  if (strcmp (m->pos, "名詞") == 0)
    {
      if (in_list (m->pos_detail, skipped_noun_details, G_N_ELEMENTS (skipped_noun_details)))
        return FALSE;
    }
  else if (strcmp (m->pos, "動詞") != 0 && strcmp (m->pos, "形容詞") != 0)
    return FALSE;
  else if (strcmp (m->pos_detail, "自立") != 0)
    return FALSE;
  return !in_list (m->base, stop_words, G_N_ELEMENTS (stop_words));
}

static inline guint64
hashed_key (guint64 hash)
{
  hash &= ~BIGRAM_BIT;
  return hash != 0 ? hash : 1;
}

/* Combines two values into a well-spread 64-bit hash (the finaliser of MurmurHash3). */
static inline guint64
mix (guint64 a,
     guint64 b)
{
  guint64 h = a * G_GUINT64_CONSTANT (0x9e3779b97f4a7c15) ^ b;

  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  h ^= h >> 33;
  return h;
}

/* FNV-1a over the word with ASCII letters folded to lower case. */
static guint64
word_key (const char *word)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) word; *p != '\0'; p++)
    {
      hash ^= g_ascii_tolower (*p);
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hashed_key (hash);
}

static inline void
count (TayoriClassifierMap *counts,
       guint64              key,
       double               weight)
{
  tayori_classifier_map_insert (counts, key)[0] += weight;
}

/* Content words and pairs of neighbouring content words (a symbol breaks a pair), in one
 * MeCab pass; those before @title_end count TITLE_WEIGHT times. */
static void
count_words (TayoriClassifierMap *counts,
             const char          *text,
             gsize                title_end)
{
  g_autoptr(GArray) morphemes = tayori_mecab_parse (text, -1, NULL);
  guint64 previous = 0;

  /* Without MeCab the character n-grams still classify, only less well. */
  if (morphemes == NULL)
    return;
  for (guint i = 0; i < morphemes->len; i++)
    {
      const TayoriMorpheme *m = &g_array_index (morphemes, TayoriMorpheme, i);
      double weight = m->start < title_end ? TITLE_WEIGHT : 1;
      guint64 key;

      if (!is_content_word (m))
        {
          if (strcmp (m->pos, "記号") == 0)
            previous = 0;
          continue;
        }
      key = word_key (m->base);
      count (counts, key, weight);
      if (previous != 0)
        count (counts, hashed_key (mix (previous, key)), weight);
      previous = key;
    }
}

/* Character bigrams and trigrams of the normalised text: symbols are part of a notice's
 * style, so only white space breaks them; every digit is folded to 0. */
static void
count_ngrams (TayoriClassifierMap *counts,
              const char          *text,
              double               weight)
{
  g_autofree char *normalized = tayori_text_normalize_for_search (text);
  gunichar first = 0, second = 0;

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          first = second = 0;
          continue;
        }
      if (g_unichar_isdigit (c))
        c = '0';
      if (second != 0)
        count (counts, BIGRAM_BIT | ((guint64) second << 21) | c, weight);
      if (first != 0)
        count (counts, hashed_key (mix (first, ((guint64) second << 21) | c)), weight);
      first = second;
      second = c;
    }
}

GArray *
tayori_classifier_features_extract (const char *text)
{
  /* about one bigram and one trigram per character, mostly distinct */
  g_autoptr(TayoriClassifierMap) counts = tayori_classifier_map_new (1, strlen (text) / 2);
  GArray *features;
  double norm = 0;
  guint position = 0;
  guint64 key;
  double *values;
  gsize title_end;
  g_autofree char *title = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  title_end = strcspn (text, "\n");
  title = g_strndup (text, title_end);
  count_words (counts, text, title_end);
  count_ngrams (counts, title, TITLE_WEIGHT);
  count_ngrams (counts, text + title_end, 1);

  features = g_array_sized_new (FALSE, FALSE, sizeof (TayoriClassifierFeature),
                                tayori_classifier_map_size (counts));
  while (tayori_classifier_map_next (counts, &position, &key, &values))
    {
      TayoriClassifierFeature feature = { key, log1p (values[0]) };

      norm += feature.value * feature.value;
      g_array_append_val (features, feature);
    }
  norm = sqrt (norm);
  for (guint i = 0; i < features->len; i++)
    g_array_index (features, TayoriClassifierFeature, i).value /= norm;
  return features;
}
