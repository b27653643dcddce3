/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsPreferencesPage: the password goes straight from the entry into libsecret; the
 * accounts file keeps only the site, the user and the name. */
#define G_LOG_DOMAIN "tayori-cms-preferences"

#include <glib/gi18n.h>

#include "tayori-cms-error.h"
#include "tayori-cms-preferences-page.h"
#include "tayori-secret.h"

struct _TayoriCmsPreferencesPage
{
  AdwPreferencesPage  parent_instance;

  GtkListBox         *sites_list;
  AdwEntryRow        *name_row;
  AdwEntryRow        *url_row;
  AdwEntryRow        *user_row;
  AdwPasswordEntryRow *password_row;
  GtkWidget          *test_button;
  GtkWidget          *add_button;
  GtkLabel           *result_label;

  TayoriCmsService   *service;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (TayoriCmsPreferencesPage, tayori_cms_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
valid_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static gboolean
form_complete (TayoriCmsPreferencesPage *self)
{
  return valid_name (entry_text (self->name_row)) && *entry_text (self->url_row) != '\0' &&
         *entry_text (self->user_row) != '\0' && *entry_text (ADW_ENTRY_ROW (self->password_row)) != '\0';
}

static void
form_changed_cb (TayoriCmsPreferencesPage *self)
{
  gboolean complete = form_complete (self);

  gtk_widget_set_sensitive (self->add_button, complete);
  gtk_widget_set_sensitive (self->test_button,
                            complete && tayori_cms_service_get_sync (self->service) != NULL);
}

static void
show_result (TayoriCmsPreferencesPage *self,
             const char               *text)
{
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
}

static char *
describe_site (const TayoriCmsSiteInfo *info)
{
  g_autofree char *roles = g_strjoinv (", ", info->roles);
  g_autofree char *plugin = info->has_plugin
    ? g_strdup_printf (_("installed (version %s)"), info->plugin_version != NULL ? info->plugin_version : "?")
    : g_strdup (_("not installed: approvals, contributor uploads and the review log need it"));
  g_autofree char *level = info->approver_level > 0
    ? g_strdup_printf (_("you approve at level %u"), info->approver_level)
    : g_strdup (_("you do not approve"));

  return g_strdup_printf (_("Connected to %s as %s (%s).\nRoles: %s\nTayori plugin: %s\nApproval levels: %u, %s"),
                          info->site_name, info->user_display, info->user_login, roles, plugin,
                          info->approval_levels, level);
}

static void
tested_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriCmsPreferencesPage) self = user_data;
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  info = tayori_cms_sync_test_account_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info == NULL)
    text = g_strdup_printf (_("The connection failed: %s\n(%s)"),
                            error->domain == TAYORI_CMS_ERROR ? tayori_cms_error_advice (error->code) : "",
                            error->message);
  else
    text = describe_site (info);
  show_result (self, text);
}

static void
test_account (TayoriCmsPreferencesPage *self,
              const TayoriAccount      *account,
              const char               *secret)
{
  show_result (self, _("Testing the connection…"));
  tayori_cms_sync_test_account_async (tayori_cms_service_get_sync (self->service), account, secret,
                                      self->cancellable, tested_cb, g_object_ref (self));
}

static TayoriAccount *
form_account (TayoriCmsPreferencesPage *self)
{
  return tayori_account_new (TAYORI_ACCOUNT_CMS, entry_text (self->name_row), "wordpress",
                             entry_text (self->url_row), entry_text (self->user_row));
}

static void
test_clicked_cb (TayoriCmsPreferencesPage *self)
{
  g_autoptr(TayoriAccount) account = form_account (self);

  test_account (self, account, entry_text (ADW_ENTRY_ROW (self->password_row)));
}

/* Testing a configured site: its secret from the keyring first */

typedef struct {
  TayoriCmsPreferencesPage *self;
  TayoriAccount *account;
} RowTest;

static void
row_test_free (RowTest *test)
{
  g_object_unref (test->self);
  tayori_account_free (test->account);
  g_free (test);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RowTest, row_test_free)

static void
row_secret_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(RowTest) test = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = NULL;

  secret = tayori_secret_lookup_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (secret == NULL)
    show_result (test->self, _("No application password is stored for this site."));
  else
    test_account (test->self, test->account, secret);
}

