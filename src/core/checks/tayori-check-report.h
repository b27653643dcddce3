/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckReport: the findings of one check run as a GListModel of TayoriFinding in display
 * order, with counts per severity, the findings the article's dismissals hide, and the single
 * "can submit" state (no error left that has not been dismissed with a reason). Results that
 * arrive later (axe in the preview, the link checker) replace their family's findings. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-finding.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECK_REPORT (tayori_check_report_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckReport, tayori_check_report, TAYORI, CHECK_REPORT, GObject)

/* @findings: TayoriFinding (taken by reference); @article: the text the findings were found
 * in (the document's article): its fields give the span texts and its dismissals (copied)
 * hide findings. NULL: nothing hidden. */
TayoriCheckReport *tayori_check_report_new            (GPtrArray         *findings,
                                                       TayoriArticle     *article);
/* Replaces every finding of @family (e.g. "axe", "links") with @findings; items-changed. */
void               tayori_check_report_replace_family (TayoriCheckReport *self,
                                                       const char        *family,
                                                       GPtrArray         *findings);
/* Replaces the dismissals (element TayoriDismissal, copied), e.g. the edited article's after
 * the writer dismissed a finding, and filters again; items-changed. */
void               tayori_check_report_set_dismissals (TayoriCheckReport *self,
                                                       GPtrArray         *dismissals);
guint              tayori_check_report_count          (TayoriCheckReport *self,
                                                       TayoriSeverity     severity);
guint              tayori_check_report_get_n_dismissed (TayoriCheckReport *self);
/* Every finding, dismissed ones included, in display order (for the CLI and sign-off). */
GPtrArray         *tayori_check_report_dup_all        (TayoriCheckReport *self);
/* FALSE while errors remain; @reasons (may be NULL) gets their messages in the UI language. */
gboolean           tayori_check_report_can_submit     (TayoriCheckReport *self,
                                                       GStrv             *reasons);

G_END_DECLS
