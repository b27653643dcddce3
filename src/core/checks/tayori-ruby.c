/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ruby for the やさしい日本語 version: walks the tokens of safe HTML, and puts MeCab's readings
 * (the user dictionary's first) over the kanji of each text node, okurigana left outside. */
#include "tayori-ruby.h"

#include <string.h>

#include "tayori-html.h"
#include "tayori-kanji-grade.h"
#include "tayori-mecab.h"

/* Most morphemes a user dictionary entry may span (障がい者 = 障 + が + い + 者). */
#define MAX_ENTRY_MORPHEMES 6

/* Elements whose text must not change: ruby already there, code, and raw text. */
static const char * const untouched_elements[] = {
  "ruby", "rt", "rp", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title",
};
static const char * const raw_text_elements[] = { "script", "style", "textarea", "title" };

static gboolean
name_in (const char         *name,
         const char * const *names,
         guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Characters that take ruby: kanji, and ヶ ヵ as in 霞ヶ関. */
static gboolean
is_ruby_base (gunichar c)
{
  return tayori_is_kanji (c) || c == 0x30F6 || c == 0x30F5;
}

static gboolean
has_kanji (const char *text,
           gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (tayori_is_kanji (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Whether a word gets ruby: always for @grade 0, else when it has a kanji above @grade. */
static gboolean
needs_ruby (const char *text,
            gsize       length,
            guint       grade)
{
  if (grade == 0)
    return TRUE;
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint g = tayori_kanji_grade (c);

      if (tayori_is_kanji (c) && (g == 0 || g > grade))
        return TRUE;
    }
  return FALSE;
}

static void
append_ruby (GString    *out,
             const char *base,
             gsize       base_length,
             const char *reading,
             gsize       reading_length)
{
  g_string_append (out, "<ruby>");
  tayori_html_escape_append_len (out, base, base_length);
  g_string_append (out, "<rt>");
  tayori_html_escape_append_len (out, reading, reading_length);
  g_string_append (out, "</rt></ruby>");
}

/* A word cut into runs of ruby bases (kanji) and of other characters (kana). */
typedef struct {
  const char *text;
  gsize       length;
  gboolean    base;
  char       *kana;       /* !base: the run in hiragana, as the reading has it */
  const char *reading;    /* where the run starts in the reading */
} Segment;

static void
segment_clear (gpointer data)
{
  g_free (((Segment *) data)->kana);
}

/* Lays segments @index… over @at…@end of the reading: kana runs must match literally, each
 * kanji run takes at least one character, the shortest first (a backtracking match). */
static gboolean
segments_match (GArray     *segments,
                guint       index,
                const char *at,
                const char *end)
{
  Segment *segment;

  if (index == segments->len)
    return at == end;
  segment = &g_array_index (segments, Segment, index);
  segment->reading = at;
  if (!segment->base)
    {
      gsize n = strlen (segment->kana);

      return (gsize) (end - at) >= n && memcmp (at, segment->kana, n) == 0 &&
             segments_match (segments, index + 1, at + n, end);
    }
  for (const char *p = at; p < end;)
    {
      p = g_utf8_next_char (p);
      if (segments_match (segments, index + 1, p, end))
        return TRUE;
    }
  return FALSE;
}

/* Ruby over the kanji of @surface only: its kana (okurigana, の of 住之江 written as ノ…)
 * must appear in @reading in order, and split it. 申し込み/もうしこみ →
 * <ruby>申<rt>もう</rt></ruby>し<ruby>込<rt>こ</rt></ruby>み. One ruby over the whole word
 * when the kana do not match. */
static void
append_word (GString    *out,
             const char *surface,
             gsize       length,
             const char *reading)
{
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  const char *reading_end = reading + strlen (reading);
  const char *p = surface;

  g_array_set_clear_func (segments, segment_clear);
  while (p < surface + length)
    {
      Segment segment = { .text = p, .base = is_ruby_base (g_utf8_get_char (p)) };

      while (p < surface + length && is_ruby_base (g_utf8_get_char (p)) == segment.base)
        p = g_utf8_next_char (p);
      segment.length = p - segment.text;
      if (!segment.base)
        {
          g_autofree char *run = g_strndup (segment.text, segment.length);

          segment.kana = tayori_mecab_to_hiragana (run);
        }
      g_array_append_val (segments, segment);
    }

  if (segments->len == 1 || !segments_match (segments, 0, reading, reading_end))
    {
      append_ruby (out, surface, length, reading, reading_end - reading);
      return;
    }
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);
      const char *next = i + 1 < segments->len ? g_array_index (segments, Segment, i + 1).reading
                                               : reading_end;

      if (segment->base)
        append_ruby (out, segment->text, segment->length, segment->reading, next - segment->reading);
      else
        tayori_html_escape_append_len (out, segment->text, segment->length);
    }
}

static gboolean
is_number (const TayoriMorpheme *m)
{
  return strcmp (m->pos_detail, "数") == 0;
}

static const TayoriMorpheme *
morpheme_at (GArray *morphemes,
             gssize  index)
{
  if (index < 0 || (gsize) index >= morphemes->len)
    return NULL;
  return &g_array_index (morphemes, TayoriMorpheme, index);
}

static gboolean
surface_in (const TayoriMorpheme *m,
            const char           *surfaces)
{
  return m != NULL && *m->surface != '\0' && strstr (surfaces, m->surface) != NULL;
}

/* The value of the last digits of @m's surface ("15" → 15), -1 when it has none. */
static int
number_value (const TayoriMorpheme *m)
{
  int value = -1;

  for (const char *p = m->surface; *p != '\0'; p = g_utf8_next_char (p))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit >= 0)
        value = (value < 0 ? 0 : value * 10) + digit;
    }
  return value;
}

