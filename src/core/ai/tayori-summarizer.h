/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in extractive summary: sentences scored by a graph ranking over shared content
 * words (MeCab nouns, verbs, adjectives) plus a lead bias, picked in document order within the
 * character limit, never cutting a sentence. Markdown markup is left out. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @markdown: the body; @max_chars counts characters. Returns "" for an empty body and when no
 * whole sentence fits (a sentence is never cut), NULL with @error when MeCab is missing. */
char *tayori_summarize_extractive (const char  *markdown,
                                   guint        max_chars,
                                   GError     **error);

G_END_DECLS
