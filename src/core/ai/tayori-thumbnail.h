/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in thumbnail: a 1200×630 card drawn with cairo and pango (the title, a band in the
 * category's colour, the city or ward name, an optional photo cropped to fill its half),
 * deterministic and offline, and a proposed alt text. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_THUMBNAIL_WIDTH  1200
#define TAYORI_THUMBNAIL_HEIGHT 630

/* PNG bytes. @photo: PNG or JPEG bytes, or NULL. */
GBytes *tayori_thumbnail_render      (TayoriArticle *article,
                                      TayoriPreset  *preset,
                                      GBytes        *photo,
                                      GError       **error);
char   *tayori_thumbnail_propose_alt (TayoriArticle *article,
                                      TayoriPreset  *preset);

G_END_DECLS
