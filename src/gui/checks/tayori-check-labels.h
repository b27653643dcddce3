/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Names the checks panel shows for what the engine calls by id: rule families, article
 * fields and severities, in the UI language. */
#pragma once

#include "tayori-check-rule.h"

G_BEGIN_DECLS

/* "Text and Characters" for "municipal-text"; an unknown family is shown as its id. */
const char *tayori_check_family_label   (const char     *family);
/* "Body", "Title", "Related Link 2"… */
char       *tayori_check_field_label    (const char     *field);
/* Section titles: "Errors", "Warnings", "Notices" */
const char *tayori_check_severity_label (TayoriSeverity  severity);
const char *tayori_check_severity_icon  (TayoriSeverity  severity);
/* "error", "warning", "accent": the libadwaita style class of the severity's colour */
const char *tayori_check_severity_style (TayoriSeverity  severity);

G_END_DECLS
