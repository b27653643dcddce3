/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in help towards やさしい日本語: splits long sentences at conjunctions and clause ends,
 * replaces words from the easy-word dictionary (resources/ai/easy-words.tsv), and returns the
 * Markdown proposal; ruby is added at display time (tayori-ruby.h). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_easy_rewrite (const char  *markdown,
                           GError     **error);

G_END_DECLS
