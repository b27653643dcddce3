/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriApplication: owns the settings and the organisation preset, the app-wide actions
 * (preferences, shortcuts, about, quit) and imports the Markdown files it is asked to open. */
#pragma once

#include <adwaita.h>

#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_APPLICATION (tayori_application_get_type ())
G_DECLARE_FINAL_TYPE (TayoriApplication, tayori_application, TAYORI, APPLICATION, AdwApplication)

TayoriApplication *tayori_application_new          (void);
GSettings         *tayori_application_get_settings (TayoriApplication *self);
TayoriPreset      *tayori_application_get_preset   (TayoriApplication *self);

G_END_DECLS
