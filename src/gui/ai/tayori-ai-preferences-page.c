/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiPreferencesPage: policy rows are read-only and marked locked; the route rows offer
 * the organisation's choice, the built-in assistant and every service, and are insensitive
 * with the reason when the policy leaves no choice. Saving services and exporting the log
 * happen on worker threads; keys go to libsecret only. */
#define G_LOG_DOMAIN "tayori-ai"

#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-endpoint-row.h"
#include "tayori-ai-preferences-page.h"
#include "tayori-secret.h"

struct _TayoriAiPreferencesPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *policy_group;
  AdwComboRow          *text_route_row;
  AdwComboRow          *image_route_row;
  AdwPreferencesGroup  *endpoints_group;
  GtkWidget            *add_button;

  TayoriAiService      *service;
  GPtrArray            *service_rows;   /* rows of the endpoints group */
  GPtrArray            *route_names;    /* per combo position: NULL, "builtin", endpoint names */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  guint                 filling : 1;
};

G_DEFINE_FINAL_TYPE (TayoriAiPreferencesPage, tayori_ai_preferences_page, ADW_TYPE_PREFERENCES_PAGE)

static void fill_services (TayoriAiPreferencesPage *self);

static void
toast (TayoriAiPreferencesPage *self,
       const char              *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* Policy */

static void
add_policy_row (TayoriAiPreferencesPage *self,
                const char              *title,
                const char              *value,
                gboolean                 locked)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (locked)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"), -1);
      gtk_widget_set_tooltip_text (icon, _("Locked by the organisation settings"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  adw_preferences_group_add (self->policy_group, row);
}

static void
fill_policy (TayoriAiPreferencesPage *self)
{
  TayoriAiPolicy *policy = tayori_ai_assistant_get_policy (tayori_ai_service_get_assistant (self->service));
  g_autoptr(GKeyFile) keyfile = tayori_preset_dup_ai_keyfile (tayori_ai_service_get_preset (self->service));
  g_autofree char *personal = g_key_file_get_string (keyfile, "ai", "personal-data", NULL);
  gboolean locked = tayori_ai_policy_is_locked (policy);
  const char *mode;
  g_autofree char *disclosure = NULL;

  switch (tayori_ai_policy_get_mode (policy))
    {
    case TAYORI_AI_MODE_OFF:     mode = _("Turned off"); break;
    case TAYORI_AI_MODE_BUILTIN: mode = _("Only the built-in assistant: nothing leaves this computer"); break;
    case TAYORI_AI_MODE_LISTED:
    default:                     mode = _("The built-in assistant and the services your organisation lists"); break;
    }
  add_policy_row (self, _("AI Assistance"), mode, locked);
  add_policy_row (self, _("Generated Pictures"),
                  tayori_ai_policy_allows_images (policy) ? _("Allowed") : _("Only the built-in thumbnail card"), locked);
  add_policy_row (self, _("Personal Data"),
                  g_strcmp0 (personal, "block") == 0 ? _("Text with personal data is not sent")
                                                     : _("Replaced with [個人情報] before sending"), locked);
  if (tayori_ai_policy_requires_disclosure (policy))
    /* TRANSLATORS: %s is the disclosure line added to articles */
    disclosure = g_strdup_printf (_("Required: “%s”"), tayori_ai_policy_get_disclosure_text (policy));
  add_policy_row (self, _("Disclosure Line"), disclosure != NULL ? disclosure : _("Not required"), locked);
}

/* Routes */

static guint
route_position (TayoriAiPreferencesPage *self,
                const char              *name)
{
  for (guint i = 0; i < self->route_names->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->route_names, i), name) == 0)
      return i;
  return 0;
}

static void
route_selected_cb (TayoriAiPreferencesPage *self,
                   GParamSpec              *pspec,
                   AdwComboRow             *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || selected >= self->route_names->len)
    return;
  tayori_ai_service_set_route (self->service, row == self->image_route_row,
                               g_ptr_array_index (self->route_names, selected));
}

