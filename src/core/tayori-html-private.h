/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tokenizer (tayori-html-tokenizer.c) takes from the escaping and character
 * reference code in tayori-html.c. */
#pragma once

#include "tayori-html.h"

G_BEGIN_DECLS

static inline gboolean
tayori_html_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Decodes the reference at @p ('&') into @out and returns where decoding stopped. */
const char *tayori_html_decode_reference (const char *p,
                                          const char *end,
                                          GString    *out,
                                          gboolean    in_attribute);

G_END_DECLS
