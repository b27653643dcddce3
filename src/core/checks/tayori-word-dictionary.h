/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The replaceable word dictionary of the words check: 不適切表現 and 表記ゆれ with their
 * replacements, read from resources/checks/words.tsv or the preset's own file (format in the
 * header of words.tsv), plus the preset's extra entries. */
#pragma once

#include "tayori-check-settings.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_WORD_INAPPROPRIATE,   /* rule words-inappropriate */
  TAYORI_WORD_VARIANT,         /* rule words-variant */
} TayoriWordKind;

typedef enum {
  TAYORI_WORD_MATCH_WORD,      /* whole words (a verb may go on inflecting) */
  TAYORI_WORD_MATCH_AUX,       /* as an auxiliary verb */
  TAYORI_WORD_MATCH_FORMAL,    /* as a formal noun */
  TAYORI_WORD_MATCH_ANY,       /* anywhere */
} TayoriWordMatch;

typedef struct {
  TayoriWordKind   kind;
  TayoriWordMatch  match;
  char            *from;
  char            *to;
  char            *note;
} TayoriWordEntry;

typedef struct _TayoriWordDictionary TayoriWordDictionary;

/* The dictionary @settings ask for: [check:words] file (the default from the core resources
 * when unset or unreadable), then extra and extra-inappropriate. */
TayoriWordDictionary  *tayori_word_dictionary_new      (TayoriCheckSettings  *settings);
void                   tayori_word_dictionary_free     (TayoriWordDictionary *self);
/* Entries whose "from" starts with @c, longest "from" first; NULL when none. */
const GPtrArray       *tayori_word_dictionary_lookup   (TayoriWordDictionary *self,
                                                        gunichar              c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriWordDictionary, tayori_word_dictionary_free)

G_END_DECLS
