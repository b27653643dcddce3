/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreferencesWindow: rows bound to GSettings (a locked key makes its row insensitive
 * by itself), read-only rows describing the organisation preset, locked ones marked, and the
 * AI page (src/gui/ai) when the application has an AI service. */
#define G_LOG_DOMAIN "tayori-preferences"

#include <glib/gi18n.h>

#include "tayori-ai-preferences-page.h"
#include "tayori-cms-preferences-page.h"
#include "tayori-preferences-window.h"
#include "tayori-sns-accounts-page.h"

struct _TayoriPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *style_row;
  AdwEntryRow          *author_row;
  AdwComboRow          *preview_mode_row;
  GtkAdjustment        *zoom_adjustment;
  AdwActionRow         *store_row;
  GtkWidget            *open_folder_button;
  AdwPreferencesGroup  *preset_group;
  AdwPreferencesGroup  *contact_group;

  char                 *store_path;
};

G_DEFINE_FINAL_TYPE (TayoriPreferencesWindow, tayori_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows list these setting values in this order. */
static const char * const color_schemes[] = { "default", "light", "dark", NULL };
static const char * const preview_modes[] = { "desktop", "phone", NULL };

static gboolean
choice_from_setting (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *current = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], current))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
choice_to_setting (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  const char * const *choices = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[position]);
}

static gboolean
percent_from_zoom (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_zoom (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100.0);
}

static void
tayori_preferences_window_open_folder_cb (TayoriPreferencesWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->store_path == NULL)
    return;

  file = g_file_new_for_path (self->store_path);
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
tayori_preferences_window_add_preset_row (TayoriPreferencesWindow *self,
                                          AdwPreferencesGroup     *group,
                                          TayoriPreset            *preset,
                                          const char              *title,
                                          const char              *value,
                                          const char              *key)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0' ? value : _("Not set"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (key != NULL && tayori_preset_is_locked (preset, key))
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Locked"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_widget_set_sensitive (row, FALSE);
      gtk_widget_set_tooltip_text (row, _("Locked by the organisation settings"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Locked by the organisation settings"), -1);
    }

  adw_preferences_group_add (group, row);
}

static void
tayori_preferences_window_add_list_row (TayoriPreferencesWindow *self,
                                        TayoriPreset            *preset,
                                        const char              *title,
                                        const char * const      *values,
                                        const char              *key)
{
  g_autofree char *joined = g_strjoinv ("、", (char **) values);
  guint n_values = values != NULL ? g_strv_length ((char **) values) : 0;
  g_autofree char *summary = NULL;

  /* Translators: "%u items" followed by the items, separated by "、" */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item: %s", "%u items: %s", n_values),
                             n_values, joined);
  tayori_preferences_window_add_preset_row (self, self->preset_group, preset, title, summary, key);
}

static void
tayori_preferences_window_fill_preset (TayoriPreferencesWindow *self,
                                       TayoriPreset            *preset)
{
  static const struct {
    const char *key;
    const char *title;
  } contact_rows[] = {
    { "section", N_("Section in Charge") },
    { "phone", N_("Phone Number") },
    { "fax", N_("Fax Number") },
    { "email", N_("Email Address") },
    { "address", N_("Postal Address") },
  };
  const char *source = tayori_preset_get_source (preset);
  const char *template_dir = tayori_preset_get_template_dir (preset);
  g_autofree char *summary_limit = NULL;

  tayori_preferences_window_add_preset_row (self, self->preset_group, preset, _("Settings File"),
                                            g_strcmp0 (source, "defaults") == 0 ? _("Built-in defaults") : source,
                                            NULL);
  tayori_preferences_window_add_preset_row (self, self->preset_group, preset, _("City"),
                                            tayori_preset_get_city_name (preset), "city/name");
  tayori_preferences_window_add_list_row (self, preset, _("Categories"),
                                          tayori_preset_get_categories (preset), "lists/categories");
  tayori_preferences_window_add_list_row (self, preset, _("Audiences"),
                                          tayori_preset_get_audiences (preset), "lists/audiences");
  tayori_preferences_window_add_list_row (self, preset, _("Wards"),
                                          tayori_preset_get_wards (preset), "lists/wards");
  tayori_preferences_window_add_list_row (self, preset, _("Departments"),
                                          tayori_preset_get_departments (preset), "lists/departments");

  summary_limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters",
                                                tayori_preset_get_summary_limit (preset)),
                                   tayori_preset_get_summary_limit (preset));
  tayori_preferences_window_add_preset_row (self, self->preset_group, preset, _("Summary Length Limit"),
                                            summary_limit, "article/summary-limit");
  tayori_preferences_window_add_preset_row (self, self->preset_group, preset, _("Preview Template"),
                                            template_dir != NULL ? template_dir : _("Bundled with Tayori"),
                                            "preview/template-dir");

  for (guint i = 0; i < G_N_ELEMENTS (contact_rows); i++)
    {
      g_autofree char *key = g_strconcat ("contact/", contact_rows[i].key, NULL);

      tayori_preferences_window_add_preset_row (self, self->contact_group, preset,
                                                g_dgettext (GETTEXT_PACKAGE, contact_rows[i].title),
                                                tayori_preset_get_contact_default (preset, contact_rows[i].key),
                                                key);
    }
}

static void
tayori_preferences_window_finalize (GObject *object)
{
  TayoriPreferencesWindow *self = TAYORI_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (tayori_preferences_window_parent_class)->finalize (object);
}

static void
tayori_preferences_window_class_init (TayoriPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tayori_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/ui/tayori-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, preview_mode_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, zoom_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, store_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, open_folder_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, preset_group);
  gtk_widget_class_bind_template_child (widget_class, TayoriPreferencesWindow, contact_group);
  gtk_widget_class_bind_template_callback (widget_class, tayori_preferences_window_open_folder_cb);
}

static void
tayori_preferences_window_init (TayoriPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tayori_preferences_window_new (GSettings       *settings,
                               TayoriPreset    *preset,
                               const char      *store_path,
                               TayoriAiService *ai)
{
  TayoriPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (ai == NULL || TAYORI_IS_AI_SERVICE (ai), NULL);

  self = g_object_new (TAYORI_TYPE_PREFERENCES_WINDOW, NULL);
  self->store_path = g_strdup (store_path);

  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_from_setting, choice_to_setting, (gpointer) color_schemes, NULL);
  g_settings_bind_with_mapping (settings, "preview-mode", self->preview_mode_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, choice_from_setting, choice_to_setting,
                                (gpointer) preview_modes, NULL);
  g_settings_bind_with_mapping (settings, "preview-zoom", self->zoom_adjustment, "value", G_SETTINGS_BIND_DEFAULT,
                                percent_from_zoom, percent_to_zoom, NULL, NULL);
  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);

  adw_action_row_set_subtitle (self->store_row, store_path != NULL ? store_path : _("Being opened…"));
  gtk_widget_set_sensitive (self->open_folder_button, store_path != NULL);

  tayori_preferences_window_fill_preset (self, preset);
  if (ai != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (tayori_ai_preferences_page_new (ai)));
  if (tayori_cms_service_get_default () != NULL)
    adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                ADW_PREFERENCES_PAGE (tayori_cms_preferences_page_new (tayori_cms_service_get_default ())));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (tayori_sns_accounts_page_new (preset)));

  return GTK_WIDGET (self);
}
