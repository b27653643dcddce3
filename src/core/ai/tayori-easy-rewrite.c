/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in やさしい日本語 proposal. Works on the body's prose only (through the checks'
 * prose map), so headings, list markers, links, code and tables stay as written: sentences over
 * 40 characters are split after a clause (〜ので、〜が、〜ため、〜し、〜て、 and 連用形 + 、)
 * with a polite ending (〜ます。〜です。), and dictionary words are replaced. */
#include "tayori-easy-rewrite.h"

#include <string.h>
#include "tayori-check-document.h"
#include "tayori-easy-text.h"
#include "tayori-easy-words.h"
#include "tayori-mecab.h"

#define LONG_SENTENCE 40   /* characters; the やさしい日本語 checks use the same threshold */
#define MIN_PIECE     8    /* characters each side of a split keeps at least */

typedef struct {
  gsize  start;   /* byte range of the prose text */
  gsize  end;
  char  *text;
} Edit;

typedef const TayoriMorpheme Morpheme;

static void
edit_clear (gpointer data)
{
  g_free (((Edit *) data)->text);
}

static gboolean
is (Morpheme   *m,
    const char *pos,
    const char *base)
{
  return g_str_equal (m->pos, pos) && (base == NULL || g_str_equal (m->base, base));
}

static gboolean
has_conjugation (Morpheme   *m,
                 const char *form)
{
  return m->conjugation != NULL && g_str_equal (m->conjugation, form);
}

/* 一段 verbs (見る, 食べる) against 五段 ones ending in る (帰る, 入る). IPADIC's conjugation
 * type is not in TayoriMorpheme, so it is read from the kana before る (i or e row), with the
 * common 五段 exceptions listed. */
static gboolean
is_ichidan (Morpheme *m)
{
  static const char * const godan[] = {
    "帰る", "入る", "要る", "知る", "切る", "走る", "限る", "減る", "参る", "散る", "握る",
    "蹴る", "滑る", "喋る", "焦る", "湿る", "茂る", "陥る", "遮る", "覆る", "練る", "照る",
  };
  static const char i_e_rows[] = "いきしちにひみりぎじぢびぴえけせてねへめれげぜでべぺ";
  g_autofree char *reading = NULL;
  gunichar vowel_kana;
  glong length;

  if (!g_str_has_suffix (m->base, "る"))
    return FALSE;
  /* 見(ない), 食べ(ない): a 未然形 that is the base without る */
  if (!has_conjugation (m, "基本形"))
    return g_str_has_prefix (m->base, m->surface) &&
           strlen (m->surface) + strlen ("る") == strlen (m->base);
  for (guint i = 0; i < G_N_ELEMENTS (godan); i++)
    if (g_str_equal (m->base, godan[i]))
      return FALSE;
  if (m->reading == NULL)
    return FALSE;
  reading = tayori_mecab_to_hiragana (m->reading);
  length = g_utf8_strlen (reading, -1);
  if (length < 2)
    return FALSE;
  vowel_kana = g_utf8_get_char (g_utf8_offset_to_pointer (reading, length - 2));
  return g_utf8_strchr (i_e_rows, -1, vowel_kana) != NULL;
}

/* The 連用形 of verb @m, which ます follows: 書い(て) → 書き, する → し, 見る → 見. */
static char *
verb_renyou (Morpheme *m)
{
  static const char * const rows[][2] = {
    { "う", "い" }, { "く", "き" }, { "ぐ", "ぎ" }, { "す", "し" }, { "つ", "ち" },
    { "ぬ", "に" }, { "ぶ", "び" }, { "む", "み" }, { "る", "り" },
  };
  if (has_conjugation (m, "連用形"))
    return g_strdup (m->surface);
  if (g_str_has_suffix (m->base, "する"))
    return g_strdup_printf ("%.*sし", (int) (strlen (m->base) - strlen ("する")), m->base);
  if (g_str_equal (m->base, "来る") || g_str_equal (m->base, "くる"))
    return g_strdup (g_str_has_prefix (m->base, "来") ? "来" : "き");
  if (is_ichidan (m))
    return g_strndup (m->base, strlen (m->base) - strlen ("る"));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_has_suffix (m->base, rows[i][0]))
      return g_strdup_printf ("%.*s%s", (int) (strlen (m->base) - strlen (rows[i][0])), m->base,
                              rows[i][1]);
  return NULL;
}

/* How the clause that ends with morpheme @p (before a connective) ends politely: *@from gets
 * the first morpheme to rewrite and the ending replaces morphemes [*from, connective). NULL
 * when it cannot end there. */
