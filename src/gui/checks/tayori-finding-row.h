/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriFindingRow: one finding in the checks panel: its message and where it is, the why
 * and how to fix behind a "Details" toggle, and "Fix" and "Dismiss…" buttons that activate
 * checks.fix and checks.dismiss with the finding's position in the report. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-finding.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_FINDING_ROW (tayori_finding_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriFindingRow, tayori_finding_row, TAYORI, FINDING_ROW, GtkListBoxRow)

/* @position: the finding's index in the report; @field_text: the text of the finding's field
 * the report was made from, for the span shown; @line: the line shown for body findings
 * (1-based), 0 for none. */
GtkWidget     *tayori_finding_row_new          (TayoriFinding    *finding,
                                                guint             position,
                                                const char       *field_text,
                                                guint             line);
/* Hides the Fix and Dismiss… buttons (a reviewer reads, the writer changes). */
void           tayori_finding_row_set_read_only (TayoriFindingRow *self,
                                                 gboolean          read_only);
TayoriFinding *tayori_finding_row_get_finding  (TayoriFindingRow *self);
guint          tayori_finding_row_get_position (TayoriFindingRow *self);
/* Whether the details are shown; kept across the panel's rebuilds. */
gboolean       tayori_finding_row_get_expanded (TayoriFindingRow *self);
void           tayori_finding_row_set_expanded (TayoriFindingRow *self,
                                                gboolean          expanded);
/* Identifies the finding across runs (rule, field and covered text), for that. */
char          *tayori_finding_row_dup_key      (TayoriFindingRow *self);

G_END_DECLS
