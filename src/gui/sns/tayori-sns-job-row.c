/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A post job's row. Everything it shows comes from the job as the queue reports it; the
 * decisions (retry, reconnect, cancel, delete) are actions of the composer. A deleted post
 * keeps its row, marked 削除済み, without the delete button. */
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "tayori-channel.h"
#include "tayori-sns-job-row.h"

struct _TayoriSnsJobRow
{
  GtkListBoxRow  parent_instance;

  GtkLabel      *title_label;
  GtkSpinner    *spinner;
  GtkLabel      *state_label;
  GtkLabel      *detail_label;
  GtkLabel      *text_label;
  GtkBox        *buttons;

  gint64         id;
  gboolean       history;
};

G_DEFINE_FINAL_TYPE (TayoriSnsJobRow, tayori_sns_job_row, GTK_TYPE_LIST_BOX_ROW)

static gboolean
error_from_key (const char         *key,
                TayoriChannelError *out_code)
{
  for (TayoriChannelError code = TAYORI_CHANNEL_ERROR_AUTH; code <= TAYORI_CHANNEL_ERROR_NOT_SUPPORTED; code++)
    if (g_strcmp0 (key, tayori_channel_error_to_key (code)) == 0)
      {
        *out_code = code;
        return TRUE;
      }
  return FALSE;
}

static void
add_button (TayoriSnsJobRow *self,
            const char      *label,
            const char      *action,
            gboolean         suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", self->id);
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (self->buttons, button);
}

static void
add_link (TayoriSnsJobRow *self,
          const char      *url)
{
  GtkWidget *link = gtk_link_button_new_with_label (url, _("Open"));

  gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (link, url);
  gtk_box_append (self->buttons, link);
}

static char *
metrics_text (const char *json)
{
  g_autoptr(JsonNode) node = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  /* Engagement counts as the apps show them: symbols, nothing to translate */
  return g_strdup_printf ("♡ %" G_GINT64_FORMAT "  ⇄ %" G_GINT64_FORMAT "  ↩ %" G_GINT64_FORMAT,
                          json_object_get_int_member_with_default (object, "likes", 0),
                          json_object_get_int_member_with_default (object, "reposts", 0),
                          json_object_get_int_member_with_default (object, "replies", 0));
}

/* "2025-04-01 09:30" in local time; the stored text when it is not a time */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso != NULL ? iso : "");
}

static gboolean
is_future (const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return when != NULL && g_date_time_compare (when, now) > 0;
}

static char *
scheduled_text (const char *iso)
{
  g_autofree char *when = local_time (iso);

  /* TRANSLATORS: %s is when the post goes out, e.g. "2025-04-01 09:30" */
  return g_strdup_printf (_("Scheduled for %s"), when);
}

static void
update_buttons (TayoriSnsJobRow     *self,
                const TayoriPostJob *job)
{
  GtkWidget *child;
  TayoriChannelError code;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->buttons))) != NULL)
    gtk_box_remove (self->buttons, child);

  switch (job->state)
    {
    case TAYORI_POST_JOB_SENT:
      /* Gone, or held by the network until its time (not a status to delete yet) */
      if (job->deleted_at != NULL || is_future (job->scheduled_at))
        break;
      if (job->remote_url != NULL)
        add_link (self, job->remote_url);
      if (self->history && g_strcmp0 (job->network, "line") != 0)
        add_button (self, _("Delete Post"), "sns.delete-post", FALSE);
      break;
    case TAYORI_POST_JOB_FAILED:
      if (error_from_key (job->error_class, &code) && code == TAYORI_CHANNEL_ERROR_AUTH)
        add_button (self, _("Reconnect"), "sns.reconnect", TRUE);
      else if (!error_from_key (job->error_class, &code) || code != TAYORI_CHANNEL_ERROR_CONTENT)
        add_button (self, _("Retry"), "sns.retry", TRUE);
      add_button (self, _("Cancel Post"), "sns.cancel", FALSE);
      break;
    case TAYORI_POST_JOB_LATE:
      add_button (self, _("Post Now"), "sns.retry", TRUE);
      add_button (self, _("Cancel Post"), "sns.cancel", FALSE);
      break;
    case TAYORI_POST_JOB_PENDING:
      if (job->scheduled_at != NULL)
        add_button (self, _("Cancel Post"), "sns.cancel", FALSE);
      break;
    case TAYORI_POST_JOB_SENDING:
    case TAYORI_POST_JOB_UNKNOWN:
    case TAYORI_POST_JOB_CANCELLED:
    default:
      break;
    }
}

