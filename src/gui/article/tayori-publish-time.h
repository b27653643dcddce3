/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publish window as staff type it ("2026-12-01 09:00", local time) and as the article
 * keeps it (ISO 8601 with the offset, or a bare date). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "2026-12-01 09:00" in local time, "2026-12-01" for a bare date, "" for NULL. */
char      *tayori_publish_time_format      (const char  *iso8601);
/* Accepts "", "YYYY-MM-DD" and "YYYY-MM-DD HH:MM" (also with "/" and full-width digits).
 * *@out_iso8601 is NULL for "", else the ISO 8601 form. The error message is for people. */
gboolean   tayori_publish_time_parse       (const char  *text,
                                            char       **out_iso8601,
                                            GError     **error);
/* The moment an ISO 8601 value stands for (a bare date: its local midnight), or NULL. */
GDateTime *tayori_publish_time_to_date_time (const char *iso8601);

G_END_DECLS