static char *
polite_ending (const GArray *morphemes,
               guint         p,
               guint         floor,
               guint        *from)
{
  Morpheme *m = &g_array_index (morphemes, TayoriMorpheme, p);
  Morpheme *before = p > floor ? &g_array_index (morphemes, TayoriMorpheme, p - 1) : NULL;
  g_autofree char *renyou = NULL;

  *from = p + 1;
  if ((is (m, "助動詞", "ます") || is (m, "助動詞", "です")) && has_conjugation (m, "基本形"))
    return g_strdup ("");
  if (is (m, "助動詞", "ん") && before != NULL && is (before, "助動詞", "ます"))
    return g_strdup ("");
  if (is (m, "助動詞", "た") && before != NULL)
    {
      if (is (before, "助動詞", "ます") || is (before, "助動詞", "です") || is (before, "形容詞", NULL))
        return g_strdup (is (before, "形容詞", NULL) ? "です" : "");
      if (is (before, "動詞", NULL) && (renyou = verb_renyou (before)) != NULL)
        {
          *from = p - 1;
          return g_strconcat (renyou, "ました", NULL);
        }
      if (is (before, "助動詞", "だ"))
        {
          *from = p - 1;
          return g_strdup ("でした");   /* 〜だったので、 */
        }
      return NULL;
    }
  if (is (m, "助動詞", "ない") && has_conjugation (m, "基本形") && before != NULL &&
      is (before, "動詞", NULL) && (renyou = verb_renyou (before)) != NULL)
    {
      *from = p - 1;
      return g_strconcat (renyou, "ません", NULL);
    }
  if (is (m, "助動詞", "だ"))
    {
      *from = p;
      return g_strdup ("です");
    }
  if (is (m, "形容詞", NULL) && has_conjugation (m, "基本形"))
    return g_strdup ("です");
  if (is (m, "動詞", NULL) && (has_conjugation (m, "基本形") || has_conjugation (m, "連用形")) &&
      (renyou = verb_renyou (m)) != NULL)
    {
      *from = p;
      return g_strconcat (renyou, "ます", NULL);
    }
  return NULL;
}

/* The split at the comma morpheme @comma, as an edit of the prose text; FALSE when the clause
 * before it is not one the rules know. */
static gboolean
split_at (const GArray *morphemes,
          guint         comma,
          guint         floor,
          Edit         *edit)
{
  Morpheme *c = &g_array_index (morphemes, TayoriMorpheme, comma);
  Morpheme *j = &g_array_index (morphemes, TayoriMorpheme, comma - 1);
  const char *connector = "";
  g_autofree char *ending = NULL;
  guint from;

  if (comma < floor + 2)
    return FALSE;
  if (is (j, "助詞", NULL) && g_str_equal (j->pos_detail, "接続助詞"))
    {
      if (g_str_equal (j->base, "て") || g_str_equal (j->base, "で"))
        {
          Morpheme *verb = &g_array_index (morphemes, TayoriMorpheme, comma - 2);
          g_autofree char *renyou = is (verb, "動詞", NULL) ? verb_renyou (verb) : NULL;

          if (renyou == NULL)
            return FALSE;
          ending = g_strconcat (renyou, "ます", NULL);
          from = comma - 2;
        }
      else
        {
          if (g_str_equal (j->base, "が") || g_str_equal (j->base, "けれど") ||
              g_str_equal (j->base, "けれども") || g_str_equal (j->base, "けど"))
            connector = "でも、";
          else if (!g_str_equal (j->base, "ので") && !g_str_equal (j->base, "から") &&
                   !g_str_equal (j->base, "し"))
            return FALSE;
          ending = polite_ending (morphemes, comma - 2, floor, &from);
        }
    }
  else if (is (j, "名詞", "ため") &&
           is (&g_array_index (morphemes, TayoriMorpheme, comma - 2), "助動詞", "た"))
    {
      connector = "そのため、";
      ending = polite_ending (morphemes, comma - 2, floor, &from);
    }
  else if (is (j, "動詞", "ある") && comma >= floor + 3 &&
           is (&g_array_index (morphemes, TayoriMorpheme, comma - 2), "助動詞", "だ"))
    {
      ending = g_strdup ("です");          /* 〜であり、 */
      from = comma - 2;
    }
  else if (is (j, "動詞", NULL) && has_conjugation (j, "連用形"))
    {
      ending = g_strconcat (j->surface, "ます", NULL);   /* 連用中止: 〜を実施し、 */
      from = comma - 1;
    }
  if (ending == NULL || from < floor)
    return FALSE;
  edit->start = g_array_index (morphemes, TayoriMorpheme, from).start;
  edit->end = c->end;
  edit->text = g_strconcat (ending, "。", connector, NULL);
  return TRUE;
}

