/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The post queue's scheduler: one worker thread per account with due jobs (all accounts in
 * parallel, each account's jobs one after another), a main-context timer for the next due
 * job, and the late and crash checks. */
#include "tayori-posting-private.h"

#define ACCOUNT_RUNNING GINT_TO_POINTER (1)
#define ACCOUNT_AGAIN   GINT_TO_POINTER (2)   /* running, and more became due meanwhile */
#define MAX_TIMER_MS    (60 * 60 * 1000)

static void
fail_without_channel (TayoriPostQueue *self,
                      TayoriPostJob   *job,
                      const GError    *error)
{
  TayoriPostUpdate update = {
    .state = TAYORI_POST_JOB_FAILED,
    .error_class = tayori_channel_error_to_key (TAYORI_CHANNEL_ERROR_AUTH),
    .error_message = error->message,
    .audit_action = "post-failed",
  };

  tayori_post_db_update (self->store, job->id, &update, NULL);
  tayori_post_queue_job_changed (self, job->id);
}

/* TRUE when the account has nothing more to do (and is no longer busy). */
static gboolean
account_done (TayoriPostQueue *self,
              const char      *account)
{
  gboolean done;

  g_mutex_lock (&self->mutex);
  done = g_hash_table_lookup (self->busy, account) != ACCOUNT_AGAIN;
  if (done)
    g_hash_table_remove (self->busy, account);
  else
    g_hash_table_insert (self->busy, g_strdup (account), ACCOUNT_RUNNING);
  g_mutex_unlock (&self->mutex);
  return done;
}

void
tayori_posting_idle_add (GMainContext   *context,
                         GSourceFunc     func,
                         gpointer        data,
                         GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[tayori] posting");
  g_source_attach (source, context);
  g_source_unref (source);
}

static gboolean
dispatch_idle (gpointer data)
{
  tayori_post_scheduler_dispatch (data, FALSE);
  return G_SOURCE_REMOVE;
}

static void
account_worker (gpointer data,
                gpointer user_data)
{
  g_autofree char *account = data;
  TayoriPostQueue *self = user_data;
  g_autoptr(GError) channel_error = NULL;
  g_autoptr(TayoriChannel) channel = tayori_post_queue_get_channel (self, account,
                                                                    &channel_error);
  g_autoptr(TayoriAccount) found = tayori_accounts_find (self->preset, TAYORI_ACCOUNT_CHANNEL,
                                                         account, NULL);
  TayoriPostRun run = {
    .queue = self,
    .store = self->store,
    .channel = channel,
    .account = found,
    .media_dir = self->media_dir,
    .backoff_ms = self->backoff_ms,
    .max_attempts = self->max_attempts,
  };

  do
    {
      TayoriPostJobState previous;
      g_autoptr(GError) error = NULL;
      TayoriPostJob *job;

      while ((job = tayori_post_db_claim (self->store, account, &previous, &error)) != NULL)
        {
          if (channel == NULL)
            fail_without_channel (self, job, channel_error);
          else
            tayori_post_run_job (&run, job, previous);
          tayori_post_job_free (job);
        }
      if (error != NULL)
        g_warning ("Could not read the post jobs of %s: %s", account, error->message);
    }
  while (!account_done (self, account));

  /* Retries and backoffs moved the next due time. */
  tayori_posting_idle_add (self->context, dispatch_idle, g_object_ref (self), g_object_unref);
}

static void
kick (TayoriPostQueue *self,
      const char      *account)
{
  g_mutex_lock (&self->mutex);
  if (self->pool != NULL && g_hash_table_contains (self->busy, account))
    g_hash_table_insert (self->busy, g_strdup (account), ACCOUNT_AGAIN);
  else if (self->pool != NULL)
    {
      g_hash_table_insert (self->busy, g_strdup (account), ACCOUNT_RUNNING);
      g_thread_pool_push (self->pool, g_strdup (account), NULL);
    }
  g_mutex_unlock (&self->mutex);
}

