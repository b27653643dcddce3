/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiTaskRow: one AI task in the panel: its name and what it does, a Suggest button that
 * becomes a spinner and Stop while the task runs, and the proposal (or what went wrong) in the
 * row's expansion. The buttons activate ai.run / ai.cancel with the task's name. */
#pragma once

#include <adwaita.h>
#include "tayori-ai-assistant.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_TASK_ROW (tayori_ai_task_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiTaskRow, tayori_ai_task_row, TAYORI, AI_TASK_ROW, AdwExpanderRow)

GtkWidget    *tayori_ai_task_row_new         (TayoriAiTask     task,
                                              const char      *title,
                                              const char      *subtitle,
                                              const char      *icon_name);
TayoriAiTask  tayori_ai_task_row_get_task    (TayoriAiTaskRow *self);
void          tayori_ai_task_row_set_running (TayoriAiTaskRow *self,
                                              gboolean         running);
/* Shows @content (NULL: nothing) in the expansion and expands the row. */
void          tayori_ai_task_row_set_content (TayoriAiTaskRow *self,
                                              GtkWidget       *content);
GtkWidget    *tayori_ai_task_row_get_content (TayoriAiTaskRow *self);
/* Shows @message instead of a proposal (an error when @error). */
void          tayori_ai_task_row_set_message (TayoriAiTaskRow *self,
                                              const char      *message,
                                              gboolean         error);

G_END_DECLS
