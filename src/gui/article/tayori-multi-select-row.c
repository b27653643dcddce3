/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriMultiSelectRow: check buttons built from the preset list (plus any checked value
 * the list lacks, so an imported article loses nothing); the subtitle sums them up. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-choice-row.h"
#include "tayori-multi-select-row.h"

#define CHILD_INDENT 24

struct _TayoriMultiSelectRow
{
  AdwActionRow parent_instance;

  GtkMenuButton *menu_button;
  GtkBox *check_box;

  char **options;
  char **selected;
  GPtrArray *checks;   /* GtkCheckButton, in the order of values */
  GPtrArray *values;   /* char *, the value of each check */
  guint hierarchical : 1;
  guint syncing : 1;
};

G_DEFINE_FINAL_TYPE (TayoriMultiSelectRow, tayori_multi_select_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_SELECTED,
  PROP_HIERARCHICAL,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];

static void
update_subtitle (TayoriMultiSelectRow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; self->selected[i] != NULL; i++)
    {
      g_autofree char *label = tayori_choice_row_format (self->selected[i], self->hierarchical);

      if (i > 0)
        /* Translators: separates the items of a list shown on one line */
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), text->len > 0 ? text->str : _("None"));
}

static void
sync_checks (TayoriMultiSelectRow *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i),
                                 g_strv_contains ((const char * const *) self->selected,
                                                  g_ptr_array_index (self->values, i)));
  self->syncing = FALSE;
  update_subtitle (self);
}

static void
check_toggled_cb (TayoriMultiSelectRow *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) selected = NULL;

  if (self->syncing)
    return;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (builder, g_ptr_array_index (self->values, i));
  selected = g_strv_builder_end (builder);
  tayori_multi_select_row_set_selected (self, (const char * const *) selected);
}

static void
add_check (TayoriMultiSelectRow *self,
           const char           *value)
{
  const char *slash = self->hierarchical ? strrchr (value, '/') : NULL;
  g_autofree char *full = tayori_choice_row_format (value, self->hierarchical);
  GtkWidget *check = gtk_check_button_new_with_label (slash != NULL ? slash + 1 : value);

  if (slash != NULL)
    {
      gtk_widget_set_margin_start (check, CHILD_INDENT);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
    }
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  gtk_box_append (self->check_box, check);
  g_ptr_array_add (self->checks, check);
  g_ptr_array_add (self->values, g_strdup (value));
}

static void
rebuild (TayoriMultiSelectRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_box))) != NULL)
    gtk_box_remove (self->check_box, child);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->values, 0);

  for (guint i = 0; self->options != NULL && self->options[i] != NULL; i++)
    add_check (self, self->options[i]);
  for (guint i = 0; self->selected[i] != NULL; i++)
    if (self->options == NULL || !g_strv_contains ((const char * const *) self->options, self->selected[i]))
      add_check (self, self->selected[i]);
  sync_checks (self);
}

static gboolean
all_known (TayoriMultiSelectRow *self)
{
  for (guint i = 0; self->selected[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->values, self->selected[i], g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

void
tayori_multi_select_row_set_options (TayoriMultiSelectRow *self,
                                     const char * const   *options)
{
  g_return_if_fail (TAYORI_IS_MULTI_SELECT_ROW (self));

  g_strfreev (self->options);
  self->options = g_strdupv ((char **) options);
  rebuild (self);
}

const char * const *
tayori_multi_select_row_get_selected (TayoriMultiSelectRow *self)
{
  g_return_val_if_fail (TAYORI_IS_MULTI_SELECT_ROW (self), NULL);
  return (const char * const *) self->selected;
}

void
tayori_multi_select_row_set_selected (TayoriMultiSelectRow *self,
                                      const char * const   *selected)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (TAYORI_IS_MULTI_SELECT_ROW (self));

  if (selected == NULL)
    selected = none;
  if (g_strv_equal ((const char * const *) self->selected, selected))
    return;

  g_strfreev (self->selected);
  self->selected = g_strdupv ((char **) selected);
  if (all_known (self))
    sync_checks (self);
  else
    rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* The popover button is what keyboard users reach: give it the row's name */
static void
title_changed_cb (TayoriMultiSelectRow *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self)), -1);
}

static void
tayori_multi_select_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TAYORI_TYPE_MULTI_SELECT_ROW);

  G_OBJECT_CLASS (tayori_multi_select_row_parent_class)->dispose (object);
}

static void
tayori_multi_select_row_finalize (GObject *object)
{
  TayoriMultiSelectRow *self = TAYORI_MULTI_SELECT_ROW (object);

  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->selected, g_strfreev);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (tayori_multi_select_row_parent_class)->finalize (object);
}

static void
tayori_multi_select_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TayoriMultiSelectRow *self = TAYORI_MULTI_SELECT_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:     g_value_set_boxed (value, self->selected); break;
    case PROP_HIERARCHICAL: g_value_set_boolean (value, self->hierarchical); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_multi_select_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TayoriMultiSelectRow *self = TAYORI_MULTI_SELECT_ROW (object);

  switch (prop_id)
    {
    case PROP_SELECTED:
      tayori_multi_select_row_set_selected (self, g_value_get_boxed (value));
      break;
    case PROP_HIERARCHICAL:
      self->hierarchical = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_multi_select_row_class_init (TayoriMultiSelectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_multi_select_row_dispose;
  object_class->finalize = tayori_multi_select_row_finalize;
  object_class->get_property = tayori_multi_select_row_get_property;
  object_class->set_property = tayori_multi_select_row_set_property;

  properties[PROP_SELECTED] =
    g_param_spec_boxed ("selected", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIERARCHICAL] =
    g_param_spec_boolean ("hierarchical", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-multi-select-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriMultiSelectRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriMultiSelectRow, check_box);
}

static void
tayori_multi_select_row_init (TayoriMultiSelectRow *self)
{
  self->selected = g_new0 (char *, 1);
  self->checks = g_ptr_array_new ();
  self->values = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  update_subtitle (self);
}
