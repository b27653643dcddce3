/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Allow-list HTML sanitiser: keeps structure and text of headings, paragraphs, lists, links
 * (http, https, mailto, tel, relative), images, tables with th/scope/caption, emphasis,
 * blockquote, code, br, hr, figure and ruby; drops everything else and every other attribute. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_sanitize_html (const char *html,
                            gssize      length);

typedef enum {
  TAYORI_URL_LINK,    /* a href: http, https, mailto, tel or relative */
  TAYORI_URL_IMAGE,   /* img src: http, https, tayori-media or relative */
} TayoriUrlKind;

/* @url (character references already decoded) as it may be written into an attribute:
 * control characters removed and spaces trimmed; NULL when its scheme is not allowed.
 * @out_external (optional) is set for http, https and protocol-relative URLs. */
char *tayori_sanitize_url  (const char    *url,
                            TayoriUrlKind  kind,
                            gboolean      *out_external);

G_END_DECLS
