/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Numbers that are personal data: mobile phone numbers, My Numbers (check digit of the
 * enforcement order, art. 8) and payment card numbers (Luhn, issuer prefixes and lengths).
 * A number is a run of digit groups joined by single separators (090-1234-5678, 4111 1111
 * 1111 1111, full-width digits too); a run next to letters or URL characters is an identifier,
 * not a number, and a run that fits no pattern is tried again piece by piece between spaces. */
#include <stdarg.h>
#include <string.h>

#include "tayori-content-scan.h"
#include "tayori-finding.h"
#include "tayori-japanese-text.h"
#include "tayori-personal-data-private.h"

#define MAX_GROUPS 8
#define MAX_DIGITS 24

/* Digit groups joined by single separators: "090-1234-5678", "4111 1111 1111 1111". */
typedef struct {
  gsize    start;                    /* byte range, a leading "+" included */
  gsize    end;
  guint    n_groups;
  guint    groups[MAX_GROUPS];       /* digits per group */
  gsize    group_starts[MAX_GROUPS]; /* byte offsets of each group … */
  gsize    group_ends[MAX_GROUPS];   /* … and of its end */
  gunichar separators[MAX_GROUPS];   /* separators[i] follows group i */
  char     digits[MAX_DIGITS + 1];   /* ASCII */
  guint    n_digits;
  gboolean international;            /* "+81 …" */
} NumberRun;

