/* SPDX-License-Identifier: GPL-3.0-or-later */
/* People's decisions on the post queue's jobs (send a failed or late job now, cancel) and the
 * remote operations on sent ones (delete the post, read its engagement back), each recorded
 * in the audit log, and a network's character limit. */
#include <glib/gi18n.h>

#include "tayori-post-gate.h"
#include "tayori-posting-private.h"

#define STATE_BIT(state) (1u << (state))

gboolean
tayori_post_queue_retry (TayoriPostQueue  *self,
                         gint64            job_id,
                         const char       *actor,
                         GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  TayoriPostUpdate update = {
    .state = TAYORI_POST_JOB_PENDING,
    .next_attempt = now,
    .audit_action = "post-retry",
    .actor = actor,
    .clear_schedule = TRUE,
    .reset_attempts = TRUE,
    .allowed_from = STATE_BIT (TAYORI_POST_JOB_FAILED) | STATE_BIT (TAYORI_POST_JOB_LATE),
  };

  g_return_val_if_fail (TAYORI_IS_POST_QUEUE (self), FALSE);
  if (!tayori_post_db_update (self->store, job_id, &update, error))
    return FALSE;
  tayori_post_queue_job_changed (self, job_id);
  tayori_post_scheduler_dispatch (self, FALSE);
  return TRUE;
}

gboolean
tayori_post_queue_cancel (TayoriPostQueue  *self,
                          gint64            job_id,
                          const char       *actor,
                          GError          **error)
{
  TayoriPostUpdate update = {
    .state = TAYORI_POST_JOB_CANCELLED,
    .audit_action = "post-cancelled",
    .actor = actor,
    .allowed_from = STATE_BIT (TAYORI_POST_JOB_PENDING) | STATE_BIT (TAYORI_POST_JOB_FAILED)
      | STATE_BIT (TAYORI_POST_JOB_LATE),
  };

  g_return_val_if_fail (TAYORI_IS_POST_QUEUE (self), FALSE);
  if (!tayori_post_db_update (self->store, job_id, &update, error))
    return FALSE;
  tayori_post_queue_job_changed (self, job_id);
  return TRUE;
}

/* Remote operations on sent jobs, on a worker thread. */

typedef struct {
  gint64  id;
  gint64  article_id;
  char   *actor;
} RemoteData;

static void
remote_data_free (gpointer data)
{
  RemoteData *remote = data;

  g_free (remote->actor);
  g_free (remote);
}

/* Runs @thread_func on a worker thread with @remote (taken) as the task data of the _async
 * function @source_tag. */
static void
run_remote (TayoriPostQueue     *self,
            RemoteData          *remote,
            gpointer             source_tag,
            GTaskThreadFunc      thread_func,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, remote, remote_data_free);
  g_task_run_in_thread (task, thread_func);
}

static void
delete_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TayoriPostQueue *self = source_object;
  RemoteData *remote = task_data;
  g_autoptr(TayoriPostJob) job = NULL;
  g_autoptr(TayoriChannel) channel = NULL;
  GError *error = NULL;

  job = tayori_post_db_get (self->store, remote->id, &error);
  if (job != NULL && job->deleted_at != NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("This post was already deleted."));
  else if (job != NULL && (job->state != TAYORI_POST_JOB_SENT || job->remote_id == NULL))
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("Only a post that went out can be deleted."));
  if (error == NULL)
    channel = tayori_post_queue_get_channel (self, job->account, &error);
  if (channel != NULL && tayori_channel_delete_post (channel, job->remote_id, cancellable, &error))
    tayori_post_db_set_deleted (self->store, job->id, remote->actor, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  tayori_post_queue_job_changed (self, job->id);
  g_task_return_boolean (task, TRUE);
}

void
tayori_post_queue_delete_remote_async (TayoriPostQueue     *self,
                                       gint64               job_id,
                                       const char          *actor,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  RemoteData *remote;

  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  remote = g_new0 (RemoteData, 1);
  remote->id = job_id;
  remote->actor = g_strdup (actor);
  run_remote (self, remote, tayori_post_queue_delete_remote_async, delete_thread, cancellable,
              callback, user_data);
}

gboolean
tayori_post_queue_delete_remote_finish (TayoriPostQueue  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
char_limit_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  TayoriPostQueue *self = source_object;
  const char *account = task_data;
  g_autoptr(TayoriChannel) channel = NULL;
  GError *error = NULL;
  guint limit = 0;

  channel = tayori_post_queue_get_channel (self, account, &error);
  if (channel != NULL)
    limit = tayori_channel_get_char_limit (channel, cancellable, &error);
  if (limit == 0)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The network did not give its limit."));
      g_task_return_error (task, error);
      return;
    }
  if (tayori_channel_get_network (channel) == TAYORI_POST_NETWORK_MASTODON)
    tayori_post_gate_remember_limit (account, limit);
  g_task_return_int (task, limit);
}

void
tayori_post_queue_get_char_limit_async (TayoriPostQueue     *self,
                                        const char          *account,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  g_return_if_fail (account != NULL);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_post_queue_get_char_limit_async);
  g_task_set_task_data (task, g_strdup (account), g_free);
  g_task_run_in_thread (task, char_limit_thread);
}

guint
tayori_post_queue_get_char_limit_finish (TayoriPostQueue  *self,
                                         GAsyncResult     *result,
                                         GError          **error)
{
  gssize limit;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  limit = g_task_propagate_int (G_TASK (result), error);
  return limit > 0 ? (guint) limit : 0;
}

static char *
metrics_to_json (const TayoriChannelMetrics *metrics)
{
  return g_strdup_printf ("{\"likes\": %" G_GINT64_FORMAT ", \"reposts\": %" G_GINT64_FORMAT
                          ", \"replies\": %" G_GINT64_FORMAT ", \"views\": %" G_GINT64_FORMAT "}",
                          metrics->likes, metrics->reposts, metrics->replies, metrics->views);
}

static void
metrics_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  TayoriPostQueue *self = source_object;
  RemoteData *remote = task_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) jobs = tayori_post_db_list (self->store, remote->article_id, &error);

  for (guint i = 0; jobs != NULL && i < jobs->len && error == NULL; i++)
    {
      TayoriPostJob *job = g_ptr_array_index (jobs, i);
      g_autoptr(TayoriChannel) channel = NULL;
      g_autofree TayoriChannelMetrics *metrics = NULL;
      g_autofree char *json = NULL;

      if (job->state != TAYORI_POST_JOB_SENT || job->remote_id == NULL)
        continue;
      channel = tayori_post_queue_get_channel (self, job->account, NULL);
      if (channel == NULL
          || (tayori_channel_get_flags (channel) & TAYORI_CHANNEL_HAS_METRICS) == 0)
        continue;
      metrics = tayori_channel_get_metrics (channel, job->remote_id, cancellable, &error);
      if (metrics == NULL)
        break;
      json = metrics_to_json (metrics);
      if (tayori_post_db_set_metrics (self->store, job->id, json, &error))
        tayori_post_queue_job_changed (self, job->id);
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tayori_post_queue_refresh_metrics_async (TayoriPostQueue     *self,
                                         gint64               article_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  RemoteData *remote;

  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  remote = g_new0 (RemoteData, 1);
  remote->article_id = article_id;
  run_remote (self, remote, tayori_post_queue_refresh_metrics_async, metrics_thread, cancellable,
              callback, user_data);
}

gboolean
tayori_post_queue_refresh_metrics_finish (TayoriPostQueue  *self,
                                          GAsyncResult     *result,
                                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

