/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Complement naive Bayes with weight normalisation (Rennie et al., "Tackling the Poor
 * Assumptions of Naive Bayes Text Classifiers", ICML 2003) over counts kept per class, so
 * documents can be added and removed at any time; the weights are recomputed lazily.
 *
 * Documents arrive as log-TF, L2-normalised vectors t_d. With idf_f = log ((N + 1) / df_f),
 * A_f = idf_f Σ_d t_df and a_cf the same sum over class c's documents, the complement
 * estimate is θ_c̄f = (α + A_f − a_cf) / (αV + Σ_f (A_f − a_cf)), the weight
 * w_cf = log θ_c̄f, normalised by the mean of |w_c·| over the vocabulary V. A text x scores
 * s_c = −Σ_f x_f idf_f w_cf / mean |w_c|, higher is better; features outside the vocabulary
 * are ignored. Because every w_cf is negative and only features seen in class c differ from
 * the shared part log (α + A_f), the normalisation has a closed form and preparing the model
 * costs O(V + Σ_c |c|), not O(V · C). Calibration: tayori-classifier-calibration.c. */
#include <math.h>
#include <string.h>

#include "tayori-classifier-model-private.h"

static void
class_stats_free (gpointer data)
{
  ClassStats *stats = data;

  g_free (stats->name);
  tayori_classifier_map_free (stats->counts);
  g_free (stats);
}

TayoriClassifierModel *
tayori_classifier_model_new (void)
{
  TayoriClassifierModel *model = g_new0 (TayoriClassifierModel, 1);

  model->global = tayori_classifier_map_new (G_WIDTH, 0);
  model->classes = g_ptr_array_new_with_free_func (class_stats_free);
  model->sample = g_ptr_array_new_with_free_func (tayori_classifier_sample_document_free);
  /* a fixed seed: the same documents give the same scores */
  model->rand = g_rand_new_with_seed (0x7461796f);
  model->temperature = DEFAULT_TEMPERATURE;
  return model;
}

void
tayori_classifier_model_free (TayoriClassifierModel *model)
{
  tayori_classifier_map_free (model->global);
  g_ptr_array_unref (model->classes);
  g_ptr_array_unref (model->sample);
  g_rand_free (model->rand);
  g_free (model);
}

guint
tayori_classifier_model_get_n_documents (TayoriClassifierModel *model)
{
  return model->n_documents;
}

ClassStats *
tayori_classifier_model_find_class (TayoriClassifierModel *model,
                                    const char            *name,
                                    guint                 *index)
{
  for (guint i = 0; i < model->classes->len; i++)
    {
      ClassStats *stats = g_ptr_array_index (model->classes, i);

      if (strcmp (stats->name, name) == 0)
        {
          if (index != NULL)
            *index = i;
          return stats;
        }
    }
  return NULL;
}

static void
update_counts (TayoriClassifierModel *model,
               ClassStats            *stats,
               GArray                *features,
               double                 sign)
{
  for (guint i = 0; i < features->len; i++)
    {
      const TayoriClassifierFeature *f = &g_array_index (features, TayoriClassifierFeature, i);
      double *global = tayori_classifier_map_insert (model->global, f->key);

      global[G_TOTAL] += sign * f->value;
      global[G_DF] += sign;
      tayori_classifier_map_insert (stats->counts, f->key)[C_COUNT] += sign * f->value;
    }
  model->dirty = TRUE;
  model->changes_since_calibration++;
}

void
tayori_classifier_model_add (TayoriClassifierModel *model,
                             const char            *category,
                             GArray                *features)
{
  ClassStats *stats = tayori_classifier_model_find_class (model, category, NULL);

  if (stats == NULL)
    {
      stats = g_new0 (ClassStats, 1);
      stats->name = g_strdup (category);
      stats->counts = tayori_classifier_map_new (C_WIDTH, 0);
      g_ptr_array_add (model->classes, stats);
    }
  stats->n_documents++;
  model->n_documents++;
  update_counts (model, stats, features, 1);
  tayori_classifier_sample_offer (model, category, features);
}

void
tayori_classifier_model_remove (TayoriClassifierModel *model,
                                const char            *category,
                                GArray                *features)
{
  guint index;
  ClassStats *stats = tayori_classifier_model_find_class (model, category, &index);

  if (stats == NULL)
    return;
  tayori_classifier_sample_forget (model, category, features);
  update_counts (model, stats, features, -1);
  model->n_removed++;
  model->n_documents--;
  if (--stats->n_documents == 0)
    g_ptr_array_remove_index (model->classes, index);
  if (model->n_documents == 0)
    {
      /* start afresh rather than keep the rounding residue */
      tayori_classifier_map_free (model->global);
      model->global = tayori_classifier_map_new (G_WIDTH, 0);
      model->n_removed = 0;
    }
}

/* Removed documents leave features nobody uses: drop them once they could be half the maps. */
static void
prune (TayoriClassifierModel *model)
{
  if (model->n_removed <= model->n_documents)
    return;
  tayori_classifier_map_prune (model->global, G_DF, 0.5);
  for (guint c = 0; c < model->classes->len; c++)
    {
      ClassStats *stats = g_ptr_array_index (model->classes, c);

      tayori_classifier_map_prune (stats->counts, C_COUNT, 1e-9);
    }
  model->n_removed = 0;
}

static void
compute_weights (TayoriClassifierModel *model)
{
  double n = model->n_documents;
  double vocabulary = 0, mass = 0, base_sum = 0;
  guint position = 0;
  guint64 key;
  double *g;

  while (tayori_classifier_map_next (model->global, &position, &key, &g))
    {
      if (g[G_DF] < 0.5)
        continue;
      g[G_IDF] = log ((n + 1) / g[G_DF]);
      g[G_BASE] = log (ALPHA + g[G_IDF] * MAX (g[G_TOTAL], 0));
      vocabulary++;
      mass += g[G_IDF] * MAX (g[G_TOTAL], 0);
      base_sum += g[G_BASE];
    }

  for (guint c = 0; c < model->classes->len; c++)
    {
      ClassStats *stats = g_ptr_array_index (model->classes, c);
      double class_mass = 0, correction_sum = 0;
      double *e;

      position = 0;
      while (tayori_classifier_map_next (stats->counts, &position, &key, &e))
        {
          double a, total;

          g = tayori_classifier_map_lookup (model->global, key);
          if (g == NULL || g[G_DF] < 0.5)
            {
              e[C_CORRECTION] = 0;
              continue;
            }
          a = g[G_IDF] * MAX (e[C_COUNT], 0);
          total = g[G_IDF] * MAX (g[G_TOTAL], 0);
          class_mass += a;
          e[C_CORRECTION] = log (ALPHA + MAX (total - a, 0)) - g[G_BASE];
          correction_sum += e[C_CORRECTION];
        }
      stats->denominator = ALPHA * vocabulary + MAX (mass - class_mass, 0);
      stats->log_denominator = log (stats->denominator);
      /* Σ_f |w_cf| = Σ_f (log denominator − base_f − correction_cf): every w_cf < 0 */
      stats->mean_abs_weight = vocabulary > 0
        ? (vocabulary * stats->log_denominator - base_sum - correction_sum) / vocabulary
        : 1;
      if (stats->mean_abs_weight <= 0)
        stats->mean_abs_weight = 1;
    }
}

void
tayori_classifier_model_score (TayoriClassifierModel *model,
                               GArray                *features,
                               const ClassStats      *held_out,
                               double                *scores)
{
  guint n_classes = model->classes->len;
  g_autofree double *sums = g_new0 (double, n_classes);
  g_autofree double *held_out_sums = g_new0 (double, n_classes);
  double base = 0, mass = 0;

  for (guint i = 0; i < features->len; i++)
    {
      const TayoriClassifierFeature *f = &g_array_index (features, TayoriClassifierFeature, i);
      const double *g = tayori_classifier_map_lookup (model->global, f->key);
      double x, total;

      if (g == NULL || g[G_DF] < 0.5)
        continue;
      x = f->value * g[G_IDF];
      total = g[G_IDF] * MAX (g[G_TOTAL], 0);
      base += x * g[G_BASE];
      mass += x;
      for (guint c = 0; c < n_classes; c++)
        {
          const ClassStats *stats = g_ptr_array_index (model->classes, c);
          const double *e = tayori_classifier_map_lookup (stats->counts, f->key);

          if (e != NULL)
            sums[c] += x * e[C_CORRECTION];
          if (held_out != NULL && stats != held_out)
            {
              double a = e != NULL ? g[G_IDF] * MAX (e[C_COUNT], 0) : 0;

              held_out_sums[c] += x * log (ALPHA + MAX (total - a - x, 0));
            }
        }
    }

  for (guint c = 0; c < n_classes; c++)
    {
      const ClassStats *stats = g_ptr_array_index (model->classes, c);
      double weighted;

      if (held_out != NULL && stats != held_out)
        weighted = held_out_sums[c] - mass * log (MAX (stats->denominator - mass, ALPHA));
      else
        weighted = base + sums[c] - mass * stats->log_denominator;
      scores[c] = -weighted / stats->mean_abs_weight;
    }
}

/* Mean log-loss of softmax (scores / temperature) over @n rows of @n_classes scores. */
void
tayori_classifier_model_prepare (TayoriClassifierModel *model)
{
  if (!model->dirty)
    return;
  prune (model);
  compute_weights (model);
  model->dirty = FALSE;
  if (model->n_documents >= MIN_CALIBRATION_DOCS && model->classes->len >= 2 &&
      (model->calibrated_at == 0 || model->changes_since_calibration * 20 >= model->calibrated_at))
    tayori_classifier_calibrate (model);
}

static void
category_score_free (gpointer data)
{
  TayoriCategoryScore *score = data;

  g_free (score->category);
  g_free (score);
}

static int
compare_scores (gconstpointer a,
                gconstpointer b)
{
  const TayoriCategoryScore *score_a = *(TayoriCategoryScore * const *) a;
  const TayoriCategoryScore *score_b = *(TayoriCategoryScore * const *) b;

  if (score_a->score != score_b->score)
    return score_a->score > score_b->score ? -1 : 1;
  return strcmp (score_a->category, score_b->category);
}

GPtrArray *
tayori_classifier_model_suggest (TayoriClassifierModel *model,
                                 GArray                *features,
                                 const char * const    *allowed,
                                 guint                  n)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (category_score_free);
  g_autofree double *scores = g_new (double, MAX (model->classes->len, 1));
  double top = -G_MAXDOUBLE, sum = 0;

  tayori_classifier_model_score (model, features, NULL, scores);
  for (guint c = 0; c < model->classes->len; c++)
    {
      const ClassStats *stats = g_ptr_array_index (model->classes, c);
      TayoriCategoryScore *score;

      if (allowed != NULL && !g_strv_contains (allowed, stats->name))
        continue;
      score = g_new0 (TayoriCategoryScore, 1);
      score->category = g_strdup (stats->name);
      score->score = scores[c] / model->temperature;
      top = MAX (top, score->score);
      g_ptr_array_add (result, score);
    }
  for (guint i = 0; i < result->len; i++)
    {
      TayoriCategoryScore *score = g_ptr_array_index (result, i);

      score->score = exp (score->score - top);
      sum += score->score;
    }
  for (guint i = 0; i < result->len; i++)
    ((TayoriCategoryScore *) g_ptr_array_index (result, i))->score /= sum;
  g_ptr_array_sort (result, compare_scores);
  if (result->len > n)
    g_ptr_array_set_size (result, n);
  return result;
}
