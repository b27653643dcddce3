/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Teaches the built-in classifier the store's categorised articles (archived ones excepted),
 * in a thread of its own that asks the store's worker for pages of articles, and keeps it
 * current when an article is saved or deleted. */
#include "tayori-ai-training.h"

#include "tayori-classifier-private.h"

#define PAGE_SIZE   500
#define MAX_WORKERS 4

/* Articles are analysed on a pool of threads while the next ones load (MeCab itself runs one
 * text at a time, the rest of the analysis in parallel) and learnt in the store's order, so
 * the same store always gives the same classifier. */
typedef struct {
  char   *category;
  char   *text;
  GArray *features;   /* set by a worker */
} Job;

typedef struct {
  GMutex     lock;
  GCond      analysed;
  GPtrArray *jobs;    /* of Job, in store order */
  guint      next;    /* first job not learnt yet */
} Pipeline;

typedef struct {
  TayoriClassifier *classifier;
  TayoriStore      *store;
} TrainingData;

static void
training_data_free (gpointer data)
{
  TrainingData *training = data;

  g_object_unref (training->classifier);
  g_object_unref (training->store);
  g_free (training);
}

char *
tayori_ai_training_article_text (TayoriArticle *article)
{
  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);

  return g_strjoin ("\n",
                    tayori_article_get_title (article),
                    tayori_article_get_summary (article),
                    tayori_article_get_body (article),
                    NULL);
}

static gboolean
is_teaching (TayoriArticle *article)
{
  const char *category;

  if (article == NULL || tayori_article_get_status (article) == TAYORI_ARTICLE_STATUS_ARCHIVED)
    return FALSE;
  category = tayori_article_get_category (article);
  return category != NULL && *category != '\0';
}

void
tayori_ai_training_update (TayoriClassifier *classifier,
                           TayoriArticle    *before,
                           TayoriArticle    *after)
{
  g_return_if_fail (TAYORI_IS_CLASSIFIER (classifier));

  if (is_teaching (before))
    {
      g_autofree char *text = tayori_ai_training_article_text (before);

      tayori_classifier_remove (classifier, tayori_article_get_category (before), text);
    }
  if (is_teaching (after))
    {
      g_autofree char *text = tayori_ai_training_article_text (after);

      tayori_classifier_add (classifier, tayori_article_get_category (after), text);
    }
}

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->category);
  g_free (job->text);
  g_clear_pointer (&job->features, g_array_unref);
  g_free (job);
}

static void
analyse (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Pipeline *pipeline = user_data;
  GArray *features = tayori_classifier_features_extract (job->text);

  g_mutex_lock (&pipeline->lock);
  job->features = features;
  g_cond_broadcast (&pipeline->analysed);
  g_mutex_unlock (&pipeline->lock);
}

/* Learns the analysed jobs in order; with @wait, every job, waiting for the workers. */
static void
learn_analysed (Pipeline         *pipeline,
                TayoriClassifier *classifier,
                gboolean          wait)
{
  while (pipeline->next < pipeline->jobs->len)
    {
      Job *job = g_ptr_array_index (pipeline->jobs, pipeline->next);
      GArray *features;

      g_mutex_lock (&pipeline->lock);
      while (wait && job->features == NULL)
        g_cond_wait (&pipeline->analysed, &pipeline->lock);
      features = g_steal_pointer (&job->features);
      g_mutex_unlock (&pipeline->lock);
      if (features == NULL)
        return;
      tayori_classifier_add_features (classifier, job->category, features);
      g_array_unref (features);
      g_clear_pointer (&job->text, g_free);
      pipeline->next++;
    }
}

/* Loads the categorised articles of one page and hands them to the pool. */
static gboolean
load_page (TayoriStore   *store,
           GPtrArray     *page,
           Pipeline      *pipeline,
           GThreadPool   *pool,
           GCancellable  *cancellable,
           GError       **error)
{
  for (guint i = 0; i < page->len; i++)
    {
      TayoriArticleSummary *summary = g_ptr_array_index (page, i);
      const char *category = tayori_article_summary_get_category (summary);
      g_autoptr(TayoriArticle) article = NULL;
      g_autoptr(GError) local_error = NULL;
      Job *job;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (category == NULL || *category == '\0')
        continue;
      article = tayori_store_load_article (store, tayori_article_summary_get_id (summary),
                                           &local_error);
      /* deleted since the page was listed */
      if (g_error_matches (local_error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_NOT_FOUND))
        continue;
      if (article == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      job = g_new0 (Job, 1);
      job->category = g_strdup (tayori_article_get_category (article));
      job->text = tayori_ai_training_article_text (article);
      g_ptr_array_add (pipeline->jobs, job);
      g_thread_pool_push (pool, job, NULL);
    }
  return TRUE;
}

static gssize
train (TayoriClassifier *classifier,
       TayoriStore      *store,
       GCancellable     *cancellable,
       GError          **error)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  Pipeline pipeline = { .jobs = g_ptr_array_new_with_free_func (job_free) };
  GThreadPool *pool;
  gboolean ok = TRUE;
  gssize learnt;

  g_mutex_init (&pipeline.lock);
  g_cond_init (&pipeline.analysed);
  pool = g_thread_pool_new (analyse, &pipeline, CLAMP (g_get_num_processors (), 1, MAX_WORKERS),
                            FALSE, NULL);
  for (guint offset = 0; ok; offset += PAGE_SIZE)
    {
      g_autoptr(GPtrArray) page = tayori_store_list_articles (store, filter, offset, PAGE_SIZE, error);

      ok = page != NULL && load_page (store, page, &pipeline, pool, cancellable, error);
      learn_analysed (&pipeline, classifier, FALSE);
      if (page == NULL || page->len < PAGE_SIZE)
        break;
    }
  /* on failure the queued analyses are dropped, the running ones finished */
  g_thread_pool_free (pool, !ok, TRUE);
  if (ok)
    {
      learn_analysed (&pipeline, classifier, TRUE);
      tayori_classifier_prepare (classifier);
    }
  learnt = ok ? (gssize) pipeline.next : -1;
  g_ptr_array_unref (pipeline.jobs);
  g_cond_clear (&pipeline.analysed);
  g_mutex_clear (&pipeline.lock);
  return learnt;
}

gssize
tayori_ai_training_run (TayoriClassifier *classifier,
                        TayoriStore      *store,
                        GError          **error)
{
  g_return_val_if_fail (TAYORI_IS_CLASSIFIER (classifier), -1);
  g_return_val_if_fail (TAYORI_IS_STORE (store), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return train (classifier, store, NULL, error);
}

static void
training_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TrainingData *training = task_data;
  GError *error = NULL;
  gssize learnt;

  (void) source_object;
  learnt = train (training->classifier, training->store, cancellable, &error);
  if (learnt < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, learnt);
}

void
tayori_ai_training_run_async (TayoriClassifier   *classifier,
                              TayoriStore        *store,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  TrainingData *training;

  g_return_if_fail (TAYORI_IS_CLASSIFIER (classifier));
  g_return_if_fail (TAYORI_IS_STORE (store));

  training = g_new0 (TrainingData, 1);
  training->classifier = g_object_ref (classifier);
  training->store = g_object_ref (store);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_ai_training_run_async);
  g_task_set_task_data (task, training, training_data_free);
  g_task_run_in_thread (task, training_thread);
}

gssize
tayori_ai_training_run_finish (GAsyncResult *result,
                               GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
