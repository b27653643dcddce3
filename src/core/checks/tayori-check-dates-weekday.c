/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ja-date-weekday: 「11月23日（月）」 checked against the calendar. A date without a year takes
 * the year of an earlier dated mention in its paragraph, else of the publish start (or today);
 * see infer_year () for the rule. */
#include <string.h>

#include "tayori-check-dates-private.h"
#include "tayori-japanese-text.h"

#define RULE_WEEKDAY "ja-date-weekday"

#define DIGIT "[0-9０-９]"
/* Groups: 1 western year, 2 era, 3 era year, 4 month, 5 day, 6–8 year, month and day of the
 * slash form, 9 the weekday as written (月, 月曜, 月曜日). The year may carry the other
 * calendar in parentheses; the weekday may carry 祝 or 休 (「（月・祝）」). */
#define WEEKDAY_PATTERN \
  "(?<![0-9０-９])" \
  "(?:(?:(" DIGIT "{4})年|(令和|平成|昭和)(" DIGIT "{1,2}|元)年)(?:[（(][^）)\\n]{1,10}[）)])?)?" \
  "(?:(?:(" DIGIT "{1,2})月)?(" DIGIT "{1,2})日|(?:([0-9]{4})/)?([0-9]{1,2})/([0-9]{1,2}))" \
  "[ \u3000]?[（(]([日月火水木金土](?:曜日?)?)(?:[・･、,]?[祝休]日?)?[）)]"

enum {
  GROUP_YEAR = 1, GROUP_ERA, GROUP_ERA_YEAR, GROUP_MONTH, GROUP_DAY,
  GROUP_SLASH_YEAR, GROUP_SLASH_MONTH, GROUP_SLASH_DAY, GROUP_WEEKDAY,
};

