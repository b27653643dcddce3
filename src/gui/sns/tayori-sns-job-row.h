/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsJobRow: one post job in the live progress list or the article's history: where,
 * its state (a spinner while it goes, 投稿済み with the link, 失敗 with advice and what to
 * do), when, by whom, the final text and the engagement counts. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-post-job.h"
#include "tayori-sns-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_JOB_ROW (tayori_sns_job_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsJobRow, tayori_sns_job_row, TAYORI, SNS_JOB_ROW, GtkListBoxRow)

/* @account_label: shown instead of the account name; @history: show the text, who and the
 * counts, and 「投稿を削除」 where the network allows it. Buttons activate sns.retry,
 * sns.cancel, sns.reconnect and sns.delete-post with the job id. */
GtkWidget *tayori_sns_job_row_new    (const TayoriPostJob *job,
                                      const char          *account_label,
                                      gboolean             history);
gint64     tayori_sns_job_row_get_id (TayoriSnsJobRow     *self);
/* What the rows' sns.retry and sns.cancel do, for the windows that show rows: a person's
 * decision on the job whose id is @parameter ("x"), recorded with the service's actor. */
gboolean   tayori_sns_job_row_decide (TayoriSnsService    *service,
                                      GVariant            *parameter,
                                      gboolean             retry,
                                      GError             **error);
void       tayori_sns_job_row_update (TayoriSnsJobRow     *self,
                                      const TayoriPostJob *job);

G_END_DECLS
