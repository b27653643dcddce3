/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The easy-japanese rules that need MeCab: passive and causative forms, honorific density and
 * double negatives, on the prose of one field. */
#include <string.h>

#include "tayori-check-easy-japanese-private.h"

#define RULE_PASSIVE    "easy-passive"
#define RULE_CAUSATIVE  "easy-causative"
#define RULE_HONORIFIC  "easy-honorific-density"
#define RULE_DOUBLE_NEG "easy-double-negative"

/* ない〜ない and the like; the first ない must be a word of its own (not 危なくはない). */
#define DOUBLE_NEGATIVE_PATTERN \
  "(?:ない|なく)(?:わけ|訳)(?:では|でも|じゃ)(?:ない|なく|ありません|ございません)" \
  "|ない(?:わけ|訳)には(?:いか|行か)(?:ない|ず|ません)" \
  "|なく[はも](?:ない|ありません|ございません)" \
  "|ない(?:こと|事)[はも](?:ない|ありません|ございません)" \
  "|ないとは(?:限ら|かぎら|限り|かぎり|言え|いえ)(?:ない|ず|ません)" \
  "|ざるを(?:得|え)(?:ない|ず|ません)"

/* Base forms of humble and polite verbs (謙譲語・丁重語) that pile up in notices. */
static const char * const honorific_bases[] = {
  "ござる", "いただく", "頂く", "申し上げる", "存じる", "存ずる", "致す", "いたす", "賜る",
  "伺う", "参る", "差し上げる", "申す", "承る", "拝見", "拝読", "拝受", "拝借",
};

static const TayoriMorpheme *
morpheme (GArray *morphemes,
          gssize  index)
{
  if (index < 0 || (gsize) index >= morphemes->len)
    return NULL;
  return &g_array_index (morphemes, TayoriMorpheme, index);
}

static gboolean
is (const TayoriMorpheme *m,
    const char           *pos,
    const char           *base)
{
  return m != NULL && strcmp (m->pos, pos) == 0 && (base == NULL || strcmp (m->base, base) == 0);
}

/* Where the verb that @index (れる, せる…) attaches to starts: 書か|れる, 開催|さ|れる. */
static gsize
verb_start (GArray *morphemes,
            guint   index)
{
  const TayoriMorpheme *verb = morpheme (morphemes, (gssize) index - 1);
  const TayoriMorpheme *noun = morpheme (morphemes, (gssize) index - 2);

  if (is (verb, "動詞", "する") && is (noun, "名詞", NULL) && strcmp (noun->pos_detail, "サ変接続") == 0 &&
      noun->end == verb->start)
    return noun->start;
  return verb->start;
}

/* 五段 verbs and する take れる for the passive (and the honorific, which easy Japanese avoids
 * too). られる after 一段 verbs (食べられる) is as often the potential, which easy Japanese
 * uses freely, so it is not reported; nor is れる after a 一段 stem (ら抜き: 食べれる). */
static gboolean
is_passive (GArray *morphemes,
            guint   index)
{
  const TayoriMorpheme *m = morpheme (morphemes, index);
  const TayoriMorpheme *verb = morpheme (morphemes, (gssize) index - 1);
  g_autofree char *ichidan_base = NULL;

  if (!is (m, "動詞", "れる") || strcmp (m->pos_detail, "接尾") != 0 || !is (verb, "動詞", NULL))
    return FALSE;
  ichidan_base = g_strconcat (verb->surface, "る", NULL);
  return strcmp (ichidan_base, verb->base) != 0;
}

static gboolean
is_causative (GArray *morphemes,
              guint   index)
{
  const TayoriMorpheme *m = morpheme (morphemes, index);

  return m != NULL && strcmp (m->pos, "動詞") == 0 && strcmp (m->pos_detail, "接尾") == 0 &&
         (strcmp (m->base, "せる") == 0 || strcmp (m->base, "させる") == 0) &&
         is (morpheme (morphemes, (gssize) index - 1), "動詞", NULL);
}

