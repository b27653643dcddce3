/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The emergency notice flow. The three articles are stored in one transaction; an editor's
 * are approved at once (the emergency short path) and pushed to the CMS, then one request per
 * emergency account goes to the post queue and the rows follow the jobs (retry and cancel
 * there). Anyone else's are submitted for review and the posts wait as the notice's composer
 * versions for 「まとめて投稿」 once it is approved. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-accounts.h"
#include "tayori-emergency.h"
#include "tayori-sns-draft.h"
#include "tayori-sns-emergency-dialog.h"
#include "tayori-sns-job-row.h"
#include "tayori-sns-versions.h"

struct _TayoriSnsEmergencyDialog
{
  AdwWindow            parent_instance;

  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  AdwPreferencesGroup *templates_group;
  AdwPreferencesGroup *fields_group;
  AdwPreferencesGroup *review_group;
  AdwPreferencesGroup *targets_group;
  GtkButton           *send_button;
  GtkListBox          *progress_list;

  TayoriSnsService    *service;
  GCancellable        *cancellable;
  GPtrArray           *templates;      /* TayoriEmergencyTemplate */
  TayoriEmergencyTemplate *chosen;
  GPtrArray           *field_rows;     /* AdwEntryRow, in the template's field order */
  GPtrArray           *review_rows;    /* the review's rows in either group */
  GPtrArray           *articles;       /* the built ja, ja-easy, en articles */
  GPtrArray           *accounts;       /* TayoriAccount: emergency-enabled, usable */
  GHashTable          *rows;           /* job id → TayoriSnsJobRow */
};

G_DEFINE_FINAL_TYPE (TayoriSnsEmergencyDialog, tayori_sns_emergency_dialog, ADW_TYPE_WINDOW)

static void
toast (TayoriSnsEmergencyDialog *self,
       const char               *message)
{
  adw_window_title_set_subtitle (self->window_title, message);
}

/* Step 1: the template */

static void
template_activated_cb (AdwActionRow             *row,
                       TayoriSnsEmergencyDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));

  self->chosen = g_ptr_array_index (self->templates, index);
  for (guint i = 0; i < self->field_rows->len; i++)
    adw_preferences_group_remove (self->fields_group, g_ptr_array_index (self->field_rows, i));
  g_ptr_array_set_size (self->field_rows, 0);
  for (guint i = 0; self->chosen->fields[i] != NULL; i++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      const char *label = self->chosen->field_labels != NULL && i < g_strv_length (self->chosen->field_labels)
                          ? self->chosen->field_labels[i] : self->chosen->fields[i];

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), label);
      adw_preferences_group_add (self->fields_group, entry);
      g_ptr_array_add (self->field_rows, entry);
    }
  adw_preferences_group_set_title (self->fields_group, self->chosen->label);
  gtk_stack_set_visible_child_name (self->stack, "fields");
  if (self->field_rows->len > 0)
    gtk_widget_grab_focus (g_ptr_array_index (self->field_rows, 0));
}

/* Step 2 → 3: the three versions */

static void
add_review_row (TayoriSnsEmergencyDialog *self,
                AdwPreferencesGroup      *group,
                const char               *title,
                const char               *text)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label = gtk_label_new (text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "tayori-sns-emergency-text");
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->review_rows, row);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (widget);
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  static const char * const version_titles[] = { N_("Japanese"), N_("やさしい日本語"), N_("English") };
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->field_rows->len; i++)
    g_hash_table_insert (values, self->chosen->fields[i],
                         (gpointer) gtk_editable_get_text (g_ptr_array_index (self->field_rows, i)));
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  self->articles = tayori_emergency_build (preset, self->chosen->id, values, &error);
  if (self->articles == NULL)
    {
      toast (self, error->message);
      return;
    }

  /* Back from a review to change a field: the new review replaces it */
  for (guint i = 0; i < self->review_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->review_rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)),
                                    row);
    }
  g_ptr_array_set_size (self->review_rows, 0);
  for (guint i = 0; i < self->articles->len && i < G_N_ELEMENTS (version_titles); i++)
    {
      TayoriArticle *article = g_ptr_array_index (self->articles, i);
      g_autofree char *text = g_strdup_printf ("%s\n\n%s", tayori_article_get_title (article),
                                               tayori_article_get_body (article));

      add_review_row (self, self->review_group, _(version_titles[i]), text);
    }
  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      TayoriPostNetwork network;
      g_autofree char *post = NULL;

      if (!tayori_post_network_from_string (account->type, &network))
        continue;
      post = tayori_sns_draft (g_ptr_array_index (self->articles, 0), preset, network, NULL, 0);
      add_review_row (self, self->targets_group, account->label != NULL ? account->label : account->name, post);
    }
  gtk_stack_set_visible_child_name (self->stack, "review");
}

/* Step 3: store, approve or submit, send */

