/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of the personal-data check (tayori-check-personal-data.c) kept in their own files
 * and reached by tests: numbers (tayori-personal-numbers.c) and birth dates next to names
 * (tayori-birth-date.c). */
#pragma once

#include "tayori-check-document.h"

G_BEGIN_DECLS

#define TAYORI_RULE_PII_MOBILE    "pii-mobile-number"
#define TAYORI_RULE_PII_MY_NUMBER "pii-my-number"
#define TAYORI_RULE_PII_CARD      "pii-card-number"

typedef struct {
  gsize start;   /* byte range in the text */
  gsize end;
} TayoriTextSpan;

/* @digits: 12 ASCII digits. */
gboolean  tayori_my_number_is_valid       (const char *digits);
gboolean  tayori_luhn_is_valid            (const char *digits,
                                           gsize       length);
/* The number starts with a card issuer's prefix and has a length that issuer uses. */
gboolean  tayori_card_prefix_is_plausible (const char *digits,
                                           gsize       length);

/* Appends a finding of @rule on [start, end) of @field, whose text is @text; {text} is set. */
void      tayori_personal_data_add        (GPtrArray           *findings,
                                           const char          *rule,
                                           const char          *field,
                                           const char          *text,
                                           gsize                start,
                                           gsize                end);
/* Mobile numbers anywhere in @text (the whole of @field), My Numbers and card numbers where it
 * is prose; @enabled: those three rules in that order. */
void      tayori_personal_numbers_check   (TayoriCheckDocument *document,
                                           const char          *field,
                                           const char          *text,
                                           const gboolean       enabled[3],
                                           GPtrArray           *findings);

/* Birth dates and ages written next to a personal name (tayori-birth-date.c); element type
 * TayoriTextSpan, in text order. */
GArray   *tayori_birth_dates_find         (const char *text,
                                           gsize       length);

G_END_DECLS
