/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-ai-result.c (the widget, origin, categories, summary, titles,
 * language versions) and tayori-ai-result-parts.c (SNS drafts, thumbnail, which suggested
 * categories the target CMS site lacks). */
#pragma once

#include "tayori-ai-result.h"

G_BEGIN_DECLS

struct _TayoriAiResult
{
  GtkWidget         parent_instance;

  TayoriAiTask      task;
  TayoriPreset     *preset;
  TayoriArticle    *article;
  TayoriAiProposal *proposal;
  GtkTextView      *text_view;   /* summary, version body */
  GtkLabel         *counter;     /* of the summary */
  GPtrArray        *items;       /* GtkEditable per title, or NULL */
  GtkEditable      *alt_entry;
  GtkPicture       *picture;
  GtkListBox       *categories;  /* the suggested categories, or NULL */
  GCancellable     *cancellable; /* decoding the thumbnail, the site's categories */
};

GtkWidget *_tayori_ai_result_caption      (const char      *text);
void       _tayori_ai_result_append_child (TayoriAiResult  *self,
                                           GtkWidget       *child);
GtkWidget *_tayori_ai_result_text_area    (const char      *accessible,
                                           int              min_height,
                                           GtkTextView    **out_view);
char      *_tayori_ai_result_buffer_text  (GtkTextView     *view);

/* tayori-ai-result-parts.c */
void       _tayori_ai_result_add_drafts    (TayoriAiResult *self);
void       _tayori_ai_result_add_thumbnail (TayoriAiResult *self);
void       _tayori_ai_result_note_site_categories (TayoriAiResult *self);

G_END_DECLS
