/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The easy-word dictionary of the built-in やさしい日本語 help (resources/ai/easy-words.tsv):
 * an entry matches text that starts and ends on MeCab word boundaries and is not part of a
 * compound noun, so 「事業」 is never replaced inside 「事業所」. */
#pragma once

#include "tayori-mecab.h"

G_BEGIN_DECLS

typedef struct {
  guint       first;        /* morphemes [first, last] of the text are replaced */
  guint       last;
  const char *replacement;  /* owned by the dictionary */
} TayoriEasyWordMatch;

/* The longest entry matching at each place of @text, not overlapping, in text order; element
 * type TayoriEasyWordMatch. @morphemes: MeCab's analysis of @text. */
GArray *tayori_easy_words_match (const char   *text,
                                 const GArray *morphemes);

G_END_DECLS
