/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between tayori-check-scheduler.c (C-side runs, state, GObject) and
 * tayori-check-scheduler-late.c (the late families: axe and the link checker). */
#pragma once

#include "tayori-check-runner.h"
#include "tayori-check-scheduler.h"
#include "tayori-link-checker.h"

G_BEGIN_DECLS

/* Families whose findings arrive after the report they belong to */
typedef enum {
  LATE_AXE,
  LATE_LINKS,
  LATE_PROOFREAD,   /* the AI proofreader's, set from outside */
  N_LATE,
} LateFamily;

/* Findings of one late family and the document they were computed from */
typedef struct {
  GPtrArray *findings;
  TayoriCheckDocument *document;
  GCancellable *cancellable;   /* of the run in flight, NULL when none */
} Late;

struct _TayoriCheckScheduler
{
  GObject parent_instance;

  TayoriCheckSettings *settings;
  TayoriCheckRunner *runner;
  TayoriLinkChecker *link_checker;
  TayoriArticle *article;
  gulong changed_id;
  WebKitWebView *web_view;     /* weak: the preview owns it */
  gulong map_id;

  guint run_id;
  guint axe_id;
  GCancellable *run_cancellable;
  TayoriCheckReport *report;
  TayoriCheckDocument *document;
  Late late[N_LATE];
  char *link_urls;             /* the links the last link check was started for */
  GPtrArray *proofread_shown;  /* the proofreader's findings put into the current report */
  GStrv blockers;

  guint running : 1;
  guint can_submit : 1;
  guint links_again : 1;       /* check links once more when the check in flight ends */
};

/* One asynchronous run (C-side, axe or links): keeps the scheduler alive until it returns */
typedef struct {
  TayoriCheckScheduler *self;
  TayoriCheckDocument *document;
  GCancellable *cancellable;
} Run;

Run                 *_tayori_check_scheduler_run_new          (TayoriCheckScheduler *self,
                                                                TayoriCheckDocument  *document,
                                                                GCancellable         *cancellable);
void                 _tayori_check_scheduler_run_free         (Run                  *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Run, _tayori_check_scheduler_run_free)

void                 _tayori_check_scheduler_cancel_and_clear (GCancellable        **cancellable);
/* Updates the submit state and emits "report-changed" */
void                 _tayori_check_scheduler_report_changed   (TayoriCheckScheduler *self);

/* The check document of the article as it is now, built on a worker thread; the finish
 * returns NULL when cancelled. */
void                 _tayori_check_scheduler_build_document_async  (TayoriCheckScheduler *self,
                                                                     GCancellable         *cancellable,
                                                                     GAsyncReadyCallback   callback);
TayoriCheckDocument *_tayori_check_scheduler_build_document_finish (GAsyncResult         *result);

/* tayori-check-scheduler-late.c */

/* Puts the family's findings that still apply into the current report; FALSE when some had
 * to be left out, so that family should run again on the current text. */
gboolean             _tayori_check_scheduler_merge_late       (TayoriCheckScheduler *self,
                                                                LateFamily            family);
/* After a C-side run: checks the links again when they changed or their findings no longer
 * fit (@findings_fit is what merging the links family returned). */
void                 _tayori_check_scheduler_follow_links     (TayoriCheckScheduler *self,
                                                                gboolean              findings_fit);
/* Cancels the late runs in flight and drops their findings */
void                 _tayori_check_scheduler_forget_late      (TayoriCheckScheduler *self);

G_END_DECLS
