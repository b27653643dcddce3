/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dates rules split by subject: formats (tayori-check-dates.c), weekdays (-weekday.c) and
 * Japanese eras (-era.c), with the era conversions they share. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

/* The western year of year @era_year of the era @name ("令和", 8 → 2026); 0 for an unknown era. */
int   tayori_era_to_western       (const char          *name,
                                   int                  era_year);
/* "令和元年", "令和8年度": the era name, its year (1 is 元) and @suffix. */
char *tayori_era_format           (const char          *name,
                                   int                  era_year,
                                   const char          *suffix);

/* ja-date-weekday in @field. Dates without a year take it from an earlier date with a year in
 * the same paragraph, else from @anchor (the publish start, or today in Japan). */
void  tayori_check_dates_weekday  (TayoriCheckDocument *document,
                                   const char          *field,
                                   const GDate         *anchor,
                                   GPtrArray           *findings);
/* ja-era-consistency, ja-era-mismatch and ja-era-obsolete over every field at once. */
void  tayori_check_dates_eras     (TayoriCheckDocument *document,
                                   TayoriCheckSettings *settings,
                                   GPtrArray           *findings);

G_END_DECLS
