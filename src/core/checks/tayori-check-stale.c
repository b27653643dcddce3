/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The stale-content check (family "content"), all warnings: the publish window has ended, the
 * text names a fiscal year already over, or an event date or deadline has passed while the
 * notice is still up. "Today" is Asia/Tokyo's date or the preset's [checks] today. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-content-scan.h"
#include "tayori-easy-text.h"

#define RULE_WINDOW      "stale-publish-window"
#define RULE_FISCAL_YEAR "stale-fiscal-year"
#define RULE_EVENT_DATE  "stale-event-date"

#define CONTEXT_CHARS    20   /* how far after a date its event word may come */
#define EVENT_FLOOR_DAYS 31

#define TAYORI_TYPE_CHECK_STALE (tayori_check_stale_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckStale, tayori_check_stale, TAYORI, CHECK_STALE, GObject)

struct _TayoriCheckStale
{
  GObject parent_instance;
};

static void tayori_check_stale_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckStale, tayori_check_stale, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_stale_checker_init))

static const char * const checked_fields[] = { "title", "summary", "body" };

/* After a fiscal year: it goes on (以降, から, ～), or is looked back on (実績, 決算, 分). */
static const char * const fiscal_year_exceptions[] = {
  "以降", "から", "より", "以来", "実績", "決算", "結果", "報告", "分", "～", "〜", "~", "－", "-",
};

/* A line starting with one of these labels gives an event's date or a deadline. */
static const char * const event_labels[] = {
  "日時", "開催日", "日程", "期日", "期間", "実施日", "締切", "締め切り", "期限", "受付日",
};

/* Words after a date that make it an event's date or a deadline. */
static const char * const event_words[] = {
  "開催", "実施", "行います", "行う", "予定", "まで", "締め切", "締切", "受け付け", "受付", "募集",
};

static const char * const range_marks[] = { "～", "〜", "~", "－", "-", "–", "—", "から" };

typedef struct {
  GDate today;
  GDate publish_start;   /* invalid when the article has none */
  GDate event_floor;     /* a month before the publish start: older dates are history, not
                            this notice's events (invalid without a publish start) */
  int   fiscal_year;     /* the current one: April to March */
} Context;

static gsize
starts_with_any (const char         *p,
                 const char         *end,
                 const char * const *words,
                 guint               n_words)
{
  for (guint i = 0; i < n_words; i++)
    if (tayori_content_looking_at (p, end, words[i]))
      return strlen (words[i]);
  return 0;
}

static TayoriFinding *
add_finding (GPtrArray       *findings,
             const char      *rule,
             const char      *field,
             const char      *source,
             TayoriProseText *prose,
             gsize            start,
             gsize            end)
{
  gsize source_start, source_end;
  g_autofree char *span = NULL;
  TayoriFinding *finding;

  tayori_prose_text_to_source (prose, start, end, &source_start, &source_end);
  span = g_strndup (source + source_start, source_end - source_start);
  finding = tayori_finding_new (rule, field, source_start, source_end);
  tayori_finding_set_arg (finding, "text", span);
  g_ptr_array_add (findings, finding);
  return finding;
}

/* ---- fiscal years ----------------------------------------------------------------------- */

/* 令和6年度 or 2024年度 at @p: its western fiscal year and length, 0 when none. */
static int
read_fiscal_year (const char *p,
                  const char *end,
                  gsize      *length)
{
  const char *q = p;
  guint number, digits;
  gsize n;
  int era = tayori_content_read_era (q, end, &n);
  int year;

  if (era != 0)
    {
      q += n;
      if (tayori_content_looking_at (q, end, "元"))
        {
          number = 1;
          q += strlen ("元");
        }
      else if ((n = tayori_content_read_number (q, end, 2, &number, NULL)) != 0)
        q += n;
      else
        return 0;
      year = era + number;
    }
  else if ((n = tayori_content_read_number (q, end, 4, &number, &digits)) != 0 && digits == 4)
    {
      q += n;
      year = number;
    }
  else
    return 0;
  if (!tayori_content_looking_at (q, end, "年度"))
    return 0;
  *length = q + strlen ("年度") - p;
  return year;
}