/* Readings IPADIC gets wrong in dates and times: 4月 (つき), 1日 as a date, 30分, and
 * weekdays in brackets such as （月）. NULL: MeCab's reading stands. */
static const char *
fixed_reading (GArray *morphemes,
               guint   index)
{
  static const char * const weekdays[][2] = {
    { "月", "げつ" }, { "火", "か" }, { "水", "すい" }, { "木", "もく" },
    { "金", "きん" }, { "土", "ど" }, { "日", "にち" }, { "祝", "しゅく" },
  };
  static const char * const days[] = {
    NULL, "ついたち", "ふつか", "みっか", "よっか", "いつか", "むいか", "なのか", "ようか",
    "ここのか", "とおか",
  };
  const TayoriMorpheme *m = morpheme_at (morphemes, index);
  const TayoriMorpheme *before = morpheme_at (morphemes, (gssize) index - 1);
  const TayoriMorpheme *after = morpheme_at (morphemes, index + 1);
  int value = before != NULL && is_number (before) ? number_value (before) : -1;

  if (surface_in (before, "（(・") && surface_in (after, "）)・"))
    for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
      if (strcmp (m->surface, weekdays[i][0]) == 0)
        return weekdays[i][1];
  if (value < 0)
    return NULL;
  if (strcmp (m->surface, "月") == 0)
    return "がつ";
  if (strcmp (m->surface, "分") == 0)
    return strchr ("134680", '0' + value % 10) != NULL ? "ぷん" : "ふん";
  if (strcmp (m->surface, "日") == 0 && index >= 2 &&
      g_str_has_suffix (morpheme_at (morphemes, index - 2)->surface, "月"))
    {
      if (value < (int) G_N_ELEMENTS (days) && days[value] != NULL)
        return days[value];
      if (value == 14 || value == 24)
        return value == 14 ? "じゅうよっか" : "にじゅうよっか";
      if (value == 20)
        return "はつか";
    }
  return NULL;
}

/* The longest user dictionary entry made of whole morphemes from @index on; its last
 * morpheme in @last. Not after a number (十一人 is not 十 + ひとり). */
static const char *
user_entry (const char *text,
            GArray     *morphemes,
            guint       index,
            guint      *last)
{
  const TayoriMorpheme *first = morpheme_at (morphemes, index);
  const TayoriMorpheme *before = morpheme_at (morphemes, (gssize) index - 1);
  g_autoptr(GString) candidate = g_string_new (NULL);
  guint n = MIN (morphemes->len, index + MAX_ENTRY_MORPHEMES);

  if (before != NULL && is_number (before) && is_number (first))
    return NULL;
  for (guint j = n; j-- > index;)
    {
      const TayoriMorpheme *end = morpheme_at (morphemes, j);
      const char *reading;

      g_string_truncate (candidate, 0);
      g_string_append_len (candidate, text + first->start, end->end - first->start);
      reading = tayori_mecab_user_reading (candidate->str);
      if (reading != NULL)
        {
          *last = j;
          return reading;
        }
    }
  return NULL;
}