static void
job_changed_cb (TayoriSnsEmergencyDialog *self,
                TayoriPostJob            *job)
{
  TayoriSnsJobRow *row = g_hash_table_lookup (self->rows, &job->id);

  if (row != NULL)
    tayori_sns_job_row_update (row, job);
}

static void
cms_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TayoriSnsEmergencyDialog) self = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  if (tayori_sns_service_is_editor (self->service))
    status = tayori_cms_sync_push_finish (TAYORI_CMS_SYNC (object), result, &error);
  else
    status = tayori_cms_sync_submit_finish (TAYORI_CMS_SYNC (object), result, &error);
  if (status == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, error->message);
}

/* One request per emergency account with the main article's draft for its network; @targets
 * gets the account of each request. */
static GPtrArray *
build_requests (TayoriSnsEmergencyDialog *self,
                GPtrArray                *targets)
{
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  TayoriArticle *main_article = g_ptr_array_index (self->articles, 0);
  GPtrArray *requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      TayoriPostNetwork network;
      g_autofree char *text = NULL;

      if (!tayori_post_network_from_string (account->type, &network))
        continue;
      text = tayori_sns_draft (main_article, preset, network, NULL, 0);
      g_ptr_array_add (requests, tayori_post_request_new (account->name, text));
      g_ptr_array_add (targets, account);
    }
  return requests;
}

static void
send_posts (TayoriSnsEmergencyDialog *self)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (self->service);
  TayoriArticle *main_article = g_ptr_array_index (self->articles, 0);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) requests = build_requests (self, targets);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  if (requests->len == 0)
    {
      toast (self, _("No account is set up for emergency notices"));
      return;
    }
  ids = tayori_post_queue_enqueue (queue, tayori_article_get_id (main_article), requests,
                                   tayori_sns_service_get_actor (self->service),
                                   tayori_sns_service_get_roles (self->service), &error);
  if (ids == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < ids->len && i < requests->len; i++)
    {
      TayoriPostRequest *request = g_ptr_array_index (requests, i);
      TayoriAccount *account = g_ptr_array_index (targets, i);
      TayoriPostJob job = { 0 };
      GtkWidget *row;

      job.id = g_array_index (ids, gint64, i);
      job.account = request->account;
      job.network = account->type;
      job.text = request->text;
      job.state = TAYORI_POST_JOB_PENDING;
      row = tayori_sns_job_row_new (&job, account->label != NULL ? account->label : account->name, FALSE);
      gtk_list_box_append (self->progress_list, row);
      g_hash_table_insert (self->rows, g_memdup2 (&job.id, sizeof job.id), row);
    }
}

static AdwPreferencesGroup *
progress_group (TayoriSnsEmergencyDialog *self)
{
  return ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (GTK_WIDGET (self->progress_list),
                                                         ADW_TYPE_PREFERENCES_GROUP));
}

/* Without an editor the posts wait as the main article's composer versions, one per network,
 * for 「まとめて投稿」 once the notice is approved */
static void
keep_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TayoriSnsEmergencyDialog *self = source_object;
  TayoriStore *store = tayori_sns_service_get_store (self->service);
  gint64 article_id = tayori_article_get_id (g_ptr_array_index (self->articles, 0));
  GPtrArray *versions = task_data;
  GError *error = NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      if (!tayori_sns_versions_save (store, article_id, g_ptr_array_index (versions, i), &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Sent for approval"));
  adw_preferences_group_set_title (progress_group (self), _("Waiting for Approval"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_list), FALSE);
  adw_preferences_group_set_description (progress_group (self),
    tayori_sns_service_get_cms_sync (self->service) != NULL
    ? _("Sent for approval. The posts for each account are saved in the notice’s SNS tab: once an editor "
        "approves the notice, open that tab and press “Post to All”.")
    : _("No website account is set up: the notice was saved here only. The posts for each account are "
        "saved in its SNS tab: once an editor approves the notice, press “Post to All” there."));
}

static void
keep_posts (TayoriSnsEmergencyDialog *self)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) requests = build_requests (self, targets);
  GPtrArray *versions = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_sns_version_free);
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, kept_cb, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* The drafts are per network: each network's editor of the composer shows its own */
  for (guint i = 0; i < requests->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (targets, i);
      TayoriSnsVersion *version;

      if (!g_hash_table_add (seen, account->type))
        continue;
      version = g_new0 (TayoriSnsVersion, 1);
      version->target = g_strdup (account->type);
      version->text = g_strdup (((TayoriPostRequest *) g_ptr_array_index (requests, i))->text);
      g_ptr_array_add (versions, version);
    }
  g_task_set_task_data (task, versions, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, keep_thread);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TayoriSnsEmergencyDialog *self = source_object;
  GError *error = NULL;

  if (tayori_store_import_articles (tayori_sns_service_get_store (self->service), task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (object);
  TayoriCmsSync *sync = tayori_sns_service_get_cms_sync (self->service);
  gboolean editor = tayori_sns_service_is_editor (self->service);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "progress");
  for (guint i = 0; sync != NULL && i < self->articles->len; i++)
    {
      gint64 id = tayori_article_get_id (g_ptr_array_index (self->articles, i));

      if (editor)
        tayori_cms_sync_push_async (sync, id, NULL, self->cancellable, cms_done_cb, g_object_ref (self));
      else
        tayori_cms_sync_submit_async (sync, id, NULL, _("Emergency notice"), NULL, self->cancellable,
                                      cms_done_cb, g_object_ref (self));
    }
  if (!editor)
    {
      keep_posts (self);
      return;
    }
  send_posts (self);
  if (sync == NULL)
    adw_preferences_group_set_description (progress_group (self),
                                           _("No website account is set up: the notice was saved here only."));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (widget);
  g_autoptr(GTask) task = NULL;

  if (self->articles == NULL)
    return;
  /* The emergency short path: an editor's approval is this click */
  for (guint i = 0; i < self->articles->len; i++)
    {
      TayoriArticle *article = g_ptr_array_index (self->articles, i);

      tayori_article_set_author (article, tayori_sns_service_get_actor (self->service));
      if (tayori_sns_service_is_editor (self->service))
        tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_APPROVED);
    }
  gtk_widget_action_set_enabled (widget, "emergency.send", FALSE);
  task = g_task_new (self, self->cancellable, imported_cb, NULL);
  g_task_set_task_data (task, g_ptr_array_ref (self->articles), (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, import_thread);
}

