/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriBodyEditor: the article body in a GtkSourceView (Markdown) with a formatting
 * toolbar. Keystrokes are pushed into the article in coalesced ticks, not one by one. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_BODY_EDITOR (tayori_body_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriBodyEditor, tayori_body_editor, TAYORI, BODY_EDITOR, GtkWidget)

GtkWidget *tayori_body_editor_new         (void);
void       tayori_body_editor_set_article (TayoriBodyEditor *self,
                                           TayoriArticle    *article);
/* Pushes text typed since the last tick into the article now (before a save). */
void       tayori_body_editor_commit      (TayoriBodyEditor *self);
/* Ranges are BYTE offsets into the body text (as writing-check findings give them), which the
 * editor first makes equal to the article's body. Both return FALSE when the range is not one
 * of the body (outside it, or not on character boundaries). select_range scrolls to the range
 * and focuses the view; replace_range is one undoable step and reaches the article at once. */
gboolean   tayori_body_editor_select_range  (TayoriBodyEditor *self,
                                             gsize             start,
                                             gsize             end);
gboolean   tayori_body_editor_replace_range (TayoriBodyEditor *self,
                                             gsize             start,
                                             gsize             end,
                                             const char       *text);
/* Signals: "edited" on every change of the text, before it reaches the article;
 * "cursor-line-changed" (guint line, 1-based in the body) when the cursor moves lines. */

G_END_DECLS