static gboolean
timer_fired (gpointer data)
{
  TayoriPostQueue *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  tayori_post_scheduler_dispatch (self, FALSE);
  return G_SOURCE_REMOVE;
}

void
tayori_post_scheduler_stop_timer (TayoriPostQueue *self)
{
  if (self->timer == NULL)
    return;
  g_source_destroy (self->timer);
  g_clear_pointer (&self->timer, g_source_unref);
}

static void
arm_timer (TayoriPostQueue *self,
           const char      *next_due)
{
  g_autoptr(GDateTime) due = next_due != NULL ? tayori_store_parse_time (next_due) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 ms;

  tayori_post_scheduler_stop_timer (self);
  if (due == NULL || self->stopped)
    return;
  ms = CLAMP (g_date_time_difference (due, now) / G_TIME_SPAN_MILLISECOND + 1, 1, MAX_TIMER_MS);
  self->timer = g_timeout_source_new ((guint) ms);
  g_source_set_callback (self->timer, timer_fired, self, NULL);
  g_source_set_static_name (self->timer, "[tayori] post queue timer");
  g_source_attach (self->timer, self->context);
}

typedef struct {
  gboolean after_crash;
  guint    grace_minutes;
} DispatchData;

static void
dispatch_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  TayoriPostQueue *self = source_object;
  DispatchData *dispatch = task_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) cutoff = g_date_time_add_minutes (now, -(int) dispatch->grace_minutes);
  g_autofree char *next_due = NULL;
  g_auto(GStrv) accounts = NULL;
  g_autoptr(GArray) changed = NULL;
  GError *error = NULL;

  changed = tayori_post_db_recover (self->store, cutoff, dispatch->after_crash, &error);
  if (changed == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < changed->len; i++)
    tayori_post_queue_job_changed (self, g_array_index (changed, gint64, i));
  accounts = tayori_post_db_due_accounts (self->store, &next_due, &error);
  if (accounts == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; accounts[i] != NULL; i++)
    kick (self, accounts[i]);
  g_task_return_pointer (task, g_steal_pointer (&next_due), g_free);
}

static void
dispatch_done (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  TayoriPostQueue *self = TAYORI_POST_QUEUE (source_object);
  g_autoptr(GError) error = NULL;
  g_autofree char *next_due = g_task_propagate_pointer (G_TASK (result), &error);

  if (error != NULL)
    g_warning ("The post queue could not look for due jobs: %s", error->message);
  else
    arm_timer (self, next_due);
}

void
tayori_post_scheduler_dispatch (TayoriPostQueue *self,
                                gboolean         after_crash)
{
  g_autoptr(GTask) task = NULL;
  DispatchData *dispatch;

  if (self->pool == NULL)
    return;
  dispatch = g_new0 (DispatchData, 1);
  dispatch->after_crash = after_crash;
  dispatch->grace_minutes = self->grace_minutes;
  g_main_context_push_thread_default (self->context);
  task = g_task_new (self, NULL, dispatch_done, NULL);
  g_main_context_pop_thread_default (self->context);
  g_task_set_source_tag (task, tayori_post_scheduler_dispatch);
  g_task_set_task_data (task, dispatch, g_free);
  g_task_run_in_thread (task, dispatch_thread);
}

void
tayori_post_scheduler_init (TayoriPostQueue *self)
{
  g_mutex_init (&self->mutex);
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pool = g_thread_pool_new (account_worker, self, -1, FALSE, NULL);
}

void
tayori_post_scheduler_clear (TayoriPostQueue *self)
{
  GThreadPool *pool;

  tayori_post_scheduler_stop_timer (self);
  g_mutex_lock (&self->mutex);
  pool = g_steal_pointer (&self->pool);
  g_mutex_unlock (&self->mutex);
  /* Waits for the workers: a send in progress finishes and is recorded. */
  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  g_clear_pointer (&self->busy, g_hash_table_unref);
  g_mutex_clear (&self->mutex);
}
