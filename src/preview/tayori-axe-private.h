/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the axe-core check shared by its files: the script world, the bundled files
 * and the mapping of axe-run.js's results to findings. */
#pragma once

#include "tayori-axe.h"

G_BEGIN_DECLS

/* Page content can neither see nor change what runs in this world. */
#define TAYORI_AXE_WORLD "tayori-axe"

/* Attribute tayori-axe-check.c puts on the elements of HTML input: the element's index in
 * the check document (axe-run.js reads and removes it). */
#define TAYORI_AXE_MARK_ATTRIBUTE "data-tayori-at"

/* A file of the bundled axe resources ("axe.min.js", "ja.json", "axe-run.js", …). */
GBytes    *_tayori_axe_lookup         (const char           *name);

/* Findings from the JSON text axe-run.js returns; NULL with @error when it does not parse. */
GPtrArray *_tayori_axe_findings_parse (const char           *json,
                                       TayoriCheckDocument  *document,
                                       GError              **error);

G_END_DECLS
