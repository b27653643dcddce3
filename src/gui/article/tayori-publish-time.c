/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Conversions for the 掲載期間 rows: tolerant of what Japanese input methods produce
 * (full-width digits and punctuation), strict about dates that do not exist. */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tayori-publish-time.h"

GDateTime *
tayori_publish_time_to_date_time (const char *iso8601)
{
  int year, month, day;
  char rest;

  if (iso8601 == NULL || *iso8601 == '\0')
    return NULL;
  if (sscanf (iso8601, "%4d-%2d-%2d%c", &year, &month, &day, &rest) == 3)
    return g_date_time_new_local (year, month, day, 0, 0, 0);
  return g_date_time_new_from_iso8601 (iso8601, NULL);
}

char *
tayori_publish_time_format (const char *iso8601)
{
  g_autoptr(GDateTime) moment = tayori_publish_time_to_date_time (iso8601);
  g_autoptr(GDateTime) local = NULL;

  if (moment == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");
  if (strchr (iso8601, 'T') == NULL)
    return g_date_time_format (moment, "%Y-%m-%d");
  local = g_date_time_to_local (moment);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* Full-width digits and separators to ASCII, "/" to "-", runs of spaces to one */
static char *
normalize (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)  /* full-width ASCII block */
        c -= 0xFEE0;
      else if (c == 0x3000)            /* ideographic space */
        c = ' ';
      if (c == '/')
        c = '-';
      if (c == ' ' && (out->len == 0 || out->str[out->len - 1] == ' '))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

gboolean
tayori_publish_time_parse (const char  *text,
                           char       **out_iso8601,
                           GError     **error)
{
  g_autofree char *norm = normalize (text != NULL ? text : "");
  g_autoptr(GDateTime) moment = NULL;
  int year, month, day, hour = 0, minute = 0;
  int consumed = 0;
  gboolean with_time;

  g_return_val_if_fail (out_iso8601 != NULL, FALSE);
  *out_iso8601 = NULL;

  if (*norm == '\0')
    return TRUE;

  if (sscanf (norm, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &consumed) == 5 &&
      norm[consumed] == '\0')
    with_time = TRUE;
  else if (sscanf (norm, "%4d-%2d-%2d%n", &year, &month, &day, &consumed) == 3 &&
           norm[consumed] == '\0')
    with_time = FALSE;
  else
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("Enter a date like 2026-12-01, or a date and time like 2026-12-01 09:00."));
      return FALSE;
    }

  if (year < 1900 || month < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) ||
      (moment = g_date_time_new_local (year, month, day, hour, minute, 0)) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This date or time does not exist."));
      return FALSE;
    }

  *out_iso8601 = with_time ? g_date_time_format (moment, "%Y-%m-%dT%H:%M:%S%:z")
                           : g_date_time_format (moment, "%Y-%m-%d");
  return TRUE;
}