/* The progress rows' buttons */

static void
decide (GtkWidget *widget,
        GVariant  *parameter,
        gboolean   retry)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!tayori_sns_job_row_decide (self->service, parameter, retry, &error))
    toast (self, error->message);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  decide (widget, parameter, TRUE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (widget, parameter, FALSE);
}

static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

/* Set-up */

static void
fill_templates (TayoriSnsEmergencyDialog *self)
{
  TayoriPreset *preset = tayori_sns_service_get_preset (self->service);
  g_autoptr(GPtrArray) channels = tayori_accounts_load (preset, TAYORI_ACCOUNT_CHANNEL, NULL);

  self->templates = tayori_emergency_templates (preset);
  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      TayoriEmergencyTemplate *template_ = g_ptr_array_index (self->templates, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), template_->label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "activated", G_CALLBACK (template_activated_cb), self, 0);
      adw_preferences_group_add (self->templates_group, row);
    }

  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_account_free);
  for (guint i = 0; channels != NULL && i < channels->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (channels, i);

      if (account->emergency && tayori_account_may_use (account, tayori_sns_service_get_actor (self->service),
                                                        tayori_sns_service_get_roles (self->service)))
        g_ptr_array_add (self->accounts, tayori_account_copy (account));
    }
  gtk_button_set_label (self->send_button, tayori_sns_service_is_editor (self->service)
                                           ? _("Approve and Send to All") : _("Submit for Review"));
}

GtkWidget *
tayori_sns_emergency_dialog_new (GtkWindow        *parent,
                                 TayoriSnsService *service)
{
  TayoriSnsEmergencyDialog *self;
  TayoriPostQueue *queue;

  g_return_val_if_fail (TAYORI_IS_SNS_SERVICE (service), NULL);

  self = g_object_new (TAYORI_TYPE_SNS_EMERGENCY_DIALOG, "transient-for", parent, NULL);
  self->service = g_object_ref (service);
  queue = tayori_sns_service_get_queue (service);
  if (queue != NULL)
    g_signal_connect_object (queue, "job-changed", G_CALLBACK (job_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "emergency.send", queue != NULL);
  fill_templates (self);
  return GTK_WIDGET (self);
}

static void
tayori_sns_emergency_dialog_dispose (GObject *object)
{
  TayoriSnsEmergencyDialog *self = TAYORI_SNS_EMERGENCY_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_clear_pointer (&self->field_rows, g_ptr_array_unref);
  g_clear_pointer (&self->review_rows, g_ptr_array_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (tayori_sns_emergency_dialog_parent_class)->dispose (object);
}

static void
tayori_sns_emergency_dialog_class_init (TayoriSnsEmergencyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sns_emergency_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/sns/tayori-sns-emergency-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, templates_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, review_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsEmergencyDialog, progress_list);
  gtk_widget_class_install_action (widget_class, "emergency.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "emergency.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "sns.retry", "x", retry_action);
  gtk_widget_class_install_action (widget_class, "sns.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "sns.reconnect", "x", reconnect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tayori_sns_emergency_dialog_init (TayoriSnsEmergencyDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->field_rows = g_ptr_array_new ();
  self->review_rows = g_ptr_array_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}
