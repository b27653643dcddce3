/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the form's groups: showing a field as invalid (style and accessible
 * state together) and naming the text inside an AdwEntryRow. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Error style, ARIA invalid state and the message as accessible description. */
void     tayori_form_set_invalid     (GtkWidget   *widget,
                                      gboolean     invalid,
                                      const char  *message);
/* Names the editable text of @row (what has focus and what tests type into). */
void     tayori_form_name_entry_row  (AdwEntryRow *row,
                                      const char  *name);
gboolean tayori_form_is_blank        (const char  *text);

G_END_DECLS