static gboolean
is_honorific (const TayoriMorpheme *m)
{
  if (strcmp (m->base, "おる") == 0)   /* 〜ております; おります alone is 降ります */
    return strcmp (m->pos_detail, "非自立") == 0;
  for (guint i = 0; i < G_N_ELEMENTS (honorific_bases); i++)
    if (strcmp (m->base, honorific_bases[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
report_honorifics (TayoriEasyField   *self,
                   const TayoriSentence *sentence,
                   GString           *words,
                   guint              count,
                   gint64             max_count)
{
  TayoriFinding *finding;
  char number[16];

  if (count <= max_count)
    return;
  finding = tayori_easy_field_add_finding (self, RULE_HONORIFIC, sentence->start, sentence->end);
  g_snprintf (number, sizeof number, "%u", count);
  tayori_finding_set_arg (finding, "count", number);
  tayori_finding_set_arg (finding, "words", words->str);
}

/* easy-honorific-density: humble and polite verbs per sentence. */
static void
check_honorifics (TayoriEasyField *self,
                  GArray          *morphemes)
{
  gint64 max_count = tayori_check_settings_get_int (self->settings, RULE_HONORIFIC, "max-count", 1);
  g_autoptr(GString) words = g_string_new (NULL);
  guint sentence = 0;
  guint count = 0;

  for (guint i = 0; i < morphemes->len && sentence < self->sentences->len; i++)
    {
      const TayoriMorpheme *m = morpheme (morphemes, i);
      const TayoriSentence *s = &g_array_index (self->sentences, TayoriSentence, sentence);

      while (m->start >= s->end)
        {
          report_honorifics (self, s, words, count, max_count);
          g_string_truncate (words, 0);
          count = 0;
          if (++sentence == self->sentences->len)
            return;
          s = &g_array_index (self->sentences, TayoriSentence, sentence);
        }
      if (!is_honorific (m))
        continue;
      count++;
      g_string_append_printf (words, "「%s」", m->surface);
    }
  if (sentence < self->sentences->len)
    report_honorifics (self, &g_array_index (self->sentences, TayoriSentence, sentence),
                       words, count, max_count);
}

/* easy-double-negative: the pattern, starting where a negative word of its own starts. */
static void
check_double_negatives (TayoriEasyField *self,
                        GArray          *morphemes)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new (DOUBLE_NEGATIVE_PATTERN, G_REGEX_OPTIMIZE, 0, NULL));
  g_regex_match (regex, self->prose->text->str, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      int start, end;
      const TayoriMorpheme *first;

      g_match_info_fetch_pos (match, 0, &start, &end);
      first = morpheme (morphemes, tayori_easy_field_find_morpheme (self, start));
      if (first != NULL && first->start == (gsize) start &&
          (strcmp (first->base, "ない") == 0 || strcmp (first->base, "ぬ") == 0))
        tayori_easy_field_add_finding (self, RULE_DOUBLE_NEG, start, end);
    }
}

void
tayori_check_easy_grammar (TayoriEasyField *self)
{
  gboolean passive = tayori_easy_field_applies (self, RULE_PASSIVE, TRUE);
  gboolean causative = tayori_easy_field_applies (self, RULE_CAUSATIVE, TRUE);
  gboolean honorific = tayori_easy_field_applies (self, RULE_HONORIFIC, FALSE);
  gboolean double_negative = tayori_easy_field_applies (self, RULE_DOUBLE_NEG, FALSE);
  GArray *morphemes = self->morphemes;

  if (morphemes == NULL)
    return;
  for (guint i = 0; i < morphemes->len; i++)
    {
      const char *rule = NULL;

      if (passive && is_passive (morphemes, i))
        rule = RULE_PASSIVE;
      else if (causative && is_causative (morphemes, i))
        rule = RULE_CAUSATIVE;
      if (rule != NULL)
        tayori_easy_field_add_finding (self, rule, verb_start (morphemes, i), morpheme (morphemes, i)->end);
    }
  if (honorific)
    check_honorifics (self, morphemes);
  if (double_negative)
    check_double_negatives (self, morphemes);
}
