/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in category classifier: complement naive Bayes over MeCab content-word tokens and
 * character bigrams, updated incrementally as articles are added, changed or removed, with
 * calibrated scores (a temperature-scaled softmax over the class log-likelihoods, fitted on the
 * training data). Thread-safe: readers and writers take a lock. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char   *category;
  double  score;      /* 0..1, calibrated; the scores of all categories sum to 1 */
} TayoriCategoryScore;

#define TAYORI_TYPE_CLASSIFIER (tayori_classifier_get_type ())
G_DECLARE_FINAL_TYPE (TayoriClassifier, tayori_classifier, TAYORI, CLASSIFIER, GObject)

TayoriClassifier *tayori_classifier_new        (void);
/* @text: title + summary + body. */
void              tayori_classifier_add        (TayoriClassifier   *self,
                                                const char         *category,
                                                const char         *text);
void              tayori_classifier_remove     (TayoriClassifier   *self,
                                                const char         *category,
                                                const char         *text);
guint             tayori_classifier_get_n_documents (TayoriClassifier *self);
/* Recomputes the weights and, when due, the calibration now instead of at the next suggestion:
 * call it off the main thread after many adds (training does). */
void              tayori_classifier_prepare    (TayoriClassifier   *self);
/* Ranked, best first, at most @n; only categories in @allowed when non-NULL. Element type
 * TayoriCategoryScore (freed by the array). Empty when nothing was trained. */
GPtrArray        *tayori_classifier_suggest    (TayoriClassifier   *self,
                                                const char         *text,
                                                const char * const *allowed,
                                                guint               n);

G_END_DECLS
