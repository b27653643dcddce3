/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One composer text: "26 / 280" as the network counts it (tayori_post_count), red past the
 * limit with the part that does not fit highlighted (tayori_post_fit), and the 「元に戻す」
 * button that makes a version follow the base text again. */
#include <glib/gi18n.h>

#include "tayori-sns-text-editor.h"

struct _TayoriSnsTextEditor
{
  GtkWidget      parent_instance;

  GtkLabel      *title_label;
  GtkLabel      *state_label;
  GtkWidget     *revert_button;
  GtkLabel      *counter_label;
  GtkTextView   *text_view;

  int            network;
  guint          limit;
  gboolean       inherited;
  gboolean       filling;   /* set_text is changing the buffer: not an edit */
};

enum {
  SIGNAL_EDITED,
  SIGNAL_REVERT,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TayoriSnsTextEditor, tayori_sns_text_editor, GTK_TYPE_WIDGET)

static void
update_state (TayoriSnsTextEditor *self)
{
  gboolean version = self->network >= 0;

  gtk_label_set_label (self->state_label, !version ? "" : self->inherited ? _("Same as the base text")
                                                                          : _("Edited for this network"));
  gtk_widget_set_visible (self->revert_button, version && !self->inherited);
  if (self->inherited)
    gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "tayori-sns-inherited");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "tayori-sns-inherited");
}

static void
update_counter (TayoriSnsTextEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;
  GtkTextIter start, end, overflow;
  guint count;
  gsize fit;

  if (self->network < 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "overflow", &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  count = tayori_post_count (self->network, text);
  /* TRANSLATORS: a post's length and its network's limit, e.g. "26 / 280" */
  shown = g_strdup_printf (_("%u / %u"), count, self->limit);
  gtk_label_set_label (self->counter_label, shown);
  if (count <= self->limit)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->counter_label), "error");
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->counter_label), "error");
  fit = tayori_post_fit (self->network, text, self->limit);
  gtk_text_buffer_get_iter_at_offset (buffer, &overflow, (int) g_utf8_pointer_to_offset (text, text + fit));
  gtk_text_buffer_apply_tag_by_name (buffer, "overflow", &overflow, &end);
}

static void
buffer_changed_cb (TayoriSnsTextEditor *self)
{
  update_counter (self);
  if (self->filling)
    return;
  if (self->inherited)
    {
      self->inherited = FALSE;
      update_state (self);
    }
  g_signal_emit (self, signals[SIGNAL_EDITED], 0);
}

static void
revert_clicked_cb (TayoriSnsTextEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_REVERT], 0);
}

void
tayori_sns_text_editor_set_text (TayoriSnsTextEditor *self,
                                 const char          *text,
                                 gboolean             inherited)
{
  GtkTextBuffer *buffer;
  g_autofree char *current = NULL;

  g_return_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self));

  self->inherited = inherited && self->network >= 0;
  update_state (self);
  current = tayori_sns_text_editor_dup_text (self);
  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->filling = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->filling = FALSE;
}

char *
tayori_sns_text_editor_dup_text (TayoriSnsTextEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
tayori_sns_text_editor_append (TayoriSnsTextEditor *self,
                               const char          *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

int
tayori_sns_text_editor_get_network (TayoriSnsTextEditor *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self), -1);
  return self->network;
}

gboolean
tayori_sns_text_editor_get_inherited (TayoriSnsTextEditor *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self), FALSE);
  return self->inherited;
}

void
tayori_sns_text_editor_set_limit (TayoriSnsTextEditor *self,
                                  guint                limit)
{
  g_return_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self));

  self->limit = limit;
  update_counter (self);
}

guint
tayori_sns_text_editor_get_limit (TayoriSnsTextEditor *self)
{
  g_return_val_if_fail (TAYORI_IS_SNS_TEXT_EDITOR (self), 0);
  return self->limit;
}

GtkWidget *
tayori_sns_text_editor_new (int         network,
                            const char *title)
{
  TayoriSnsTextEditor *self = g_object_new (TAYORI_TYPE_SNS_TEXT_EDITOR, NULL);
  g_autofree char *name = NULL;

  self->network = network;
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->counter_label), network >= 0);
  /* TRANSLATORS: the accessible name of a composer text, e.g. "Text for X" */
  name = network >= 0 ? g_strdup_printf (_("Text for %s"), title) : g_strdup (_("Base text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (network >= 0)
    tayori_sns_text_editor_set_limit (self, tayori_post_default_limit (network));
  update_state (self);
  return GTK_WIDGET (self);
}

static void
tayori_sns_text_editor_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), TAYORI_TYPE_SNS_TEXT_EDITOR);
  /* The box and the frame hold the bound children but are not bound themselves */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tayori_sns_text_editor_parent_class)->dispose (object);
}

static void
tayori_sns_text_editor_class_init (TayoriSnsTextEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_sns_text_editor_dispose;

  /* The person changed the text (typing, a hashtag chip) */
  signals[SIGNAL_EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* 「元に戻す」: the version should follow the base text again */
  signals[SIGNAL_REVERT] = g_signal_new ("revert", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/sns/tayori-sns-text-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsTextEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsTextEditor, state_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsTextEditor, revert_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsTextEditor, counter_label);
  gtk_widget_class_bind_template_child (widget_class, TayoriSnsTextEditor, text_view);
  gtk_widget_class_bind_template_callback (widget_class, revert_clicked_cb);
}

static void
tayori_sns_text_editor_init (TayoriSnsTextEditor *self)
{
  GtkTextBuffer *buffer;

  self->network = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_create_tag (buffer, "overflow", "background", "#f6d5d5", "foreground", "#a51d2d", NULL);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
}
