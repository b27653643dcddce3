/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReturnDialog: 「差し戻し」: the note, required, and to whom: the writer or, after an
 * approval, the previous approver. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_RETURN_DIALOG (tayori_return_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriReturnDialog, tayori_return_dialog, TAYORI, RETURN_DIALOG, AdwMessageDialog)

/* @approvals: the approvals recorded at the article's revision (some: it may go back to
 * the previous approver instead of the writer). Responses "cancel" and "return" (enabled
 * once a note is written). */
GtkWidget *tayori_return_dialog_new             (GtkWindow          *parent,
                                                 guint               approvals);
char      *tayori_return_dialog_dup_note        (TayoriReturnDialog *self);
/* Whether 「前の段階に戻す」 was chosen. */
gboolean   tayori_return_dialog_get_to_previous (TayoriReturnDialog *self);

G_END_DECLS
