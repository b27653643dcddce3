/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the municipal-text and dates checkers: regex matches over a document's
 * prose, numbers written in half- or full-width digits, NFKC, and findings over a span. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-finding.h"

G_BEGIN_DECLS

/* Called for each match of a regex that lies wholly in prose. */
typedef void (*TayoriJaMatchFunc) (const char       *field,
                                   const char       *text,
                                   const GMatchInfo *match,
                                   gpointer          user_data);

/* The regex in *@slot, compiled from one of the checkers' constant patterns on first use
 * (thread-safe; kept for the life of the process). A bad pattern is a bug. */
GRegex        *tayori_ja_regex_get               (GRegex             **slot,
                                                  const char          *pattern);
void           tayori_ja_foreach_prose_match     (TayoriCheckDocument *document,
                                                  const char          *field,
                                                  const GRegex        *regex,
                                                  TayoriJaMatchFunc    func,
                                                  gpointer             user_data);
/* Byte range of @group; FALSE when the group did not take part in the match. */
gboolean       tayori_ja_match_range             (const GMatchInfo    *match,
                                                  int                  group,
                                                  gsize               *start,
                                                  gsize               *end);
/* The decimal number [start, end) of @text spells in ASCII or full-width digits; -1 if none. */
int            tayori_ja_parse_number            (const char          *text,
                                                  gsize                start,
                                                  gsize                end);
char          *tayori_ja_nfkc                    (const char          *text,
                                                  gssize               length);
/* A finding of @rule_id over [start, end) of @field with {text} set to that span, added to
 * @findings (which owns it). */
TayoriFinding *tayori_ja_add_finding             (GPtrArray           *findings,
                                                  const char          *rule_id,
                                                  const char          *field,
                                                  const char          *text,
                                                  gsize                start,
                                                  gsize                end);

G_END_DECLS
