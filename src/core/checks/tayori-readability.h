/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article's reading level on a documented scale (docs/reading-level.md) with the
 * inputs that produced it, so the writer sees why. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  n_sentences;
  guint  n_characters;          /* Japanese text characters, markup left out */
  double mean_sentence_length;  /* characters per sentence */
  double kanji_ratio;           /* 0..1 */
  double katakana_ratio;
  double hiragana_ratio;
  guint  n_kanji_above_grade;   /* kanji above elementary grade 6 */
  double score;                 /* the scale's raw value */
  guint  level;                 /* 1 (easiest) … 6 (hardest) */
} TayoriReadability;

/* @text: the body's prose. The scale counts scripts, so it needs no MeCab and succeeds on any
 * UTF-8 text; @error stays in the signature for scales that will need a dictionary. */
gboolean    tayori_readability_compute     (const char        *text,
                                            gssize             length,
                                            TayoriReadability *out,
                                            GError           **error);
/* "Level 3 (…)" style label and its one-line meaning, in the UI language. */
const char *tayori_readability_level_label (guint level);

G_END_DECLS
