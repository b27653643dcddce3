/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriClassifier: the thread-safe face of the complement naive Bayes model. Texts are
 * analysed outside the lock (MeCab is the slow part), so suggesting and learning from several
 * threads only serialise on the arithmetic. */
#include "tayori-classifier.h"

#include "tayori-classifier-private.h"

struct _TayoriClassifier {
  GObject                parent_instance;
  GMutex                 lock;
  TayoriClassifierModel *model;
};

G_DEFINE_FINAL_TYPE (TayoriClassifier, tayori_classifier, G_TYPE_OBJECT)

static void
tayori_classifier_finalize (GObject *object)
{
  TayoriClassifier *self = TAYORI_CLASSIFIER (object);

  tayori_classifier_model_free (self->model);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tayori_classifier_parent_class)->finalize (object);
}

static void
tayori_classifier_class_init (TayoriClassifierClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_classifier_finalize;
}

static void
tayori_classifier_init (TayoriClassifier *self)
{
  g_mutex_init (&self->lock);
  self->model = tayori_classifier_model_new ();
}

TayoriClassifier *
tayori_classifier_new (void)
{
  return g_object_new (TAYORI_TYPE_CLASSIFIER, NULL);
}

void
tayori_classifier_add_features (TayoriClassifier *self,
                                const char       *category,
                                GArray           *features)
{
  g_mutex_lock (&self->lock);
  tayori_classifier_model_add (self->model, category, features);
  g_mutex_unlock (&self->lock);
}

void
tayori_classifier_add (TayoriClassifier *self,
                       const char       *category,
                       const char       *text)
{
  g_autoptr(GArray) features = NULL;

  g_return_if_fail (TAYORI_IS_CLASSIFIER (self));
  g_return_if_fail (category != NULL && *category != '\0');
  g_return_if_fail (text != NULL);

  features = tayori_classifier_features_extract (text);
  tayori_classifier_add_features (self, category, features);
}

void
tayori_classifier_remove (TayoriClassifier *self,
                          const char       *category,
                          const char       *text)
{
  g_autoptr(GArray) features = NULL;

  g_return_if_fail (TAYORI_IS_CLASSIFIER (self));
  g_return_if_fail (category != NULL);
  g_return_if_fail (text != NULL);

  features = tayori_classifier_features_extract (text);
  g_mutex_lock (&self->lock);
  tayori_classifier_model_remove (self->model, category, features);
  g_mutex_unlock (&self->lock);
}

guint
tayori_classifier_get_n_documents (TayoriClassifier *self)
{
  guint n;

  g_return_val_if_fail (TAYORI_IS_CLASSIFIER (self), 0);

  g_mutex_lock (&self->lock);
  n = tayori_classifier_model_get_n_documents (self->model);
  g_mutex_unlock (&self->lock);
  return n;
}

void
tayori_classifier_prepare (TayoriClassifier *self)
{
  g_return_if_fail (TAYORI_IS_CLASSIFIER (self));

  g_mutex_lock (&self->lock);
  tayori_classifier_model_prepare (self->model);
  g_mutex_unlock (&self->lock);
}

GPtrArray *
tayori_classifier_suggest (TayoriClassifier   *self,
                           const char         *text,
                           const char * const *allowed,
                           guint               n)
{
  g_autoptr(GArray) features = NULL;
  GPtrArray *result;

  g_return_val_if_fail (TAYORI_IS_CLASSIFIER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  features = tayori_classifier_features_extract (text);
  g_mutex_lock (&self->lock);
  tayori_classifier_model_prepare (self->model);
  result = tayori_classifier_model_suggest (self->model, features, allowed, n);
  g_mutex_unlock (&self->lock);
  return result;
}