static gboolean
is_separator (gunichar c)
{
  switch (c)
    {
    case '-': case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFF0D: case 0x30FC:     /* hyphens and dashes, ー typed for a hyphen */
    case ' ': case 0x3000:
    case '(': case ')': case 0xFF08: case 0xFF09:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_hyphen_or_space (gunichar c)
{
  return is_separator (c) && c != '(' && c != ')' && c != 0xFF08 && c != 0xFF09;
}

/* Characters that make a number part of an identifier (URL, file name, code) rather than a
 * number a reader sees. */
static gboolean
is_ascii_alnum (gunichar c)
{
  return c < 0x80 && g_ascii_isalnum (c);
}

static gboolean
is_identifier_char (gunichar c)
{
  return c != 0 && c < 0x80 && (g_ascii_isalpha (c) || strchr ("_/=#%&?@", c) != NULL);
}

static gboolean
blocked_by (const char *text,
            gsize       length,
            gsize       start,
            gsize       end)
{
  gunichar before = tayori_content_char_before (text, text + start);
  gunichar after = end < length ? g_utf8_get_char (text + end) : 0;

  if (is_identifier_char (before) || is_identifier_char (after))
    return TRUE;
  /* "v1.2" and "3,000" continue a number; a full stop at the end of a sentence does not. */
  if ((before == '.' || before == ',') &&
      is_ascii_alnum (tayori_content_char_before (text, text + start - 1)))
    return TRUE;
  return (after == '.' || after == ',') && end + 1 < length && is_ascii_alnum (text[end + 1]);
}

static void
append_group (NumberRun  *run,
              const char *text,
              gsize       start,
              gsize       end,
              guint       n_digits)
{
  run->group_starts[run->n_groups] = start;
  run->group_ends[run->n_groups] = end;
  run->groups[run->n_groups++] = n_digits;
  for (const char *d = text + start; d < text + end; d = g_utf8_next_char (d))
    {
      gunichar c = g_utf8_get_char (d);

      run->digits[run->n_digits++] = c <= '9' ? c : '0' + (c - 0xFF10);
    }
  run->digits[run->n_digits] = '\0';
}

/* Reads the run of digit groups starting at @start into @run and sets @next past it; FALSE
 * when the run is too long to be any number this check knows. */
static gboolean
read_run (const char *text,
          gsize       length,
          gsize       start,
          NumberRun  *run,
          gsize      *next)
{
  const char *end = text + length;
  const char *p = text + start;
  gboolean fits = TRUE;

  memset (run, 0, sizeof *run);
  run->start = start;
  run->international = start > 0 && text[start - 1] == '+';
  if (run->international)
    run->start--;
  for (;;)
    {
      guint n_digits = 0;
      const char *q = p;

      while (q < end && tayori_content_is_digit (g_utf8_get_char (q)))
        {
          n_digits++;
          q = g_utf8_next_char (q);
        }
      if (!fits || run->n_groups == MAX_GROUPS || run->n_digits + n_digits > MAX_DIGITS)
        fits = FALSE;
      else
        append_group (run, text, p - text, q - text, n_digits);
      run->end = q - text;
      p = q;
      if (p >= end || !is_separator (g_utf8_get_char (p)))
        break;
      q = g_utf8_next_char (p);
      if (q >= end || !tayori_content_is_digit (g_utf8_get_char (q)))
        break;
      if (fits)
        run->separators[run->n_groups - 1] = g_utf8_get_char (p);
      p = q;
    }
  *next = p - text;
  return fits;
}

/* Groups @first … @last of @run as a run of their own. */
static void
sub_run (const NumberRun *run,
         const char      *text,
         guint            first,
         guint            last,
         NumberRun       *piece)
{
  memset (piece, 0, sizeof *piece);
  piece->international = first == 0 && run->international;
  piece->start = first == 0 ? run->start : run->group_starts[first];
  piece->end = run->group_ends[last];
  for (guint i = first; i <= last; i++)
    {
      append_group (piece, text, run->group_starts[i], run->group_ends[i], run->groups[i]);
      piece->separators[i - first] = i < last ? run->separators[i] : 0;
    }
}

static gboolean
groups_are (const NumberRun *run,
            guint            n_groups,
            ...)
{
  va_list args;
  gboolean same = run->n_groups == n_groups;

  va_start (args, n_groups);
  for (guint i = 0; i < n_groups; i++)
    if (va_arg (args, guint) != (i < run->n_groups ? run->groups[i] : 0))
      same = FALSE;
  va_end (args);
  return same;
}

/* One separator, a hyphen or a space, between every group. */
static gboolean
uniform_separators (const NumberRun *run)
{
  for (guint i = 0; i + 1 < run->n_groups; i++)
    if (!is_hyphen_or_space (run->separators[i]) || run->separators[i] != run->separators[0])
      return FALSE;
  return TRUE;
}

static gboolean
is_mobile (const NumberRun *run)
{
  const char *d = run->digits;

  if (run->international)
    return run->n_digits == 12 && g_str_has_prefix (d, "81") &&
           (d[2] == '7' || d[2] == '8' || d[2] == '9') && d[3] == '0' &&
           (groups_are (run, 1, 12) || groups_are (run, 4, 2, 2, 4, 4));
  return run->n_digits == 11 && d[0] == '0' && (d[1] == '7' || d[1] == '8' || d[1] == '9') &&
         d[2] == '0' && (groups_are (run, 1, 11) || groups_are (run, 3, 3, 4, 4));
}

/* The check digit of 行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
 * 第八条: Pn is the n-th of the first eleven digits counted from the right, Qn = n + 1 for
 * n ≤ 6 and n − 5 for n ≥ 7; the check digit is 11 − (Σ Pn × Qn mod 11), or 0 when that
 * remainder is 0 or 1. */
gboolean
tayori_my_number_is_valid (const char *digits)
{
  guint sum = 0;
  guint remainder;

  for (guint n = 1; n <= 11; n++)
    sum += (digits[11 - n] - '0') * (n <= 6 ? n + 1 : n - 5);
  remainder = sum % 11;
  return (guint) (digits[11] - '0') == (remainder <= 1 ? 0 : 11 - remainder);
}

gboolean
tayori_luhn_is_valid (const char *digits,
                      gsize       length)
{
  guint sum = 0;

  for (gsize i = 0; i < length; i++)
    {
      guint d = digits[length - 1 - i] - '0';

      if (i % 2 == 1)
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
  return sum % 10 == 0;
}

/* Issuer prefixes with the lengths their cards have. */
static const struct {
  guint low;
  guint high;
  guint prefix_digits;
  guint min_length;
  guint max_length;
} issuers[] = {
  { 4, 4, 1, 13, 19 },          /* Visa */
  { 51, 55, 2, 16, 16 },        /* Mastercard */
  { 2221, 2720, 4, 16, 16 },    /* Mastercard */
  { 34, 34, 2, 15, 15 },        /* American Express */
  { 37, 37, 2, 15, 15 },
  { 3528, 3589, 4, 16, 19 },    /* JCB */
  { 300, 305, 3, 14, 19 },      /* Diners Club */
  { 36, 36, 2, 14, 19 },
  { 38, 39, 2, 16, 19 },
  { 6011, 6011, 4, 16, 19 },    /* Discover */
  { 644, 649, 3, 16, 19 },
  { 65, 65, 2, 16, 19 },
  { 62, 62, 2, 16, 19 },        /* UnionPay */
  { 50, 50, 2, 13, 19 },        /* Maestro */
  { 56, 58, 2, 13, 19 },
  { 63, 63, 2, 13, 19 },
  { 67, 67, 2, 13, 19 },
};

gboolean
tayori_card_prefix_is_plausible (const char *digits,
                                 gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (issuers); i++)
    {
      guint prefix = 0;

      if (length < issuers[i].min_length || length > issuers[i].max_length)
        continue;
      for (guint k = 0; k < issuers[i].prefix_digits; k++)
        prefix = prefix * 10 + (digits[k] - '0');
      if (prefix >= issuers[i].low && prefix <= issuers[i].high)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_card_grouping (const NumberRun *run)
{
  if (run->n_groups == 1)
    return TRUE;
  if (!uniform_separators (run))
    return FALSE;
  if (groups_are (run, 3, 4, 6, 5) || groups_are (run, 3, 4, 6, 4))
    return TRUE;
  for (guint i = 0; i + 1 < run->n_groups; i++)
    if (run->groups[i] != 4)
      return FALSE;
  return run->groups[run->n_groups - 1] >= 1 && run->groups[run->n_groups - 1] <= 4;
}

static const char *
classify (const NumberRun *run,
          gboolean         prose)
{
  if (is_mobile (run))
    return TAYORI_RULE_PII_MOBILE;
  if (!prose || run->international)
    return NULL;
  if (run->n_digits == 12 && (groups_are (run, 1, 12) || (groups_are (run, 3, 4, 4, 4) &&
                                                          uniform_separators (run))) &&
      tayori_my_number_is_valid (run->digits))
    return TAYORI_RULE_PII_MY_NUMBER;
  if (run->n_digits >= 13 && run->n_digits <= 19 && is_card_grouping (run) &&
      tayori_luhn_is_valid (run->digits, run->n_digits) &&
      tayori_card_prefix_is_plausible (run->digits, run->n_digits))
    return TAYORI_RULE_PII_CARD;
  return NULL;
}

void
tayori_personal_data_add (GPtrArray  *findings,
                          const char *rule,
                          const char *field,
                          const char *text,
                          gsize       start,
                          gsize       end)
{
  tayori_ja_add_finding (findings, rule, field, text, start, end);
}

/* The whole run when it is one number, else each of its pieces between spaces (two numbers
 * written side by side). */
static void
check_run (TayoriCheckDocument *document,
           const char          *field,
           const char          *text,
           gsize                length,
           const NumberRun     *run,
           const gboolean       enabled[3],
           GPtrArray           *findings)
{
  static const char * const rules[] = { TAYORI_RULE_PII_MOBILE, TAYORI_RULE_PII_MY_NUMBER, TAYORI_RULE_PII_CARD };
  gboolean prose = tayori_check_document_is_prose (document, field, run->start, run->end);
  const char *rule = blocked_by (text, length, run->start, run->end) ? NULL : classify (run, prose);
  guint first = 0;

  if (rule != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        if (g_str_equal (rules[i], rule) && enabled[i])
          tayori_personal_data_add (findings, rule, field, text, run->start, run->end);
      return;
    }
  for (guint i = 0; i + 1 < run->n_groups; i++)
    if (run->separators[i] == ' ' || run->separators[i] == 0x3000)
      {
        NumberRun piece;

        sub_run (run, text, first, i, &piece);
        check_run (document, field, text, length, &piece, enabled, findings);
        first = i + 1;
      }
  if (first > 0)
    {
      NumberRun piece;

      sub_run (run, text, first, run->n_groups - 1, &piece);
      check_run (document, field, text, length, &piece, enabled, findings);
    }
}

void
tayori_personal_numbers_check (TayoriCheckDocument *document,
                               const char          *field,
                               const char          *text,
                               const gboolean       enabled[3],
                               GPtrArray           *findings)
{
  gsize length = strlen (text);
  gsize i = 0;

  while (i < length)
    {
      NumberRun run;
      gsize next;

      if (!tayori_content_is_digit (g_utf8_get_char (text + i)))
        {
          i = g_utf8_next_char (text + i) - text;
          continue;
        }
      if (read_run (text, length, i, &run, &next))
        check_run (document, field, text, length, &run, enabled, findings);
      i = MAX (next, i + 1);
    }
}