static void
check_fiscal_years (const Context   *context,
                    const char      *field,
                    const char      *source,
                    TayoriProseText *prose,
                    GPtrArray       *findings)
{
  const char *text = prose->text->str;
  const char *end = text + prose->text->len;
  g_autofree char *current = g_strdup_printf ("%d", context->fiscal_year);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gsize length;
      int year;

      if (tayori_content_is_digit (tayori_content_char_before (text, p)))
        continue;
      year = read_fiscal_year (p, end, &length);
      if (year == 0 || year >= context->fiscal_year ||
          starts_with_any (p + length, end, fiscal_year_exceptions,
                           G_N_ELEMENTS (fiscal_year_exceptions)) != 0)
        continue;
      tayori_finding_set_arg (add_finding (findings, RULE_FISCAL_YEAR, field, source, prose,
                                           p - text, p + length - text),
                              "current", current);
      p += length - 1;
    }
}

/* ---- event dates ------------------------------------------------------------------------ */

/* The full date of @date: its own year, else the publish start's (the next year when the day
 * would fall before the publish start: a December notice about January). */
static gboolean
resolve (const Context           *context,
         const TayoriContentDate *date,
         int                      year,
         GDate                   *resolved)
{
  if (date->month == 0 || date->day == 0)
    return FALSE;
  if (date->year != 0)
    year = date->year;
  if (year == 0)
    {
      if (!g_date_valid (&context->publish_start))
        return FALSE;
      year = g_date_get_year (&context->publish_start);
      if (date->month < g_date_get_month (&context->publish_start) ||
          (date->month == g_date_get_month (&context->publish_start) &&
           date->day < g_date_get_day (&context->publish_start)))
        year++;
    }
  if (!g_date_valid_dmy (date->day, date->month, year))
    return FALSE;
  g_date_clear (resolved, 1);
  g_date_set_dmy (resolved, date->day, date->month, year);
  return TRUE;
}

/* Past a weekday in brackets after a date: （水）, （水曜日）, (土・祝). */
static const char *
skip_weekday (const char *p,
              const char *end)
{
  static const char weekday_chars[] = "日月火水木金土曜祝休・";
  const char *q;

  if (tayori_content_looking_at (p, end, "（"))
    q = p + strlen ("（");
  else if (tayori_content_looking_at (p, end, "("))
    q = p + 1;
  else
    return p;
  for (guint n = 0; q < end && n < 8; n++)
    {
      const char *next = g_utf8_next_char (q);
      g_autofree char *c = g_strndup (q, next - q);

      if (g_str_equal (c, "）") || g_str_equal (c, ")"))
        return n > 0 ? next : p;
      if (strstr (weekday_chars, c) == NULL)
        return p;
      q = next;
    }
  return p;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && (*p == ' ' || tayori_content_looking_at (p, end, "　")))
    p = g_utf8_next_char (p);
  return p;
}

/* The end of a range after a date (～11月30日, （水）から12月4日（金）まで, から30日まで);
 * FALSE when no range follows. */
static gboolean
read_range_end (const char              *p,
                const char              *end,
                const TayoriContentDate *first,
                TayoriContentDate       *last,
                const char             **last_end)
{
  gsize n;
  guint day;

  p = skip_spaces (skip_weekday (p, end), end);
  if ((n = starts_with_any (p, end, range_marks, G_N_ELEMENTS (range_marks))) == 0)
    return FALSE;
  p = skip_spaces (p + n, end);
  if (tayori_content_read_date (p, end, last) && last->day != 0)
    {
      *last_end = p + last->length;
      return TRUE;
    }
  /* "30日": the first date's month */
  n = tayori_content_read_number (p, end, 2, &day, NULL);
  if (n == 0 || !tayori_content_looking_at (p + n, end, "日"))
    return FALSE;
  memset (last, 0, sizeof *last);
  last->month = first->month;
  last->day = day;
  *last_end = p + n + strlen ("日");
  return TRUE;
}

static gboolean
line_has_label (const char *text,
                const char *p)
{
  const char *line = p;

  while (line > text && line[-1] != '\n')
    line--;
  for (const char *q = line; q < p; q = g_utf8_next_char (q))
    if (starts_with_any (q, p, event_labels, G_N_ELEMENTS (event_labels)) != 0)
      return TRUE;
  return FALSE;
}

/* An event word soon after, in a sentence that is neither in the past tense (開催しました)
 * nor about birth dates (平成21年4月12日までに生まれた方). */
