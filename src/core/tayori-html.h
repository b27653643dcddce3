/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Encoding of untrusted text for HTML element content and attribute values. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_html_escape           (const char *text);
void  tayori_html_escape_append    (GString    *out,
                                    const char *text);

G_END_DECLS
