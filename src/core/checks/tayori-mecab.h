/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Japanese morphological analysis with MeCab and Debian's IPADIC (UTF-8). One tagger loaded
 * once and shared behind a mutex; readings of place and department names come first from the
 * user dictionary (resources/checks/readings.tsv, then the preset's [check:ruby] readings). */
#pragma once

#include <glib.h>
#include "tayori-check-settings.h"

G_BEGIN_DECLS

#define TAYORI_MECAB_ERROR (tayori_mecab_error_quark ())
typedef enum {
  TAYORI_MECAB_ERROR_NO_DICTIONARY,   /* MeCab or IPADIC missing: message says which package */
} TayoriMecabError;
GQuark tayori_mecab_error_quark (void);

typedef struct {
  gsize  start;        /* byte offsets into the analysed text */
  gsize  end;
  char  *surface;
  char  *pos;          /* 品詞: "名詞", "動詞", "助動詞", … */
  char  *pos_detail;   /* 品詞細分類1 */
  char  *base;         /* 原形; surface when unknown */
  char  *reading;      /* katakana; NULL for unknown words */
  char  *conjugation;  /* 活用形 ("未然形", …) or NULL */
} TayoriMorpheme;

/* Element type TayoriMorpheme (cleared by the array). Thread-safe. */
GArray   *tayori_mecab_parse     (const char  *text,
                                  gssize       length,
                                  GError     **error);
gboolean  tayori_mecab_available (GError     **error);

/* The user dictionary: the reading (hiragana) of a place or department name MeCab reads
 * wrongly, NULL when it has none. The preset's readings win over readings.tsv. The string
 * stays valid for the life of the process. Thread-safe. */
const char *tayori_mecab_user_reading        (const char          *surface);
/* Adds the preset's readings ([check:ruby] readings=住之江=すみのえ;…, reading in hiragana
 * or katakana) to the user dictionary, replacing those of an earlier call. */
void        tayori_mecab_set_preset_readings (TayoriCheckSettings *settings);
/* @text with katakana turned into hiragana (ヴ → ゔ; ー and other characters unchanged). */
char       *tayori_mecab_to_hiragana         (const char          *text);

G_END_DECLS
