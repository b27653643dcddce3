/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's one worker thread: jobs arrive on a GAsyncQueue and run in order, so every
 * sqlite3 call happens there. Sync callers wait on a GCond; async jobs return through their
 * GTask, which completes on the caller's thread-default main context. */
#include "tayori-store-private.h"

struct _TayoriStoreWorker {
  GAsyncQueue   *queue;
  GThread       *thread;
  TayoriStoreDb  db;
};

typedef struct {
  TayoriStoreJobFunc  func;        /* NULL: stop the worker */
  gpointer            data;
  GDestroyNotify      data_free;
  GTask              *task;        /* async jobs */

  /* sync jobs: the caller owns the job and waits for done */
  GMutex              mutex;
  GCond               cond;
  gboolean            done;
  gboolean            ok;
  TayoriStoreResult   result;
  GError             *error;
} Job;

void
tayori_store_result_free (TayoriStoreResult *result)
{
  if (result->pointer != NULL && result->pointer_free != NULL)
    result->pointer_free (result->pointer);
  g_free (result);
}

static Job *
job_new (TayoriStoreJobFunc func,
         gpointer           data,
         GDestroyNotify     data_free)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->data = data;
  job->data_free = data_free;
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static void
job_free (Job *job)
{
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);
  g_clear_object (&job->task);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static void
worker_release (TayoriStoreWorker *worker)
{
  g_async_queue_unref (worker->queue);
}

static void
run_task (TayoriStoreWorker *worker,
          Job               *job)
{
  g_autoptr(TayoriStoreResult) result = g_new0 (TayoriStoreResult, 1);
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (job->task))
    return;
  if (job->func (&worker->db, job->data, result, &error))
    g_task_return_pointer (job->task, g_steal_pointer (&result),
                           (GDestroyNotify) tayori_store_result_free);
  else
    g_task_return_error (job->task, error);
}

static void
run_sync_job (TayoriStoreWorker *worker,
              Job               *job)
{
  gboolean ok = job->func (&worker->db, job->data, &job->result, &job->error);

  /* The copies handed to the worker die here, where they were used. */
  if (job->data_free != NULL)
    g_clear_pointer (&job->data, job->data_free);

  g_mutex_lock (&job->mutex);
  job->ok = ok;
  job->done = TRUE;
  g_cond_signal (&job->cond);
  g_mutex_unlock (&job->mutex);
}

static gpointer
worker_main (gpointer user_data)
{
  TayoriStoreWorker *worker = user_data;
  Job *job;

  worker->db.thread = g_thread_self ();
  while ((job = g_async_queue_pop (worker->queue))->func != NULL)
    {
      if (job->task != NULL)
        {
          run_task (worker, job);
          job_free (job);
        }
      else
        run_sync_job (worker, job);
    }
  job_free (job);

  tayori_store_db_close (&worker->db);
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_release);
  return NULL;
}

TayoriStoreWorker *
tayori_store_worker_start (void)
{
  TayoriStoreWorker *worker = g_atomic_rc_box_new0 (TayoriStoreWorker);

  worker->queue = g_async_queue_new ();
  /* One reference for the owner, one for the thread: either may finish last. */
  worker->thread = g_thread_new ("tayori-store", worker_main, g_atomic_rc_box_acquire (worker));
  return worker;
}

void
tayori_store_worker_stop (TayoriStoreWorker *worker)
{
  g_async_queue_push (worker->queue, job_new (NULL, NULL, NULL));
  /* The last reference to the store can be dropped by a finished task on the worker
   * itself; it then exits on its own after this job. */
  if (g_thread_self () == worker->thread)
    g_thread_unref (worker->thread);
  else
    g_thread_join (worker->thread);
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_release);
}

gboolean
tayori_store_worker_run_sync (TayoriStoreWorker   *worker,
                              TayoriStoreJobFunc   func,
                              gpointer             data,
                              GDestroyNotify       data_free,
                              TayoriStoreResult   *out_result,
                              GError             **error)
{
  Job *job = job_new (func, data, data_free);
  gboolean ok;

  g_assert (g_thread_self () != worker->thread);
  g_async_queue_push (worker->queue, job);

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  ok = job->ok;
  if (ok)
    *out_result = job->result;
  else
    {
      g_propagate_error (error, job->error);
      if (job->result.pointer != NULL && job->result.pointer_free != NULL)
        job->result.pointer_free (job->result.pointer);
    }
  job_free (job);
  return ok;
}

void
tayori_store_worker_push_task (TayoriStoreWorker  *worker,
                               GTask              *task,
                               TayoriStoreJobFunc  func,
                               gpointer            data,
                               GDestroyNotify      data_free)
{
  Job *job = job_new (func, data, data_free);

  job->task = g_object_ref (task);
  g_async_queue_push (worker->queue, job);
}
