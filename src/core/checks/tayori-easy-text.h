/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the やさしい日本語 and readability checks share: the script of a character, the prose of
 * a field with a map back to the field's bytes, and sentences (split at 。！？!? and line
 * breaks). */
#pragma once

#include "tayori-check-document.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_SCRIPT_OTHER,      /* punctuation, symbols, spaces */
  TAYORI_SCRIPT_KANJI,      /* tayori_is_kanji () */
  TAYORI_SCRIPT_HIRAGANA,
  TAYORI_SCRIPT_KATAKANA,   /* with ー; ・ is punctuation */
  TAYORI_SCRIPT_ALPHABET,   /* Latin letters, half or full width */
  TAYORI_SCRIPT_DIGIT,      /* half or full width */
} TayoriScript;

TayoriScript tayori_script_of (gunichar c);

/* The prose of one field: what a reader sees as text, with code, URLs, tags and Markdown
 * markers left out; line breaks, table cell borders and block-level tags become "\n". */
typedef struct {
  GString *text;
  gsize   *source;   /* source[i]: offset in the field of byte i of text */
} TayoriProseText;

TayoriProseText *tayori_prose_text_new        (TayoriCheckDocument *document,
                                               const char          *field);
void             tayori_prose_text_free       (TayoriProseText     *self);
/* The field range [*start, *end) that the text range [start, end) (end > start) came from. */
void             tayori_prose_text_to_source  (TayoriProseText     *self,
                                               gsize                start,
                                               gsize                end,
                                               gsize               *source_start,
                                               gsize               *source_end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriProseText, tayori_prose_text_free)

typedef struct {
  gsize start;          /* byte range in the text, closing punctuation included, */
  gsize end;            /* surrounding white space left out */
  guint n_characters;   /* characters other than white space */
} TayoriSentence;

/* Sentences of @text that contain something other than white space. */
GArray *tayori_sentences_split (const char *text,
                                gsize       length);

G_END_DECLS