static char *
state_text (const TayoriPostJob *job)
{
  TayoriChannelError code;

  switch (job->state)
    {
    case TAYORI_POST_JOB_SENT:
      if (job->deleted_at != NULL)
        {
          g_autofree char *when = local_time (job->deleted_at);

          /* TRANSLATORS: %s is when the post was deleted, e.g. "2025-04-01 09:30" */
          return g_strdup_printf (_("Deleted (%s)"), when);
        }
      /* Mastodon took it to publish later itself */
      if (is_future (job->scheduled_at))
        return scheduled_text (job->scheduled_at);
      return g_strdup (_("Posted"));
    case TAYORI_POST_JOB_FAILED:
      /* TRANSLATORS: "Failed: <advice>" */
      return g_strdup_printf (_("Failed: %s"), error_from_key (job->error_class, &code)
                              ? tayori_channel_error_advice (code)
                              : (job->error_message != NULL ? job->error_message : ""));
    case TAYORI_POST_JOB_LATE:
      return g_strdup (_("Its time has passed: post it now or cancel it?"));
    case TAYORI_POST_JOB_PENDING:
      return job->scheduled_at != NULL ? scheduled_text (job->scheduled_at) : g_strdup (_("Waiting"));
    case TAYORI_POST_JOB_SENDING:
    case TAYORI_POST_JOB_UNKNOWN:
      return g_strdup (_("Posting…"));
    case TAYORI_POST_JOB_CANCELLED:
    default:
      return g_strdup (tayori_post_job_state_to_label (job->state));
    }
}

void
tayori_sns_job_row_update (TayoriSnsJobRow     *self,
                           const TayoriPostJob *job)
{
  g_autofree char *state = NULL;
  g_autofree char *metrics = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *when = NULL;
  gboolean busy;

  g_return_if_fail (TAYORI_IS_SNS_JOB_ROW (self));
  g_return_if_fail (job->id == self->id);

  busy = job->state == TAYORI_POST_JOB_SENDING || job->state == TAYORI_POST_JOB_UNKNOWN ||
         (job->state == TAYORI_POST_JOB_PENDING && job->scheduled_at == NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  state = state_text (job);
  gtk_label_set_label (self->state_label, state);
  if (job->state == TAYORI_POST_JOB_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  if (job->state == TAYORI_POST_JOB_SENT && job->deleted_at == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");

  metrics = metrics_text (job->metrics);
  /* TRANSLATORS: when and by whom, e.g. "2025-04-01 09:30 · yamada" */
  when = local_time (job->sent_at != NULL ? job->sent_at : job->scheduled_at != NULL ? job->scheduled_at
                                                                                      : job->created);
  detail = g_strdup_printf (_("%s · %s%s%s"), when, job->actor != NULL ? job->actor : "",
                            metrics != NULL ? " · " : "", metrics != NULL ? metrics : "");
  gtk_label_set_label (self->detail_label, detail);
  gtk_label_set_label (self->text_label, job->text);
  update_buttons (self, job);
}

gboolean
tayori_sns_job_row_decide (TayoriSnsService  *service,
                           GVariant          *parameter,
                           gboolean           retry,
                           GError           **error)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (service);
  const char *actor = tayori_sns_service_get_actor (service);
  gint64 id = g_variant_get_int64 (parameter);

  g_return_val_if_fail (queue != NULL, FALSE);
  return retry ? tayori_post_queue_retry (queue, id, actor, error)
               : tayori_post_queue_cancel (queue, id, actor, error);
}

gint64
tayori_sns_job_row_get_id (TayoriSnsJobRow *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_JOB_ROW (self), 0);
  return self->id;
}

static GtkLabel *
new_label (GtkBox     *box,
           const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);
  return GTK_LABEL (label);
}

GtkWidget *
tayori_sns_job_row_new (const TayoriPostJob *job,
                        const char          *account_label,
                        gboolean             history)
{
  TayoriSnsJobRow *self = g_object_new (TAYORI_TYPE_SNS_JOB_ROW, "activatable", FALSE, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *state_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *title = NULL;

  self->id = job->id;
  self->history = history;
  gtk_widget_add_css_class (box, "tayori-sns-job");
  gtk_widget_set_hexpand (column, TRUE);
  gtk_box_append (GTK_BOX (box), column);
  self->title_label = new_label (GTK_BOX (column), "heading");
  /* TRANSLATORS: a job row's title: the account and its network, e.g. "中央区 (mastodon)" */
  title = g_strdup_printf (_("%s (%s)"), account_label != NULL ? account_label : job->account, job->network);
  gtk_label_set_label (self->title_label, title);
  gtk_box_append (GTK_BOX (column), state_box);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_box_append (GTK_BOX (state_box), GTK_WIDGET (self->spinner));
  self->state_label = new_label (GTK_BOX (state_box), NULL);
  self->detail_label = new_label (GTK_BOX (column), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");
  self->text_label = new_label (GTK_BOX (column), "tayori-sns-job-text");
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), history);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), history);
  self->buttons = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->buttons));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  tayori_sns_job_row_update (self, job);
  return GTK_WIDGET (self);
}

static void
tayori_sns_job_row_class_init (TayoriSnsJobRowClass *klass)
{
}

static void
tayori_sns_job_row_init (TayoriSnsJobRow *self)
{
}
