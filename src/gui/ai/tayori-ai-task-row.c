/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiTaskRow: an AdwExpanderRow whose expansion holds one unselectable row with the
 * proposal widget; expansion is only offered while there is something to show. */
#include <glib/gi18n.h>

#include "tayori-ai-task-row.h"

struct _TayoriAiTaskRow
{
  AdwExpanderRow  parent_instance;

  TayoriAiTask    task;
  GtkStack       *state_stack;
  GtkSpinner     *spinner;
  GtkListBoxRow  *content_row;
  GtkWidget      *content;
};

G_DEFINE_FINAL_TYPE (TayoriAiTaskRow, tayori_ai_task_row, ADW_TYPE_EXPANDER_ROW)

TayoriAiTask
tayori_ai_task_row_get_task (TayoriAiTaskRow *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_TASK_ROW (self), 0);
  return self->task;
}

void
tayori_ai_task_row_set_running (TayoriAiTaskRow *self,
                                gboolean         running)
{
  g_return_if_fail (TAYORI_IS_AI_TASK_ROW (self));

  gtk_stack_set_visible_child_name (self->state_stack, running ? "running" : "idle");
  gtk_spinner_set_spinning (self->spinner, running);
}

static void
clear_content (TayoriAiTaskRow *self)
{
  if (self->content_row != NULL)
    adw_expander_row_remove (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->content_row));
  self->content_row = NULL;
  self->content = NULL;
}

void
tayori_ai_task_row_set_content (TayoriAiTaskRow *self,
                                GtkWidget       *content)
{
  g_return_if_fail (TAYORI_IS_AI_TASK_ROW (self));
  g_return_if_fail (content == NULL || GTK_IS_WIDGET (content));

  clear_content (self);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), content != NULL);
  if (content == NULL)
    return;
  self->content = content;
  self->content_row = GTK_LIST_BOX_ROW (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (self->content_row, FALSE);
  gtk_list_box_row_set_selectable (self->content_row, FALSE);
  gtk_list_box_row_set_child (self->content_row, content);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->content_row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}

GtkWidget *
tayori_ai_task_row_get_content (TayoriAiTaskRow *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_TASK_ROW (self), NULL);
  return self->content;
}

void
tayori_ai_task_row_set_message (TayoriAiTaskRow *self,
                                const char      *message,
                                gboolean         error)
{
  GtkWidget *box, *icon, *label;

  g_return_if_fail (TAYORI_IS_AI_TASK_ROW (self));
  g_return_if_fail (message != NULL);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  icon = gtk_image_new_from_icon_name (error ? "dialog-warning-symbolic" : "dialog-information-symbolic");
  label = gtk_label_new (message);

  gtk_widget_add_css_class (box, "tayori-ai-result");
  gtk_widget_add_css_class (box, error ? "tayori-ai-error" : "tayori-ai-note");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  tayori_ai_task_row_set_content (self, box);
}

static GtkWidget *
suffix_button (const char *label,
               const char *action,
               const char *task,
               const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", task);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return button;
}

GtkWidget *
tayori_ai_task_row_new (TayoriAiTask  task,
                        const char   *title,
                        const char   *subtitle,
                        const char   *icon_name)
{
  TayoriAiTaskRow *self = g_object_new (TAYORI_TYPE_AI_TASK_ROW,
                                        "title", title,
                                        "subtitle", subtitle,
                                        "icon-name", icon_name,
                                        "use-markup", FALSE,
                                        "enable-expansion", FALSE,
                                        NULL);
  const char *name = tayori_ai_task_to_string (task);
  g_autofree char *suggest_name = NULL;
  g_autofree char *stop_name = NULL;
  GtkWidget *running = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *suggest, *stop;

  self->task = task;
  /* TRANSLATORS: the accessible name of the button that runs an AI task, e.g. "Suggest: Summary" */
  suggest_name = g_strdup_printf (_("Suggest: %s"), title);
  /* TRANSLATORS: the accessible name of the button that stops an AI task, e.g. "Stop: Summary" */
  stop_name = g_strdup_printf (_("Stop: %s"), title);
  suggest = suffix_button (_("_Suggest"), "ai.run", name, suggest_name);
  stop = suffix_button (_("S_top"), "ai.cancel", name, stop_name);
  gtk_widget_add_css_class (stop, "destructive-action");

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Working"), -1);
  gtk_box_append (GTK_BOX (running), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (running), stop);

  self->state_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->state_stack, FALSE);
  gtk_stack_set_transition_type (self->state_stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->state_stack, suggest, "idle");
  gtk_stack_add_named (self->state_stack, running, "running");
  gtk_widget_set_valign (GTK_WIDGET (self->state_stack), GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), GTK_WIDGET (self->state_stack));
  return GTK_WIDGET (self);
}

static void
tayori_ai_task_row_class_init (TayoriAiTaskRowClass *klass)
{
}

static void
tayori_ai_task_row_init (TayoriAiTaskRow *self)
{
}
