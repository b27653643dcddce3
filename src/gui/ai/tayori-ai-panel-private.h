/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-ai-panel.c (state, rows, running tasks) and tayori-ai-panel-accept.c
 * (what applying or accepting a proposal does to the article). */
#pragma once

#include "tayori-ai-panel.h"
#include "tayori-ai-result.h"
#include "tayori-ai-task-row.h"

G_BEGIN_DECLS

#define N_TASKS (TAYORI_AI_TASK_PROOFREAD + 1)

struct _TayoriAiPanel
{
  GtkWidget          parent_instance;

  GtkLabel          *route_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkWidget         *tasks_box;
  AdwPreferencesGroup *article_group;
  AdwPreferencesGroup *sharing_group;
  AdwPreferencesGroup *versions_group;
  AdwPreferencesGroup *checking_group;

  TayoriAiService   *service;
  TayoriStore       *store;
  GSettings         *settings;
  TayoriArticle     *article;
  TayoriAiTaskRow   *rows[N_TASKS];
  GCancellable      *runs[N_TASKS];   /* the run of each task in flight, or NULL */
  GCancellable      *cancellable;     /* dialogs and saves for the current article */
  guint              scroll_id;
  TayoriAiTask       scroll_task;      /* the row to bring into view */
};

enum {
  SIGNAL_PREPARE,
  SIGNAL_PROOFREAD,
  SIGNAL_VERSION_CREATED,
  N_SIGNALS,
};

extern guint _tayori_ai_panel_signals[N_SIGNALS];

/* The proposal widget of @task, or NULL while none is shown */
TayoriAiResult *_tayori_ai_panel_get_result (TayoriAiPanel *self,
                                             TayoriAiTask   task);
void            _tayori_ai_panel_toast      (TayoriAiPanel *self,
                                             const char    *message);
/* Shows @content in the row of @task and scrolls the row into view */
void            _tayori_ai_panel_show       (TayoriAiPanel *self,
                                             TayoriAiTask   task,
                                             GtkWidget     *content);
/* Cancelled when the article is replaced or the panel goes away */
GCancellable   *_tayori_ai_panel_get_cancellable (TayoriAiPanel *self);

/* tayori-ai-panel-accept.c: ai.apply and ai.accept */
void            _tayori_ai_panel_class_add_accept_actions (GtkWidgetClass *widget_class);

G_END_DECLS
