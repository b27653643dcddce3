/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the document's two sources (Markdown in -markdown.c and tayori-check-markdown-scan.c,
 * HTML files in -html.c) share with tayori-check-document.c: the element tree built from HTML
 * tokens, and the prose mask. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-html.h"

G_BEGIN_DECLS

/* Elements of the HTML in @html (a fragment or a whole page), with source_start/end set to
 * the bytes of each element in @html (start tag to the end of its end tag). html, head, body
 * and the head's content are left out, so selectors start below <body>. Element strings live
 * in @chunk; each element's attributes are a GStrv of name, value pairs freed with the array.
 * @title (may be NULL) gets the <title> text or NULL; @prose_mask (may be NULL, @length
 * bytes) gets 1 for the bytes of text a reader sees. */
GArray  *tayori_check_elements_parse   (const char    *html,
                                        gsize          length,
                                        GStringChunk  *chunk,
                                        char         **title,
                                        guint8        *prose_mask);
void     tayori_check_elements_free    (GArray        *elements);

/* Bytes of @markdown a reader sees as text: 1 in the returned mask, 0 for code, URLs, link
 * destinations, markup and Markdown markers. */
guint8  *tayori_check_markdown_prose_mask (const char *markdown,
                                           gsize       length);
/* Sets each element's source range in the Markdown @document was rendered from: the range of
 * the nearest block with data-sourcepos, narrowed for inline elements (a, img, strong, em,
 * code, del) to their own Markdown where that can be found. */
void     tayori_check_markdown_map_elements (TayoriCheckDocument *document,
                                             const char          *markdown,
                                             GArray              *elements);

/* The text of @field ("title", "link-title:2", "publish-end"…) of @article; "" when empty. */
const char *tayori_check_field_text (TayoriArticle *article,
                                     const char    *field);

G_END_DECLS
