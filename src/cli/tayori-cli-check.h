/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How tayori-cli check and fix both start (tayori-cli-check.c): read the preset and the
 * article file, and run the writing checks over it. */
#pragma once

#include "tayori-cli.h"

G_BEGIN_DECLS

/* Loads the preset at @preset_path (NULL: the installed one) and the article file @path, and
 * runs every C-side check over it: the report, with the file in *@source; NULL and @error
 * when either cannot be read. */
TayoriCheckReport *tayori_cli_check_file (const char        *path,
                                          const char        *preset_path,
                                          TayoriCliSource  **source,
                                          GError           **error);

G_END_DECLS
