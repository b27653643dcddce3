/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Birth dates next to names, conservatively: a birth date has to be written out
 * (生年月日：1980年4月1日, 誕生日 4月1日, 昭和55年生まれ) within 60 characters of a name in
 * the same paragraph, and a name is either a labelled value (氏名：山田 太郎) or a person with
 * an honorific (山田 太郎さん, 山田太郎様, 山田 ハナさん; kanji only without the space, and no
 * hiragana given names, which cannot be told from words such as みなさん). An age right after such a name (山田太郎さん（45歳）)
 * counts too. Forms that only ask for 氏名 and 生年月日 carry no values and pass. */
#include <string.h>

#include "tayori-content-scan.h"
#include "tayori-easy-text.h"
#include "tayori-personal-data-private.h"

#define MAX_DISTANCE 60   /* characters between a birth date and a name */

/* Words before an honorific that are not names. */
static const char * const not_names[] = {
  "息子", "双子", "親子", "弟子", "皆", "奥", "娘", "お子", NULL,
};

/* Last characters of roles and common nouns (課長さん, 保育士さん, 利用者様). */
static const char role_endings[] =
  "者員長生師士官家手人方民主客先様殿課係局部区市町村会社所校園婦親族屋工職任達";

typedef struct {
  const char *text;
  const char *end;
  GArray     *names;     /* TayoriTextSpan */
  GArray     *births;    /* TayoriTextSpan */
  GArray     *found;     /* TayoriTextSpan: births next to names, and ages */
} Scan;

static TayoriScript
script_at (const char *p,
           const char *end)
{
  return p < end ? tayori_script_of (g_utf8_get_char (p)) : TAYORI_SCRIPT_OTHER;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == 0x3000;
}

static void
add_span (GArray *spans,
          gsize   start,
          gsize   end)
{
  TayoriTextSpan span = { start, end };

  g_array_append_val (spans, span);
}

/* Characters of @script going back from @p (at most @max); returns where they start. */
static const char *
run_back (const char   *text,
          const char   *p,
          TayoriScript  script,
          guint         max,
          guint        *count)
{
  *count = 0;
  while (p > text && *count <= max)
    {
      const char *previous = g_utf8_find_prev_char (text, p);

      if (tayori_script_of (g_utf8_get_char (previous)) != script)
        break;
      p = previous;
      (*count)++;
    }
  return p;
}

static gboolean
is_placeholder_or_role (const char *start,
                        const char *end)
{
  g_autofree char *name = g_strndup (start, end - start);
  gunichar last = g_utf8_get_char (g_utf8_find_prev_char (start, end));
  g_autofree char *last_text = g_ucs4_to_utf8 (&last, 1, NULL, NULL, NULL);

  return g_strv_contains (not_names, name) || strstr (role_endings, last_text) != NULL ||
         strstr (name, "〇") != NULL;
}

/* A name ending just before @honorific: 山田 太郎 or 山田太郎; NULL when there is none. */
static const char *
name_before (const char *text,
             const char *honorific)
{
  guint n_given, n_family;
  const char *given;
  const char *family;
  TayoriScript script;

  if (honorific == text)
    return NULL;
  script = tayori_script_of (g_utf8_get_char (g_utf8_find_prev_char (text, honorific)));
  if (script != TAYORI_SCRIPT_KANJI && script != TAYORI_SCRIPT_HIRAGANA &&
      script != TAYORI_SCRIPT_KATAKANA)
    return NULL;
  given = run_back (text, honorific, script, 5, &n_given);
  if (given > text && is_space (g_utf8_get_char (g_utf8_find_prev_char (text, given))))
    {
      /* 山田 太郎さん: a family name of kanji, a space, a given name of one script */
      const char *space = g_utf8_find_prev_char (text, given);

      family = run_back (text, space, TAYORI_SCRIPT_KANJI, 4, &n_family);
      if (script == TAYORI_SCRIPT_HIRAGANA ||   /* ご参加 みなさん */
          n_given > 5 || n_family == 0 || n_family > 4 || is_placeholder_or_role (given, honorific))
        return NULL;
      return family;
    }
  /* 山田太郎さん: two to five kanji, nothing else */
  if (script != TAYORI_SCRIPT_KANJI || n_given < 2 || n_given > 5 ||
      (given > text && script_at (g_utf8_find_prev_char (text, given), honorific) == TAYORI_SCRIPT_KANJI) ||
      is_placeholder_or_role (given, honorific))
    return NULL;
  return given;
}

