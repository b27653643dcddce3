/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiEndpointRow: the fields are plain rows; building goes through a keyfile group so the
 * keys this row does not show (timeouts, headers, Azure details) are kept as they were. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-endpoint-row.h"

static const char * const kinds[] = { "openai", "anthropic", "sdwebui", NULL };

struct _TayoriAiEndpointRow
{
  AdwExpanderRow    parent_instance;

  AdwEntryRow      *name_row;
  AdwComboRow      *kind_row;
  AdwEntryRow      *url_row;
  AdwEntryRow      *model_row;
  AdwEntryRow      *image_model_row;
  AdwPasswordEntryRow *key_row;
  TayoriAiEndpoint *endpoint;     /* as loaded, or NULL */
  char             *saved_name;
};

G_DEFINE_FINAL_TYPE (TayoriAiEndpointRow, tayori_ai_endpoint_row, ADW_TYPE_EXPANDER_ROW)

enum {
  SIGNAL_SAVE,
  SIGNAL_REMOVE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static AdwEntryRow *
entry_row (TayoriAiEndpointRow *self,
           GtkWidget           *row,
           const char          *title,
           const char          *text)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
  return ADW_ENTRY_ROW (row);
}

static char *
field (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

TayoriAiEndpoint *
tayori_ai_endpoint_row_build (TayoriAiEndpointRow  *self,
                              GError              **error)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *name = field (self->name_row);
  g_autofree char *url = field (self->url_row);
  g_autofree char *model = field (self->model_row);
  g_autofree char *image_model = field (self->image_model_row);
  g_autofree char *group = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT_ROW (self), NULL);

  if (*name == '\0' || strpbrk (name, "[]:;") != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Give the service a name without brackets, colons or semicolons."));
      return NULL;
    }
  if (!g_str_has_prefix (url, "https://") && !g_str_has_prefix (url, "http://"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The base URL must start with https:// (or http:// for a service on your network)."));
      return NULL;
    }
  group = g_strconcat ("ai-endpoint:", name, NULL);
  /* Keys the row does not show stay as they were, even when the name changed */
  if (self->endpoint != NULL)
    {
      g_autoptr(GKeyFile) loaded = g_key_file_new ();
      g_autofree char *loaded_group = g_strconcat ("ai-endpoint:", tayori_ai_endpoint_get_name (self->endpoint), NULL);
      g_auto(GStrv) keys = NULL;

      tayori_ai_endpoint_to_keyfile (self->endpoint, loaded);
      keys = g_key_file_get_keys (loaded, loaded_group, NULL, NULL);
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        {
          g_autofree char *value = g_key_file_get_value (loaded, loaded_group, keys[i], NULL);

          g_key_file_set_value (keyfile, group, keys[i], value);
        }
    }
  g_key_file_set_string (keyfile, group, "type", kinds[MIN (kind, G_N_ELEMENTS (kinds) - 2)]);
  g_key_file_set_string (keyfile, group, "base-url", url);
  g_key_file_set_string (keyfile, group, "model", model);
  if (*image_model != '\0')
    g_key_file_set_string (keyfile, group, "image-model", image_model);
  else
    g_key_file_remove_key (keyfile, group, "image-model", NULL);
  g_key_file_set_string (keyfile, group, "label", name);
  return tayori_ai_endpoint_new_from_keyfile (keyfile, group, error);
}

const char *
tayori_ai_endpoint_row_get_saved_name (TayoriAiEndpointRow *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT_ROW (self), NULL);
  return self->saved_name;
}

void
tayori_ai_endpoint_row_set_saved_name (TayoriAiEndpointRow *self,
                                       const char          *name)
{
  g_return_if_fail (TAYORI_IS_AI_ENDPOINT_ROW (self));

  g_free (self->saved_name);
  self->saved_name = g_strdup (name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), name != NULL ? name : _("New Service"));
}

char *
tayori_ai_endpoint_row_take_key (TayoriAiEndpointRow *self)
{
  char *key;

  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT_ROW (self), NULL);

  key = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row)));
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  if (*key == '\0')
    g_clear_pointer (&key, g_free);
  return key;
}

static void
save_clicked_cb (TayoriAiEndpointRow *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
remove_clicked_cb (TayoriAiEndpointRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

GtkWidget *
tayori_ai_endpoint_row_new (TayoriAiEndpoint *endpoint)
{
  TayoriAiEndpointRow *self = g_object_new (TAYORI_TYPE_AI_ENDPOINT_ROW, "use-markup", FALSE, NULL);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove"));
  GtkWidget *button_row = gtk_list_box_row_new ();
  const char *kind = endpoint != NULL ? tayori_ai_endpoint_get_kind (endpoint) : kinds[0];

  g_return_val_if_fail (endpoint == NULL || TAYORI_IS_AI_ENDPOINT (endpoint), NULL);

  self->endpoint = endpoint != NULL ? g_object_ref (endpoint) : NULL;
  tayori_ai_endpoint_row_set_saved_name (self, endpoint != NULL ? tayori_ai_endpoint_get_name (endpoint) : NULL);
  if (endpoint != NULL)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), tayori_ai_endpoint_get_base_url (endpoint));

  self->name_row = entry_row (self, adw_entry_row_new (), _("Name"),
                              endpoint != NULL ? tayori_ai_endpoint_get_name (endpoint) : NULL);
  gtk_string_list_append (kind_labels, _("OpenAI-compatible (OpenAI, Azure, Ollama, llama.cpp…)"));
  gtk_string_list_append (kind_labels, _("Anthropic"));
  gtk_string_list_append (kind_labels, _("Stable Diffusion WebUI (pictures only)"));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Type"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->kind_row));
  self->url_row = entry_row (self, adw_entry_row_new (), _("Base URL"),
                             endpoint != NULL ? tayori_ai_endpoint_get_base_url (endpoint) : "https://");
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->url_row), TRUE);
  self->model_row = entry_row (self, adw_entry_row_new (), _("Model"),
                               endpoint != NULL ? tayori_ai_endpoint_get_model (endpoint) : NULL);
  self->image_model_row = entry_row (self, adw_entry_row_new (), _("Image Model"),
                                     endpoint != NULL ? tayori_ai_endpoint_get_image_model (endpoint) : NULL);
  /* The key is never read back: an empty field keeps the stored one */
  self->key_row = ADW_PASSWORD_ENTRY_ROW (entry_row (self, adw_password_entry_row_new (),
                                                     _("API Key (kept in the keyring)"), NULL));

  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect_object (save, "clicked", G_CALLBACK (save_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 8);
  gtk_widget_set_margin_bottom (buttons, 8);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), remove);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (button_row), buttons);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (button_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), button_row);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), endpoint == NULL);
  return GTK_WIDGET (self);
}

static void
tayori_ai_endpoint_row_dispose (GObject *object)
{
  TayoriAiEndpointRow *self = TAYORI_AI_ENDPOINT_ROW (object);

  g_clear_object (&self->endpoint);
  g_clear_pointer (&self->saved_name, g_free);

  G_OBJECT_CLASS (tayori_ai_endpoint_row_parent_class)->dispose (object);
}

static void
tayori_ai_endpoint_row_class_init (TayoriAiEndpointRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tayori_ai_endpoint_row_dispose;

  /**
   * TayoriAiEndpointRow::save:
   *
   * The user asked to save the service as the fields describe it.
   */
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TayoriAiEndpointRow::remove:
   *
   * The user asked to remove the service (and its key).
   */
  signals[SIGNAL_REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tayori_ai_endpoint_row_init (TayoriAiEndpointRow *self)
{
}
