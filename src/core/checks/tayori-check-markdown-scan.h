/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Markdown scanner that the prose mask (tayori-check-markdown-scan.c) and the element
 * mapping (tayori-check-document-markdown.c) share. Ends and positions are byte offsets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *text;
  gsize       length;
} TayoriMdSource;

typedef struct {
  gsize start;
  gsize end;
} TayoriMdSpan;

gboolean tayori_md_is_space         (char                  c);
gboolean tayori_md_has_prefix_ci    (const TayoriMdSource *src,
                                     gsize                 i,
                                     const char           *prefix);
/* Inline constructs do not run past the end of a paragraph */
gboolean tayori_md_is_blank_line_at (const TayoriMdSource *src,
                                     gsize                 i);

/* A code span opening at @i: the end of its closing backtick run, or 0; @run gets the
 * length of the opening run */
gsize    tayori_md_code_span_end    (const TayoriMdSource *src,
                                     gsize                 i,
                                     gsize                 limit,
                                     gsize                *run);
/* A bare http(s):// or www. URL at @i (GFM autolink): its end, or 0. It stops at spaces,
 * '<' and non-ASCII text, and leaves trailing punctuation out. */
gsize    tayori_md_bare_url_end     (const TayoriMdSource *src,
                                     gsize                 i,
                                     gsize                 limit);
/* The e-mail address around the '@' at @at, no further back than @floor, as GFM's autolink
 * finds it */
gboolean tayori_md_email_span       (const TayoriMdSource *src,
                                     gsize                 at,
                                     gsize                 floor,
                                     gsize                 limit,
                                     TayoriMdSpan         *span);
/* Raw HTML at @i ('<'): an autolink, comment, tag or declaration; its end, or 0 */
gsize    tayori_md_html_end         (const TayoriMdSource *src,
                                     gsize                 i,
                                     gsize                 limit,
                                     gboolean             *autolink);
/* A raw HTML element written in the Markdown: from '<' to the end of its end tag */
gsize    tayori_md_raw_element_end  (const TayoriMdSource *src,
                                     gsize                 start_tag_end,
                                     gsize                 limit,
                                     const char           *tag);
/* The ']' matching the '[' at @i, or 0 */
gsize    tayori_md_bracket_close    (const TayoriMdSource *src,
                                     gsize                 i,
                                     gsize                 limit);
/* After the ']' at @close: "(destination "title")" or "[label]"; the end of it, or 0 */
gsize    tayori_md_link_tail_end    (const TayoriMdSource *src,
                                     gsize                 close,
                                     gsize                 limit);

G_END_DECLS
