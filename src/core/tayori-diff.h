/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Character-level diff (Myers over Unicode code points): Japanese has no spaces between
 * words, so comparing by whitespace-separated words would show whole paragraphs as changed. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_DIFF_EQUAL,
  TAYORI_DIFF_INSERT,
  TAYORI_DIFF_DELETE,
} TayoriDiffOp;

typedef struct {
  TayoriDiffOp op;
  char        *text;   /* UTF-8 */
} TayoriDiffChunk;

void       tayori_diff_chunk_free (TayoriDiffChunk *chunk);
/* Adjacent chunks of the same op are merged. Element type TayoriDiffChunk.
 * Minimal for edit distances up to about 20,000 characters; beyond that (or beyond a fixed
 * work budget, about 0.2 s) the rest is one deletion plus one insertion. Long texts: call it
 * from a worker thread. */
GPtrArray *tayori_diff_chars      (const char *old_text,
                                   const char *new_text);

G_END_DECLS
