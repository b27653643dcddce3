/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Japanese era years (和暦) against western ones (西暦): a notice that mixes them unpaired
 * (ja-era-consistency), pairs that disagree (ja-era-mismatch), and era years that never
 * existed because the era had ended (平成32年, 平成31年5月1日: ja-era-obsolete). */
#include <string.h>

#include "tayori-check-dates-private.h"
#include "tayori-japanese-text.h"

#define RULE_CONSISTENCY "ja-era-consistency"
#define RULE_MISMATCH    "ja-era-mismatch"
#define RULE_OBSOLETE    "ja-era-obsolete"

/* 明治 is counted from 1 January 1868, as the calendar reform made it retroactive. */
typedef struct {
  const char *name;
  int         year;
  int         month;
  int         day;
} Era;

static const Era eras[] = {
  { "明治", 1868, 1, 1 },
  { "大正", 1912, 7, 30 },
  { "昭和", 1926, 12, 25 },
  { "平成", 1989, 1, 8 },
  { "令和", 2019, 5, 1 },
};

#define FIRST_WESTERN_YEAR 1868
#define LAST_WESTERN_YEAR  2100

/* An era year (令和8, 令和元) or a four-digit western year, each with an optional 年 / 年度. */
#define YEAR_PATTERN \
  "(令和|平成|昭和|大正|明治)([0-9０-９]{1,2}|元)(?![0-9０-９])(年度?)?" \
  "|(?<![0-9０-９])([0-9０-９]{4})(?![0-9０-９])(年度?)?"

typedef struct {
  const char *field;
  gsize       start;     /* the year as written, with its 年 / 年度 */
  gsize       end;
  const Era  *era;       /* NULL for a western year */
  int         number;    /* the year as written: era year or western year */
  int         western;
  const char *suffix;    /* "年", "年度" or "" */
  gboolean    paired;    /* written with the other calendar in parentheses */
  gsize       after;     /* where a month and day would follow: the end of the pair if paired */
} Mention;

static const Era *
era_named (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (eras); i++)
    if (strcmp (eras[i].name, name) == 0)
      return &eras[i];
  return NULL;
}

static const Era *
era_on (int year,
        int month,
        int day)
{
  for (gsize i = G_N_ELEMENTS (eras); i > 0; i--)
    {
      const Era *era = &eras[i - 1];

      if (year > era->year
          || (year == era->year && (month > era->month || (month == era->month && day >= era->day))))
        return era;
    }
  return NULL;
}

int
tayori_era_to_western (const char *name,
                       int         era_year)
{
  const Era *era = era_named (name);

  return era != NULL ? era->year + era_year - 1 : 0;
}

char *
tayori_era_format (const char *name,
                   int         era_year,
                   const char *suffix)
{
  if (era_year == 1)
    return g_strconcat (name, "元", suffix, NULL);
  return g_strdup_printf ("%s%d%s", name, era_year, suffix);
}

/* 「5月1日」 or 「5月」 at @p; @day is 1 when only the month is given. */
static gboolean
parse_month_day (const char *p,
                 int        *month,
                 int        *day)
{
  const char *q = p;

  while (g_unichar_digit_value (g_utf8_get_char (q)) >= 0)
    q = g_utf8_next_char (q);
  if (q == p || !g_str_has_prefix (q, "月"))
    return FALSE;
  *month = tayori_ja_parse_number (p, 0, q - p);
  p = q + strlen ("月");
  for (q = p; g_unichar_digit_value (g_utf8_get_char (q)) >= 0; q = g_utf8_next_char (q))
    ;
  *day = q > p && g_str_has_prefix (q, "日") ? tayori_ja_parse_number (p, 0, q - p) : 1;
  return *month >= 1 && *month <= 12;
}

/* The era of a western year as a reader would name it: from the month and day written after
 * it; for a fiscal year (年度) the era of its December; NULL for a year two eras share. */
static const Era *
era_of_western (const char    *text,
                const Mention *mention)
{
  int month, day;

  if (parse_month_day (text + mention->after, &month, &day))
    return era_on (mention->western, month, day);
  if (strcmp (mention->suffix, "年度") != 0)
    for (gsize i = 0; i < G_N_ELEMENTS (eras); i++)
      if (eras[i].year == mention->western)
        return NULL;
  return era_on (mention->western, 12, 31);
}

static void
collect_mentions (TayoriCheckDocument *document,
                  const char          *field,
                  GArray              *mentions)
{
  static GRegex *regex;
  const char *text = tayori_check_document_get_text (document, field);
  g_autoptr(GMatchInfo) match = NULL;

  g_regex_match (tayori_ja_regex_get (&regex, YEAR_PATTERN), text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      Mention mention = { field };
      gsize start, end;

      tayori_ja_match_range (match, 0, &mention.start, &mention.end);
      if (!tayori_check_document_is_prose (document, field, mention.start, mention.end))
        continue;
      if (tayori_ja_match_range (match, 1, &start, &end))
        {
          g_autofree char *name = g_strndup (text + start, end - start);

          mention.era = era_named (name);
          tayori_ja_match_range (match, 2, &start, &end);
          mention.number = g_str_has_prefix (text + start, "元") ? 1 : tayori_ja_parse_number (text, start, end);
          if (mention.number < 1)
            continue;
          mention.western = mention.era->year + mention.number - 1;
        }
      else
        {
          tayori_ja_match_range (match, 4, &start, &end);
          mention.western = mention.number = tayori_ja_parse_number (text, start, end);
        }
      mention.suffix = "";
      if (tayori_ja_match_range (match, mention.era != NULL ? 3 : 5, &start, &end))
        mention.suffix = end - start > strlen ("年") ? "年度" : "年";
      mention.after = mention.end;
      g_array_append_val (mentions, mention);
    }
}

