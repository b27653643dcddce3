/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dates checker: numeric date formats (2026/11/23, R8.11.23, 11/23) rewritten as
 * 2026年11月23日, plus the weekday and era rules of tayori-check-dates-*.c. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-check-dates-private.h"
#include "tayori-content-scan.h"
#include "tayori-japanese-text.h"

#define RULE_FORMAT  "ja-date-format"
#define RULE_WEEKDAY "ja-date-weekday"

/* Year, month and day joined by one of / . - (the same one twice): groups 1 western year,
 * 2 era letter, 3 era year, 5 month, 6 day. Version numbers and phone numbers are kept out by
 * the four-digit 19xx/20xx year and by refusing digits or separators on either side. */
#define YMD_PATTERN \
  "(?<![0-9A-Za-z/.\\-])(?:((?:19|20)[0-9]{2})|([RHS])([0-9]{1,2}))([/.\\-])([0-9]{1,2})\\4([0-9]{1,2})" \
  "(?![0-9]|[/.\\-][0-9])"
/* Month/day alone is only a date when something says so: a weekday, a time or a range
 * 「11/23（月）」「11/23 10:00」「11/23～11/30」. Otherwise it may be a fraction (費用の1/2). */
#define MD_PATTERN \
  "(?<![0-9A-Za-z/.\\-:])" \
  "(?:(?<=[〜～~])|(?<=[〜～~][ \u3000])" \
  "|(?=[0-9]{1,2}/[0-9]{1,2}(?![0-9])[ \u3000]?(?:[（(][日月火水木金土]|[0-9]{1,2}:[0-9]{2}|[〜～~])))" \
  "([0-9]{1,2})/([0-9]{1,2})(?![0-9/])"

struct _TayoriCheckDates
{
  GObject parent_instance;
};

#define TAYORI_TYPE_CHECK_DATES (tayori_check_dates_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckDates, tayori_check_dates, TAYORI, CHECK_DATES, GObject)

static void tayori_check_dates_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckDates, tayori_check_dates, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_dates_checker_init))

static void
add_format_finding (GPtrArray  *findings,
                    const char *field,
                    const char *text,
                    gsize       start,
                    gsize       end,
                    const char *fix)
{
  TayoriFinding *finding = tayori_ja_add_finding (findings, RULE_FORMAT, field, text, start, end);

  tayori_finding_set_arg (finding, "fix", fix);
  tayori_finding_set_fix (finding, fix);
}

static void
on_year_month_day (const char       *field,
                   const char       *text,
                   const GMatchInfo *match,
                   gpointer          user_data)
{
  static const char * const era_names[] = { "令和", "平成", "昭和" };
  static const char era_letters[] = "RHS";
  gsize start, end, letter, letter_end;
  int year, era_year = 0, month, day;
  const char *era = NULL;
  g_autofree char *written_year = NULL;
  g_autofree char *fix = NULL;

  tayori_ja_match_range (match, 0, &start, &end);
  tayori_ja_match_range (match, 5, &letter, &letter_end);
  month = tayori_ja_parse_number (text, letter, letter_end);
  tayori_ja_match_range (match, 6, &letter, &letter_end);
  day = tayori_ja_parse_number (text, letter, letter_end);
  if (tayori_ja_match_range (match, 2, &letter, &letter_end))
    {
      era = era_names[strchr (era_letters, text[letter]) - era_letters];
      tayori_ja_match_range (match, 3, &letter, &letter_end);
      era_year = tayori_ja_parse_number (text, letter, letter_end);
      year = tayori_era_to_western (era, era_year);
      written_year = tayori_era_format (era, era_year, "年");
    }
  else
    {
      tayori_ja_match_range (match, 1, &letter, &letter_end);
      year = tayori_ja_parse_number (text, letter, letter_end);
      written_year = g_strdup_printf ("%d年", year);
    }
  if ((era != NULL && era_year < 1) || month < 1 || month > 12 || day < 1 || day > 31
      || !g_date_valid_dmy (day, month, year))
    return;
  fix = g_strdup_printf ("%s%d月%d日", written_year, month, day);
  add_format_finding (user_data, field, text, start, end, fix);
}

static void
on_month_day (const char       *field,
              const char       *text,
              const GMatchInfo *match,
              gpointer          user_data)
{
  gsize start, end, part, part_end;
  int month, day;
  g_autofree char *fix = NULL;

  tayori_ja_match_range (match, 0, &start, &end);
  tayori_ja_match_range (match, 1, &part, &part_end);
  month = tayori_ja_parse_number (text, part, part_end);
  tayori_ja_match_range (match, 2, &part, &part_end);
  day = tayori_ja_parse_number (text, part, part_end);
  /* 2024 is a leap year: 2/29 is a date */
  if (month < 1 || month > 12 || day < 1 || day > 31 || !g_date_valid_dmy (day, month, 2024))
    return;
  fix = g_strdup_printf ("%d月%d日", month, day);
  add_format_finding (user_data, field, text, start, end, fix);
}

/* The publish start's date in Japan, or today there (which the preset may pin). */
static void
get_window_anchor (TayoriCheckDocument *document,
                   TayoriCheckSettings *settings,
                   GDate               *anchor)
{
  TayoriArticle *article = tayori_check_document_get_article (document);

  if (!tayori_content_parse_iso (tayori_article_get_publish_start (article), anchor))
    tayori_content_today (settings, anchor);
}

static void
tayori_check_dates_check (TayoriChecker       *checker,
                          TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GPtrArray           *findings,
                          GCancellable        *cancellable)
{
  static GRegex *ymd_regex;
  static GRegex *md_regex;
  const char * const *fields = tayori_check_document_get_fields (document);
  GDate anchor;

  get_window_anchor (document, settings, &anchor);
  for (gsize i = 0; fields[i] != NULL; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return;
      if (tayori_check_settings_is_enabled (settings, RULE_FORMAT))
        {
          tayori_ja_foreach_prose_match (document, fields[i], tayori_ja_regex_get (&ymd_regex, YMD_PATTERN),
                                         on_year_month_day, findings);
          tayori_ja_foreach_prose_match (document, fields[i], tayori_ja_regex_get (&md_regex, MD_PATTERN),
                                         on_month_day, findings);
        }
      if (tayori_check_settings_is_enabled (settings, RULE_WEEKDAY))
        tayori_check_dates_weekday (document, fields[i], &anchor, findings);
    }
  if (!g_cancellable_is_cancelled (cancellable))
    tayori_check_dates_eras (document, settings, findings);
}

static const char *
tayori_check_dates_get_family (TayoriChecker *checker)
{
  return "dates";
}

static void
tayori_check_dates_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_dates_get_family;
  iface->check = tayori_check_dates_check;
}

static void
tayori_check_dates_class_init (TayoriCheckDatesClass *klass)
{
}

static void
tayori_check_dates_init (TayoriCheckDates *self)
{
}

TayoriChecker *
tayori_check_dates_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_DATES, NULL);
}
