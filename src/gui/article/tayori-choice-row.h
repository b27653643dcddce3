/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChoiceRow: a combo row choosing one string of a preset list (category, ward,
 * department), exposed as a "value" property to bind to the article. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_CHOICE_ROW (tayori_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriChoiceRow, tayori_choice_row, TAYORI, CHOICE_ROW, AdwComboRow)

void        tayori_choice_row_set_options (TayoriChoiceRow    *self,
                                           const char * const *options);
const char *tayori_choice_row_get_value   (TayoriChoiceRow    *self); /* "" = none */
void        tayori_choice_row_set_value   (TayoriChoiceRow    *self,
                                           const char         *value);
/* "防災・安全/避難所" shows as "防災・安全 › 避難所" when @hierarchical. */
char       *tayori_choice_row_format      (const char         *value,
                                           gboolean            hierarchical);

G_END_DECLS