static gboolean
followed_by_event_word (const char *p,
                        const char *end)
{
  const char *sentence_end = p;
  gboolean found = FALSE;
  guint n = 0;

  while (sentence_end < end && *sentence_end != '\n' &&
         !tayori_content_looking_at (sentence_end, end, "。"))
    {
      if (n++ < CONTEXT_CHARS &&
          starts_with_any (sentence_end, end, event_words, G_N_ELEMENTS (event_words)) != 0)
        found = TRUE;
      sentence_end = g_utf8_next_char (sentence_end);
    }
  return found && g_strstr_len (p, sentence_end - p, "ました") == NULL &&
         g_strstr_len (p, sentence_end - p, "生まれ") == NULL;
}

static void
check_event_dates (const Context   *context,
                   const char      *field,
                   const char      *source,
                   TayoriProseText *prose,
                   GPtrArray       *findings)
{
  const char *text = prose->text->str;
  const char *end = text + prose->text->len;
  const char *p = text;

  while (p < end)
    {
      TayoriContentDate first, last;
      const char *date_end;
      GDate resolved;

      if (tayori_content_is_digit (tayori_content_char_before (text, p)) ||
          !tayori_content_read_date (p, end, &first) || first.day == 0)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      date_end = p + first.length;
      if (read_range_end (date_end, end, &first, &last, &date_end))
        {
          GDate start_date;

          /* The range ends in the first date's year, or the next one (12月～1月). */
          if (!resolve (context, &first, 0, &start_date) ||
              !resolve (context, &last, g_date_get_year (&start_date), &resolved))
            {
              p = date_end;
              continue;
            }
          if (last.year == 0 && g_date_compare (&resolved, &start_date) < 0)
            g_date_add_years (&resolved, 1);
        }
      else if (!resolve (context, &first, 0, &resolved))
        {
          p = date_end;
          continue;
        }

      if (g_date_compare (&resolved, &context->today) < 0 &&
          (!g_date_valid (&context->event_floor) ||
           g_date_compare (&resolved, &context->event_floor) >= 0) &&
          (line_has_label (text, p) || followed_by_event_word (date_end, end)))
        add_finding (findings, RULE_EVENT_DATE, field, source, prose, p - text, date_end - text);
      p = date_end;
    }
}

/* ---- the checker ------------------------------------------------------------------------ */

static const char *
tayori_check_stale_get_family (TayoriChecker *checker)
{
  return "content";
}

static void
tayori_check_stale_check (TayoriChecker       *checker,
                          TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GPtrArray           *findings,
                          GCancellable        *cancellable)
{
  gboolean fiscal_years = tayori_check_settings_is_enabled (settings, RULE_FISCAL_YEAR);
  gboolean event_dates = tayori_check_settings_is_enabled (settings, RULE_EVENT_DATE);
  const char *publish_end = tayori_check_document_get_text (document, "publish-end");
  gboolean ended;
  GDate end_date;
  Context context;

  tayori_content_today (settings, &context.today);
  tayori_content_parse_iso (tayori_check_document_get_text (document, "publish-start"),
                            &context.publish_start);
  context.event_floor = context.publish_start;
  if (g_date_valid (&context.event_floor))
    g_date_subtract_days (&context.event_floor, EVENT_FLOOR_DAYS);
  context.fiscal_year = g_date_get_year (&context.today) -
                        (g_date_get_month (&context.today) < G_DATE_APRIL ? 1 : 0);

  ended = tayori_content_parse_iso (publish_end, &end_date) &&
          g_date_compare (&end_date, &context.today) < 0;
  if (ended && tayori_check_settings_is_enabled (settings, RULE_WINDOW))
    {
      TayoriFinding *finding = tayori_finding_new (RULE_WINDOW, "publish-end", 0, 0);

      tayori_finding_set_arg (finding, "date", publish_end);
      g_ptr_array_add (findings, finding);
    }

  for (guint i = 0; i < G_N_ELEMENTS (checked_fields) && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *source = tayori_check_document_get_text (document, checked_fields[i]);
      g_autoptr(TayoriProseText) prose = NULL;

      if (source[0] == '\0')
        continue;
      prose = tayori_prose_text_new (document, checked_fields[i]);
      if (fiscal_years)
        check_fiscal_years (&context, checked_fields[i], source, prose, findings);
      /* Once the window has ended, stale-publish-window says it all. */
      if (event_dates && !ended)
        check_event_dates (&context, checked_fields[i], source, prose, findings);
    }
}

static void
tayori_check_stale_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_stale_get_family;
  iface->check = tayori_check_stale_check;
}

static void
tayori_check_stale_class_init (TayoriCheckStaleClass *klass)
{
}

static void
tayori_check_stale_init (TayoriCheckStale *self)
{
}

TayoriChecker *
tayori_check_stale_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_STALE, NULL);
}
