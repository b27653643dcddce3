/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search normalisation for Japanese: NFKC (full/half width), case folding, katakana to
 * hiragana, so ｻｰﾋﾞｽ, サービス and さーびす find each other. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_text_normalize_for_search (const char *text);

G_END_DECLS
