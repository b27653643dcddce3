/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The history window's diff: title, summary and body of a revision against the current
 * article, computed character by character off the main thread and written into a text
 * buffer with marks that do not rely on colour alone. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-article.h"

G_BEGIN_DECLS

/* Differences from @old_article to @new_article; the result is opaque, for _render(). */
void       tayori_history_diff_async  (TayoriArticle        *old_article,
                                       TayoriArticle        *new_article,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data);
GPtrArray *tayori_history_diff_finish (GAsyncResult         *result,
                                       GError              **error);
/* Replaces the buffer's text. Insertions are underlined on green and wrapped in "[+ +]",
 * deletions struck through on red and wrapped in "[- -]"; long unchanged runs are cut. */
void       tayori_history_diff_render (GPtrArray            *diff,
                                       GtkTextBuffer        *buffer);

G_END_DECLS
