/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in extractive summary: TextRank over the sentences of the body's prose (edges
 * weighted by shared content words), mixed with a lead bias, then the best sentences that fit
 * the limit, in document order. A sentence is taken whole or not at all. */
#include "tayori-summarizer.h"

#include <math.h>
#include <string.h>
#include "tayori-check-document.h"
#include "tayori-easy-text.h"
#include "tayori-mecab.h"

#define DAMPING      0.85
#define ITERATIONS   30
#define LEAD_WEIGHT  0.5   /* share of the lead bias in the final score; the rest is TextRank */
#define MIN_CHARS    10    /* shorter sentences (「無料です。」) say little out of context */
#define KEEP         0.5   /* sentences scoring under half the best one only pad the summary */

typedef struct {
  gsize    start;        /* byte range in the prose text */
  gsize    end;
  guint    n_chars;      /* characters of the sentence as it is output */
  GArray  *words;        /* guint: ids of its distinct content words, ascending */
  double   rank;
  double   score;
} Sentence;

typedef struct {
  guint  target;
  double weight;
} Edge;

static void
sentence_clear (gpointer data)
{
  Sentence *sentence = data;

  g_clear_pointer (&sentence->words, g_array_unref);
}

/* Ends in 。！？ (a closing bracket after it allowed), or in "." for English: a sentence, not a
 * heading or a label */
static gboolean
is_complete (const char *text,
             gsize       start,
             gsize       end)
{
  const char *p = text + end;

  while (p > text + start)
    {
      gunichar c;

      p = g_utf8_prev_char (p);
      c = g_utf8_get_char (p);
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '.')
        return TRUE;
      if (c != 0x300D && c != 0xFF09 && c != 0x300F && c != 0x3011 && c != ')')
        return FALSE;
    }
  return FALSE;
}

/* Nouns, verbs and adjectives that carry meaning: not numbers, pronouns, suffixes or the
 * light verbs every sentence has. */
static gboolean
is_content_word (const TayoriMorpheme *m)
{
  static const char * const light_verbs[] = {
    "する", "ある", "いる", "なる", "できる", "れる", "られる", "おる", "くださる", "いただく",
    "いたす", "せる", "させる",
  };

  if (g_str_equal (m->pos, "名詞"))
    return !g_str_equal (m->pos_detail, "数") && !g_str_equal (m->pos_detail, "非自立") &&
           !g_str_equal (m->pos_detail, "代名詞") && !g_str_equal (m->pos_detail, "接尾");
  if (g_str_equal (m->pos, "動詞") || g_str_equal (m->pos, "形容詞"))
    {
      if (g_str_equal (m->pos_detail, "非自立"))
        return FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (light_verbs); i++)
        if (g_str_equal (m->base, light_verbs[i]))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Gives every sentence its content word ids; returns the number of distinct words. */
static guint
collect_words (GArray       *sentences,
               const GArray *morphemes)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint m = 0;

  for (guint s = 0; s < sentences->len; s++)
    {
      Sentence *sentence = &g_array_index (sentences, Sentence, s);

      sentence->words = g_array_new (FALSE, FALSE, sizeof (guint));
      for (; m < morphemes->len; m++)
        {
          const TayoriMorpheme *morpheme = &g_array_index (morphemes, TayoriMorpheme, m);
          gpointer id;
          guint word;

          if (morpheme->start >= sentence->end)
            break;
          if (morpheme->start < sentence->start || !is_content_word (morpheme))
            continue;
          if (!g_hash_table_lookup_extended (ids, morpheme->base, NULL, &id))
            {
              id = GUINT_TO_POINTER (g_hash_table_size (ids));
              g_hash_table_insert (ids, morpheme->base, id);
            }
          word = GPOINTER_TO_UINT (id);
          g_array_append_val (sentence->words, word);
        }
      g_array_sort (sentence->words, compare_ids);
      for (guint i = 1; i < sentence->words->len; i++)
        if (g_array_index (sentence->words, guint, i) == g_array_index (sentence->words, guint, i - 1))
          g_array_remove_index (sentence->words, i--);
    }
  return g_hash_table_size (ids);
}

/* TextRank edges: similarity = shared words / (log(1 + |a|) + log(1 + |b|)). Pairs are found
 * through the sentences each word occurs in, so sentences sharing nothing cost nothing. */
