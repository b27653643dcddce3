/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Markdown the formatting toolbar writes: block markers, links, images and tables as
 * plain text, with the checks on URLs and alternative text. No widgets here. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_MARKDOWN_HEADING,   /* "## " … */
  TAYORI_MARKDOWN_BULLET,    /* "- " */
  TAYORI_MARKDOWN_NUMBERED,  /* "1. " */
  TAYORI_MARKDOWN_QUOTE,     /* "> " */
} TayoriMarkdownBlock;

/* The marker for a line: @param is the heading level, or the 0-based index of the line in
 * a numbered list; ignored otherwise. */
char     *tayori_markdown_marker             (TayoriMarkdownBlock  kind,
                                              guint                param);
/* Length in characters of a marker of @kind at the start of @line (any heading level or
 * number), 0 when there is none. */
guint     tayori_markdown_marker_length      (const char          *line,
                                              TayoriMarkdownBlock  kind);
/* TRUE for the link targets the sanitiser keeps from the toolbar: http(s) with a host,
 * mailto with an address, tel with a number. */
gboolean  tayori_markdown_url_is_allowed     (const char          *url);
/* "[text](url)" with the text's brackets escaped and the URL's spaces and parentheses
 * percent-encoded; @text empty means the URL itself is shown. */
char     *tayori_markdown_link               (const char          *text,
                                              const char          *url);
/* "![alt](tayori-media:HASH)" */
char     *tayori_markdown_image              (const char          *alt,
                                              const char          *hash);
/* Alternative text must describe the image: not empty, and not just its file name. */
gboolean  tayori_markdown_alt_is_valid       (const char          *alt,
                                              const char          *file_name);
/* A GFM table with a header row and two empty rows, ending with a newline. */
char     *tayori_markdown_table              (void);

G_END_DECLS
