/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The easy-japanese checker: per sentence of the title, summary and body prose, length, kanji
 * ratio, long kanji and katakana runs and kanji above a school grade; the grammar rules are in
 * tayori-check-easy-japanese-grammar.c. English articles are skipped. */
#include <string.h>

#include "tayori-article.h"
#include "tayori-checker.h"
#include "tayori-check-easy-japanese-private.h"
#include "tayori-kanji-grade.h"

#define RULE_LENGTH      "easy-sentence-length"
#define RULE_RATIO       "easy-kanji-ratio"
#define RULE_KANJI_RUN   "easy-kanji-run"
#define RULE_KATAKANA    "easy-katakana-run"
#define RULE_GRADE       "easy-kanji-above-grade"

#define TAYORI_TYPE_CHECK_EASY_JAPANESE (tayori_check_easy_japanese_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckEasyJapanese, tayori_check_easy_japanese, TAYORI, CHECK_EASY_JAPANESE, GObject)

struct _TayoriCheckEasyJapanese
{
  GObject parent_instance;
};

static void tayori_check_easy_japanese_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckEasyJapanese, tayori_check_easy_japanese, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_easy_japanese_checker_init))

gboolean
tayori_easy_field_applies (TayoriEasyField *self,
                           const char      *rule_id,
                           gboolean         easy_only)
{
  const char *all;

  if (!tayori_check_settings_is_enabled (self->settings, rule_id))
    return FALSE;
  if (!easy_only || self->easy)
    return TRUE;
  all = tayori_check_settings_get_string (self->settings, rule_id, "all-japanese");
  return all != NULL && g_ascii_strcasecmp (all, "true") == 0;
}

guint
tayori_easy_field_find_morpheme (TayoriEasyField *self,
                                 gsize            offset)
{
  guint low = 0;
  guint high = self->morphemes->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->morphemes, TayoriMorpheme, middle).end <= offset)
        low = middle + 1;
      else
        high = middle;
    }
  return low;
}

TayoriFinding *
tayori_easy_field_add_finding (TayoriEasyField *self,
                               const char      *rule_id,
                               gsize            start,
                               gsize            end)
{
  g_autofree char *text = g_strndup (self->prose->text->str + start, end - start);
  gsize source_start, source_end;
  TayoriFinding *finding;

  tayori_prose_text_to_source (self->prose, start, end, &source_start, &source_end);
  finding = tayori_finding_new (rule_id, self->field, source_start, source_end);
  tayori_finding_set_arg (finding, "text", text);
  g_ptr_array_add (self->findings, finding);
  return finding;
}

static void
set_int_arg (TayoriFinding *finding,
             const char    *name,
             gint64         value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  tayori_finding_set_arg (finding, name, buffer);
}

/* easy-sentence-length and easy-kanji-ratio. The title's length is the title rules' job. */
static void
check_sentences (TayoriEasyField *self)
{
  gboolean length_applies = strcmp (self->field, "title") != 0 &&
                            tayori_easy_field_applies (self, RULE_LENGTH, FALSE);
  gboolean ratio_applies = tayori_easy_field_applies (self, RULE_RATIO, TRUE);
  gint64 max_length = tayori_check_settings_get_int (self->settings, RULE_LENGTH, "max-length", 40);
  gint64 max_ratio = tayori_check_settings_get_int (self->settings, RULE_RATIO, "max-ratio", 30);
  gint64 min_length = tayori_check_settings_get_int (self->settings, RULE_RATIO, "min-length", 10);

  for (guint i = 0; i < self->sentences->len; i++)
    {
      const TayoriSentence *s = &g_array_index (self->sentences, TayoriSentence, i);
      const char *text = self->prose->text->str;
      guint n_kanji = 0;
      gint64 ratio;

      if (length_applies && s->n_characters > max_length)
        {
          TayoriFinding *finding = tayori_easy_field_add_finding (self, RULE_LENGTH, s->start, s->end);

          set_int_arg (finding, "length", s->n_characters);
          set_int_arg (finding, "max", max_length);
        }
      if (!ratio_applies || s->n_characters < min_length)
        continue;
      for (const char *p = text + s->start; p < text + s->end; p = g_utf8_next_char (p))
        n_kanji += tayori_is_kanji (g_utf8_get_char (p));
      ratio = (n_kanji * 100 + s->n_characters / 2) / s->n_characters;
      if (ratio > max_ratio)
        {
          TayoriFinding *finding = tayori_easy_field_add_finding (self, RULE_RATIO, s->start, s->end);

          set_int_arg (finding, "ratio", ratio);
          set_int_arg (finding, "max", max_ratio);
        }
    }
}

/* The kanji of [start, end) above @grade (ungraded kanji count as above every grade),
 * each once, or NULL when there is none. */
static char *
kanji_above_grade (const char *start,
                   const char *end,
                   gint64      grade)
{
  g_autoptr(GString) found = g_string_new (NULL);

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint g = tayori_kanji_grade (c);
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      if ((g == 0 || g > grade) && c != 0x3005 && strstr (found->str, utf8) == NULL)
        g_string_append (found, utf8);
    }
  return found->len > 0 ? g_string_free (g_steal_pointer (&found), FALSE) : NULL;
}

