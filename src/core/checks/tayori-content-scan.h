/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the content rules share: digits in either width, dates as Japanese notices write them
 * (西暦, 和暦, 年のない月日, 2025/4/1), and "today" in Asia/Tokyo (or pinned by the preset). */
#pragma once

#include "tayori-check-settings.h"

G_BEGIN_DECLS

/* '0'–'9' and '０'–'９'. */
gboolean tayori_content_is_digit    (gunichar     c);
/* The character before @p (at or after @text), 0 at the start. */
gunichar tayori_content_char_before (const char  *text,
                                     const char  *p);
/* Reads a run of up to @max_digits digits at @p (before @end) into @value; returns the bytes
 * read, 0 when @p is not a digit. */
gsize    tayori_content_read_number (const char  *p,
                                     const char  *end,
                                     guint        max_digits,
                                     guint       *value,
                                     guint       *n_digits);
/* TRUE when @word starts at @p (before @end). */
gboolean tayori_content_looking_at  (const char  *p,
                                     const char  *end,
                                     const char  *word);
/* An era name (明治, 大正, 昭和, 平成, 令和) at @p: the western year of its year 0, and its byte
 * length in @length; 0 when there is none. */
int      tayori_content_read_era    (const char  *p,
                                     const char  *end,
                                     gsize       *length);

typedef struct {
  int      year;    /* 0 when the text gives none */
  guint    month;   /* 0 when the text gives none */
  guint    day;     /* 0 when the text gives none */
  gsize    length;  /* bytes of text the date covers */
} TayoriContentDate;

/* A date starting exactly at @p: 2025年4月1日, 令和7年4月1日 (元年 too), 2025/4/1, 2025-04-01,
 * 4月1日, 2025年4月, 1985年. Digits may be full width. FALSE when none starts there or its
 * numbers are out of range. */
gboolean tayori_content_read_date   (const char        *p,
                                     const char        *end,
                                     TayoriContentDate *date);

/* "Today" for the content rules: the shared "[checks] today=YYYY-MM-DD" when set (tests pin
 * it), else the current date in Asia/Tokyo. */
void     tayori_content_today       (TayoriCheckSettings *settings,
                                     GDate               *today);
/* The date in Asia/Tokyo of an ISO 8601 date ("2026-12-01") or date-time; FALSE when it does
 * not parse. */
gboolean tayori_content_parse_iso   (const char          *iso8601,
                                     GDate               *date);

G_END_DECLS
