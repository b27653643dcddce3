/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Evaluates the built-in classifier on the livedoor news corpus (../shared, read in place,
 * never copied) by five-fold cross-validation: article i of each category (in file name order)
 * is in fold i mod 5; each fold is tested after training on the other four. Reports top-1 and
 * top-3 accuracy, calibration and timing, and fails when the mean top-1 is below a floor.
 * Usage: eval-livedoor [--floor F] DATA_DIR. Exit 77 (skip) when DATA_DIR is absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tayori-classifier.h"

#define EXIT_SKIP 77
#define N_FOLDS 5
#define CALIBRATION_BINS 5

typedef struct {
  char *category;
  char *text;
  guint fold;
} Article;

typedef struct {
  guint  n_tested;
  guint  top1;
  guint  top3;
  double log_loss;
  double bin_confidence[CALIBRATION_BINS];
  double bin_correct[CALIBRATION_BINS];
  guint  bin_count[CALIBRATION_BINS];
  double train_seconds;
  double suggest_seconds;
  guint  n_trained;
} Tally;

static void
article_free (gpointer data)
{
  Article *article = data;

  g_free (article->category);
  g_free (article->text);
  g_free (article);
}

/* Line 1 is the URL, line 2 the date, line 3 the title, then the body. */
static char *
article_text (const char *contents)
{
  const char *p = contents;

  for (int line = 0; line < 2 && p != NULL; line++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  return g_strdup (p != NULL ? p : "");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
sorted_entries (const char *path,
                gboolean    want_dirs,
                GError    **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *full = g_build_filename (path, name, NULL);
      gboolean is_dir = g_file_test (full, G_FILE_TEST_IS_DIR);

      if (is_dir != want_dirs)
        continue;
      /* the per-category licence notes and the README are not articles */
      if (!want_dirs && (!g_str_has_suffix (name, ".txt") || strcmp (name, "LICENSE.txt") == 0 ||
                         strcmp (name, "README.txt") == 0))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_strings);
  return g_steal_pointer (&names);
}

static gboolean
load_corpus (const char *root,
             GPtrArray  *articles,
             GError    **error)
{
  g_autoptr(GPtrArray) categories = sorted_entries (root, TRUE, error);

  if (categories == NULL)
    return FALSE;
  for (guint c = 0; c < categories->len; c++)
    {
      const char *category = g_ptr_array_index (categories, c);
      g_autofree char *dir = g_build_filename (root, category, NULL);
      g_autoptr(GPtrArray) files = sorted_entries (dir, FALSE, error);

      if (files == NULL)
        return FALSE;
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *path = g_build_filename (dir, g_ptr_array_index (files, i), NULL);
          g_autofree char *contents = NULL;
          Article *article;

          if (!g_file_get_contents (path, &contents, NULL, error))
            return FALSE;
          article = g_new0 (Article, 1);
          article->category = g_strdup (category);
          article->text = article_text (contents);
          article->fold = i % N_FOLDS;
          g_ptr_array_add (articles, article);
        }
    }
  return TRUE;
}

static void
run_fold (GPtrArray *articles,
          guint      fold,
          Tally     *tally)
{
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autoptr(GTimer) timer = g_timer_new ();
  guint top1 = 0, tested = 0;

  for (guint i = 0; i < articles->len; i++)
    {
      Article *article = g_ptr_array_index (articles, i);

      if (article->fold == fold)
        continue;
      tayori_classifier_add (classifier, article->category, article->text);
      tally->n_trained++;
    }
  tayori_classifier_prepare (classifier);
  tally->train_seconds += g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  for (guint i = 0; i < articles->len; i++)
    {
      Article *article = g_ptr_array_index (articles, i);
      g_autoptr(GPtrArray) ranked = NULL;
      TayoriCategoryScore *best;
      guint bin;
      gboolean correct;

      if (article->fold != fold)
        continue;
      ranked = tayori_classifier_suggest (classifier, article->text, NULL, G_MAXUINT);
      best = g_ptr_array_index (ranked, 0);
      bin = MIN ((guint) (best->score * CALIBRATION_BINS), CALIBRATION_BINS - 1);
      correct = strcmp (best->category, article->category) == 0;
      tested++;
      top1 += correct;
      tally->bin_count[bin]++;
      tally->bin_confidence[bin] += best->score;
      tally->bin_correct[bin] += correct;
      for (guint r = 0; r < ranked->len; r++)
        {
          TayoriCategoryScore *score = g_ptr_array_index (ranked, r);

          if (strcmp (score->category, article->category) != 0)
            continue;
          tally->top3 += r < 3;
          tally->log_loss -= log (MAX (score->score, 1e-12));
        }
    }
  tally->suggest_seconds += g_timer_elapsed (timer, NULL);
  tally->n_tested += tested;
  tally->top1 += top1;
  printf ("fold %u: %u test articles, top-1 %.4f\n", fold, tested, (double) top1 / tested);
}

int
main (int   argc,
      char *argv[])
{
  double floor_accuracy = 0;
  g_autoptr(GOptionContext) context = g_option_context_new ("DATA_DIR");
  GOptionEntry entries[] = {
    { "floor", 0, 0, G_OPTION_ARG_DOUBLE, &floor_accuracy, "Fail below this mean top-1 accuracy", "F" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (article_free);
  Tally tally = { 0 };
  double ece = 0, top1;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "usage: eval-livedoor [--floor F] DATA_DIR\n");
      return EXIT_FAILURE;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_DIR))
    {
      printf ("SKIP: the livedoor corpus is not at %s (it lives in ../shared, next to the repository)\n",
              argv[1]);
      return EXIT_SKIP;
    }
  if (!load_corpus (argv[1], articles, &error))
    {
      fprintf (stderr, "cannot read the corpus: %s\n", error->message);
      return EXIT_FAILURE;
    }

  for (guint fold = 0; fold < N_FOLDS; fold++)
    run_fold (articles, fold, &tally);
  for (guint b = 0; b < CALIBRATION_BINS; b++)
    ece += fabs (tally.bin_confidence[b] - tally.bin_correct[b]) / tally.n_tested;
  top1 = (double) tally.top1 / tally.n_tested;

  printf ("livedoor, %d-fold cross-validation: %u articles, %u per training set\n",
          N_FOLDS, articles->len, tally.n_trained / N_FOLDS);
  printf ("top-1 accuracy: %.4f\n", top1);
  printf ("top-3 accuracy: %.4f\n", (double) tally.top3 / tally.n_tested);
  printf ("log-loss: %.4f, expected calibration error (top-1, %d bins): %.4f\n",
          tally.log_loss / tally.n_tested, CALIBRATION_BINS, ece);
  for (guint b = 0; b < CALIBRATION_BINS; b++)
    if (tally.bin_count[b] > 0)
      printf ("  confidence %.1f–%.1f: %4u articles, mean confidence %.3f, accuracy %.3f\n",
              (double) b / CALIBRATION_BINS, (double) (b + 1) / CALIBRATION_BINS, tally.bin_count[b],
              tally.bin_confidence[b] / tally.bin_count[b], tally.bin_correct[b] / tally.bin_count[b]);
  printf ("training: %.2f ms per article; suggestion: %.2f ms per article\n",
          1000 * tally.train_seconds / tally.n_trained, 1000 * tally.suggest_seconds / tally.n_tested);

  if (top1 < floor_accuracy)
    {
      printf ("FAIL: mean top-1 accuracy below the floor %.2f\n", floor_accuracy);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
