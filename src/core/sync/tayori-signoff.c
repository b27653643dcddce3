/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-off record (決裁記録) as one self-contained A4 HTML page: facts, approvals with
 * their times in Japan time, the check summary and the article as approved. Every text is
 * escaped; the body is the sanitised rendering; no script. */
#include <glib/gi18n.h>
#include "tayori-html.h"
#include "tayori-markdown.h"
#include "tayori-signoff.h"

static const char style[] =
  "@page { size: A4; margin: 18mm 15mm; }"
  "body { font-family: 'Noto Sans CJK JP', sans-serif; font-size: 10.5pt; color: #000; }"
  "h1 { font-size: 16pt; margin: 0 0 4mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; }"
  "table { border-collapse: collapse; width: 100%; }"
  "th, td { border: 1px solid #555; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }"
  "th { background: #eee; white-space: nowrap; } .hash { font-family: monospace; word-break: break-all; }"
  ".city { margin: 0; } .article { border: 1px solid #555; padding: 4mm; }"
  ".article img { max-width: 100%; } footer { margin-top: 6mm; font-size: 9pt; color: #333; }";

static void
append_text (GString *out, const char *open, const char *text, const char *close)
{
  g_string_append (out, open);
  tayori_html_escape_append (out, text != NULL ? text : "");
  g_string_append (out, close);
}

static void
append_row (GString *out, const char *label, const char *value, const char *value_class)
{
  append_text (out, "<tr><th>", label, "</th>");
  g_string_append_printf (out, "<td%s%s%s>", value_class != NULL ? " class=\"" : "",
                          value_class != NULL ? value_class : "", value_class != NULL ? "\"" : "");
  append_text (out, "", value, "</td></tr>");
}

static GTimeZone *
japan_time_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Tokyo");

  return zone != NULL ? zone : g_time_zone_new_offset (9 * 60 * 60);
}

static char *
format_japan_time (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, utc) : NULL;
  g_autoptr(GTimeZone) zone = japan_time_zone ();
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (iso8601 != NULL ? iso8601 : "");
  local = g_date_time_to_timezone (time, zone);
  /* Translators: a time in Japan Standard Time, strftime format */
  return g_date_time_format (local, C_("signoff", "%Y-%m-%d %H:%M (JST)"));
}

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "submit") == 0)
    return C_("signoff", "Submitted for review");
  if (g_strcmp0 (action, "approve") == 0)
    return C_("signoff", "Approved");
  if (g_strcmp0 (action, "return") == 0)
    return C_("signoff", "Returned");
  if (g_strcmp0 (action, "schedule") == 0)
    return C_("signoff", "Scheduled");
  if (g_strcmp0 (action, "publish") == 0)
    return C_("signoff", "Published");
  return action;
}

static void
append_log (GString *out, GPtrArray *review_log)
{
  append_text (out, "<h2>", C_("signoff", "Approvals"), "</h2><table><tr>");
  append_text (out, "<th>", C_("signoff", "Step"), "</th>");
  append_text (out, "<th>", C_("signoff", "By"), "</th>");
  append_text (out, "<th>", C_("signoff", "Level"), "</th>");
  append_text (out, "<th>", C_("signoff", "Time"), "</th>");
  append_text (out, "<th>", C_("signoff", "Note"), "</th></tr>");
  for (guint i = 0; review_log != NULL && i < review_log->len; i++)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (review_log, i);
      g_autofree char *time = format_japan_time (entry->at);
      g_autofree char *level = entry->level > 0 ? g_strdup_printf ("%u", entry->level) : g_strdup ("");

      append_text (out, "<tr><td>", action_label (entry->action), "</td>");
      append_text (out, "<td>", entry->actor, "</td>");
      append_text (out, "<td>", level, "</td>");
      append_text (out, "<td>", time, "</td>");
      append_text (out, "<td>", entry->note, "</td></tr>");
    }
  g_string_append (out, "</table>");
}

static void
append_checks (GString *out, TayoriCheckReport *report)
{
  static const struct { TayoriSeverity severity; const char *label; } rows[] = {
    { TAYORI_SEVERITY_ERROR, NC_("signoff", "Errors") },
    { TAYORI_SEVERITY_WARNING, NC_("signoff", "Warnings") },
    { TAYORI_SEVERITY_NOTICE, NC_("signoff", "Notices") },
  };

  append_text (out, "<h2>", C_("signoff", "Check results"), "</h2>");
  if (report == NULL)
    {
      append_text (out, "<p>", C_("signoff", "The checks were not run."), "</p>");
      return;
    }
  g_string_append (out, "<table>");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *count = g_strdup_printf ("%u", tayori_check_report_count (report, rows[i].severity));

      append_row (out, _(rows[i].label), count, NULL);
    }
  if (tayori_check_report_get_n_dismissed (report) > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", tayori_check_report_get_n_dismissed (report));

      append_row (out, C_("signoff", "Dismissed with a reason"), count, NULL);
    }
  g_string_append (out, "</table>");
}

char *
tayori_signoff_render_html (TayoriArticle *article, TayoriPreset *preset,
                            const char *revision_hash, GPtrArray *review_log,
                            TayoriCheckReport *report)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">");
  g_autofree char *body = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  append_text (out, "<title>", C_("signoff", "Sign-off record"), "");
  append_text (out, " — ", tayori_article_get_title (article), "</title>");
  g_string_append_printf (out, "<style>%s</style></head><body>", style);
  if (preset != NULL)
    append_text (out, "<p class=\"city\">", tayori_preset_get_city_name (preset), "</p>");
  append_text (out, "<h1>", C_("signoff", "Sign-off record"), "</h1><table>");
  append_row (out, C_("signoff", "Title"), tayori_article_get_title (article), NULL);
  append_row (out, C_("signoff", "Author"), tayori_article_get_author (article), NULL);
  append_row (out, C_("signoff", "Department"), tayori_article_get_department (article), NULL);
  append_row (out, C_("signoff", "Ward"), tayori_article_get_ward (article), NULL);
  append_row (out, C_("signoff", "Revision hash"), revision_hash, "hash");
  g_string_append (out, "</table>");
  append_log (out, review_log);
  append_checks (out, report);
  append_text (out, "<h2>", C_("signoff", "The article as approved"), "</h2><div class=\"article\">");
  append_text (out, "<h1>", tayori_article_get_title (article), "</h1>");
  if (tayori_article_get_summary (article)[0] != '\0')
    append_text (out, "<p><strong>", tayori_article_get_summary (article), "</strong></p>");
  body = tayori_markdown_render_body (tayori_article_get_body (article), -1);
  g_string_append (out, body);
  generated = format_japan_time (now_text);
  footer = g_strdup_printf (C_("signoff", "Made by Tayori on %s"), generated);
  append_text (out, "</div><footer>", footer, "</footer></body></html>\n");
  return g_string_free (out, FALSE);
}
