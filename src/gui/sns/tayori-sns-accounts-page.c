/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accounts page. Adding saves the account (tayori_accounts_save) and connects it: LINE
 * stores its channel access token, Bluesky signs in with the app password, X and Mastodon run
 * the browser flow (tayori_channel_connect_async opens the page with gtk_show_uri). Removing
 * forgets the account and its secret. */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-accounts.h"
#include "tayori-channel-auth.h"
#include "tayori-secret.h"
#include "tayori-sns-accounts-page.h"

struct _TayoriSnsAccountsPage
{
  AdwPreferencesPage   parent_instance;

  AdwPreferencesGroup *accounts_group;
  AdwComboRow         *network_row;
  AdwEntryRow         *label_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *user_row;
  AdwEntryRow         *secret_row;
  GtkSwitch           *emergency_switch;
  GtkSpinner          *spinner;

  TayoriPreset        *preset;
  TayoriHttpClient    *client;
  GCancellable        *cancellable;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (TayoriSnsAccountsPage, tayori_sns_accounts_page, ADW_TYPE_PREFERENCES_PAGE)

/* In the network row's order */
static const struct {
  const char *type;
  const char *url;
  gboolean    browser;   /* connected through the browser, no secret typed */
} networks[] = {
  { "x",        "https://api.x.com",   TRUE },
  { "bluesky",  "https://bsky.social", FALSE },
  { "mastodon", "",                    TRUE },
  { "line",     "https://api.line.me", FALSE },
};

static void
show_error (TayoriSnsAccountsPage *self,
            const char            *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

static void fill_accounts (TayoriSnsAccountsPage *self);

/* Removing */

static void
clear_secret_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  tayori_secret_clear_sync ("channel", task_data, cancellable, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
remove_clicked_cb (GtkButton             *button,
                   TayoriSnsAccountsPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "account");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  if (!tayori_accounts_remove (TAYORI_ACCOUNT_CHANNEL, name, &error))
    {
      show_error (self, error->message);
      return;
    }
  /* libsecret may wait for the keyring: off the main thread */
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdup (name), g_free);
  g_task_run_in_thread (task, clear_secret_thread);
  fill_accounts (self);
}

static void
fill_accounts (TayoriSnsAccountsPage *self)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  accounts = tayori_accounts_load (self->preset, TAYORI_ACCOUNT_CHANNEL, &error);
  if (error != NULL)
    show_error (self, error->message);
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      TayoriAccount *account = g_ptr_array_index (accounts, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->label != NULL ? account->label : account->name);
      /* TRANSLATORS: an account's network and server, e.g. "mastodon · https://mstdn.jp" */
      subtitle = g_strdup_printf (_("%s · %s%s"), account->type, account->url != NULL ? account->url : "",
                                  account->emergency ? _(" · emergency notices") : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (account->locked)
        {
          GtkWidget *lock = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

          gtk_widget_set_tooltip_text (lock, _("Set by your organisation"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
        }
      else
        {
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          g_autofree char *name = g_strdup_printf (_("Remove %s"), account->label != NULL ? account->label : account->name);

          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, name);
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (remove), "account", g_strdup (account->name), g_free);
          g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
        }
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

/* Adding */

static void
open_uri (const char *uri,
          gpointer    user_data)
{
  TayoriSnsAccountsPage *self = user_data;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), uri, GDK_CURRENT_TIME);
}

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TayoriSnsAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean connected = tayori_channel_connect_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.connect", TRUE);
  if (!connected)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, _("The account is connected"));
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->label_row), "");
  fill_accounts (self);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TayoriSnsAccountsPage *self = TAYORI_SNS_ACCOUNTS_PAGE (widget);
  guint index = MIN (adw_combo_row_get_selected (self->network_row), G_N_ELEMENTS (networks) - 1);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));
  const char *secret = gtk_editable_get_text (GTK_EDITABLE (self->secret_row));
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  if (*name == '\0' || (!networks[index].browser && *secret == '\0'))
    {
      show_error (self, networks[index].browser ? _("Give the account a short ID")
                                                : _("Give the account a short ID and its password or token"));
      return;
    }
  account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, name, networks[index].type,
                                gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                gtk_editable_get_text (GTK_EDITABLE (self->user_row)));
  g_free (account->label);
  account->label = g_strdup (*label != '\0' ? label : name);
  account->emergency = gtk_switch_get_active (self->emergency_switch);
  if (!tayori_accounts_save (account, &error))
    {
      show_error (self, error->message);
      return;
    }
  fill_accounts (self);
  gtk_spinner_start (self->spinner);
  gtk_widget_action_set_enabled (widget, "accounts.connect", FALSE);
  tayori_channel_connect_async (account, networks[index].browser ? NULL : secret, self->client, open_uri, self,
                                self->cancellable, connected_cb, g_object_ref (self));
}

static void
network_changed_cb (TayoriSnsAccountsPage *self)
{
  guint index = MIN (adw_combo_row_get_selected (self->network_row), G_N_ELEMENTS (networks) - 1);

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), networks[index].url);
  gtk_widget_set_visible (GTK_WIDGET (self->secret_row), !networks[index].browser);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                 index == 1 ? _("App Password") : _("Channel Access Token"));
}

GtkWidget *
tayori_sns_accounts_page_new (TayoriPreset *preset)
{
  TayoriSnsAccountsPage *self;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  self = g_object_new (TAYORI_TYPE_SNS_ACCOUNTS_PAGE, NULL);
  self->preset = g_object_ref (preset);
  fill_accounts (self);
  return GTK_WIDGET (self);
}

static void
tayori_sns_accounts_page_dispose (GObject *object)
{
  TayoriSnsAccountsPage *self = TAYORI_SNS_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_SNS_ACCOUNTS_PAGE);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->preset);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_sns_accounts_page_parent_class)->dispose (object);
}

static void
tayori_sns_accounts_page_class_init (TayoriSnsAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sns_accounts_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/sns/tayori-sns-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, network_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, secret_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, emergency_switch);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsAccountsPage, spinner);
  gtk_widget_class_install_action (widget_class, "accounts.connect", NULL, connect_action);
}

static void
tayori_sns_accounts_page_init (TayoriSnsAccountsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->client = tayori_http_client_new ();
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->network_row, "notify::selected", G_CALLBACK (network_changed_cb), self,
                           G_CONNECT_SWAPPED);
  network_changed_cb (self);
}
