/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allow-list HTML sanitiser: keeps structure and text of headings, paragraphs, lists, links
 * (http, https, mailto, tel, relative), images, tables with th/scope/caption, emphasis,
 * blockquote, code, br, hr, figure and ruby; drops everything else and every other attribute. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_sanitize_html (const char *html,
                            gssize      length);

G_END_DECLS
