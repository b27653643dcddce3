/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriLinkDialog: asks for a link's URL (http, https, mailto or tel only) and its text;
 * the "insert" response is enabled only for an allowed URL. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_LINK_DIALOG (tayori_link_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriLinkDialog, tayori_link_dialog, TAYORI, LINK_DIALOG, AdwMessageDialog)

/* @text prefills the link text (the selection in the editor). */
GtkWidget *tayori_link_dialog_new          (GtkWindow        *parent,
                                            const char       *text);
/* "[text](url)", ready to insert. */
char      *tayori_link_dialog_dup_markdown (TayoriLinkDialog *self);

G_END_DECLS