static guint
characters (const char *text,
            gsize       start,
            gsize       end)
{
  return end > start ? g_utf8_strlen (text + start, end - start) : 0;
}

/* Splits for one long sentence [start, end) whose morphemes are [first, last). */
static void
add_splits (const char   *text,
            const GArray *morphemes,
            guint         first,
            guint         last,
            gsize         end,
            GArray       *edits)
{
  guint floor = first;
  gsize piece_start = g_array_index (morphemes, TayoriMorpheme, first).start;

  for (guint k = first + 1; k < last; k++)
    {
      Morpheme *m = &g_array_index (morphemes, TayoriMorpheme, k);
      Edit edit = { 0 };

      if (!g_str_equal (m->surface, "、") && !g_str_equal (m->surface, "，"))
        continue;
      if (characters (text, piece_start, m->start) < MIN_PIECE ||
          characters (text, m->end, end) < MIN_PIECE ||
          !split_at (morphemes, k, floor, &edit))
        continue;
      g_array_append_val (edits, edit);
      piece_start = m->end;
      floor = k + 1;
    }
}

static int
compare_edits (gconstpointer a,
               gconstpointer b)
{
  const Edit *x = a, *y = b;

  return (x->start > y->start) - (x->start < y->start);
}

/* @edits (sorted) applied to the Markdown source; an edit whose prose is not one run of the
 * source (markup inside it) or that overlaps an earlier one is left out. */
static char *
apply_edits (const char      *markdown,
             TayoriProseText *prose,
             GArray          *edits)
{
  GString *out = g_string_new (NULL);
  gsize copied = 0;

  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = &g_array_index (edits, Edit, i);
      gsize start, end;

      tayori_prose_text_to_source (prose, edit->start, edit->end, &start, &end);
      if (start < copied || end - start != edit->end - edit->start)
        continue;
      g_string_append_len (out, markdown + copied, start - copied);
      g_string_append (out, edit->text);
      copied = end;
    }
  g_string_append (out, markdown + copied);
  return g_string_free (out, FALSE);
}

char *
tayori_easy_rewrite (const char  *markdown,
                     GError     **error)
{
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(TayoriProseText) prose = NULL;
  g_autoptr(GArray) morphemes = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) edits = NULL;
  const char *text;
  guint m = 0;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (!tayori_mecab_available (error))
    return NULL;
  article = tayori_article_new ();
  tayori_article_set_body (article, markdown);
  document = tayori_check_document_new_for_article (article);
  prose = tayori_prose_text_new (document, "body");
  text = prose->text->str;
  if ((morphemes = tayori_mecab_parse (text, prose->text->len, error)) == NULL)
    return NULL;
  matches = tayori_easy_words_match (text, morphemes);

  edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_array_set_clear_func (edits, edit_clear);
  sentences = tayori_sentences_split (text, prose->text->len);
  for (guint s = 0; s < sentences->len; s++)
    {
      const TayoriSentence *sentence = &g_array_index (sentences, TayoriSentence, s);
      guint first;

      while (m < morphemes->len && g_array_index (morphemes, TayoriMorpheme, m).start < sentence->start)
        m++;
      first = m;
      while (m < morphemes->len && g_array_index (morphemes, TayoriMorpheme, m).end <= sentence->end)
        m++;
      if (sentence->n_characters > LONG_SENTENCE && m > first)
        add_splits (text, morphemes, first, m, sentence->end, edits);
    }
  /* splits come first: a word inside a rewritten clause end is left as it is */
  for (guint i = 0; i < matches->len; i++)
    {
      const TayoriEasyWordMatch *match = &g_array_index (matches, TayoriEasyWordMatch, i);
      Edit edit = {
        g_array_index (morphemes, TayoriMorpheme, match->first).start,
        g_array_index (morphemes, TayoriMorpheme, match->last).end,
        g_strdup (match->replacement),
      };
      gboolean overlaps = FALSE;

      for (guint k = 0; k < edits->len && !overlaps; k++)
        {
          const Edit *split = &g_array_index (edits, Edit, k);

          overlaps = edit.start < split->end && split->start < edit.end;
        }
      if (overlaps)
        g_free (edit.text);
      else
        g_array_append_val (edits, edit);
    }
  g_array_sort (edits, compare_edits);
  return apply_edits (markdown, prose, edits);
}
