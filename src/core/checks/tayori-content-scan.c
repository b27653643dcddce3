/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Digits, dates and "today" for the content rules (see tayori-content-scan.h). */
#include <stdio.h>
#include <string.h>

#include "tayori-content-scan.h"

static const struct {
  const char *name;
  int         base;   /* western year of the era's year 0 */
} eras[] = {
  { "明治", 1867 },
  { "大正", 1911 },
  { "昭和", 1925 },
  { "平成", 1988 },
  { "令和", 2018 },
};

gboolean
tayori_content_is_digit (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

gunichar
tayori_content_char_before (const char *text,
                            const char *p)
{
  if (p <= text)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (text, p));
}

gsize
tayori_content_read_number (const char *p,
                            const char *end,
                            guint       max_digits,
                            guint      *value,
                            guint      *n_digits)
{
  const char *q = p;
  guint digits = 0;
  guint number = 0;

  while (q < end)
    {
      gunichar c = g_utf8_get_char (q);

      if (!tayori_content_is_digit (c))
        break;
      if (++digits > max_digits)
        return 0;
      number = number * 10 + (c <= '9' ? c - '0' : c - 0xFF10);
      q = g_utf8_next_char (q);
    }
  if (digits == 0)
    return 0;
  if (value != NULL)
    *value = number;
  if (n_digits != NULL)
    *n_digits = digits;
  return q - p;
}

gboolean
tayori_content_looking_at (const char *p,
                           const char *end,
                           const char *word)
{
  gsize n = strlen (word);

  return (gsize) (end - p) >= n && memcmp (p, word, n) == 0;
}

int
tayori_content_read_era (const char *p,
                         const char *end,
                         gsize      *length)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (tayori_content_looking_at (p, end, eras[i].name))
      {
        *length = strlen (eras[i].name);
        return eras[i].base;
      }
  return 0;
}

/* Skips @word at *@p; FALSE (and *@p unchanged) when it is not there. */
static gboolean
skip (const char **p,
      const char  *end,
      const char  *word)
{
  if (!tayori_content_looking_at (*p, end, word))
    return FALSE;
  *p += strlen (word);
  return TRUE;
}

/* A number of at most two digits followed by @unit ("4月"); FALSE when there is none. */
static gboolean
read_unit (const char **p,
           const char  *end,
           const char  *unit,
           guint       *value)
{
  const char *q = *p;
  gsize n = tayori_content_read_number (q, end, 2, value, NULL);

  if (n == 0)
    return FALSE;
  q += n;
  if (!skip (&q, end, unit))
    return FALSE;
  *p = q;
  return TRUE;
}

/* "4月" or "4月1日" after a year; leaves @date alone when neither follows. */
static void
read_month_day (const char        **p,
                const char         *end,
                TayoriContentDate  *date)
{
  guint month, day;

  if (!read_unit (p, end, "月", &month))
    return;
  date->month = month;
  if (read_unit (p, end, "日", &day))
    date->day = day;
}

/* 2025/4/1, 2025-04-01, 2025.4.1 from just after the year. */
static gboolean
read_numeric_month_day (const char        **p,
                        const char         *end,
                        TayoriContentDate  *date)
{
  const char *q = *p;
  char separator = q < end ? *q : '\0';
  guint month, day;
  gsize n;

  if (separator != '/' && separator != '-' && separator != '.')
    return FALSE;
  q++;
  n = tayori_content_read_number (q, end, 2, &month, NULL);
  if (n == 0 || q + n >= end || q[n] != separator)
    return FALSE;
  q += n + 1;
  n = tayori_content_read_number (q, end, 2, &day, NULL);
  if (n == 0)
    return FALSE;
  date->month = month;
  date->day = day;
  *p = q + n;
  return TRUE;
}

static gboolean
date_is_valid (const TayoriContentDate *date)
{
  if (date->month > 12 || (date->day != 0 && date->month == 0) || date->day > 31)
    return FALSE;
  if (date->year != 0 && date->day != 0)
    return g_date_valid_dmy (date->day, date->month, date->year);
  return date->year != 0 || (date->month != 0 && date->day != 0);
}

gboolean
tayori_content_read_date (const char        *p,
                          const char        *end,
                          TayoriContentDate *date)
{
  const char *q = p;
  gsize n;
  int era;
  guint number, digits;

  memset (date, 0, sizeof *date);
  era = tayori_content_read_era (q, end, &n);
  if (era != 0)
    {
      q += n;
      if (skip (&q, end, "元"))
        number = 1;
      else if ((n = tayori_content_read_number (q, end, 2, &number, NULL)) != 0)
        q += n;
      else
        return FALSE;
      /* 令和7年度 is a fiscal year, not a date */
      if (!skip (&q, end, "年") || tayori_content_looking_at (q, end, "度") || number == 0)
        return FALSE;
      date->year = era + number;
      read_month_day (&q, end, date);
    }
  else if ((n = tayori_content_read_number (q, end, 4, &number, &digits)) == 0)
    return FALSE;
  else if (digits == 4)
    {
      q += n;
      date->year = number;
      if (skip (&q, end, "年"))
        {
          if (tayori_content_looking_at (q, end, "度"))
            return FALSE;
          read_month_day (&q, end, date);
        }
      else if (!read_numeric_month_day (&q, end, date))
        return FALSE;
    }
  else if (digits <= 2)
    read_month_day (&q, end, date);

  if (q == p || !date_is_valid (date))
    return FALSE;
  /* A date runs into no further digit: 2025/4/123 is no date. */
  if (q < end && tayori_content_is_digit (g_utf8_get_char (q)))
    return FALSE;
  date->length = q - p;
  return TRUE;
}

static GTimeZone *
tokyo (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Tokyo");

  /* Without tzdata: Japan has kept +09:00 without summer time since 1951. */
  return zone != NULL ? zone : g_time_zone_new_offset (9 * 3600);
}

gboolean
tayori_content_parse_iso (const char *iso8601,
                          GDate      *date)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_date_clear (date, 1);
  if (iso8601 == NULL)
    return FALSE;
  if (strlen (iso8601) == 10 &&
      sscanf (iso8601, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_date_set_dmy (date, day, month, year);
      return TRUE;
    }
  zone = tokyo ();
  time = g_date_time_new_from_iso8601 (iso8601, zone);
  if (time == NULL)
    return FALSE;
  local = g_date_time_to_timezone (time, zone);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

void
tayori_content_today (TayoriCheckSettings *settings,
                      GDate               *today)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (tayori_content_parse_iso (tayori_check_settings_get_string (settings, NULL, "today"), today))
    return;
  zone = tokyo ();
  now = g_date_time_new_now (zone);
  g_date_set_dmy (today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
