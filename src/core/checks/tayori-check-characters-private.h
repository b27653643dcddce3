/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The municipal-text rules split by subject: characters (tayori-check-characters.c), spaces
 * (-spaces.c) and colour-only references (-colour.c). Each walks one field's prose. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

/* ja-space-in-word and ja-layout-spaces */
void tayori_check_characters_spaces (TayoriCheckDocument *document,
                                     TayoriCheckSettings *settings,
                                     const char          *field,
                                     GPtrArray           *findings);
/* ja-colour-only-reference */
void tayori_check_characters_colour (TayoriCheckDocument *document,
                                     TayoriCheckSettings *settings,
                                     const char          *field,
                                     GPtrArray           *findings);

G_END_DECLS