/* Sunday first, as GDateWeekday % 7 counts */
static const gunichar weekday_chars[] = { 0x65E5, 0x6708, 0x706B, 0x6C34, 0x6728, 0x91D1, 0x571F }; /* 日月火水木金土 */
static const char * const weekday_names[] = {
  "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};

typedef struct {
  int   year;
  int   month;
  int   day;
  gsize limit;   /* the end of the paragraph the date is in */
  gboolean set;
} Context;

typedef struct {
  const GDate *window;
  GPtrArray   *findings;
  Context      anchor;   /* the latest date written with its year */
  Context      last;     /* the latest date */
} Scan;

/* A date written as month and day is taken to fall in the twelve months that start two months
 * before the anchor's month: the anchor's year, the next one for a month more than two months
 * before the anchor's month, the previous one for a month more than nine months after it. So
 * with the anchor in December 「10月」 is the October just past and 「1月」 the coming January;
 * with the anchor in January 「12月」 is the December just past. */
static int
infer_year (int month,
            int anchor_year,
            int anchor_month)
{
  int delta = month - anchor_month;

  if (delta < -2)
    return anchor_year + 1;
  if (delta > 9)
    return anchor_year - 1;
  return anchor_year;
}

static gsize
paragraph_end (const char *text,
               gsize       from)
{
  for (const char *p = strchr (text + from, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    {
      const char *q = p + 1;

      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q == '\n' || *q == '\0')
        return p - text;
    }
  return strlen (text);
}

static int
group_number (const char       *text,
              const GMatchInfo *match,
              int               group)
{
  gsize start, end;

  if (!tayori_ja_match_range (match, group, &start, &end))
    return -1;
  if (g_str_has_prefix (text + start, "元"))
    return 1;
  return tayori_ja_parse_number (text, start, end);
}

static int
written_year (const char       *text,
              const GMatchInfo *match)
{
  gsize start, end;
  int year = group_number (text, match, GROUP_YEAR);

  if (year < 0)
    year = group_number (text, match, GROUP_SLASH_YEAR);
  if (year < 0 && tayori_ja_match_range (match, GROUP_ERA, &start, &end))
    {
      g_autofree char *era = g_strndup (text + start, end - start);

      year = tayori_era_to_western (era, group_number (text, match, GROUP_ERA_YEAR));
    }
  return year;
}

/* Fills in the date's missing year (and month, for 「25日（水）」 after 「23日（月）」);
 * FALSE when nothing earlier says which month a bare day is in. */
static gboolean
resolve_date (Scan  *scan,
              gsize  at,
              int   *year,
              int   *month,
              int   *day)
{
  if (*month < 0)
    {
      if (!scan->last.set || at >= scan->last.limit)
        return FALSE;
      *year = scan->last.year;
      *month = scan->last.month;
      if (*day < scan->last.day && ++*month > 12)
        {
          *month = 1;
          ++*year;
        }
    }
  else if (*year < 0 && scan->anchor.set && at < scan->anchor.limit)
    *year = infer_year (*month, scan->anchor.year, scan->anchor.month);
  else if (*year < 0)
    *year = infer_year (*month, g_date_get_year (scan->window), g_date_get_month (scan->window));
  return *year > 0 && *day > 0 && *month > 0 && *day <= 31 && *month <= 12
         && g_date_valid_dmy (*day, *month, *year);
}

static void
on_weekday (const char       *field,
            const char       *text,
            const GMatchInfo *match,
            gpointer          user_data)
{
  Scan *scan = user_data;
  gsize start, end, weekday_start, weekday_end;
  int year = written_year (text, match);
  gboolean has_year = year > 0;
  int month = group_number (text, match, GROUP_MONTH);
  int day = group_number (text, match, GROUP_DAY);
  Context here;
  g_autoptr(GDate) date = NULL;
  gunichar written, correct;
  guint weekday;

  tayori_ja_match_range (match, 0, &start, &end);
  tayori_ja_match_range (match, GROUP_WEEKDAY, &weekday_start, &weekday_end);
  if (day < 0)
    {
      month = group_number (text, match, GROUP_SLASH_MONTH);
      day = group_number (text, match, GROUP_SLASH_DAY);
    }
  if (!resolve_date (scan, start, &year, &month, &day))
    return;

  here = (Context) { year, month, day, paragraph_end (text, end), TRUE };
  scan->last = here;
  if (has_year)
    scan->anchor = here;

  date = g_date_new_dmy (day, month, year);
  weekday = g_date_get_weekday (date) % 7;
  correct = weekday_chars[weekday];
  written = g_utf8_get_char (text + weekday_start);
  if (written != correct)
    {
      const char *rest = g_utf8_next_char (text + weekday_start);
      g_autofree char *date_text = g_strdup_printf ("%d年%d月%d日", year, month, day);
      g_autofree char *date_iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      g_autofree char *fix = NULL;
      char written_utf8[8], correct_utf8[8];
      TayoriFinding *finding;

      written_utf8[g_unichar_to_utf8 (written, written_utf8)] = '\0';
      correct_utf8[g_unichar_to_utf8 (correct, correct_utf8)] = '\0';
      fix = g_strdup_printf ("%s%.*s", correct_utf8, (int) (text + weekday_end - rest), rest);
      finding = tayori_ja_add_finding (scan->findings, RULE_WEEKDAY, field, text,
                                       weekday_start, weekday_end);
      tayori_finding_set_arg (finding, "date", date_text);
      tayori_finding_set_arg (finding, "weekday", written_utf8);
      tayori_finding_set_arg (finding, "date_iso", date_iso);
      tayori_finding_set_arg (finding, "correct", correct_utf8);
      tayori_finding_set_arg (finding, "correct_en", weekday_names[weekday]);
      tayori_finding_set_fix (finding, fix);
    }
}

void
tayori_check_dates_weekday (TayoriCheckDocument *document,
                            const char          *field,
                            const GDate         *anchor,
                            GPtrArray           *findings)
{
  static GRegex *regex;
  Scan scan = { anchor, findings };

  tayori_ja_foreach_prose_match (document, field, tayori_ja_regex_get (&regex, WEEKDAY_PATTERN),
                                 on_weekday, &scan);
}
