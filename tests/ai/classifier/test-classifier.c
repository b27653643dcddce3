/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in category classifier: ranking, the allowed list, calibrated scores, learning and
 * unlearning, and use from several threads, on small synthetic notices. */
#include <math.h>
#include <string.h>

#include "tayori-classifier.h"
#include "classifier-notices.h"

static void
add_all (TayoriClassifier   *classifier,
         const char         *category,
         const char * const *texts,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    tayori_classifier_add (classifier, category, texts[i]);
}

static void
remove_all (TayoriClassifier   *classifier,
            const char         *category,
            const char * const *texts,
            gsize               n)
{
  for (gsize i = 0; i < n; i++)
    tayori_classifier_remove (classifier, category, texts[i]);
}

static TayoriClassifier *
trained_classifier (void)
{
  TayoriClassifier *classifier = tayori_classifier_new ();

  add_all (classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  add_all (classifier, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
  add_all (classifier, CATEGORY_KOSODATE, kosodate_notices, G_N_ELEMENTS (kosodate_notices));
  return classifier;
}

static const char *
top_category (GPtrArray *ranked)
{
  g_assert_cmpuint (ranked->len, >, 0);
  return ((TayoriCategoryScore *) g_ptr_array_index (ranked, 0))->category;
}

/* Scores in 0..1, best first, summing to @expected_sum. */
static void
assert_ranked (GPtrArray *ranked,
               double     expected_sum)
{
  double sum = 0;

  for (guint i = 0; i < ranked->len; i++)
    {
      TayoriCategoryScore *score = g_ptr_array_index (ranked, i);

      g_assert_cmpfloat (score->score, >=, 0);
      g_assert_cmpfloat (score->score, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (score->score, <=, ((TayoriCategoryScore *) g_ptr_array_index (ranked, i - 1))->score);
      sum += score->score;
    }
  g_assert_cmpfloat_with_epsilon (sum, expected_sum, 1e-9);
}

static gboolean
contains_category (GPtrArray  *ranked,
                   const char *category)
{
  for (guint i = 0; i < ranked->len; i++)
    if (strcmp (((TayoriCategoryScore *) g_ptr_array_index (ranked, i))->category, category) == 0)
      return TRUE;
  return FALSE;
}

static void
test_top1 (void)
{
  g_autoptr(TayoriClassifier) classifier = trained_classifier ();

  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 18);
  for (gsize i = 0; i < G_N_ELEMENTS (unseen_notices); i++)
    {
      g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[i].text, NULL, 3);

      g_assert_cmpuint (ranked->len, ==, 3);
      g_assert_cmpstr (top_category (ranked), ==, unseen_notices[i].category);
    }
}

static void
test_scores (void)
{
  g_autoptr(TayoriClassifier) classifier = trained_classifier ();
  g_autoptr(GPtrArray) all = tayori_classifier_suggest (classifier, unseen_notices[0].text, NULL, G_MAXUINT);
  g_autoptr(GPtrArray) top2 = tayori_classifier_suggest (classifier, unseen_notices[0].text, NULL, 2);
  g_autoptr(GPtrArray) none = tayori_classifier_suggest (classifier, unseen_notices[0].text, NULL, 0);

  g_assert_cmpuint (all->len, ==, 3);
  assert_ranked (all, 1.0);
  /* a clear case wins clearly */
  g_assert_cmpfloat (((TayoriCategoryScore *) g_ptr_array_index (all, 0))->score, >, 0.5);

  g_assert_cmpuint (top2->len, ==, 2);
  for (guint i = 0; i < top2->len; i++)
    {
      TayoriCategoryScore *a = g_ptr_array_index (top2, i);
      TayoriCategoryScore *b = g_ptr_array_index (all, i);

      g_assert_cmpstr (a->category, ==, b->category);
      g_assert_cmpfloat_with_epsilon (a->score, b->score, 1e-12);
    }
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_allowed (void)
{
  g_autoptr(TayoriClassifier) classifier = trained_classifier ();
  const char * const allowed[] = { CATEGORY_BOUSAI, CATEGORY_KOSODATE, "観光・文化", NULL };
  const char * const only_gomi[] = { CATEGORY_GOMI, NULL };
  const char * const unknown[] = { "観光・文化", NULL };
  g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[0].text, allowed, 3);
  g_autoptr(GPtrArray) single = tayori_classifier_suggest (classifier, unseen_notices[1].text, only_gomi, 3);
  g_autoptr(GPtrArray) nothing = tayori_classifier_suggest (classifier, unseen_notices[1].text, unknown, 3);

  /* the waste notice's own category is not allowed; a category never learnt has no score */
  g_assert_cmpuint (ranked->len, ==, 2);
  g_assert_false (contains_category (ranked, CATEGORY_GOMI));
  g_assert_true (contains_category (ranked, CATEGORY_BOUSAI));
  g_assert_true (contains_category (ranked, CATEGORY_KOSODATE));
  assert_ranked (ranked, 1.0);

  g_assert_cmpuint (single->len, ==, 1);
  g_assert_cmpstr (top_category (single), ==, CATEGORY_GOMI);
  g_assert_cmpfloat_with_epsilon (((TayoriCategoryScore *) g_ptr_array_index (single, 0))->score, 1.0, 1e-12);

  g_assert_cmpuint (nothing->len, ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(GPtrArray) before = tayori_classifier_suggest (classifier, unseen_notices[0].text, NULL, 3);
  g_autoptr(GPtrArray) after = NULL;

  g_assert_nonnull (before);
  g_assert_cmpuint (before->len, ==, 0);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 0);

  add_all (classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  remove_all (classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  after = tayori_classifier_suggest (classifier, unseen_notices[0].text, NULL, 3);
  g_assert_cmpuint (after->len, ==, 0);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 0);
}

static void
test_incremental (void)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  const char *bousai_text = unseen_notices[1].text;
  g_autoptr(GPtrArray) two = NULL;
  g_autoptr(GPtrArray) three = NULL;
  g_autoptr(GPtrArray) without = NULL;
  g_autoptr(GPtrArray) unknown = NULL;

  add_all (classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  add_all (classifier, CATEGORY_KOSODATE, kosodate_notices, G_N_ELEMENTS (kosodate_notices));
  two = tayori_classifier_suggest (classifier, bousai_text, NULL, 3);
  g_assert_cmpuint (two->len, ==, 2);
  g_assert_false (contains_category (two, CATEGORY_BOUSAI));

  /* learning a category makes it the answer */
  add_all (classifier, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
  three = tayori_classifier_suggest (classifier, bousai_text, NULL, 3);
  g_assert_cmpuint (three->len, ==, 3);
  g_assert_cmpstr (top_category (three), ==, CATEGORY_BOUSAI);

  /* unlearning every notice of a category removes it */
  remove_all (classifier, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 12);
  without = tayori_classifier_suggest (classifier, bousai_text, NULL, 3);
  g_assert_cmpuint (without->len, ==, 2);
  g_assert_false (contains_category (without, CATEGORY_BOUSAI));
  for (guint i = 0; i < without->len; i++)
    {
      TayoriCategoryScore *a = g_ptr_array_index (without, i);
      TayoriCategoryScore *b = g_ptr_array_index (two, i);

      /* back to the state before the category was learnt */
      g_assert_cmpstr (a->category, ==, b->category);
      g_assert_cmpfloat_with_epsilon (a->score, b->score, 1e-6);
    }

  /* unlearning from a category never learnt changes nothing */
  tayori_classifier_remove (classifier, "観光・文化", bousai_text);
  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 12);
  unknown = tayori_classifier_suggest (classifier, bousai_text, NULL, 3);
  g_assert_cmpuint (unknown->len, ==, 2);
}

/* Notices made by pairing the title of one with the body of another in the same category. */
static void
add_combinations (TayoriClassifier   *classifier,
                  const char         *category,
                  const char * const *texts,
                  gsize               n)
{
  for (gsize i = 0; i < n; i++)
    for (gsize j = 0; j < n; j++)
      {
        g_autofree char *title = g_strndup (texts[i], strchr (texts[i], '\n') - texts[i]);
        g_autofree char *text = g_strconcat (title, strchr (texts[j], '\n'), NULL);

        tayori_classifier_add (classifier, category, text);
      }
}

static void
test_calibrated (void)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autofree char *mixed = g_strconcat (gomi_notices[0], "\n", bousai_notices[0], NULL);
  g_autoptr(GPtrArray) clear = NULL;
  g_autoptr(GPtrArray) unclear = NULL;
  double clear_top, unclear_top;

  /* enough documents (108) for the temperature to be fitted */
  add_combinations (classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
  add_combinations (classifier, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
  add_combinations (classifier, CATEGORY_KOSODATE, kosodate_notices, G_N_ELEMENTS (kosodate_notices));
  tayori_classifier_prepare (classifier);

  clear = tayori_classifier_suggest (classifier, unseen_notices[2].text, NULL, 3);
  unclear = tayori_classifier_suggest (classifier, mixed, NULL, 3);
  assert_ranked (clear, 1.0);
  assert_ranked (unclear, 1.0);
  g_assert_cmpstr (top_category (clear), ==, CATEGORY_KOSODATE);
  clear_top = ((TayoriCategoryScore *) g_ptr_array_index (clear, 0))->score;
  unclear_top = ((TayoriCategoryScore *) g_ptr_array_index (unclear, 0))->score;
  /* a notice half about waste, half about disasters is less certain than a clear one, and the
   * third category gets little */
  g_assert_cmpfloat (clear_top, >, unclear_top);
  g_assert_false (strcmp (top_category (unclear), CATEGORY_KOSODATE) == 0);
  g_assert_cmpfloat (((TayoriCategoryScore *) g_ptr_array_index (unclear, 2))->score, <, 0.2);
}

typedef struct {
  TayoriClassifier *classifier;
  gint              done;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;

  for (guint round = 0; round < 5; round++)
    {
      add_all (writer->classifier, CATEGORY_GOMI, gomi_notices, G_N_ELEMENTS (gomi_notices));
      add_all (writer->classifier, CATEGORY_BOUSAI, bousai_notices, G_N_ELEMENTS (bousai_notices));
    }
  g_atomic_int_set (&writer->done, TRUE);
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  Writer writer = { classifier, FALSE };
  GThread *thread;
  guint suggestions = 0;

  add_all (classifier, CATEGORY_KOSODATE, kosodate_notices, G_N_ELEMENTS (kosodate_notices));
  thread = g_thread_new ("classifier-writer", writer_thread, &writer);
  /* suggestions while the other thread learns: each one consistent, none lost */
  while (!g_atomic_int_get (&writer.done) || suggestions < 20)
    {
      g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[suggestions % 3].text,
                                                               NULL, G_MAXUINT);

      g_assert_cmpuint (ranked->len, >=, 1);
      g_assert_cmpuint (ranked->len, <=, 3);
      assert_ranked (ranked, 1.0);
      suggestions++;
    }
  g_thread_join (thread);

  g_assert_cmpuint (tayori_classifier_get_n_documents (classifier), ==, 6 + 5 * 12);
  for (gsize i = 0; i < G_N_ELEMENTS (unseen_notices); i++)
    {
      g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, unseen_notices[i].text, NULL, 3);

      g_assert_cmpstr (top_category (ranked), ==, unseen_notices[i].category);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/ai/classifier/top1", test_top1);
  g_test_add_func ("/tayori/ai/classifier/scores", test_scores);
  g_test_add_func ("/tayori/ai/classifier/allowed", test_allowed);
  g_test_add_func ("/tayori/ai/classifier/empty", test_empty);
  g_test_add_func ("/tayori/ai/classifier/incremental", test_incremental);
  g_test_add_func ("/tayori/ai/classifier/calibrated", test_calibrated);
  g_test_add_func ("/tayori/ai/classifier/threads", test_threads);
  return g_test_run ();
}
