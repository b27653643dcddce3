/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriMultiSelectRow: a row whose popover holds one check button per preset item
 * (secondary categories, audiences); "selected" is the list of checked values. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_MULTI_SELECT_ROW (tayori_multi_select_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriMultiSelectRow, tayori_multi_select_row, TAYORI, MULTI_SELECT_ROW, AdwActionRow)

void                tayori_multi_select_row_set_options  (TayoriMultiSelectRow *self,
                                                          const char * const   *options);
const char * const *tayori_multi_select_row_get_selected (TayoriMultiSelectRow *self);
void                tayori_multi_select_row_set_selected (TayoriMultiSelectRow *self,
                                                          const char * const   *selected);

G_END_DECLS
