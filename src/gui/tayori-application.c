/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriApplication: settings, preset, the AI, CMS and SNS services, app actions and the one
 * main window.
 * Quitting closes the windows, and each window saves the open article before it goes away. */
#define G_LOG_DOMAIN "tayori-application"

#include <glib/gi18n.h>

#include "tayori-ai-service.h"
#include "tayori-application.h"
#include "tayori-cms-service.h"
#include "tayori-preferences-window.h"
#include "tayori-sns-service.h"
#include "tayori-window.h"

struct _TayoriApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  TayoriPreset   *preset;
  TayoriAiService *ai;
  TayoriCmsService *cms;
  TayoriSnsService *sns;
};

G_DEFINE_FINAL_TYPE (TayoriApplication, tayori_application, ADW_TYPE_APPLICATION)

static TayoriWindow *
tayori_application_get_main_window (TayoriApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (TAYORI_IS_WINDOW (l->data))
        return TAYORI_WINDOW (l->data);
    }

  return NULL;
}

static gboolean
color_scheme_from_setting (GValue   *value,
                           GVariant *variant,
                           gpointer  user_data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  if (g_strcmp0 (scheme, "light") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

static void
tayori_application_preferences (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  TayoriApplication *self = user_data;
  TayoriWindow *window = tayori_application_get_main_window (self);
  GtkWidget *preferences;

  preferences = tayori_preferences_window_new (self->settings, self->preset,
                                               window != NULL ? tayori_window_get_store_path (window) : NULL,
                                               self->ai);
  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
tayori_application_shortcuts (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  TayoriWindow *window = tayori_application_get_main_window (TAYORI_APPLICATION (user_data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
tayori_application_about (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  TayoriWindow *window = tayori_application_get_main_window (TAYORI_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", "便り",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Tayori Contributors"),
                        "comments", _("Write notices for the city website and see how they will look on a computer and on a phone."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
tayori_application_quit (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  g_autoptr(GList) windows = NULL;

  /* Closing a main window flushes its article (holding the app) before it is destroyed;
   * the application ends when the last window is gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "preferences", tayori_application_preferences },
  { "shortcuts", tayori_application_shortcuts },
  { "about", tayori_application_about },
  { "quit", tayori_application_quit },
};

static void
tayori_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  TayoriApplication *self = TAYORI_APPLICATION (application);
  g_autoptr(GError) error = NULL;

  G_APPLICATION_CLASS (tayori_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET, color_scheme_from_setting, NULL, NULL, NULL);

  /* A malformed preset must not stop the staff from working: the defaults stay. */
  self->preset = tayori_preset_load (&error);
  if (error != NULL)
    g_warning ("Organisation preset not applied: %s", error->message);
  if (self->preset == NULL)
    self->preset = tayori_preset_new_defaults ();

  /* One assistant for the whole application. Its classifier learns from the store once the
   * window's article page has it (tayori_ai_service_train), and relearns each saved article. */
  self->ai = tayori_ai_service_new (self->preset, NULL);
  tayori_ai_service_set_default (self->ai);
  /* One link to the CMS sites; the window gives it the store once that is open */
  self->cms = tayori_cms_service_new (self->preset);
  tayori_cms_service_set_default (self->cms);
  /* The one post queue: the window's page gives it the store, which starts it (scheduled
   * posts go out while the app runs) */
  self->sns = tayori_sns_service_new (self->preset, self->settings);
  tayori_sns_service_set_default (self->sns);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static void
tayori_application_activate (GApplication *application)
{
  TayoriApplication *self = TAYORI_APPLICATION (application);
  TayoriWindow *window = tayori_application_get_main_window (self);

  if (window == NULL)
    window = tayori_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
tayori_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  TayoriApplication *self = TAYORI_APPLICATION (application);

  g_application_activate (application);
  tayori_window_import_files (tayori_application_get_main_window (self), files, (guint) n_files);
}

static void
tayori_application_constructed (GObject *object)
{
  G_OBJECT_CLASS (tayori_application_parent_class)->constructed (object);

  /* style.css, style-dark.css and gtk/help-overlay.ui are found under this path, whatever
   * the application id (a development build may use another one). */
  g_application_set_resource_base_path (G_APPLICATION (object), "/io/github/tayori/Tayori");
}

static void
tayori_application_dispose (GObject *object)
{
  TayoriApplication *self = TAYORI_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->preset);
  g_clear_object (&self->ai);
  g_clear_object (&self->cms);
  g_clear_object (&self->sns);

  G_OBJECT_CLASS (tayori_application_parent_class)->dispose (object);
}

static void
tayori_application_class_init (TayoriApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->constructed = tayori_application_constructed;
  object_class->dispose = tayori_application_dispose;

  application_class->startup = tayori_application_startup;
  application_class->activate = tayori_application_activate;
  application_class->open = tayori_application_open;
}

static void
tayori_application_init (TayoriApplication *self)
{
}

TayoriApplication *
tayori_application_new (void)
{
  return g_object_new (TAYORI_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
tayori_application_get_settings (TayoriApplication *self)
{
  g_return_val_if_fail (TAYORI_IS_APPLICATION (self), NULL);

  return self->settings;
}

TayoriPreset *
tayori_application_get_preset (TayoriApplication *self)
{
  g_return_val_if_fail (TAYORI_IS_APPLICATION (self), NULL);

  return self->preset;
}
