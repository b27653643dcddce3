/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 「まとめて投稿」: the gate's refusals under the button, one persisted job per account through
 * the application's post queue, a live row per job (spinner → 投稿済み with the link, or 失敗
 * with advice and what to do; late jobs ask), the article's history (delete a post,
 * engagement counts) and the audit log as CSV. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-audit-log.h"
#include "tayori-post-gate.h"
#include "tayori-sns-composer-private.h"
#include "tayori-sns-job-row.h"

static gint64
article_id (TayoriSnsComposer *self)
{
  return self->article != NULL ? tayori_article_get_id (self->article) : 0;
}

/* "account\ntext" with the text as the network receives it: a stored LINE text may already
 * end with the account's footer that the channel adds to the composer's */
static char *
posted_key (TayoriSnsComposer *self,
            const char        *account_name,
            const char        *text)
{
  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *sent = NULL;

      if (g_str_equal (account->name, account_name))
        {
          sent = tayori_post_gate_sent_text (account, text);
          return g_strconcat (account_name, "\n", sent, NULL);
        }
    }
  return g_strconcat (account_name, "\n", text, NULL);
}

/* A second click would be a second post: the same text to the same account is refused while
 * the history has it sent or on its way */
static char *
already_posted (TayoriSnsComposer *self,
                GPtrArray         *requests)
{
  for (guint i = 0; i < requests->len; i++)
    {
      TayoriPostRequest *request = g_ptr_array_index (requests, i);
      g_autofree char *key = posted_key (self, request->account, request->text);

      if (g_hash_table_contains (self->posted, key))
        /* TRANSLATORS: %s is an account's name */
        return g_strdup_printf (_("This text was already posted to %s. Change it or leave that account out."),
                                _tayori_sns_composer_account_label (self, request->account));
    }
  return NULL;
}

void
_tayori_sns_composer_update_send (TayoriSnsComposer *self)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (self->service);
  const char *problem = tayori_sns_service_get_background_problem (self->service);
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GError) error = NULL;
  const char *reason = NULL;
  g_autofree char *repeated = NULL;

  gtk_label_set_label (self->background_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->background_label), problem != NULL);

  requests = _tayori_sns_composer_build_requests (self);
  if (self->article == NULL || queue == NULL)
    reason = "";
  else if (requests->len == 0)
    reason = self->accounts->len == 0 ? _("No account you may post to: add one in Preferences.")
                                      : _("Choose at least one account.");
  else if ((repeated = already_posted (self, requests)) != NULL)
    reason = repeated;
  else if (!tayori_post_gate_check (self->article, tayori_sns_service_get_preset (self->service), requests,
                                    tayori_sns_service_get_actor (self->service),
                                    tayori_sns_service_get_roles (self->service), &error))
    reason = error->message;

  gtk_label_set_label (self->gate_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (GTK_WIDGET (self->gate_label), reason != NULL && *reason != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sns.send", reason == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sns.refresh-metrics", self->article != NULL && queue != NULL);
}

/* An emergency notice a non-editor submitted keeps its posts as versions: once an editor's
 * approval reaches the open article, its posts may go and the person is told so */
void
_tayori_sns_composer_status_changed (TayoriSnsComposer *self)
{
  TayoriArticleStatus status = self->article != NULL ? tayori_article_get_status (self->article)
                                                     : TAYORI_ARTICLE_STATUS_DRAFT;

  _tayori_sns_composer_update_send (self);
  if (self->article != NULL && tayori_article_get_emergency (self->article) &&
      (status == TAYORI_ARTICLE_STATUS_APPROVED || status == TAYORI_ARTICLE_STATUS_PUBLISHED) &&
      self->versions->len > 0 && g_hash_table_size (self->posted) == 0)
    {
      tayori_sns_service_offer_posts (self->service, self->article);
      _tayori_sns_composer_toast (self, _("This emergency notice was approved: its posts can go out now"));
    }
}

/* Progress */

void
_tayori_sns_composer_clear_progress (TayoriSnsComposer *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list))) != NULL)
    gtk_list_box_remove (self->progress_list, child);
  g_hash_table_remove_all (self->progress_rows);
  gtk_widget_set_visible (self->progress_group, FALSE);
}

static void
add_progress_row (TayoriSnsComposer   *self,
                  const TayoriPostJob *job)
{
  GtkWidget *row = tayori_sns_job_row_new (job, _tayori_sns_composer_account_label (self, job->account), FALSE);

  gtk_list_box_append (self->progress_list, row);
  g_hash_table_insert (self->progress_rows, g_memdup2 (&job->id, sizeof job->id), row);
}

