/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the municipal-structure checkers (links, images, tables, headings, layout) share: findings
 * on elements, attributes and link targets as the writer wrote them, and text helpers. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-check-settings.h"
#include "tayori-finding.h"

G_BEGIN_DECLS

#define TAYORI_STRUCTURE_FAMILY "municipal-structure"

/* A finding on the body over @element's source range, with its selector. */
TayoriFinding *tayori_structure_finding_new     (const char               *rule_id,
                                                 const TayoriCheckElement *element);
/* Index one past the last descendant of element @index. */
guint          tayori_structure_descendants_end (TayoriCheckDocument      *document,
                                                 guint                     index);
/* TRUE when some element in [index + 1, descendants end) has @tag. */
gboolean       tayori_structure_has_descendant  (TayoriCheckDocument      *document,
                                                 guint                     index,
                                                 const char               *tag);

/* @name as written: HTML input keeps every attribute, but Markdown goes through the sanitiser,
 * which drops target, role and the like; those are read back from the raw HTML tag the
 * element was written as. NULL when absent. */
char          *tayori_structure_dup_attribute   (TayoriCheckDocument      *document,
                                                 const TayoriCheckElement *element,
                                                 const char               *name);
/* What a screen reader announces for element @index: aria-label, else its text with the
 * alternative text of the images inside, else its title; trimmed, never NULL. */
char          *tayori_structure_dup_name        (TayoriCheckDocument      *document,
                                                 guint                     index);

/* Up to @max_chars characters of the text right after @element in the source, on the same
 * line, with HTML tags left out: where "(PDF, 120KB)" or "(opens in a new window)" goes. */
char          *tayori_structure_dup_text_after  (TayoriCheckDocument      *document,
                                                 const TayoriCheckElement *element,
                                                 guint                     max_chars);

/* Where a link or image is in the Markdown: "[text](dest "title")", "![alt](dest)",
 * "[text][label]", "<https://…>" or a bare URL, exactly covering [start, end). */
typedef struct {
  gboolean inline_link;   /* "[text](dest)" or "![alt](dest)": a fix may rewrite it */
  gsize    text_start;    /* between the brackets (the whole URL for autolinks) */
  gsize    text_end;
  gsize    dest_start;    /* the destination, without <> */
  gsize    dest_end;
} TayoriStructureLink;

gboolean       tayori_structure_parse_link      (const char               *markdown,
                                                 gsize                     start,
                                                 gsize                     end,
                                                 TayoriStructureLink      *link);
/* TRUE when @element (an a or img) has a source range of its own, not its block's. */
gboolean       tayori_structure_has_own_range   (TayoriCheckDocument      *document,
                                                 const TayoriCheckElement *element);
/* The destination of a link (href) or image (src) as written, percent-decoded; NULL when
 * there is none. Markdown keeps destinations the sanitiser drops (tayori-media:HASH). */
char          *tayori_structure_dup_target      (TayoriCheckDocument      *document,
                                                 const TayoriCheckElement *element);
/* The file name at the end of @target's path ("" for none). */
char          *tayori_structure_target_basename (const char               *target);

/* White space for layout purposes: ASCII, U+3000 ideographic and U+00A0 no-break spaces. */
gboolean       tayori_structure_is_space        (gunichar                  c);
gboolean       tayori_structure_is_blank        (const char               *text,
                                                 gsize                     length);
/* @text without leading and trailing white space, newly allocated. */
char          *tayori_structure_strip           (const char               *text);

/* The rules of tayori-check-links-*.c (given the indices of the body's links) and
 * tayori-check-layout.c, run by their family's checker when enabled. */
void           tayori_check_links_files         (TayoriCheckDocument      *document,
                                                 TayoriCheckSettings      *settings,
                                                 GArray                   *links,
                                                 GPtrArray                *findings);
void           tayori_check_links_phones        (TayoriCheckDocument      *document,
                                                 GArray                   *links,
                                                 GPtrArray                *findings);
void           tayori_check_layout              (TayoriCheckDocument      *document,
                                                 GPtrArray                *findings);

G_END_DECLS
