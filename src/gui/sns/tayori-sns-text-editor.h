/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsTextEditor: one text of the SNS composer (the base text or a network's version)
 * with the network's exact live counter; a version shows the base text until edited. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-post-counter.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_TEXT_EDITOR (tayori_sns_text_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsTextEditor, tayori_sns_text_editor, TAYORI, SNS_TEXT_EDITOR, GtkWidget)

/* @network < 0: the base text (no counter, never inherits). */
GtkWidget *tayori_sns_text_editor_new       (int                  network,
                                             const char          *title);
int        tayori_sns_text_editor_get_network (TayoriSnsTextEditor *self);
/* Shows @text without emitting "edited"; @inherited: it is the base text shown for now. */
void       tayori_sns_text_editor_set_text  (TayoriSnsTextEditor *self,
                                             const char          *text,
                                             gboolean             inherited);
char      *tayori_sns_text_editor_dup_text  (TayoriSnsTextEditor *self);
gboolean   tayori_sns_text_editor_get_inherited (TayoriSnsTextEditor *self);
void       tayori_sns_text_editor_set_limit (TayoriSnsTextEditor *self,
                                             guint                limit);
guint      tayori_sns_text_editor_get_limit (TayoriSnsTextEditor *self);
/* Appends " #tag" where the text ends (an edit like typing it). */
void       tayori_sns_text_editor_append    (TayoriSnsTextEditor *self,
                                             const char          *text);

G_END_DECLS