static gboolean
history_timeout_cb (gpointer user_data)
{
  TayoriSnsComposer *self = user_data;

  self->history_id = 0;
  _tayori_sns_composer_reload_history (self);
  return G_SOURCE_REMOVE;
}

static void
job_changed_cb (TayoriSnsComposer *self,
                TayoriPostJob     *job)
{
  TayoriSnsJobRow *row = g_hash_table_lookup (self->progress_rows, &job->id);

  if (row != NULL)
    tayori_sns_job_row_update (row, job);
  /* One history reload for a burst of changes */
  if (job->article_id == article_id (self) && self->history_id == 0)
    self->history_id = g_timeout_add (300, history_timeout_cb, self);
}

static void
waited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriSnsComposer) self = user_data;
  g_autoptr(GPtrArray) jobs = NULL;
  guint sent = 0;

  jobs = tayori_post_queue_wait_finish (TAYORI_POST_QUEUE (object), result, NULL);
  if (jobs == NULL)
    return;
  for (guint i = 0; i < jobs->len; i++)
    sent += ((TayoriPostJob *) g_ptr_array_index (jobs, i))->state == TAYORI_POST_JOB_SENT;
  _tayori_sns_composer_toast (self, sent == jobs->len ? _("Posted to every account")
                                                      : _("Some posts were not sent: see the progress list"));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);
  TayoriPostQueue *queue = tayori_sns_service_get_queue (self->service);
  g_autoptr(GPtrArray) requests = _tayori_sns_composer_build_requests (self);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = tayori_post_queue_enqueue (queue, article_id (self), requests,
                                   tayori_sns_service_get_actor (self->service),
                                   tayori_sns_service_get_roles (self->service), &error);
  if (ids == NULL)
    {
      gtk_label_set_label (self->gate_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->gate_label), TRUE);
      return;
    }

  _tayori_sns_composer_clear_progress (self);
  /* The times were for this send */
  g_hash_table_remove_all (self->schedules);
  _tayori_sns_composer_update_account_rows (self);
  for (guint i = 0; i < ids->len && i < requests->len; i++)
    {
      TayoriPostRequest *request = g_ptr_array_index (requests, i);
      TayoriPostJob job = { 0 };
      g_autofree char *scheduled_at = NULL;
      g_autoptr(TayoriAccount) account =
        tayori_accounts_find (tayori_sns_service_get_preset (self->service), TAYORI_ACCOUNT_CHANNEL,
                              request->account, NULL);

      job.id = g_array_index (ids, gint64, i);
      job.article_id = article_id (self);
      job.account = request->account;
      job.network = account != NULL ? account->type : NULL;
      job.text = request->text;
      job.state = TAYORI_POST_JOB_PENDING;
      if (request->scheduled_at != NULL)
        job.scheduled_at = scheduled_at = g_date_time_format_iso8601 (request->scheduled_at);
      if (!g_hash_table_contains (self->progress_rows, &job.id))
        add_progress_row (self, &job);
    }
  gtk_widget_set_visible (self->progress_group, TRUE);
  tayori_post_queue_wait_async (queue, ids, self->cancellable, waited_cb, g_object_ref (self));
}

/* A person's decisions on a job */

static void
decide (TayoriSnsComposer *self,
        GVariant          *parameter,
        gboolean           retry)
{
  g_autoptr(GError) error = NULL;

  if (!tayori_sns_job_row_decide (self->service, parameter, retry, &error))
    _tayori_sns_composer_toast (self, error->message);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  decide (TAYORI_SNS_COMPOSER (widget), parameter, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (TAYORI_SNS_COMPOSER (widget), parameter, FALSE);
}

static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  /* The accounts page of the preferences connects accounts again */
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TayoriSnsComposer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (tayori_post_queue_delete_remote_finish (TAYORI_POST_QUEUE (object), result, &error))
    _tayori_sns_composer_toast (self, _("The post was deleted"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _tayori_sns_composer_toast (self, error->message);
  _tayori_sns_composer_reload_history (self);
}

static void
delete_response_cb (AdwMessageDialog  *dialog,
                    const char        *response,
                    TayoriSnsComposer *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "job-id");

  if (g_strcmp0 (response, "delete") == 0)
    tayori_post_queue_delete_remote_async (tayori_sns_service_get_queue (self->service), id,
                                           tayori_sns_service_get_actor (self->service), self->cancellable,
                                           deleted_cb, g_object_ref (self));
}

static void
delete_post_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);
  GtkWidget *dialog;
  gint64 id = g_variant_get_int64 (parameter);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Delete This Post?"),
                                   _("It is removed from the network. The history keeps a record."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "job-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
metrics_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TayoriSnsComposer) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_post_queue_refresh_metrics_finish (TAYORI_POST_QUEUE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _tayori_sns_composer_toast (self, error->message);
  _tayori_sns_composer_reload_history (self);
}

