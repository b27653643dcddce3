/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calibration of the classifier's scores: they become probabilities through softmax (s / T),
 * the temperature T fitted by minimising the log-loss over a reservoir sample of the training documents scored
 * leave-one-out: for a sample document of class y every other class's complement counts and
 * denominator are reduced by the document's own contribution before scoring (idf, V and the
 * normalisation are left as they are; the error is of order 1/N). The fit is a golden-section
 * search on log T. It runs when at least 50 documents are known and the model has changed by
 * a twentieth since the last fit; before that a default temperature is used. */
#include <math.h>
#include <string.h>

#include "tayori-classifier-model-private.h"

static guint64
fingerprint (GArray *features)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (guint i = 0; i < features->len; i++)
    {
      const TayoriClassifierFeature *f = &g_array_index (features, TayoriClassifierFeature, i);
      guint64 bits;

      memcpy (&bits, &f->value, sizeof bits);
      hash = (hash ^ f->key) * G_GUINT64_CONSTANT (0x100000001b3);
      hash = (hash ^ bits) * G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

void
tayori_classifier_sample_document_free (gpointer data)
{
  SampleDocument *doc = data;

  g_free (doc->category);
  g_array_unref (doc->features);
  g_free (doc);
}

void
tayori_classifier_sample_offer (TayoriClassifierModel *model,
                                const char            *category,
                                GArray                *features)
{
  SampleDocument *doc;
  gint64 slot = model->sample->len;

  model->n_seen++;
  if (model->sample->len >= SAMPLE_SIZE)
    {
      slot = (gint64) (g_rand_double (model->rand) * model->n_seen);
      if (slot >= SAMPLE_SIZE)
        return;
    }
  doc = g_new0 (SampleDocument, 1);
  doc->category = g_strdup (category);
  doc->fingerprint = fingerprint (features);
  doc->features = g_array_ref (features);
  if (slot < model->sample->len)
    {
      tayori_classifier_sample_document_free (model->sample->pdata[slot]);
      model->sample->pdata[slot] = doc;
    }
  else
    g_ptr_array_add (model->sample, doc);
}

void
tayori_classifier_sample_forget (TayoriClassifierModel *model,
                                 const char            *category,
                                 GArray                *features)
{
  guint64 print = fingerprint (features);

  for (guint i = 0; i < model->sample->len; i++)
    {
      SampleDocument *doc = g_ptr_array_index (model->sample, i);

      if (doc->fingerprint == print && strcmp (doc->category, category) == 0)
        {
          g_ptr_array_remove_index_fast (model->sample, i);
          return;
        }
    }
}

static double
log_loss (const double *scores,
          const guint  *labels,
          guint         n,
          guint         n_classes,
          double        temperature)
{
  double loss = 0;

  for (guint i = 0; i < n; i++)
    {
      const double *row = scores + (gsize) i * n_classes;
      double top = row[0], sum = 0;

      for (guint c = 1; c < n_classes; c++)
        top = MAX (top, row[c]);
      for (guint c = 0; c < n_classes; c++)
        sum += exp ((row[c] - top) / temperature);
      loss += log (sum) - (row[labels[i]] - top) / temperature;
    }
  return loss / n;
}

void
tayori_classifier_calibrate (TayoriClassifierModel *model)
{
  const double golden = (sqrt (5) - 1) / 2;
  guint n_classes = model->classes->len;
  g_autofree double *scores = g_new (double, (gsize) model->sample->len * n_classes);
  g_autofree guint *labels = g_new (guint, model->sample->len);
  double low = LOG_T_MIN, high = LOG_T_MAX;
  guint n = 0;

  for (guint i = 0; i < model->sample->len; i++)
    {
      SampleDocument *doc = g_ptr_array_index (model->sample, i);
      guint label;
      ClassStats *stats = tayori_classifier_model_find_class (model, doc->category, &label);

      if (stats == NULL)
        continue;
      tayori_classifier_model_score (model, doc->features, stats, scores + (gsize) n * n_classes);
      labels[n++] = label;
    }
  if (n == 0)
    return;

  /* the log-loss is unimodal in log T */
  for (guint step = 0; step < 50; step++)
    {
      double a = high - golden * (high - low);
      double b = low + golden * (high - low);

      if (log_loss (scores, labels, n, n_classes, exp (a)) < log_loss (scores, labels, n, n_classes, exp (b)))
        high = b;
      else
        low = a;
    }
  model->temperature = exp ((low + high) / 2);
  model->calibrated_at = model->n_documents;
  model->changes_since_calibration = 0;
}