static void
fill_routes (TayoriAiPreferencesPage *self)
{
  TayoriAiPolicy *policy = tayori_ai_assistant_get_policy (tayori_ai_service_get_assistant (self->service));
  TayoriPreset *preset = tayori_ai_service_get_preset (self->service);
  GPtrArray *endpoints = tayori_ai_service_get_endpoints (self->service);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  TayoriAiMode mode = tayori_ai_policy_get_mode (policy);
  AdwComboRow *rows[2] = { self->text_route_row, self->image_route_row };
  const char *lock_keys[2] = { "ai/text-provider", "ai/image-provider" };

  self->filling = TRUE;
  g_ptr_array_set_size (self->route_names, 0);
  g_ptr_array_add (self->route_names, NULL);
  gtk_string_list_append (labels, _("As your organisation chose"));
  g_ptr_array_add (self->route_names, g_strdup ("builtin"));
  gtk_string_list_append (labels, _("Built-in assistant, on this computer"));
  for (guint i = 0; i < endpoints->len; i++)
    {
      TayoriAiEndpoint *endpoint = g_ptr_array_index (endpoints, i);

      g_ptr_array_add (self->route_names, g_strdup (tayori_ai_endpoint_get_name (endpoint)));
      gtk_string_list_append (labels, tayori_ai_endpoint_get_label (endpoint));
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *why = NULL;

      if (mode == TAYORI_AI_MODE_OFF)
        why = _("AI assistance is turned off by your organisation");
      else if (mode == TAYORI_AI_MODE_BUILTIN)
        why = _("Your organisation allows only the built-in assistant");
      else if (tayori_preset_is_locked (preset, lock_keys[i]))
        why = _("Chosen by your organisation");
      adw_combo_row_set_model (rows[i], G_LIST_MODEL (labels));
      adw_combo_row_set_selected (rows[i], route_position (self, tayori_ai_service_get_route (self->service, i == 1)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (rows[i]), why != NULL ? why : "");
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), why == NULL);
    }
  self->filling = FALSE;
}

/* Services */

typedef struct {
  TayoriAiPreferencesPage *self;
  GPtrArray *endpoints;     /* the user's, to save */
  char *forget;             /* the name whose key goes, or NULL */
} Saving;

static void
saving_free (Saving *saving)
{
  g_clear_object (&saving->self);
  g_clear_pointer (&saving->endpoints, g_ptr_array_unref);
  g_free (saving->forget);
  g_free (saving);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Saving *saving = task_data;
  GError *error = NULL;

  if (!tayori_ai_endpoints_save_user (saving->endpoints, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (saving->forget != NULL && !tayori_secret_clear_sync ("ai-endpoint", saving->forget, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  TayoriAiPreferencesPage *self = TAYORI_AI_PREFERENCES_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      message = g_strdup_printf (_("The AI services could not be saved: %s"), error->message);
      toast (self, message);
      return;
    }
  tayori_ai_service_reload (self->service);
  fill_services (self);
  fill_routes (self);
  toast (self, _("AI services saved"));
}

static void
key_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TayoriAiPreferencesPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!tayori_secret_store_finish (result, &error) && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The API key could not be stored in the keyring: %s"),
                                                  error->message);

      toast (self, message);
    }
}

/* Saves every user service as its row describes it, leaving @removed out */
static void
save_services (TayoriAiPreferencesPage *self,
               TayoriAiEndpointRow     *removed)
{
  g_autoptr(GTask) task = NULL;
  Saving *saving = g_new0 (Saving, 1);

  saving->self = g_object_ref (self);
  saving->endpoints = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->service_rows, i);
      g_autoptr(GError) error = NULL;
      TayoriAiEndpoint *endpoint;

      if (!TAYORI_IS_AI_ENDPOINT_ROW (row) || row == GTK_WIDGET (removed))
        continue;
      endpoint = tayori_ai_endpoint_row_build (TAYORI_AI_ENDPOINT_ROW (row), &error);
      if (endpoint == NULL)
        {
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          toast (self, error->message);
          saving_free (saving);
          return;
        }
      g_ptr_array_add (saving->endpoints, endpoint);
    }
  if (removed != NULL)
    saving->forget = g_strdup (tayori_ai_endpoint_row_get_saved_name (removed));

  task = g_task_new (self, self->cancellable, saved_cb, NULL);
  g_task_set_source_tag (task, save_services);
  g_task_set_task_data (task, saving, (GDestroyNotify) saving_free);
  g_task_run_in_thread (task, save_thread);
}

static void
row_save_cb (TayoriAiPreferencesPage *self,
             TayoriAiEndpointRow     *row)
{
  g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_row_build (row, NULL);
  g_autofree char *key = tayori_ai_endpoint_row_take_key (row);

  if (endpoint != NULL && key != NULL)
    {
      g_autofree char *label = g_strdup_printf ("Tayori: %s", tayori_ai_endpoint_get_name (endpoint));

      tayori_secret_store_async ("ai-endpoint", tayori_ai_endpoint_get_name (endpoint), label, key,
                                 self->cancellable, key_stored_cb, g_object_ref (self));
    }
  save_services (self, NULL);
}

static void
row_remove_cb (TayoriAiPreferencesPage *self,
               TayoriAiEndpointRow     *row)
{
  if (tayori_ai_endpoint_row_get_saved_name (row) == NULL)
    {
      g_ptr_array_remove (self->service_rows, row);
      adw_preferences_group_remove (self->endpoints_group, GTK_WIDGET (row));
      return;
    }
  save_services (self, row);
}

