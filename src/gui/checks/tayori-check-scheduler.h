/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckScheduler: keeps one article's check report current. C-side checks run on the
 * runner's worker thread shortly after each edit; axe runs in the preview once it has caught
 * up; the link checker runs when the links change. Later results replace their family. */
#pragma once

#include <webkit/webkit.h>

#include "tayori-article.h"
#include "tayori-check-document.h"
#include "tayori-check-report.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECK_SCHEDULER (tayori_check_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckScheduler, tayori_check_scheduler, TAYORI, CHECK_SCHEDULER, GObject)

/* @link_cache: the link checker's SQLite cache file, NULL to keep it in memory. */
TayoriCheckScheduler *tayori_check_scheduler_new              (TayoriCheckSettings  *settings,
                                                               const char           *link_cache);
TayoriCheckSettings  *tayori_check_scheduler_get_settings     (TayoriCheckScheduler *self);
/* Follows @article's changes (may be NULL) and checks it at once. */
void                  tayori_check_scheduler_set_article      (TayoriCheckScheduler *self,
                                                               TayoriArticle        *article);
/* The web view axe runs in; NULL leaves axe out. */
void                  tayori_check_scheduler_set_web_view     (TayoriCheckScheduler *self,
                                                               WebKitWebView        *web_view);
/* Checks now instead of after the typing pause. */
void                  tayori_check_scheduler_run_now          (TayoriCheckScheduler *self);
/* The preview shows the article's latest text: axe may run (after a short pause), unless the
 * body is longer than 256 KiB. */
void                  tayori_check_scheduler_preview_updated  (TayoriCheckScheduler *self);
/* Runs axe on the preview (after a short pause) whatever the article's length. */
void                  tayori_check_scheduler_run_axe_now      (TayoriCheckScheduler *self);

/* Findings from outside the checks about the article as it is now (the AI proofreader's,
 * which use the words check's rules): shown in the report beside its own, the ones it already
 * has left out, and carried into newer reports while the text they point at is unchanged.
 * NULL forgets them. */
void                  tayori_check_scheduler_set_proofread    (TayoriCheckScheduler *self,
                                                               GPtrArray            *findings);

/* The latest report and the document it was made from (both NULL before the first run). */
TayoriCheckReport    *tayori_check_scheduler_get_report       (TayoriCheckScheduler *self);
TayoriCheckDocument  *tayori_check_scheduler_get_document     (TayoriCheckScheduler *self);
gboolean              tayori_check_scheduler_get_running      (TayoriCheckScheduler *self);
/* TRUE once a report exists with no error left that has not been dismissed with a reason.
 * The blockers say why not, in the UI language (also "not checked yet" before a report). */
gboolean              tayori_check_scheduler_get_can_submit   (TayoriCheckScheduler *self);
const char * const   *tayori_check_scheduler_get_submit_blockers (TayoriCheckScheduler *self);

/* Properties: "report", "document", "running", "can-submit", "submit-blockers" (strv), all
 * read-only. Signal "report-changed" when the report was replaced or one of its families was. */

G_END_DECLS
