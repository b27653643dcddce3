/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The interchange file: Markdown with a YAML front matter block between two "---" lines. */
#pragma once

#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_FRONT_MATTER_ERROR (tayori_front_matter_error_quark ())
typedef enum {
  TAYORI_FRONT_MATTER_ERROR_NOT_UTF8,      /* "…は UTF-8 ではありません" */
  TAYORI_FRONT_MATTER_ERROR_SYNTAX,        /* invalid YAML: message names file and line */
  TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE, /* a known key with a wrong type or value */
} TayoriFrontMatterError;
GQuark         tayori_front_matter_error_quark (void);

/* @filename is only used in error messages (may be NULL). A file without front matter is a
 * body-only article. Unknown keys are ignored. */
TayoriArticle *tayori_front_matter_parse     (const char     *text,
                                              gssize          length,
                                              const char     *filename,
                                              GError        **error);
char          *tayori_front_matter_serialize (TayoriArticle  *article);
/* Where the front matter block lies in @text ("\n" line ends, no byte order mark): TRUE with
 * the YAML between the two "---" lines at [*yaml_start, *yaml_end) and the rest of the file
 * from *body_start (may be NULL); FALSE, setting nothing, when no "---" line opens the text or
 * none closes the block. */
gboolean       tayori_front_matter_find_block (const char    *text,
                                               gsize          length,
                                               gsize         *yaml_start,
                                               gsize         *yaml_end,
                                               gsize         *body_start);

G_END_DECLS
