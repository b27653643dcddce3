/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSubmitDialog: 「承認依頼」: an optional note for the approver and, while the writing
 * checks report errors, those errors and a required reason for sending anyway. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_SUBMIT_DIALOG (tayori_submit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSubmitDialog, tayori_submit_dialog, TAYORI, SUBMIT_DIALOG, AdwMessageDialog)

/* @blockers: the checks' errors in the UI language, NULL or empty when there are none.
 * Responses "cancel" and "submit". */
GtkWidget *tayori_submit_dialog_new                 (GtkWindow          *parent,
                                                     const char * const *blockers);
/* NULL when left empty. */
char      *tayori_submit_dialog_dup_note            (TayoriSubmitDialog *self);
char      *tayori_submit_dialog_dup_override_reason (TayoriSubmitDialog *self);

G_END_DECLS
