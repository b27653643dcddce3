/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reading level: 建石式 (Tateishi et al. 1988) from the mean lengths of sentences and of
 * runs of each script and the commas per sentence, mapped to six levels; docs/reading-level.md
 * gives the formula and the bounds. */
#include "tayori-readability.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tayori-easy-text.h"
#include "tayori-kanji-grade.h"

/* Lowest score of levels 1–5; level 6 is everything below the last. */
static const double level_floor[] = { 100, 80, 60, 40, 20 };

typedef struct {
  guint n_runs;
  guint n_characters;
} Runs;

static double
runs_mean (const Runs *runs)
{
  return runs->n_runs > 0 ? (double) runs->n_characters / runs->n_runs : 0;
}

static gboolean
is_comma (gunichar c)
{
  return c == 0x3001 || c == 0xFF0C || c == ',';
}

gboolean
tayori_readability_compute (const char        *text,
                            gssize             length,
                            TayoriReadability *out,
                            GError           **error)
{
  g_autoptr(GArray) sentences = NULL;
  Runs runs[TAYORI_SCRIPT_DIGIT + 1] = { { 0 } };
  guint n_script[TAYORI_SCRIPT_DIGIT + 1] = { 0 };
  TayoriScript previous = TAYORI_SCRIPT_OTHER;
  guint n_commas = 0;
  double rs;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (text);
  *out = (TayoriReadability) { 0 };
  sentences = tayori_sentences_split (text, length);
  out->n_sentences = sentences->len;
  for (guint i = 0; i < sentences->len; i++)
    out->n_characters += g_array_index (sentences, TayoriSentence, i).n_characters;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      TayoriScript script = tayori_script_of (c);

      if (g_unichar_isspace (c))
        {
          previous = TAYORI_SCRIPT_OTHER;
          continue;
        }
      n_commas += is_comma (c);
      n_script[script]++;
      if (script != previous)
        runs[script].n_runs++;
      runs[script].n_characters++;
      previous = script;
      if (script == TAYORI_SCRIPT_KANJI)
        {
          guint grade = tayori_kanji_grade (c);

          out->n_kanji_above_grade += grade == 0 || grade > 6;
        }
    }

  if (out->n_sentences > 0)
    out->mean_sentence_length = (double) out->n_characters / out->n_sentences;
  if (out->n_characters > 0)
    {
      out->kanji_ratio = (double) n_script[TAYORI_SCRIPT_KANJI] / out->n_characters;
      out->katakana_ratio = (double) n_script[TAYORI_SCRIPT_KATAKANA] / out->n_characters;
      out->hiragana_ratio = (double) n_script[TAYORI_SCRIPT_HIRAGANA] / out->n_characters;
    }

  rs = -0.12 * out->mean_sentence_length
       - 1.37 * runs_mean (&runs[TAYORI_SCRIPT_ALPHABET])
       + 7.4 * runs_mean (&runs[TAYORI_SCRIPT_HIRAGANA])
       - 23.18 * runs_mean (&runs[TAYORI_SCRIPT_KANJI])
       - 5.4 * runs_mean (&runs[TAYORI_SCRIPT_KATAKANA])
       - 4.67 * (out->n_sentences > 0 ? (double) n_commas / out->n_sentences : 0)
       + 115.79;
  out->score = rs;
  out->level = G_N_ELEMENTS (level_floor) + 1;
  for (guint i = 0; i < G_N_ELEMENTS (level_floor); i++)
    if (rs >= level_floor[i])
      {
        out->level = i + 1;
        break;
      }
  return TRUE;
}

const char *
tayori_readability_level_label (guint level)
{
  static const char * const labels[] = {
    N_("Level 1 (very easy): short sentences mostly in kana, as easy Japanese should be"),
    N_("Level 2 (easy): short sentences with few long kanji words"),
    N_("Level 3 (standard): reads like a typical plain notice"),
    N_("Level 4 (somewhat hard): long sentences or many kanji compounds"),
    N_("Level 5 (hard): reads like an official document"),
    N_("Level 6 (very hard): reads like legal text"),
  };

  g_return_val_if_fail (level >= 1 && level <= G_N_ELEMENTS (labels), "");
  return _(labels[level - 1]);
}
