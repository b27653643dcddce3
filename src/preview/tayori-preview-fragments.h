/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Renders an article's page fragments off the main thread (a long body takes milliseconds of
 * cmark and sanitising, and MeCab for ruby) and finds the slots whose HTML changed since the
 * last push. */
#pragma once

#include <gio/gio.h>

#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* Works on a copy of @article (NULL = an empty article), so the caller may keep editing it.
 * With @ruby the body gets ruby (tayori_ruby_annotate_html() with @above_grade); when that
 * fails (no MeCab) the body is shown without it. */
void        tayori_preview_fragments_build_async  (TayoriArticle        *article,
                                                   TayoriPreset         *preset,
                                                   gboolean              ruby,
                                                   guint                 above_grade,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
/* Returns: (transfer full): slot name -> HTML, as tayori_page_build_fragments(). */
GHashTable *tayori_preview_fragments_build_finish (GAsyncResult         *result,
                                                   GError              **error);
/* Returns: (transfer full) (nullable): an a{sv} of the slots of @fresh whose HTML differs from
 * @shown, or NULL when none does. */
GVariant   *tayori_preview_fragments_diff         (GHashTable           *shown,
                                                   GHashTable           *fresh);

G_END_DECLS
