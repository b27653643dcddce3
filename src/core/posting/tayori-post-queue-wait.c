/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The post queue's change notifications ("job-changed" on the queue's context) and waiting
 * for jobs to settle: a waiter is registered before the jobs are read, so no change between
 * the read and the registration is missed. */
#include "tayori-posting-private.h"

typedef struct {
  TayoriPostQueue *queue;
  TayoriPostJob   *job;
} Changed;

static void
changed_free (gpointer data)
{
  Changed *changed = data;

  g_object_unref (changed->queue);
  tayori_post_job_free (changed->job);
  g_free (changed);
}

static gboolean
is_final (TayoriPostJobState state)
{
  return state == TAYORI_POST_JOB_SENT || state == TAYORI_POST_JOB_FAILED
    || state == TAYORI_POST_JOB_LATE || state == TAYORI_POST_JOB_CANCELLED;
}

/* A waiter is a GTask whose data is the ids and the final jobs seen so far. */
typedef struct {
  GArray     *ids;
  GHashTable *finals;   /* gint64* id → TayoriPostJob */
  gulong      cancelled_id;
  char       *since;    /* notifications of changes before the wait began are stale */
} Wait;

static void
wait_free (gpointer data)
{
  Wait *wait = data;

  g_array_unref (wait->ids);
  g_hash_table_unref (wait->finals);
  g_free (wait->since);
  g_free (wait);
}

/* Takes the waiter off the list before it returns; FALSE when it already had. */
static gboolean
waiter_take (TayoriPostQueue *self,
             GTask           *waiter,
             gboolean         in_cancel_handler)
{
  Wait *wait = g_task_get_task_data (waiter);

  if (g_list_find (self->waiters, waiter) == NULL)
    return FALSE;
  self->waiters = g_list_remove (self->waiters, waiter);
  if (!in_cancel_handler && wait->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (waiter), wait->cancelled_id);
  wait->cancelled_id = 0;
  return TRUE;
}

static void
wait_note (GTask               *task,
           const TayoriPostJob *job,
           gboolean             notified)
{
  Wait *wait = g_task_get_task_data (task);

  if (!is_final (job->state) || g_hash_table_contains (wait->finals, &job->id)
      || (notified && g_strcmp0 (job->updated, wait->since) < 0))
    return;
  for (guint i = 0; i < wait->ids->len; i++)
    if (g_array_index (wait->ids, gint64, i) == job->id)
      g_hash_table_insert (wait->finals, &g_array_index (wait->ids, gint64, i),
                           tayori_post_job_copy (job));
}

/* Returns the jobs once every one is final. */
static void
wait_finish_if_done (TayoriPostQueue *self,
                     GTask           *task)
{
  Wait *wait = g_task_get_task_data (task);
  GPtrArray *jobs;

  if (g_hash_table_size (wait->finals) < wait->ids->len || !waiter_take (self, task, FALSE))
    return;
  jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_job_free);
  for (guint i = 0; i < wait->ids->len; i++)
    g_ptr_array_add (jobs, tayori_post_job_copy (g_hash_table_lookup (wait->finals,
                                                                      &g_array_index (wait->ids, gint64, i))));
  g_task_return_pointer (task, jobs, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static gboolean
emit_changed (gpointer data)
{
  Changed *changed = data;
  TayoriPostQueue *self = changed->queue;
  g_autoptr(GList) waiters = g_list_copy (self->waiters);

  g_signal_emit_by_name (self, "job-changed", changed->job);
  for (GList *l = waiters; l != NULL; l = l->next)
    {
      wait_note (l->data, changed->job, TRUE);
      wait_finish_if_done (self, l->data);
    }
  return G_SOURCE_REMOVE;
}

void
tayori_post_queue_job_changed (TayoriPostQueue *self,
                               gint64           id)
{
  g_autoptr(GError) error = NULL;
  TayoriPostJob *job = tayori_post_db_get (self->store, id, &error);
  Changed *changed;

  if (job == NULL)
    {
      g_warning ("Could not read post job %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  changed = g_new0 (Changed, 1);
  changed->queue = g_object_ref (self);
  changed->job = job;
  tayori_posting_idle_add (self->context, emit_changed, changed, changed_free);
}

static void
wait_read_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TayoriPostQueue *self = source_object;
  GArray *ids = task_data;
  GError *error = NULL;
  GPtrArray *jobs = tayori_post_db_get_many (self->store, ids, &error);

  if (jobs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jobs, (GDestroyNotify) g_ptr_array_unref);
}

static void
wait_read_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  TayoriPostQueue *self = TAYORI_POST_QUEUE (source_object);
  g_autoptr(GTask) waiter = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_list_find (self->waiters, waiter) == NULL)
    return;
  if (jobs == NULL)
    {
      waiter_take (self, waiter, FALSE);
      g_task_return_error (waiter, g_steal_pointer (&error));
      g_object_unref (waiter);
      return;
    }
  for (guint i = 0; i < jobs->len; i++)
    wait_note (waiter, g_ptr_array_index (jobs, i), FALSE);
  wait_finish_if_done (self, waiter);
}

static void
wait_cancelled (GCancellable *cancellable,
                gpointer      user_data)
{
  GTask *waiter = user_data;
  TayoriPostQueue *self = g_task_get_source_object (waiter);

  if (!waiter_take (self, waiter, TRUE))
    return;
  g_task_return_error_if_cancelled (waiter);
  g_object_unref (waiter);
}

void
tayori_post_queue_wait_async (TayoriPostQueue     *self,
                              GArray              *ids,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *waiter;
  g_autoptr(GTask) read = NULL;
  Wait *wait;

  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  g_return_if_fail (ids != NULL);
  waiter = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (waiter, tayori_post_queue_wait_async);
  wait = g_new0 (Wait, 1);
  wait->ids = g_array_copy (ids);
  wait->since = tayori_post_db_now ();
  wait->finals = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) tayori_post_job_free);
  g_task_set_task_data (waiter, wait, wait_free);
  /* Registered before reading, so no change between the read and now is missed. */
  self->waiters = g_list_prepend (self->waiters, waiter);
  read = g_task_new (self, NULL, wait_read_done, g_object_ref (waiter));
  g_task_set_task_data (read, g_array_copy (ids), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (read, wait_read_thread);
  if (cancellable != NULL)
    wait->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (wait_cancelled),
                                                g_object_ref (waiter), g_object_unref);
}

GPtrArray *
tayori_post_queue_wait_finish (TayoriPostQueue  *self,
                               GAsyncResult     *result,
                               GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct {
  GPtrArray *jobs;
  GError    *error;
  gboolean   done;
} SyncWait;

static void
sync_waited (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SyncWait *wait = user_data;

  wait->jobs = tayori_post_queue_wait_finish (TAYORI_POST_QUEUE (source), result, &wait->error);
  wait->done = TRUE;
}

GPtrArray *
tayori_post_queue_wait_sync (TayoriPostQueue  *self,
                             GArray           *ids,
                             GError          **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  SyncWait wait = { 0 };

  g_return_val_if_fail (TAYORI_IS_POST_QUEUE (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);

  tayori_post_queue_wait_async (self, ids, NULL, sync_waited, &wait);
  while (!wait.done)
    g_main_context_iteration (context, TRUE);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.jobs;
}