static gsize
skip_open_paren (const char *text,
                 gsize       at)
{
  if (g_str_has_prefix (text + at, "（"))
    return at + strlen ("（");
  return text[at] == '(' ? at + 1 : at;
}

/* The end of 「令和8年（2026年）」 / 「2026（令和8）年」 when @a and @b form such a pair, else 0. */
static gsize
pair_end (const char    *text,
          const Mention *a,
          const Mention *b)
{
  gsize at;

  if ((a->era == NULL) == (b->era == NULL) || skip_open_paren (text, a->end) != b->start
      || b->start == a->end)
    return 0;
  at = b->end;
  if (g_str_has_prefix (text + at, "）"))
    at += strlen ("）");
  else if (text[at] == ')')
    at++;
  else
    return 0;
  if (a->suffix[0] == '\0' && g_str_has_prefix (text + at, "年度"))
    return at + strlen ("年度");
  if (a->suffix[0] == '\0' && g_str_has_prefix (text + at, "年"))
    return at + strlen ("年");
  return at;
}

static void
check_pairs (TayoriCheckDocument *document,
             TayoriCheckSettings *settings,
             GArray              *mentions,
             GPtrArray           *findings)
{
  for (guint i = 0; i + 1 < mentions->len; i++)
    {
      Mention *a = &g_array_index (mentions, Mention, i);
      Mention *b = &g_array_index (mentions, Mention, i + 1);
      const char *text = tayori_check_document_get_text (document, a->field);
      gsize end;

      if (a->field != b->field || (end = pair_end (text, a, b)) == 0)
        continue;
      a->paired = b->paired = TRUE;
      a->after = b->after = end;
      if (a->western != b->western && tayori_check_settings_is_enabled (settings, RULE_MISMATCH))
        tayori_ja_add_finding (findings, RULE_MISMATCH, a->field, text, a->start, end);
      i++;
    }
}

static void
check_obsolete (const char    *text,
                const Mention *mention,
                GPtrArray     *findings)
{
  const Era *next = mention->era + 1;
  int last_year, month, day;
  gboolean dated = parse_month_day (text + mention->after, &month, &day);
  const Era *actual;
  g_autofree char *fix = NULL;
  TayoriFinding *finding;

  if (next == eras + G_N_ELEMENTS (eras) || (mention->suffix[0] == '\0' && !mention->paired))
    return;
  last_year = next->year - mention->era->year + 1;
  if (mention->number < last_year || (mention->number == last_year && !dated))
    return;
  actual = dated ? era_on (mention->western, month, day) : era_on (mention->western, 12, 31);
  if (actual == mention->era)
    return;
  fix = tayori_era_format (actual->name, mention->western - actual->year + 1, mention->suffix);
  finding = tayori_ja_add_finding (findings, RULE_OBSOLETE, mention->field, text,
                                   mention->start, mention->end);
  tayori_finding_set_arg (finding, "fix", fix);
  tayori_finding_set_fix (finding, fix);
}

static void
add_consistency_finding (const char    *text,
                         const Mention *mention,
                         GPtrArray     *findings)
{
  g_autofree char *other = NULL;
  TayoriFinding *finding;

  finding = tayori_ja_add_finding (findings, RULE_CONSISTENCY, mention->field, text,
                                   mention->start, mention->end);
  if (mention->era != NULL)
    other = g_strdup_printf ("%d%s", mention->western, mention->suffix);
  else
    {
      const Era *era = era_of_western (text, mention);

      if (era != NULL)
        other = tayori_era_format (era->name, mention->western - era->year + 1, mention->suffix);
    }
  if (other != NULL)
    {
      g_autofree char *fix = g_strdup_printf ("%.*s（%s）", (int) (mention->end - mention->start),
                                              text + mention->start, other);

      tayori_finding_set_arg (finding, "fix", fix);
      tayori_finding_set_fix (finding, fix);
    }
}

/* Years that take part in the consistency rule: unpaired, written with 年 / 年度, and for
 * western numbers within the range eras cover. */
static gboolean
is_unpaired_year (const Mention *mention)
{
  return !mention->paired && mention->suffix[0] != '\0'
         && mention->western >= FIRST_WESTERN_YEAR && mention->western <= LAST_WESTERN_YEAR;
}

void
tayori_check_dates_eras (TayoriCheckDocument *document,
                         TayoriCheckSettings *settings,
                         GPtrArray           *findings)
{
  const char * const *fields = tayori_check_document_get_fields (document);
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  guint n_era = 0, n_western = 0;

  for (gsize i = 0; fields[i] != NULL; i++)
    collect_mentions (document, fields[i], mentions);
  check_pairs (document, settings, mentions, findings);

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *mention = &g_array_index (mentions, Mention, i);

      if (mention->era != NULL && tayori_check_settings_is_enabled (settings, RULE_OBSOLETE))
        check_obsolete (tayori_check_document_get_text (document, mention->field), mention, findings);
      if (is_unpaired_year (mention))
        {
          if (mention->era != NULL)
            n_era++;
          else
            n_western++;
        }
    }

  if (n_era == 0 || n_western == 0 || !tayori_check_settings_is_enabled (settings, RULE_CONSISTENCY))
    return;
  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *mention = &g_array_index (mentions, Mention, i);

      if (is_unpaired_year (mention))
        add_consistency_finding (tayori_check_document_get_text (document, mention->field),
                                 mention, findings);
    }
}