static void
refresh_metrics_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);

  tayori_post_queue_refresh_metrics_async (tayori_sns_service_get_queue (self->service), article_id (self),
                                           self->cancellable, metrics_cb, g_object_ref (self));
}

/* History */

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (TAYORI_SNS_COMPOSER (source_object)->service);
  GError *error = NULL;
  GPtrArray *jobs = tayori_post_queue_list_jobs (queue, *(gint64 *) task_data, &error);

  if (jobs == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, jobs, (GDestroyNotify) g_ptr_array_unref);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (object);
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  jobs = g_task_propagate_pointer (G_TASK (result), &error);
  if (jobs == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _tayori_sns_composer_toast (self, error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  g_hash_table_remove_all (self->posted);
  for (guint i = 0; i < jobs->len; i++)
    {
      TayoriPostJob *job = g_ptr_array_index (jobs, i);

      if (job->state != TAYORI_POST_JOB_FAILED && job->state != TAYORI_POST_JOB_CANCELLED &&
          job->deleted_at == NULL)
        g_hash_table_add (self->posted, posted_key (self, job->account, job->text));

      gtk_list_box_append (self->history_list,
                           tayori_sns_job_row_new (job, _tayori_sns_composer_account_label (self, job->account), TRUE));
    }
  _tayori_sns_composer_update_send (self);
}

void
_tayori_sns_composer_reload_history (TayoriSnsComposer *self)
{
  g_autoptr(GTask) task = NULL;
  gint64 id = article_id (self);
  GtkWidget *child;

  if (id == 0 || tayori_sns_service_get_queue (self->service) == NULL)
    {
      g_hash_table_remove_all (self->posted);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
        gtk_list_box_remove (self->history_list, child);
      return;
    }
  task = g_task_new (self, self->cancellable, listed_cb, NULL);
  g_task_set_task_data (task, g_memdup2 (&id, sizeof id), g_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, list_thread);
}

/* The audit log */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TayoriStore *store = tayori_sns_service_get_store (TAYORI_SNS_COMPOSER (source_object)->service);
  g_autoptr(GFileOutputStream) out = NULL;
  GError *error = NULL;

  out = g_file_replace (task_data, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, &error);
  if (out == NULL ||
      !tayori_audit_log_export_csv (store, G_OUTPUT_STREAM (out), cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  _tayori_sns_composer_toast (TAYORI_SNS_COMPOSER (object),
                              g_task_propagate_boolean (G_TASK (result), &error) ? _("The audit log was exported")
                                                                                  : error->message);
}

static void
export_response_cb (TayoriSnsComposer *self,
                    int                response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  task = g_task_new (self, NULL, exported_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&file), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

static void
export_audit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);

  if (self->chooser != NULL || tayori_sns_service_get_store (self->service) == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Audit Log"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("audit-log.csv"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Set-up */

void
_tayori_sns_composer_setup_send (TayoriSnsComposer *self)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (self->service);

  if (queue != NULL)
    g_signal_connect_object (queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service, "notify::background-problem",
                           G_CALLBACK (_tayori_sns_composer_update_send), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_placeholder (self->history_list, g_object_new (GTK_TYPE_LABEL,
                                                                  "label", _("Nothing posted yet"),
                                                                  "margin-top", 12, "margin-bottom", 12,
                                                                  "css-classes", (const char * const[]) { "dim-label", NULL },
                                                                  NULL));
  _tayori_sns_composer_update_send (self);
}

void
_tayori_sns_composer_class_add_send_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sns.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "sns.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "sns.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "sns.reconnect", "x", reconnect_action);
  gtk_widget_class_install_action (widget_class, "sns.delete-post", "x", delete_post_action);
  gtk_widget_class_install_action (widget_class, "sns.refresh-metrics", NULL, refresh_metrics_action);
  gtk_widget_class_install_action (widget_class, "sns.export-audit", NULL, export_audit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "sns.send", NULL);
}
