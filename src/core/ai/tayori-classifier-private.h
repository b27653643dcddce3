/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Internals of the built-in classifier: the hashed feature vectors of a text, an open-addressing
 * map from feature keys to counts, and the complement naive Bayes model (not thread-safe; the
 * TayoriClassifier object locks around it). */
#pragma once

#include "tayori-classifier.h"

G_BEGIN_DECLS

/* One feature of a document: a 64-bit key (never 0) and its weight. */
typedef struct {
  guint64 key;
  double  value;
} TayoriClassifierFeature;

/* The features of @text (title on the first line): content words from MeCab (base forms of
 * nouns, verbs and adjectives, stop words, numbers and symbols left out) and pairs of
 * neighbouring ones, character bigrams and trigrams of the normalised text (NFKC, case and
 * kana folded, digits as 0); log (1 + tf), the title's counted twice, L2-normalised.
 * Element type TayoriClassifierFeature, in an order that depends only on @text. Without MeCab only the n-grams. */
GArray *tayori_classifier_features_extract (const char *text);

/* A map from non-zero 64-bit keys to @width doubles each, zero when first inserted, sized for
 * @expected entries (it grows as needed). Pointers into it are valid until the next insert. */
typedef struct _TayoriClassifierMap TayoriClassifierMap;

TayoriClassifierMap *tayori_classifier_map_new    (guint                width,
                                                   guint                expected);
void                 tayori_classifier_map_free   (TayoriClassifierMap *map);
guint                tayori_classifier_map_size   (TayoriClassifierMap *map);
double              *tayori_classifier_map_lookup (TayoriClassifierMap *map,
                                                   guint64              key);
double              *tayori_classifier_map_insert (TayoriClassifierMap *map,
                                                   guint64              key);
/* Drops the entries whose value in @column is below @minimum. */
void                 tayori_classifier_map_prune  (TayoriClassifierMap *map,
                                                   guint                column,
                                                   double               minimum);
/* Iteration: start with *position = 0; FALSE at the end. */
gboolean             tayori_classifier_map_next   (TayoriClassifierMap *map,
                                                   guint               *position,
                                                   guint64             *key,
                                                   double             **values);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriClassifierMap, tayori_classifier_map_free)

typedef struct _TayoriClassifierModel TayoriClassifierModel;

TayoriClassifierModel *tayori_classifier_model_new     (void);
void                   tayori_classifier_model_free    (TayoriClassifierModel *model);
/* @features: from tayori_classifier_features_extract(). Removing needs the same text (and so
 * the same features) that was added; removing from an unknown category does nothing. */
void                   tayori_classifier_model_add     (TayoriClassifierModel *model,
                                                        const char            *category,
                                                        GArray                *features);
void                   tayori_classifier_model_remove  (TayoriClassifierModel *model,
                                                        const char            *category,
                                                        GArray                *features);
guint                  tayori_classifier_model_get_n_documents (TayoriClassifierModel *model);
/* Recomputes the weights (and, when due, the calibration) if anything changed. */
void                   tayori_classifier_model_prepare (TayoriClassifierModel *model);
/* As tayori_classifier_suggest(); the model must be prepared. */
GPtrArray             *tayori_classifier_model_suggest (TayoriClassifierModel *model,
                                                        GArray                *features,
                                                        const char * const    *allowed,
                                                        guint                  n);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriClassifierModel, tayori_classifier_model_free)

/* tayori_classifier_add() with the features already extracted (training extracts them on
 * several threads). */
void                   tayori_classifier_add_features  (TayoriClassifier      *self,
                                                        const char            *category,
                                                        GArray                *features);

G_END_DECLS