/* （45歳） or 45歳 right after a name; returns its end, or NULL. */
static const char *
read_age (const char *p,
          const char *end,
          const char **start)
{
  static const char * const open[] = { "（", "(" };
  static const char * const close[] = { "）", ")" };
  const char *q = p;
  gsize n;
  int bracket = -1;

  for (guint i = 0; i < G_N_ELEMENTS (open); i++)
    if (tayori_content_looking_at (q, end, open[i]))
      {
        bracket = i;
        q += strlen (open[i]);
      }
  n = tayori_content_read_number (q, end, 3, NULL, NULL);
  if (n == 0)
    return NULL;
  q += n;
  if (!tayori_content_looking_at (q, end, "歳") && !tayori_content_looking_at (q, end, "才"))
    return NULL;
  q += strlen ("歳");
  if (bracket >= 0 && tayori_content_looking_at (q, end, close[bracket]))
    q += strlen (close[bracket]);
  *start = p;
  return q;
}

static void
find_honorific_names (Scan *scan)
{
  static const char * const honorifics[] = { "さん", "様", "氏", "くん", "ちゃん" };

  for (const char *p = scan->text; p < scan->end; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
      {
        const char *after = p + strlen (honorifics[i]);
        const char *name;
        const char *age_start;
        const char *age_end;

        if (!tayori_content_looking_at (p, scan->end, honorifics[i]) ||
            script_at (after, scan->end) == TAYORI_SCRIPT_KANJI ||   /* 様式, 氏名 */
            (name = name_before (scan->text, p)) == NULL)
          continue;
        add_span (scan->names, name - scan->text, after - scan->text);
        if ((age_end = read_age (after, scan->end, &age_start)) != NULL)
          add_span (scan->found, age_start - scan->text, age_end - scan->text);
      }
}

/* 氏名：山田 太郎 (a value, not a form's list of items) */
static void
find_labelled_names (Scan *scan)
{
  static const char * const labels[] = { "氏名", "名前" };
  static const char * const not_values[] = { "必須", "任意", "記入", "署名", "自署", "不要" };

  for (const char *p = scan->text; p < scan->end; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
      {
        const char *q = p + strlen (labels[i]);
        const char *value;
        guint n = 0;
        gboolean valid = TRUE;

        if (!tayori_content_looking_at (p, scan->end, labels[i]))
          continue;
        if (tayori_content_looking_at (q, scan->end, "："))
          q += strlen ("：");
        else if (tayori_content_looking_at (q, scan->end, ":"))
          q++;
        else
          continue;
        while (q < scan->end && is_space (g_utf8_get_char (q)))
          q = g_utf8_next_char (q);
        value = q;
        while (q < scan->end && n < 13)
          {
            TayoriScript script = script_at (q, scan->end);

            if (script == TAYORI_SCRIPT_OTHER && is_space (g_utf8_get_char (q)) &&
                script_at (g_utf8_next_char (q), scan->end) != TAYORI_SCRIPT_OTHER)
              script = TAYORI_SCRIPT_KANJI;   /* one space between family and given name */
            if (script != TAYORI_SCRIPT_KANJI && script != TAYORI_SCRIPT_HIRAGANA &&
                script != TAYORI_SCRIPT_KATAKANA)
              break;
            q = g_utf8_next_char (q);
            n++;
          }
        if (n < 2 || n > 12 || script_at (value, scan->end) == TAYORI_SCRIPT_HIRAGANA)
          continue;
        for (guint k = 0; k < G_N_ELEMENTS (not_values); k++)
          if (g_strstr_len (value, q - value, not_values[k]) != NULL)
            valid = FALSE;
        if (valid && !is_placeholder_or_role (value, q))
          add_span (scan->names, value - scan->text, q - scan->text);
      }
}

/* 生年月日：1980年4月1日, 誕生日は4月1日, 1980年4月1日生まれ, 昭和55年生 */
static void
find_births (Scan *scan)
{
  static const char * const labels[] = { "生年月日", "誕生日" };

  for (const char *p = scan->text; p < scan->end; p = g_utf8_next_char (p))
    {
      TayoriContentDate date;
      const char *q;

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        if (tayori_content_looking_at (p, scan->end, labels[i]))
          {
            q = p + strlen (labels[i]);
            for (guint k = 0; k < 3 && q < scan->end; k++)
              if (tayori_content_looking_at (q, scan->end, "：") || tayori_content_looking_at (q, scan->end, "は") ||
                  is_space (g_utf8_get_char (q)) || *q == ':')
                q = g_utf8_next_char (q);
            if (tayori_content_read_date (q, scan->end, &date) && date.day != 0 &&
                (i == 1 || date.year != 0))
              add_span (scan->births, p - scan->text, q + date.length - scan->text);
          }

      if (tayori_content_is_digit (tayori_content_char_before (scan->text, p)) ||
          !tayori_content_read_date (p, scan->end, &date) || date.year == 0)
        continue;
      q = p + date.length;
      if (tayori_content_looking_at (q, scan->end, "生まれ"))
        add_span (scan->births, p - scan->text, q + strlen ("生まれ") - scan->text);
      else if (tayori_content_looking_at (q, scan->end, "生") &&
               script_at (q + strlen ("生"), scan->end) != TAYORI_SCRIPT_KANJI)
        add_span (scan->births, p - scan->text, q + strlen ("生") - scan->text);
    }
}

/* Characters between two spans, or G_MAXUINT when a blank line separates them. */
static guint
distance (const char           *text,
          const TayoriTextSpan *a,
          const TayoriTextSpan *b)
{
  gsize from = MIN (a->end, b->end);
  gsize to = MAX (a->start, b->start);
  g_autofree char *gap = NULL;

  if (to <= from)
    return 0;
  gap = g_strndup (text + from, to - from);
  if (strstr (gap, "\n\n") != NULL)
    return G_MAXUINT;
  return g_utf8_strlen (gap, -1);
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const TayoriTextSpan *x = a;
  const TayoriTextSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end ? 1 : 0;
}

GArray *
tayori_birth_dates_find (const char *text,
                         gsize       length)
{
  Scan scan = {
    text, text + length,
    g_array_new (FALSE, FALSE, sizeof (TayoriTextSpan)),
    g_array_new (FALSE, FALSE, sizeof (TayoriTextSpan)),
    g_array_new (FALSE, FALSE, sizeof (TayoriTextSpan)),
  };
  GArray *result = g_array_new (FALSE, FALSE, sizeof (TayoriTextSpan));

  find_honorific_names (&scan);
  find_labelled_names (&scan);
  find_births (&scan);
  for (guint i = 0; i < scan.births->len; i++)
    for (guint k = 0; k < scan.names->len; k++)
      if (distance (text, &g_array_index (scan.births, TayoriTextSpan, i),
                    &g_array_index (scan.names, TayoriTextSpan, k)) <= MAX_DISTANCE)
        {
          g_array_append_val (scan.found, g_array_index (scan.births, TayoriTextSpan, i));
          break;
        }

  g_array_sort (scan.found, compare_spans);
  for (guint i = 0; i < scan.found->len; i++)
    {
      const TayoriTextSpan *span = &g_array_index (scan.found, TayoriTextSpan, i);
      const TayoriTextSpan *last = result->len > 0
                                   ? &g_array_index (result, TayoriTextSpan, result->len - 1) : NULL;

      /* 生年月日：1980年4月1日生まれ is one span, not two */
      if (last != NULL && span->start < last->end)
        continue;
      g_array_append_val (result, *span);
    }
  g_array_unref (scan.names);
  g_array_unref (scan.births);
  g_array_unref (scan.found);
  return result;
}