/* A copy of @text for MeCab in which each run of full-width digits becomes the same digits
 * in ASCII followed by spaces, so that ３月 parses as 3 + 月 like 3月 does while every offset
 * stays that of @text (MeCab skips the spaces). */
static char *
text_for_analysis (const char *text,
                   gsize       length)
{
  char *copy = g_strndup (text, length);
  char *p = copy;

  while (p < copy + length)
    {
      char *run = p;
      guint n_digits = 0;

      while (p < copy + length && g_utf8_get_char (p) >= 0xFF10 && g_utf8_get_char (p) <= 0xFF19)
        {
          run[n_digits++] = '0' + (g_utf8_get_char (p) - 0xFF10);
          p += 3;
        }
      if (n_digits > 0)
        memset (run + n_digits, ' ', p - run - n_digits);
      else
        p = g_utf8_next_char (p);
    }
  return copy;
}

static gboolean
annotate_text (GString     *out,
               const char  *text,
               gsize        length,
               guint        grade,
               GError     **error)
{
  g_autofree char *analysed = text_for_analysis (text, length);
  g_autoptr(GArray) morphemes = tayori_mecab_parse (analysed, length, error);
  gsize done = 0;

  if (morphemes == NULL)
    return FALSE;
  for (guint i = 0; i < morphemes->len; i++)
    {
      const TayoriMorpheme *m = morpheme_at (morphemes, i);
      const char *surface = text + m->start;
      gsize surface_length = m->end - m->start;
      const char *reading = NULL;
      g_autofree char *hiragana = NULL;
      guint last = i;

      tayori_html_escape_append_len (out, text + done, m->start - done);
      if (has_kanji (surface, surface_length))
        {
          reading = user_entry (text, morphemes, i, &last);
          surface_length = morpheme_at (morphemes, last)->end - m->start;
          if (reading == NULL)
            reading = fixed_reading (morphemes, i);
          if (reading == NULL && m->reading != NULL)
            reading = hiragana = tayori_mecab_to_hiragana (m->reading);
        }
      if (reading != NULL && needs_ruby (surface, surface_length, grade))
        append_word (out, surface, surface_length, reading);
      else
        tayori_html_escape_append_len (out, surface, surface_length);
      done = m->start + surface_length;
      i = last;
    }
  tayori_html_escape_append_len (out, text + done, length - done);
  return TRUE;
}

char *
tayori_ruby_annotate_html (const char  *html,
                           guint        above_grade,
                           GError     **error)
{
  g_autoptr(TayoriHtmlTokenizer) tokenizer = NULL;
  g_autoptr(GString) out = NULL;
  const TayoriHtmlToken *token;
  guint untouched_depth = 0;

  g_return_val_if_fail (html != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!tayori_mecab_available (error))
    return NULL;
  tokenizer = tayori_html_tokenizer_new (html, -1);
  out = g_string_sized_new (strlen (html) * 2);
  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      if (token->type == TAYORI_HTML_TOKEN_TEXT && untouched_depth == 0 &&
          has_kanji (token->data, token->data_len))
        {
          if (!annotate_text (out, token->data, token->data_len, above_grade, error))
            return NULL;
          continue;
        }
      g_string_append_len (out, token->raw, token->raw_len);
      if (token->type == TAYORI_HTML_TOKEN_START_TAG && !token->self_closing &&
          name_in (token->name, untouched_elements, G_N_ELEMENTS (untouched_elements)))
        {
          untouched_depth++;
          if (name_in (token->name, raw_text_elements, G_N_ELEMENTS (raw_text_elements)))
            tayori_html_tokenizer_set_raw_text (tokenizer, token->name);
        }
      else if (token->type == TAYORI_HTML_TOKEN_END_TAG && untouched_depth > 0 &&
               name_in (token->name, untouched_elements, G_N_ELEMENTS (untouched_elements)))
        untouched_depth--;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
