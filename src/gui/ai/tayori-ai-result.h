/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiResult: one proposal as the writer sees it: who proposed it (and why the built-in
 * assistant stood in, when it did), the proposal itself, editable where it is text, and the
 * buttons to apply, accept or discard it (actions ai.apply, ai.accept, ai.discard with the
 * task's name). SNS drafts count as each network counts and are copied from here. */
#pragma once

#include <adwaita.h>
#include "tayori-ai-assistant.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_RESULT (tayori_ai_result_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiResult, tayori_ai_result, TAYORI, AI_RESULT, GtkWidget)

/* @article: the article the proposal is for (readability before, summary limit). */
GtkWidget              *tayori_ai_result_new          (TayoriAiTask       task,
                                                       TayoriPreset      *preset,
                                                       TayoriArticle     *article);
/* A streamed piece of the summary, before the proposal is complete. */
void                    tayori_ai_result_append       (TayoriAiResult    *self,
                                                       const char        *delta);
/* Takes @proposal and shows it. */
void                    tayori_ai_result_set_proposal (TayoriAiResult    *self,
                                                       TayoriAiProposal  *proposal);
const TayoriAiProposal *tayori_ai_result_get_proposal (TayoriAiResult    *self);
/* The summary or version body as the writer left it. */
char                   *tayori_ai_result_dup_text     (TayoriAiResult    *self);
/* Category or title @index as the writer left it, NULL when there is none such. */
char                   *tayori_ai_result_dup_item     (TayoriAiResult    *self,
                                                       guint              index);
char                   *tayori_ai_result_dup_alt_text (TayoriAiResult    *self);

G_END_DECLS