static void
add_user_row (TayoriAiPreferencesPage *self,
              TayoriAiEndpoint        *endpoint)
{
  GtkWidget *row = tayori_ai_endpoint_row_new (endpoint);

  g_signal_connect_object (row, "save", G_CALLBACK (row_save_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (row_remove_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->service_rows, row);
  adw_preferences_group_add (self->endpoints_group, row);
}

static void
fill_services (TayoriAiPreferencesPage *self)
{
  GPtrArray *endpoints = tayori_ai_service_get_endpoints (self->service);

  for (guint i = 0; i < self->service_rows->len; i++)
    adw_preferences_group_remove (self->endpoints_group, g_ptr_array_index (self->service_rows, i));
  g_ptr_array_set_size (self->service_rows, 0);

  for (guint i = 0; i < endpoints->len; i++)
    {
      TayoriAiEndpoint *endpoint = g_ptr_array_index (endpoints, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (tayori_ai_service_is_user_endpoint (self->service, endpoint))
        {
          add_user_row (self, endpoint);
          continue;
        }
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tayori_ai_endpoint_get_label (endpoint));
      subtitle = g_strdup_printf ("%s · %s · %s", tayori_ai_endpoint_get_kind (endpoint),
                                  tayori_ai_endpoint_get_host (endpoint), tayori_ai_endpoint_get_model (endpoint));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Set by your organisation"), -1);
      gtk_widget_set_tooltip_text (icon, _("Set by your organisation"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      g_ptr_array_add (self->service_rows, row);
      adw_preferences_group_add (self->endpoints_group, row);
    }
}

static void
add_clicked_cb (TayoriAiPreferencesPage *self)
{
  add_user_row (self, NULL);
}

/* Usage log */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TayoriAiPreferencesPage *self = source_object;
  g_autofree char *csv = NULL;
  GError *error = NULL;

  csv = tayori_ai_usage_log_export_csv (tayori_ai_service_get_usage_log (self->service), &error);
  if (csv == NULL || !g_file_replace_contents (task_data, csv, strlen (csv), NULL, FALSE,
                                               G_FILE_CREATE_PRIVATE, NULL, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  TayoriAiPreferencesPage *self = TAYORI_AI_PREFERENCES_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    toast (self, _("AI usage log exported"));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *message = g_strdup_printf (_("The AI usage log could not be exported: %s"), error->message);

      toast (self, message);
    }
}

static void
chooser_response_cb (TayoriAiPreferencesPage *self,
                     int                      response)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, exported_cb, NULL);

      g_task_set_source_tag (task, chooser_response_cb);
      g_task_set_task_data (task, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser)), g_object_unref);
      g_task_run_in_thread (task, export_thread);
    }
  g_clear_object (&self->chooser);
}

static void
export_activated_cb (TayoriAiPreferencesPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "ai-usage-%Y%m%d.csv");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  if (tayori_ai_service_get_usage_log (self->service) == NULL)
    {
      toast (self, _("There is no AI usage log on this computer"));
      return;
    }
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  self->chooser = gtk_file_chooser_native_new (_("Export AI Usage Log"),
                                               GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* GObject */

GtkWidget *
tayori_ai_preferences_page_new (TayoriAiService *service)
{
  TayoriAiPreferencesPage *self;

  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (service), NULL);

  self = g_object_new (TAYORI_TYPE_AI_PREFERENCES_PAGE, NULL);
  self->service = g_object_ref (service);
  fill_policy (self);
  fill_routes (self);
  fill_services (self);
  return GTK_WIDGET (self);
}

static void
tayori_ai_preferences_page_dispose (GObject *object)
{
  TayoriAiPreferencesPage *self = TAYORI_AI_PREFERENCES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_AI_PREFERENCES_PAGE);
  g_clear_pointer (&self->service_rows, g_ptr_array_unref);
  g_clear_pointer (&self->route_names, g_ptr_array_unref);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (tayori_ai_preferences_page_parent_class)->dispose (object);
}

static void
tayori_ai_preferences_page_class_init (TayoriAiPreferencesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_ai_preferences_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/ai/tayori-ai-preferences-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPreferencesPage, policy_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPreferencesPage, text_route_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPreferencesPage, image_route_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPreferencesPage, endpoints_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriAiPreferencesPage, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_activated_cb);
}

static void
tayori_ai_preferences_page_init (TayoriAiPreferencesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->service_rows = g_ptr_array_new ();
  self->route_names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->text_route_row, "notify::selected", G_CALLBACK (route_selected_cb), self);
  g_signal_connect_swapped (self->image_route_row, "notify::selected", G_CALLBACK (route_selected_cb), self);
}
