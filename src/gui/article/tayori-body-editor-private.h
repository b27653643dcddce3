/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-body-editor.c (buffer ↔ article) and tayori-body-editor-actions.c
 * (the formatting toolbar). */
#pragma once

#include <gtksourceview/gtksource.h>

#include "tayori-body-editor.h"

G_BEGIN_DECLS

struct _TayoriBodyEditor
{
  GtkWidget parent_instance;

  GtkSourceView *view;

  GtkSourceBuffer *buffer;
  TayoriArticle *article;
  gulong body_notify_id;
  guint commit_id;
  guint cursor_line;       /* 1-based, last one announced */

  /* The range a dialog will replace (link, image) */
  GtkTextMark *range_start;
  GtkTextMark *range_end;
  GtkFileChooserNative *chooser;

  guint pending : 1;       /* buffer has text the article has not */
  guint committing : 1;
  guint loading : 1;
  guint large : 1;
};

static inline GtkTextBuffer *
text_buffer (TayoriBodyEditor *self)
{
  return GTK_TEXT_BUFFER (self->buffer);
}

void _tayori_body_editor_class_add_actions (GtkWidgetClass   *widget_class);
void _tayori_body_editor_update_undo       (TayoriBodyEditor *self);
/* Forgets the range a dialog was going to replace */
void _tayori_body_editor_end_range         (TayoriBodyEditor *self);

G_END_DECLS
