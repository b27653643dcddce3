/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown (CommonMark + GFM tables) to safe HTML: cmark-gfm with source positions, then the
 * allow-list sanitiser. This is the one HTML the preview shows and the CMS receives. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Block elements keep data-sourcepos="L:C-L:C" so the preview can follow the editor. */
char *tayori_markdown_render_body (const char *markdown,
                                   gssize      length);

G_END_DECLS
