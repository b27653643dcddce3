/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words check (family "content"): finds the dictionary's 不適切表現 and 表記ゆれ in the
 * prose of every text field and offers the replacement. Where a word counts (a whole word, an
 * auxiliary verb, a formal noun) is decided on MeCab's analysis of the prose, so 「事業」 and
 * 「資料を下さい」 stay untouched; without MeCab only "any" entries are looked for. */
#include <string.h>

#include "tayori-checker.h"
#include "tayori-easy-text.h"
#include "tayori-mecab.h"
#include "tayori-word-dictionary.h"

#define RULE_INAPPROPRIATE "words-inappropriate"
#define RULE_VARIANT       "words-variant"

#define TAYORI_TYPE_CHECK_WORDS (tayori_check_words_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCheckWords, tayori_check_words, TAYORI, CHECK_WORDS, GObject)

struct _TayoriCheckWords
{
  GObject parent_instance;
};

static void tayori_check_words_checker_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriCheckWords, tayori_check_words, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER,
                                                      tayori_check_words_checker_init))

/* Fields that hold numbers and addresses rather than prose. */
static const char * const skipped_fields[] = { "contact-phone", "contact-fax", "contact-email", NULL };

/* One field's prose and, once a match needs them, the morphemes of the sentence around it
 * (analysing sentence by sentence keeps a long body with few candidates cheap). */
typedef struct {
  TayoriProseText *prose;
  GArray          *morphemes;   /* TayoriMorpheme of [sentence_start, sentence_end), offsets
                                   into the whole prose; NULL without MeCab */
  gsize            sentence_start;
  gsize            sentence_end;
} FieldText;

static void
field_text_clear (FieldText *field)
{
  g_clear_pointer (&field->prose, tayori_prose_text_free);
  g_clear_pointer (&field->morphemes, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FieldText, field_text_clear)

static gboolean
ends_sentence (const char *p)
{
  return *p == '\n' || g_str_has_prefix (p, "。");
}

static GArray *
get_morphemes (FieldText *field,
               gsize      offset)
{
  const char *text = field->prose->text->str;
  gsize length = field->prose->text->len;
  gsize start = offset;
  gsize end = offset;

  if (field->sentence_end > offset && field->sentence_start <= offset)
    return field->morphemes;
  while (start > 0 && !ends_sentence (g_utf8_find_prev_char (text, text + start)))
    start = g_utf8_find_prev_char (text, text + start) - text;
  while (end < length && !ends_sentence (text + end))
    end = g_utf8_next_char (text + end) - text;
  if (end < length)
    end = g_utf8_next_char (text + end) - text;

  g_clear_pointer (&field->morphemes, g_array_unref);
  field->sentence_start = start;
  field->sentence_end = end;
  field->morphemes = tayori_mecab_parse (text + start, end - start, NULL);
  for (guint i = 0; field->morphemes != NULL && i < field->morphemes->len; i++)
    {
      TayoriMorpheme *m = &g_array_index (field->morphemes, TayoriMorpheme, i);

      m->start += start;
      m->end += start;
    }
  return field->morphemes;
}

/* Index of the morpheme that starts exactly at @offset, -1 when none does. */
static int
morpheme_at (GArray *morphemes,
             gsize   offset)
{
  guint low = 0;
  guint high = morphemes->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;
      const TayoriMorpheme *m = &g_array_index (morphemes, TayoriMorpheme, middle);

      if (m->start == offset)
        return middle;
      if (m->start < offset)
        low = middle + 1;
      else
        high = middle;
    }
  return -1;
}

static gboolean
is_pos (const TayoriMorpheme *m,
        const char           *pos,
        const char           *detail)
{
  return g_strcmp0 (m->pos, pos) == 0 && (detail == NULL || g_strcmp0 (m->pos_detail, detail) == 0);
}

static gboolean
all_hiragana (const char *text,
              gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (tayori_script_of (g_utf8_get_char (p)) != TAYORI_SCRIPT_HIRAGANA)
      return FALSE;
  return TRUE;
}

/* Whole words: the match starts a morpheme and ends one, or ends inside a verb or adjective
 * whose rest is its inflection (出来 of 出来る). */
static gboolean
matches_word (GArray     *morphemes,
              int         first,
              const char *text,
              gsize       end)
{
  for (guint i = first; i < morphemes->len; i++)
    {
      const TayoriMorpheme *m = &g_array_index (morphemes, TayoriMorpheme, i);

      if (m->end == end)
        return TRUE;
      if (m->end > end)
        return (int) i == first && (is_pos (m, "動詞", NULL) || is_pos (m, "形容詞", NULL)) &&
               all_hiragana (text + end, m->end - end);
    }
  return FALSE;
}

/* An auxiliary verb: 〜て下さい and ご注意下さい (MeCab's 非自立), ご参加頂き, お越し下さい. */
static gboolean
matches_aux (GArray *morphemes,
             int     first,
             gsize   end)
{
  const TayoriMorpheme *m = &g_array_index (morphemes, TayoriMorpheme, first);
  const TayoriMorpheme *before = first > 0 ? m - 1 : NULL;
  const TayoriMorpheme *before2 = first > 1 ? m - 2 : NULL;

  if (!is_pos (m, "動詞", NULL) || end > m->end)
    return FALSE;
  if (is_pos (m, "動詞", "非自立"))
    return TRUE;
  if (before == NULL || before->end != m->start)
    return FALSE;
  if (is_pos (before, "助詞", "接続助詞") &&
      (g_str_equal (before->surface, "て") || g_str_equal (before->surface, "で")))
    return TRUE;
  if (is_pos (before, "名詞", "サ変接続") || is_pos (before, "接頭詞", NULL))
    return TRUE;
  return is_pos (before, "動詞", NULL) && before2 != NULL && is_pos (before2, "接頭詞", NULL);
}