static void
row_test_clicked_cb (GtkButton                *button,
                     TayoriCmsPreferencesPage *self)
{
  const TayoriAccount *account = g_object_get_data (G_OBJECT (button), "account");
  RowTest *test = g_new0 (RowTest, 1);

  test->self = g_object_ref (self);
  test->account = tayori_account_copy (account);
  tayori_secret_lookup_async ("cms", account->name, self->cancellable, row_secret_cb, test);
}

static void rebuild (TayoriCmsPreferencesPage *self);

static void
secret_cleared (GTask        *task,
                gpointer      source,
                gpointer      name,
                GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (!tayori_secret_clear_sync ("cms", name, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
row_remove_clicked_cb (GtkButton                *button,
                       TayoriCmsPreferencesPage *self)
{
  const TayoriAccount *account = g_object_get_data (G_OBJECT (button), "account");
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  if (!tayori_accounts_remove (TAYORI_ACCOUNT_CMS, account->name, &error))
    {
      show_result (self, error->message);
      return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdup (account->name), g_free);
  g_task_run_in_thread (task, secret_cleared);
  tayori_cms_service_accounts_changed (self->service);
  rebuild (self);
}

static GtkWidget *
account_row (TayoriCmsPreferencesPage *self,
             TayoriAccount            *account)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *test = gtk_button_new_with_label (_("Test"));
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", account->url, account->user);
  g_autofree char *test_name = g_strdup_printf (_("Test Connection to %s"), account->name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), account->label != NULL ? account->label : account->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (test, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (test), GTK_ACCESSIBLE_PROPERTY_LABEL, test_name, -1);
  g_object_set_data_full (G_OBJECT (test), "account", tayori_account_copy (account),
                          (GDestroyNotify) tayori_account_free);
  g_signal_connect (test, "clicked", G_CALLBACK (row_test_clicked_cb), self);
  gtk_widget_set_sensitive (test, tayori_cms_service_get_sync (self->service) != NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), test);

  if (account->locked)
    {
      GtkWidget *lock = gtk_image_new_from_icon_name ("system-lock-screen-symbolic");

      gtk_widget_set_tooltip_text (lock, _("Set by your organisation"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (lock), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Set by your organisation"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), lock);
    }
  else
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), account->name);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data_full (G_OBJECT (remove), "account", tayori_account_copy (account),
                              (GDestroyNotify) tayori_account_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (row_remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

static void
rebuild (TayoriCmsPreferencesPage *self)
{
  g_autoptr(GPtrArray) accounts = tayori_cms_service_dup_accounts (self->service);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sites_list))) != NULL)
    gtk_list_box_remove (self->sites_list, child);
  for (guint i = 0; i < accounts->len; i++)
    gtk_list_box_append (self->sites_list, account_row (self, g_ptr_array_index (accounts, i)));
  if (accounts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No sites yet"));
      gtk_list_box_append (self->sites_list, row);
    }
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TayoriCmsPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_secret_store_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_result (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_result (self, _("The site was added."));
  tayori_cms_service_accounts_changed (self->service);
  rebuild (self);
}

static void
add_clicked_cb (TayoriCmsPreferencesPage *self)
{
  g_autoptr(TayoriAccount) account = form_account (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup_printf ("Tayori CMS %s", account->name);

  if (!tayori_accounts_save (account, &error))
    {
      show_result (self, error->message);
      return;
    }
  tayori_secret_store_async ("cms", account->name, label, entry_text (ADW_ENTRY_ROW (self->password_row)),
                             self->cancellable, stored_cb, g_object_ref (self));
}

GtkWidget *
tayori_cms_preferences_page_new (TayoriCmsService *service)
{
  TayoriCmsPreferencesPage *self;

  g_return_val_if_fail (TAYORI_IS_CMS_SERVICE (service), NULL);

  self = g_object_new (TAYORI_TYPE_CMS_PREFERENCES_PAGE, NULL);
  self->service = g_object_ref (service);
  rebuild (self);
  form_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
tayori_cms_preferences_page_dispose (GObject *object)
{
  TayoriCmsPreferencesPage *self = TAYORI_CMS_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->service);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_CMS_PREFERENCES_PAGE);

  G_OBJECT_CLASS (tayori_cms_preferences_page_parent_class)->dispose (object);
}

static void
tayori_cms_preferences_page_class_init (TayoriCmsPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_cms_preferences_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/review/tayori-cms-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, sites_list);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, test_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriCmsPreferencesPage, result_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
tayori_cms_preferences_page_init (TayoriCmsPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
