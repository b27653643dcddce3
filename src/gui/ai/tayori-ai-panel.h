/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiPanel: the AI assist panel of the article page. Each task runs on demand (asking
 * first when text would leave the machine), shows its proposal, and changes the article only
 * when the writer applies or accepts it. Runs are cancelled when the article changes or the
 * panel goes away. */
#pragma once

#include <adwaita.h>
#include "tayori-ai-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_PANEL (tayori_ai_panel_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiPanel, tayori_ai_panel, TAYORI, AI_PANEL, GtkWidget)

/* @service may be NULL (no AI here: the panel says so); @settings (may be NULL) gives the
 * author name for the usage log. Call once, before the first article. */
void           tayori_ai_panel_setup       (TayoriAiPanel *self,
                                            TayoriAiService *service,
                                            TayoriStore   *store,
                                            GSettings     *settings);
void           tayori_ai_panel_set_article (TayoriAiPanel *self,
                                            TayoriArticle *article);

/* Signals:
 * "prepare" (): before a task reads the article: the page commits the body editor.
 * "proofread" (GPtrArray of TayoriFinding): findings for the checks panel.
 * "version-created" (gint64 id): a linked language version was stored. */

G_END_DECLS
