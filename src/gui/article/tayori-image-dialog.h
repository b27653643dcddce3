/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriImageDialog: shows an image about to be inserted and asks for its alternative
 * text, which may be neither empty nor the file name. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_IMAGE_DIALOG (tayori_image_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriImageDialog, tayori_image_dialog, TAYORI, IMAGE_DIALOG, AdwMessageDialog)

/* @file is shown as a preview; @file_name is what the alternative text may not be. */
GtkWidget  *tayori_image_dialog_new     (GtkWindow         *parent,
                                         GFile             *file,
                                         const char        *file_name);
const char *tayori_image_dialog_get_alt (TayoriImageDialog *self);

G_END_DECLS
