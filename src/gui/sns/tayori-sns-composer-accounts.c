/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the composer knows per account: 「予約投稿」 (a time in Japan time, chosen with the
 * review's schedule dialog, sent as the request's scheduled_at) and Mastodon's character limit
 * as the instance reports it, asked once per account off the main thread, for the counter. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-post-gate.h"
#include "tayori-schedule-dialog.h"
#include "tayori-sns-composer-private.h"

/* Scheduling */

static int
account_index (TayoriSnsComposer *self,
               const char        *name)
{
  for (guint i = 0; i < self->accounts->len; i++)
    if (g_str_equal (((TayoriAccount *) g_ptr_array_index (self->accounts, i))->name, name))
      return (int) i;
  return -1;
}

/* The row's subtitle (the network, and when it goes out) and its button's label */
static void
update_row (TayoriSnsComposer *self,
            guint              index)
{
  TayoriAccount *account = g_ptr_array_index (self->accounts, index);
  AdwActionRow *row = g_ptr_array_index (self->account_rows, index);
  GtkButton *button = g_object_get_data (G_OBJECT (row), "schedule-button");
  GDateTime *when = g_hash_table_lookup (self->schedules, account->name);
  g_autofree char *time = NULL;
  g_autofree char *subtitle = NULL;

  if (when != NULL)
    {
      time = g_date_time_format (when, "%Y-%m-%d %H:%M");
      /* TRANSLATORS: an account row's subtitle: its network, then when its post is scheduled
       * (Japan time), e.g. "mastodon · Scheduled for 2025-04-01 09:30 (Japan time)" */
      subtitle = g_strdup_printf (_("%s · Scheduled for %s (Japan time)"), account->type, time);
    }
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : account->type);
  gtk_button_set_label (button, when != NULL ? _("Unschedule") : _("Schedule…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), when != NULL ? "sns.unschedule" : "sns.schedule");
}

void
_tayori_sns_composer_add_schedule_button (TayoriSnsComposer *self,
                                          AdwActionRow      *row,
                                          const char        *account)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", account);
  gtk_widget_set_tooltip_text (button, _("Post at a chosen time (Japan time)"));
  adw_action_row_add_suffix (row, button);
  g_object_set_data (G_OBJECT (row), "schedule-button", button);
}

void
_tayori_sns_composer_update_account_rows (TayoriSnsComposer *self)
{
  for (guint i = 0; i < self->accounts->len; i++)
    update_row (self, i);
}

void
_tayori_sns_composer_apply_schedule (TayoriSnsComposer *self,
                                     TayoriPostRequest *request)
{
  GDateTime *when = g_hash_table_lookup (self->schedules, request->account);

  g_clear_pointer (&request->scheduled_at, g_date_time_unref);
  if (when != NULL)
    request->scheduled_at = g_date_time_ref (when);
}

static void
schedule_response_cb (TayoriScheduleDialog *dialog,
                      const char           *response,
                      TayoriSnsComposer    *self)
{
  const char *name = g_object_get_data (G_OBJECT (dialog), "account");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  int index = account_index (self, name);

  if (g_strcmp0 (response, "schedule") != 0 || index < 0)
    return;
  when = tayori_schedule_dialog_dup_time (dialog);
  if (g_date_time_compare (when, now) <= 0)
    {
      _tayori_sns_composer_toast (self, _("That time has passed: choose a later one."));
      return;
    }
  g_hash_table_insert (self->schedules, g_strdup (name), g_steal_pointer (&when));
  update_row (self, (guint) index);
  _tayori_sns_composer_update_send (self);
}

static void
schedule_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);
  GtkWidget *dialog = tayori_schedule_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)));
  const char *name = g_variant_get_string (parameter, NULL);

  /* TRANSLATORS: %s is an account's name */
  g_autofree char *body = g_strdup_printf (_("Choose when the post to %s goes out (Japan time)."),
                                           _tayori_sns_composer_account_label (self, name));

  g_object_set (dialog, "heading", _("Schedule Post"), "body", body, NULL);
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (dialog), "schedule", _("_Schedule"));
  g_object_set_data_full (G_OBJECT (dialog), "account", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (schedule_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
unschedule_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TayoriSnsComposer *self = TAYORI_SNS_COMPOSER (widget);
  int index = account_index (self, g_variant_get_string (parameter, NULL));

  g_hash_table_remove (self->schedules, g_variant_get_string (parameter, NULL));
  if (index >= 0)
    update_row (self, (guint) index);
  _tayori_sns_composer_update_send (self);
}

/* Mastodon's limit */

/* The Mastodon editor counts against the smallest limit of the Mastodon accounts checked */
void
_tayori_sns_composer_update_limits (TayoriSnsComposer *self)
{
  guint limit = 0;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      guint own;

      if (g_strcmp0 (account->type, "mastodon") != 0 || g_hash_table_contains (self->unchecked, account->name))
        continue;
      own = tayori_post_gate_get_limit (account);
      limit = limit == 0 ? own : MIN (limit, own);
    }
  tayori_sns_text_editor_set_limit (self->editors[TAYORI_POST_NETWORK_MASTODON],
                                    limit > 0 ? limit : tayori_post_default_limit (TAYORI_POST_NETWORK_MASTODON));
}

typedef struct {
  TayoriSnsComposer *composer;
  char              *account;
} LimitAsk;

static void
limit_ask_free (LimitAsk *ask)
{
  g_object_unref (ask->composer);
  g_free (ask->account);
  g_free (ask);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LimitAsk, limit_ask_free)

static void
char_limit_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(LimitAsk) ask = user_data;
  g_autoptr(GError) error = NULL;

  if (tayori_post_queue_get_char_limit_finish (TAYORI_POST_QUEUE (object), result, &error) == 0)
    {
      /* Asked again with the next article; the default limit stands meanwhile */
      g_debug ("No character limit for %s: %s", ask->account, error->message);
      g_hash_table_remove (ask->composer->limits_asked, ask->account);
      return;
    }
  _tayori_sns_composer_update_limits (ask->composer);
  _tayori_sns_composer_update_send (ask->composer);
}

void
_tayori_sns_composer_fetch_limits (TayoriSnsComposer *self)
{
  TayoriPostQueue *queue = tayori_sns_service_get_queue (self->service);

  _tayori_sns_composer_update_limits (self);
  for (guint i = 0; queue != NULL && i < self->accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (self->accounts, i);
      LimitAsk *ask;

      if (g_strcmp0 (account->type, "mastodon") != 0 ||
          tayori_account_get_option (account, "max-characters") != NULL ||
          !g_hash_table_add (self->limits_asked, g_strdup (account->name)))
        continue;
      ask = g_new0 (LimitAsk, 1);
      ask->composer = g_object_ref (self);
      ask->account = g_strdup (account->name);
      tayori_post_queue_get_char_limit_async (queue, account->name, NULL, char_limit_cb, ask);
    }
}

void
_tayori_sns_composer_class_add_account_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "sns.schedule", "s", schedule_action);
  gtk_widget_class_install_action (widget_class, "sns.unschedule", "s", unschedule_action);
}
