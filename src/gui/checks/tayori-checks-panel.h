/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChecksPanel: the findings of a check report grouped by severity, then family, with
 * whether the article can be sent for review. It only shows and asks: the page jumps, fixes
 * and dismisses (signals), and owns page.run-checks, which the header's button activates. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-check-document.h"
#include "tayori-check-report.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CHECKS_PANEL (tayori_checks_panel_get_type ())
G_DECLARE_FINAL_TYPE (TayoriChecksPanel, tayori_checks_panel, TAYORI, CHECKS_PANEL, GtkWidget)

GtkWidget *tayori_checks_panel_new         (void);
/* @document: what @report was made from, for the covered texts; both NULL: nothing checked. */
void       tayori_checks_panel_set_report  (TayoriChecksPanel   *self,
                                            TayoriCheckReport   *report,
                                            TayoriCheckDocument *document);
void       tayori_checks_panel_set_running (TayoriChecksPanel   *self,
                                            gboolean             running);
/* Read-only: the findings without their Fix and Dismiss… buttons (for reviewers). */
gboolean   tayori_checks_panel_get_read_only (TayoriChecksPanel *self);
void       tayori_checks_panel_set_read_only (TayoriChecksPanel *self,
                                              gboolean           read_only);
/* Signals, each with the TayoriFinding concerned: "activate-finding" (a row was activated),
 * "fix-finding" (its Fix button), "dismiss-finding" (its Dismiss… button). */

G_END_DECLS
