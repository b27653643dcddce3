/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckDocument: what the checkers look at, built once per run and read-only after: the
 * article's text fields, which parts of the body are prose (not code, URLs or markup), and the
 * rendered body as a flat element list whose every element maps back to a byte range of the
 * source (through cmark's data-sourcepos for Markdown; through tag offsets for HTML input). */
#pragma once

#include <glib-object.h>
#include "tayori-article.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_CHECK_SOURCE_MARKDOWN,   /* an article: body is CommonMark + GFM tables */
  TAYORI_CHECK_SOURCE_HTML,       /* an HTML file, fragment or whole page: body is that HTML */
} TayoriCheckSourceKind;

/* One element of the rendered body (for HTML input: of the HTML as given). */
typedef struct {
  const char *tag;          /* lower-case: "a", "img", "table", "h2", … */
  int         parent;       /* index of the parent element, -1 at the top */
  guint       depth;
  const char *text;         /* decoded text content of the element and its descendants */
  const char *selector;     /* a CSS selector unique in the body, e.g. "p:nth-of-type(3) > a" */
  gsize       source_start; /* byte range in the body source this element came from */
  gsize       source_end;
  /* private */
  gpointer    attributes;
} TayoriCheckElement;

const char *tayori_check_element_get_attribute (const TayoriCheckElement *element,
                                                const char               *name); /* NULL: absent */

#define TAYORI_TYPE_CHECK_DOCUMENT (tayori_check_document_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckDocument, tayori_check_document, TAYORI, CHECK_DOCUMENT, GObject)

/* Takes a deep copy of @article, so the document can go to a worker thread. */
TayoriCheckDocument   *tayori_check_document_new_for_article (TayoriArticle *article);
/* An HTML file: fragment or whole page; the title is the <title> or the first <h1>. */
TayoriCheckDocument   *tayori_check_document_new_for_html    (const char    *html,
                                                              gssize         length);

TayoriCheckSourceKind  tayori_check_document_get_kind        (TayoriCheckDocument *self);
/* The article (for HTML input a body-only article whose body is the HTML). Read only. */
TayoriArticle         *tayori_check_document_get_article     (TayoriCheckDocument *self);
/* The text fields checkers walk: "title", "summary", "body", "thumbnail-alt",
 * "contact-section", "contact-phone", "contact-fax", "contact-email", "contact-address",
 * "link-title:N" (related link N's title). NULL-terminated, in that order; empty fields left out. */
const char * const    *tayori_check_document_get_fields      (TayoriCheckDocument *self);
const char            *tayori_check_document_get_text        (TayoriCheckDocument *self,
                                                              const char          *field); /* "" when empty */
/* TRUE when [start, end) of @field is prose a reader sees as text: not inside code spans or
 * blocks, URLs, link destinations, HTML tags or comments, Markdown markers. Fields other than
 * the body are all prose. */
gboolean               tayori_check_document_is_prose        (TayoriCheckDocument *self,
                                                              const char          *field,
                                                              gsize                start,
                                                              gsize                end);
/* The rendered body's elements in document order. */
guint                  tayori_check_document_get_n_elements  (TayoriCheckDocument *self);
const TayoriCheckElement *tayori_check_document_get_element  (TayoriCheckDocument *self,
                                                              guint                index);
gboolean               tayori_check_document_is_ancestor     (TayoriCheckDocument *self,
                                                              guint                ancestor,
                                                              guint                index);
/* The sanitised body HTML (Markdown input) or the HTML as given, as the preview shows it. */
const char            *tayori_check_document_get_body_html   (TayoriCheckDocument *self);
/* Maps a cmark "L:C-L:C" sourcepos (1-based lines, 1-based byte columns) to a byte range of
 * the body; FALSE when it does not parse or is out of range. */
gboolean               tayori_check_document_sourcepos_to_range (TayoriCheckDocument *self,
                                                              const char          *sourcepos,
                                                              gsize               *start,
                                                              gsize               *end);

G_END_DECLS
