/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approval workflow's rules, pure and testable: the configured levels (「係長」→「課長」,
 * 1–3) from the preset's [workflow] group, which status an action leads to, who may approve,
 * and what a submit needs. The plugin enforces the same rules on the server. */
#pragma once

#include "tayori-article.h"
#include "tayori-preset.h"
#include "tayori-cms-connector.h"

G_BEGIN_DECLS

typedef struct {
  guint  levels;         /* 1–3 ("levels=2"); default 1 */
  GStrv  level_names;    /* translated default 「承認者」; preset "level-names=係長;課長" */
  guint  emergency_levels; /* the short path for 緊急 articles ("emergency-levels=1") */
} TayoriWorkflow;

TayoriWorkflow     *tayori_workflow_new_from_preset (TayoriPreset *preset);
void                tayori_workflow_free            (TayoriWorkflow *workflow);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriWorkflow, tayori_workflow_free)
/* Levels for this article (emergency articles take the short path). */
guint               tayori_workflow_levels_for      (const TayoriWorkflow *workflow,
                                                     TayoriArticle        *article);
/* The local status after @action at @approvals (approvals recorded after the action). */
TayoriArticleStatus tayori_workflow_status_after    (const TayoriWorkflow *workflow,
                                                     TayoriArticle        *article,
                                                     TayoriCmsReviewAction action,
                                                     guint                approvals,
                                                     gboolean             scheduled);
/* FALSE with TAYORI_CMS_ERROR_SELF_APPROVAL when @approver wrote the article, or
 * TAYORI_CMS_ERROR_REJECTED when @action is RETURN without a note. */
gboolean            tayori_workflow_check_review    (const TayoriWorkflow *workflow,
                                                     const char           *author,
                                                     const char           *approver,
                                                     TayoriCmsReviewAction action,
                                                     const char           *note,
                                                     GError              **error);
/* Maps the remote status and approvals to the local status ("pending" → in review, "future"
 * → scheduled, "publish" → published, a return note on a draft → returned). */
TayoriArticleStatus tayori_workflow_status_from_remote (const char *remote_status,
                                                        gboolean    returned);

G_END_DECLS