/* Whether a word in [start, end) is a proper noun: a run such as 住之江区役所 or
 * 大阪市立生野小学校 names a place or an office and cannot be rewritten. */
static gboolean
has_proper_noun (TayoriEasyField *self,
                 gsize            start,
                 gsize            end)
{
  if (self->morphemes == NULL)
    return FALSE;
  for (guint i = tayori_easy_field_find_morpheme (self, start); i < self->morphemes->len; i++)
    {
      const TayoriMorpheme *m = &g_array_index (self->morphemes, TayoriMorpheme, i);

      if (m->start >= end)
        break;
      if (strcmp (m->pos_detail, "固有名詞") == 0)
        return TRUE;
    }
  return FALSE;
}

/* easy-kanji-run, easy-katakana-run and easy-kanji-above-grade, on runs of one script. */
static void
check_runs (TayoriEasyField *self)
{
  gboolean kanji_applies = tayori_easy_field_applies (self, RULE_KANJI_RUN, FALSE);
  gboolean katakana_applies = tayori_easy_field_applies (self, RULE_KATAKANA, FALSE);
  gboolean grade_applies = tayori_easy_field_applies (self, RULE_GRADE, TRUE);
  gint64 kanji_min = tayori_check_settings_get_int (self->settings, RULE_KANJI_RUN, "min-length", 6);
  gint64 katakana_min = tayori_check_settings_get_int (self->settings, RULE_KATAKANA, "min-length", 10);
  gint64 grade = tayori_check_settings_get_int (self->settings, RULE_GRADE, "grade", 3);
  const char *text = self->prose->text->str;
  const char *end = text + self->prose->text->len;
  const char *p = text;

  while (p < end)
    {
      TayoriScript script = tayori_script_of (g_utf8_get_char (p));
      const char *run = p;
      guint length = 0;

      for (; p < end && tayori_script_of (g_utf8_get_char (p)) == script; p = g_utf8_next_char (p))
        length++;
      if (script == TAYORI_SCRIPT_KANJI)
        {
          g_autofree char *above = grade_applies ? kanji_above_grade (run, p, grade) : NULL;

          if (kanji_applies && length >= kanji_min && !has_proper_noun (self, run - text, p - text))
            set_int_arg (tayori_easy_field_add_finding (self, RULE_KANJI_RUN, run - text, p - text),
                         "length", length);
          if (above != NULL)
            {
              TayoriFinding *finding = tayori_easy_field_add_finding (self, RULE_GRADE, run - text, p - text);

              tayori_finding_set_arg (finding, "kanji", above);
              set_int_arg (finding, "grade", grade);
            }
        }
      else if (script == TAYORI_SCRIPT_KATAKANA && katakana_applies && length >= katakana_min)
        set_int_arg (tayori_easy_field_add_finding (self, RULE_KATAKANA, run - text, p - text),
                     "length", length);
      if (p == run)
        p = g_utf8_next_char (p);
    }
}

static const char *
tayori_check_easy_japanese_get_family (TayoriChecker *checker)
{
  return "easy-japanese";
}

static void
tayori_check_easy_japanese_check (TayoriChecker       *checker,
                                  TayoriCheckDocument *document,
                                  TayoriCheckSettings *settings,
                                  GPtrArray           *findings,
                                  GCancellable        *cancellable)
{
  static const char * const fields[] = { "title", "summary", "body" };
  TayoriLanguage language = tayori_article_get_language (tayori_check_document_get_article (document));

  if (language == TAYORI_LANGUAGE_EN)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(TayoriProseText) prose = NULL;
      g_autoptr(GArray) sentences = NULL;
      g_autoptr(GArray) morphemes = NULL;
      g_autoptr(GError) error = NULL;
      TayoriEasyField field;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      prose = tayori_prose_text_new (document, fields[i]);
      sentences = tayori_sentences_split (prose->text->str, prose->text->len);
      morphemes = tayori_mecab_parse (prose->text->str, prose->text->len, &error);
      if (morphemes == NULL)
        g_warning_once ("%s", error->message);
      field = (TayoriEasyField) {
        .settings = settings,
        .findings = findings,
        .field = fields[i],
        .prose = prose,
        .sentences = sentences,
        .morphemes = morphemes,
        .easy = language == TAYORI_LANGUAGE_JA_EASY,
      };
      check_sentences (&field);
      check_runs (&field);
      tayori_check_easy_grammar (&field);
    }
}

static void
tayori_check_easy_japanese_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_easy_japanese_get_family;
  iface->check = tayori_check_easy_japanese_check;
}

static void
tayori_check_easy_japanese_class_init (TayoriCheckEasyJapaneseClass *klass)
{
}

static void
tayori_check_easy_japanese_init (TayoriCheckEasyJapanese *self)
{
}

TayoriChecker *
tayori_check_easy_japanese_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_EASY_JAPANESE, NULL);
}
