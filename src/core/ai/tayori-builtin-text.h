/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the built-in SNS drafts and thumbnail share: where the notice comes from, its top-level
 * category, and templates with "{name}" placeholders in the article's language. */
#pragma once

#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* "大阪市此花区" for a ward's notice, else the city's name. */
char *tayori_builtin_place        (TayoriArticle      *article,
                                   TayoriPreset       *preset);
/* "防災・安全" for "防災・安全/避難所"; "" without a category. */
char *tayori_builtin_top_category (TayoriArticle      *article);
/* @template with each "{NAME}" of @names replaced by the value at the same index of @values,
 * in one pass: text put in is never scanned for placeholders again. */
void  tayori_builtin_fill         (GString            *out,
                                   const char         *template,
                                   const char * const *names,
                                   const char * const *values);

G_END_DECLS
