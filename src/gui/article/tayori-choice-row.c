/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChoiceRow: the model holds the raw values ("" for none first); an expression turns
 * them into labels, so the value a row binds to is never a translated string. A value not
 * in the preset (an imported article) is kept and shown rather than silently dropped. */
#include <glib/gi18n.h>

#include "tayori-choice-row.h"

struct _TayoriChoiceRow
{
  AdwComboRow parent_instance;

  char **options;
  char *value;
  char *none_label;
  guint hierarchical : 1;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (TayoriChoiceRow, tayori_choice_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_HIERARCHICAL,
  PROP_NONE_LABEL,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

char *
tayori_choice_row_format (const char *value,
                          gboolean    hierarchical)
{
  g_auto(GStrv) parts = NULL;

  if (!hierarchical || value == NULL)
    return g_strdup (value);
  parts = g_strsplit (value, "/", -1);
  return g_strjoinv (" › ", parts);
}

static char *
item_label_cb (GObject         *item,
               const char      *value,
               TayoriChoiceRow *self)
{
  if (value == NULL || *value == '\0')
    return g_strdup (self->none_label != NULL ? self->none_label : _("None"));
  return tayori_choice_row_format (value, self->hierarchical);
}

static guint
find_value (GListModel *model,
            const char *value)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), value) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
rebuild (TayoriChoiceRow *self)
{
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);
  const char *value = self->value != NULL ? self->value : "";

  gtk_string_list_append (values, "");
  for (guint i = 0; self->options != NULL && self->options[i] != NULL; i++)
    gtk_string_list_append (values, self->options[i]);
  if (find_value (G_LIST_MODEL (values), value) == GTK_INVALID_LIST_POSITION)
    gtk_string_list_append (values, value);

  self->syncing = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (values));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), find_value (G_LIST_MODEL (values), value));
  self->syncing = FALSE;
}

static void
selected_changed_cb (TayoriChoiceRow *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (self));

  if (self->syncing || item == NULL)
    return;
  tayori_choice_row_set_value (self, gtk_string_object_get_string (item));
}

void
tayori_choice_row_set_options (TayoriChoiceRow    *self,
                               const char * const *options)
{
  g_return_if_fail (TAYORI_IS_CHOICE_ROW (self));

  g_strfreev (self->options);
  self->options = g_strdupv ((char **) options);
  rebuild (self);
}

const char *
tayori_choice_row_get_value (TayoriChoiceRow *self)
{
  g_return_val_if_fail (TAYORI_IS_CHOICE_ROW (self), NULL);
  return self->value != NULL ? self->value : "";
}

void
tayori_choice_row_set_value (TayoriChoiceRow *self,
                             const char      *value)
{
  GListModel *model;
  guint position;

  g_return_if_fail (TAYORI_IS_CHOICE_ROW (self));

  if (value == NULL)
    value = "";
  if (g_strcmp0 (tayori_choice_row_get_value (self), value) == 0)
    return;

  g_free (self->value);
  self->value = g_strdup (value);

  model = adw_combo_row_get_model (ADW_COMBO_ROW (self));
  position = model != NULL ? find_value (model, value) : GTK_INVALID_LIST_POSITION;
  if (position == GTK_INVALID_LIST_POSITION)
    rebuild (self);
  else
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
      self->syncing = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
tayori_choice_row_finalize (GObject *object)
{
  TayoriChoiceRow *self = TAYORI_CHOICE_ROW (object);

  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->none_label, g_free);

  G_OBJECT_CLASS (tayori_choice_row_parent_class)->finalize (object);
}

static void
tayori_choice_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TayoriChoiceRow *self = TAYORI_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:        g_value_set_string (value, tayori_choice_row_get_value (self)); break;
    case PROP_HIERARCHICAL: g_value_set_boolean (value, self->hierarchical); break;
    case PROP_NONE_LABEL:   g_value_set_string (value, self->none_label); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_choice_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TayoriChoiceRow *self = TAYORI_CHOICE_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      tayori_choice_row_set_value (self, g_value_get_string (value));
      break;
    case PROP_HIERARCHICAL:
      self->hierarchical = g_value_get_boolean (value);
      break;
    case PROP_NONE_LABEL:
      g_free (self->none_label);
      self->none_label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_choice_row_class_init (TayoriChoiceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tayori_choice_row_finalize;
  object_class->get_property = tayori_choice_row_get_property;
  object_class->set_property = tayori_choice_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Labels are read when the model is built: both are set once, from the .ui */
  properties[PROP_HIERARCHICAL] =
    g_param_spec_boolean ("hierarchical", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_choice_row_init (TayoriChoiceRow *self)
{
  GtkExpression *string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GtkExpression) label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &string,
                                                                G_CALLBACK (item_label_cb),
                                                                self, NULL);

  adw_combo_row_set_expression (ADW_COMBO_ROW (self), label);
  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_changed_cb), NULL);
  rebuild (self);
}

