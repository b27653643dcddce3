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

G_END_DECLS