static gboolean
matches_context (FieldText             *field,
                 const TayoriWordEntry *entry,
                 gsize                  start,
                 gsize                  end)
{
  GArray *morphemes;
  int first;
  const TayoriMorpheme *m;

  if (entry->match == TAYORI_WORD_MATCH_ANY)
    return TRUE;
  morphemes = get_morphemes (field, start);
  if (morphemes == NULL || (first = morpheme_at (morphemes, start)) < 0)
    return FALSE;
  m = &g_array_index (morphemes, TayoriMorpheme, first);
  switch (entry->match)
    {
    case TAYORI_WORD_MATCH_WORD:
      return matches_word (morphemes, first, field->prose->text->str, end);
    case TAYORI_WORD_MATCH_AUX:
      return matches_aux (morphemes, first, end);
    case TAYORI_WORD_MATCH_FORMAL:
      return m->end == end && is_pos (m, "名詞", "非自立");
    case TAYORI_WORD_MATCH_ANY:
    default:
      return TRUE;
    }
}

static void
report (FieldText             *field,
        const char            *name,
        const char            *source,
        const TayoriWordEntry *entry,
        gsize                  start,
        gsize                  end,
        GPtrArray             *findings)
{
  gsize source_start, source_end;
  g_autofree char *span = NULL;
  TayoriFinding *finding;

  tayori_prose_text_to_source (field->prose, start, end, &source_start, &source_end);
  span = g_strndup (source + source_start, source_end - source_start);
  finding = tayori_finding_new (entry->kind == TAYORI_WORD_INAPPROPRIATE ? RULE_INAPPROPRIATE
                                                                       : RULE_VARIANT,
                                name, source_start, source_end);
  tayori_finding_set_arg (finding, "text", span);
  tayori_finding_set_arg (finding, "to", entry->to);
  tayori_finding_set_arg (finding, "note", entry->note);
  /* Only a span with nothing else inside (no markup between its characters) is replaced. */
  if (source_end - source_start == end - start)
    tayori_finding_set_fix (finding, entry->to);
  g_ptr_array_add (findings, finding);
}

static void
check_field (TayoriCheckDocument  *document,
             const char           *name,
             TayoriWordDictionary *dictionary,
             const gboolean        enabled[2],
             GPtrArray            *findings)
{
  g_auto(FieldText) field = { tayori_prose_text_new (document, name), NULL, 0, 0 };
  const char *text = field.prose->text->str;
  gsize length = field.prose->text->len;
  const char *source = tayori_check_document_get_text (document, name);
  gsize i = 0;

  while (i < length)
    {
      const GPtrArray *candidates = tayori_word_dictionary_lookup (dictionary,
                                                                   g_utf8_get_char (text + i));
      gsize next = g_utf8_next_char (text + i) - text;

      for (guint k = 0; candidates != NULL && k < candidates->len; k++)
        {
          const TayoriWordEntry *entry = g_ptr_array_index (candidates, k);
          gsize n = strlen (entry->from);

          if (!enabled[entry->kind] || n > length - i || memcmp (text + i, entry->from, n) != 0 ||
              !matches_context (&field, entry, i, i + n))
            continue;
          report (&field, name, source, entry, i, i + n, findings);
          next = i + n;
          break;
        }
      i = next;
    }
}

static const char *
tayori_check_words_get_family (TayoriChecker *checker)
{
  return "content";
}

static void
tayori_check_words_check (TayoriChecker       *checker,
                          TayoriCheckDocument *document,
                          TayoriCheckSettings *settings,
                          GPtrArray           *findings,
                          GCancellable        *cancellable)
{
  const char * const *fields = tayori_check_document_get_fields (document);
  g_autoptr(TayoriWordDictionary) dictionary = NULL;
  gboolean enabled[2];

  enabled[TAYORI_WORD_INAPPROPRIATE] = tayori_check_settings_is_enabled (settings, RULE_INAPPROPRIATE);
  enabled[TAYORI_WORD_VARIANT] = tayori_check_settings_is_enabled (settings, RULE_VARIANT);
  if (!enabled[TAYORI_WORD_INAPPROPRIATE] && !enabled[TAYORI_WORD_VARIANT])
    return;

  dictionary = tayori_word_dictionary_new (settings);
  for (guint i = 0; fields[i] != NULL && !g_cancellable_is_cancelled (cancellable); i++)
    if (!g_strv_contains (skipped_fields, fields[i]))
      check_field (document, fields[i], dictionary, enabled, findings);
}

static void
tayori_check_words_checker_init (TayoriCheckerInterface *iface)
{
  iface->get_family = tayori_check_words_get_family;
  iface->check = tayori_check_words_check;
}

static void
tayori_check_words_class_init (TayoriCheckWordsClass *klass)
{
}

static void
tayori_check_words_init (TayoriCheckWords *self)
{
}

TayoriChecker *
tayori_check_words_new (void)
{
  return g_object_new (TAYORI_TYPE_CHECK_WORDS, NULL);
}
