/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inside the classifier's model: its per-class counts and cached weights, and the reservoir
 * sample of training documents the calibration fits the temperature on. */
#pragma once

#include "tayori-classifier-private.h"

G_BEGIN_DECLS

#define ALPHA                 0.1
#define SAMPLE_SIZE           200
#define MIN_CALIBRATION_DOCS  50
#define DEFAULT_TEMPERATURE   0.25   /* about what the fit gives on news articles */
#define LOG_T_MIN             -7.0
#define LOG_T_MAX             7.0

/* Global map columns. */
enum { G_TOTAL, G_DF, G_IDF, G_BASE, G_WIDTH };
/* Class map columns: the class's sum, then log (α + A − a) − log (α + A). */
enum { C_COUNT, C_CORRECTION, C_WIDTH };

typedef struct {
  char                *name;
  guint                n_documents;
  TayoriClassifierMap *counts;
  double               denominator;
  double               log_denominator;
  double               mean_abs_weight;
} ClassStats;

typedef struct {
  char    *category;
  guint64  fingerprint;
  GArray  *features;
} SampleDocument;

struct _TayoriClassifierModel {
  TayoriClassifierMap *global;
  GPtrArray           *classes;          /* of ClassStats */
  guint                n_documents;
  gboolean             dirty;
  GPtrArray           *sample;           /* of SampleDocument */
  guint64              n_seen;           /* documents offered to the sample */
  guint                n_removed;        /* since the maps were last pruned */
  GRand               *rand;
  double               temperature;
  guint                changes_since_calibration;
  guint                calibrated_at;    /* documents at the last fit, 0 = never */
};

ClassStats *tayori_classifier_model_find_class    (TayoriClassifierModel *model,
                                                   const char            *name,
                                                   guint                 *index);
/* s_c of every class into @scores. With @held_out (the class of a training document), the
 * other classes are scored as if that document had not been learnt. */
void        tayori_classifier_model_score         (TayoriClassifierModel *model,
                                                   GArray                *features,
                                                   const ClassStats      *held_out,
                                                   double                *scores);

void        tayori_classifier_sample_document_free (gpointer              data);
/* Reservoir sampling keeps the sample uniform over the documents added. */
void        tayori_classifier_sample_offer        (TayoriClassifierModel *model,
                                                   const char            *category,
                                                   GArray                *features);
void        tayori_classifier_sample_forget       (TayoriClassifierModel *model,
                                                   const char            *category,
                                                   GArray                *features);
/* Fits the temperature on the sample. */
void        tayori_classifier_calibrate           (TayoriClassifierModel *model);

G_END_DECLS