static GArray **
build_edges (GArray *sentences,
             guint   n_words)
{
  guint n = sentences->len;
  g_autofree GArray **postings = g_new0 (GArray *, n_words);
  g_autofree guint *shared = g_new0 (guint, n);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray **edges = g_new0 (GArray *, n);

  for (guint s = 0; s < n; s++)
    {
      GArray *words = g_array_index (sentences, Sentence, s).words;

      edges[s] = g_array_new (FALSE, FALSE, sizeof (Edge));
      for (guint i = 0; i < words->len; i++)
        {
          guint w = g_array_index (words, guint, i);

          if (postings[w] == NULL)
            postings[w] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (postings[w], s);
        }
    }

  for (guint s = 0; s < n; s++)
    {
      GArray *words = g_array_index (sentences, Sentence, s).words;

      g_array_set_size (touched, 0);
      for (guint i = 0; i < words->len; i++)
        {
          GArray *posting = postings[g_array_index (words, guint, i)];

          for (guint k = 0; k < posting->len; k++)
            {
              guint t = g_array_index (posting, guint, k);

              if (t != s && shared[t]++ == 0)
                g_array_append_val (touched, t);
            }
        }
      for (guint k = 0; k < touched->len; k++)
        {
          guint t = g_array_index (touched, guint, k);
          guint other = g_array_index (sentences, Sentence, t).words->len;
          Edge edge = { t, shared[t] / (log1p (words->len) + log1p (other)) };

          g_array_append_val (edges[s], edge);
          shared[t] = 0;
        }
    }

  for (guint w = 0; w < n_words; w++)
    g_clear_pointer (&postings[w], g_array_unref);
  return edges;
}

/* Weighted PageRank on the symmetric sentence graph, then score = TextRank (scaled to a
 * maximum of 1) mixed with a lead bias of 1/sqrt(position + 1). */
static void
score_sentences (GArray *sentences,
                 guint   n_words)
{
  guint n = sentences->len;
  GArray **edges = build_edges (sentences, n_words);
  g_autofree double *out_weight = g_new0 (double, n);
  g_autofree double *next = g_new (double, n);
  double max_rank = 0;

  for (guint s = 0; s < n; s++)
    {
      for (guint k = 0; k < edges[s]->len; k++)
        out_weight[s] += g_array_index (edges[s], Edge, k).weight;
      g_array_index (sentences, Sentence, s).rank = 1.0 / n;
    }

  for (guint iteration = 0; iteration < ITERATIONS; iteration++)
    {
      double dangling = 0;

      for (guint s = 0; s < n; s++)
        if (out_weight[s] == 0)
          dangling += g_array_index (sentences, Sentence, s).rank;
      for (guint s = 0; s < n; s++)
        next[s] = (1 - DAMPING) / n + DAMPING * dangling / n;
      /* edges are symmetric: what s gives to t along (s, t) is what t receives */
      for (guint s = 0; s < n; s++)
        {
          double rank = g_array_index (sentences, Sentence, s).rank;

          for (guint k = 0; k < edges[s]->len && out_weight[s] > 0; k++)
            {
              const Edge *edge = &g_array_index (edges[s], Edge, k);

              next[edge->target] += DAMPING * rank * edge->weight / out_weight[s];
            }
        }
      for (guint s = 0; s < n; s++)
        g_array_index (sentences, Sentence, s).rank = next[s];
    }

  for (guint s = 0; s < n; s++)
    max_rank = MAX (max_rank, g_array_index (sentences, Sentence, s).rank);
  for (guint s = 0; s < n; s++)
    {
      Sentence *sentence = &g_array_index (sentences, Sentence, s);

      sentence->score = (1 - LEAD_WEIGHT) * sentence->rank / max_rank +
                        LEAD_WEIGHT / sqrt (s + 1.0);
      g_array_unref (edges[s]);
    }
  g_free (edges);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Sentence *sentences = user_data;
  const Sentence *x = &sentences[*(const guint *) a];
  const Sentence *y = &sentences[*(const guint *) b];

  if (x->score != y->score)
    return x->score < y->score ? 1 : -1;
  return (*(const guint *) a > *(const guint *) b) - (*(const guint *) a < *(const guint *) b);
}

/* Characters @sentence takes in the summary: a sentence ending in ASCII (English) is followed
 * by a space so that it does not run into the next one. */
static guint
cost (const Sentence *sentence,
      const char     *text)
{
  return sentence->n_chars + ((guchar) text[sentence->end - 1] < 0x80);
}

/* Picks the highest-scoring sentences that fit @max_chars together into @chosen; with
 * @selective, only those worth reading on their own (long enough, scoring near the best). */
static gboolean
choose (GArray      *sentences,
        const guint *order,
        const char  *text,
        guint        max_chars,
        gboolean     selective,
        gboolean    *chosen)
{
  double best = g_array_index (sentences, Sentence, order[0]).score;
  guint used = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      const Sentence *sentence = &g_array_index (sentences, Sentence, order[i]);

      if (selective && (sentence->n_chars < MIN_CHARS || sentence->score < KEEP * best))
        continue;
      if (used + cost (sentence, text) <= max_chars)
        {
          chosen[order[i]] = TRUE;
          used += cost (sentence, text);
        }
    }
  return used > 0;
}

/* The chosen sentences joined in document order. */
static char *
pick (GArray     *sentences,
      const char *text,
      guint       max_chars)
{
  g_autofree guint *order = g_new (guint, sentences->len);
  g_autofree gboolean *chosen = g_new0 (gboolean, sentences->len);
  GString *summary = g_string_new (NULL);

  for (guint s = 0; s < sentences->len; s++)
    order[s] = s;
  g_qsort_with_data (order, sentences->len, sizeof (guint), compare_scores, sentences->data);
  if (!choose (sentences, order, text, max_chars, TRUE, chosen))
    choose (sentences, order, text, max_chars, FALSE, chosen);
  for (guint s = 0; s < sentences->len; s++)
    if (chosen[s])
      {
        const Sentence *sentence = &g_array_index (sentences, Sentence, s);

        if (summary->len > 0 && (guchar) summary->str[summary->len - 1] < 0x80)
          g_string_append_c (summary, ' ');
        g_string_append_len (summary, text + sentence->start, sentence->end - sentence->start);
      }
  return g_string_free (summary, FALSE);
}

/* Headings name a part of the notice, and image descriptions describe a picture: both are
 * prose, but neither belongs in a summary. */
static gboolean
is_heading_or_image_alt (const char *markdown,
                         gsize       offset)
{
  gsize i = offset;

  for (; i > 0 && markdown[i - 1] != '\n'; i--)
    {
      if (markdown[i - 1] == ']')
        break;
      if (markdown[i - 1] == '[' && i >= 2 && markdown[i - 2] == '!')
        return TRUE;
    }
  while (i > 0 && markdown[i - 1] != '\n')
    i--;
  i += strspn (markdown + i, " ");
  return markdown[i] == '#';
}

/* The prose sentences of @markdown; only complete ones (is_complete ()) when there are any,
 * so table cells and labels stay out of the summary; never headings or image descriptions. */
static GArray *
split_sentences (const char      *markdown,
                 TayoriProseText *prose)
{
  const char *text = prose->text->str;
  g_autoptr(GArray) all = tayori_sentences_split (text, prose->text->len);
  GArray *sentences = g_array_new (FALSE, TRUE, sizeof (Sentence));
  gboolean any_complete = FALSE;

  g_array_set_clear_func (sentences, sentence_clear);
  for (guint i = 0; i < all->len && !any_complete; i++)
    {
      const TayoriSentence *s = &g_array_index (all, TayoriSentence, i);

      any_complete = is_complete (text, s->start, s->end);
    }
  for (guint i = 0; i < all->len; i++)
    {
      const TayoriSentence *s = &g_array_index (all, TayoriSentence, i);
      Sentence sentence = { s->start, s->end, g_utf8_strlen (text + s->start, s->end - s->start) };
      gsize source_start, source_end;

      tayori_prose_text_to_source (prose, s->start, s->end, &source_start, &source_end);
      if ((!any_complete || is_complete (text, s->start, s->end)) &&
          !is_heading_or_image_alt (markdown, source_start))
        g_array_append_val (sentences, sentence);
    }
  return sentences;
}

char *
tayori_summarize_extractive (const char  *markdown,
                             guint        max_chars,
                             GError     **error)
{
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(TayoriProseText) prose = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GArray) morphemes = NULL;

  g_return_val_if_fail (markdown != NULL, NULL);

  if (!tayori_mecab_available (error))
    return NULL;
  article = tayori_article_new ();
  tayori_article_set_body (article, markdown);
  document = tayori_check_document_new_for_article (article);
  prose = tayori_prose_text_new (document, "body");
  sentences = split_sentences (markdown, prose);
  if (sentences->len == 0)
    return g_strdup ("");

  morphemes = tayori_mecab_parse (prose->text->str, prose->text->len, error);
  if (morphemes == NULL)
    return NULL;
  score_sentences (sentences, collect_words (sentences, morphemes));
  return pick (sentences, prose->text->str, max_chars);
}
