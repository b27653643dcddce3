/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiResult: built once per proposal. Text the writer may change before accepting sits
 * in text views and entries; the proposal keeps what the AI said, for the provenance. */
#include <glib/gi18n.h>

#include "tayori-ai-result-private.h"
#include "tayori-readability.h"


G_DEFINE_FINAL_TYPE (TayoriAiResult, tayori_ai_result, GTK_TYPE_WIDGET)

/* Pieces */

GtkWidget *
_tayori_ai_result_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

void
_tayori_ai_result_append_child (TayoriAiResult *self,
                                GtkWidget      *child)
{
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               GVariant   *target,
               const char *accessible)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  if (accessible != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
apply_button (TayoriAiResult *self,
              guint           index,
              const char     *accessible)
{
  GtkWidget *button = action_button (_("_Apply"), "ai.apply",
                                     g_variant_new ("(su)", tayori_ai_task_to_string (self->task), index),
                                     accessible);

  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
decision_buttons (TayoriAiResult *self,
                  const char     *accept_tooltip)
{
  const char *name = tayori_ai_task_to_string (self->task);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *discard = action_button (_("_Discard"), "ai.discard", g_variant_new_string (name), NULL);
  GtkWidget *accept = action_button (_("_Accept"), "ai.accept", g_variant_new_string (name), NULL);

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_widget_set_tooltip_text (accept, accept_tooltip);
  gtk_box_append (GTK_BOX (box), discard);
  gtk_box_append (GTK_BOX (box), accept);
  return box;
}

GtkWidget *
_tayori_ai_result_text_area (const char   *accessible,
                             int           min_height,
                             GtkTextView **out_view)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (view), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), min_height);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  *out_view = GTK_TEXT_VIEW (view);
  return frame;
}

char *
_tayori_ai_result_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Who proposed it */

/* Above @before (NULL: at the end): what streamed in stays below the origin */
static void
add_origin (TayoriAiResult *self,
            GtkWidget      *before)
{
  const TayoriAiProposal *p = self->proposal;
  g_autofree char *origin = NULL;

  if (g_strcmp0 (p->provider, "builtin") == 0)
    origin = g_strdup (_("Proposed by the built-in assistant, on this computer"));
  else if (p->model != NULL && *p->model != '\0')
    /* TRANSLATORS: the AI service and the model that proposed this */
    origin = g_strdup_printf (_("Proposed by %s · %s"), p->provider, p->model);
  else
    origin = g_strdup_printf (_("Proposed by %s"), p->provider);
  gtk_widget_insert_before (_tayori_ai_result_caption (origin), GTK_WIDGET (self), before);

  if (p->fell_back)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* TRANSLATORS: %s says why the configured AI service was not used */
      text = g_strdup_printf (_("The built-in assistant answered instead: %s"),
                              p->fallback_reason != NULL ? p->fallback_reason : _("the AI service did not answer"));
      label = _tayori_ai_result_caption (text);
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
      gtk_widget_add_css_class (box, "tayori-ai-fallback");
      gtk_box_append (GTK_BOX (box), icon);
      gtk_box_append (GTK_BOX (box), label);
      gtk_widget_insert_before (box, GTK_WIDGET (self), before);
    }
}

/* Category */

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return list != NULL && g_strv_contains (list, value);
}

static void
add_categories (TayoriAiResult *self)
{
  const TayoriAiProposal *p = self->proposal;
  const char * const *allowed = tayori_preset_get_categories (self->preset);
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Suggested categories"), -1);
  for (guint i = 0; p->items != NULL && p->items[i] != NULL; i++)
    {
      double score = p->scores != NULL ? p->scores[i] : 0.0;
      g_autofree char *percent = g_strdup_printf ("%.0f%%", 100.0 * score);
      g_autofree char *accessible = NULL;
      GtkWidget *row, *bar, *box;

      if (!in_list (allowed, p->items[i]))
        continue;
      /* TRANSLATORS: the accessible name of the button applying a suggested category */
      accessible = g_strdup_printf (_("Apply category %s (%s)"), p->items[i], percent);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->items[i]);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), gtk_label_new (percent));
      gtk_widget_add_css_class (gtk_widget_get_first_child (box), "numeric");
      bar = gtk_level_bar_new_for_interval (0.0, 1.0);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), score);
      /* One colour: a score is not a warning */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_size_request (bar, 56, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, percent, -1);
      gtk_box_append (GTK_BOX (box), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), apply_button (self, i, accessible));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  _tayori_ai_result_append_child (self, list);
  self->categories = GTK_LIST_BOX (list);
  _tayori_ai_result_note_site_categories (self);
}

/* Summary */

static void
update_counter (TayoriAiResult *self)
{
  guint limit = tayori_preset_get_summary_limit (self->preset);
  guint count = gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (self->text_view));
  g_autofree char *text = g_strdup_printf ("%u / %u", count, limit);

  gtk_label_set_label (self->counter, text);
  if (count > limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->counter), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->counter), "error");
}

static void
add_summary_area (TayoriAiResult *self)
{
  GtkWidget *counter = _tayori_ai_result_caption ("");

  _tayori_ai_result_append_child (self, _tayori_ai_result_text_area (_("Proposed summary"), 96, &self->text_view));
  self->counter = GTK_LABEL (counter);
  gtk_label_set_xalign (self->counter, 1);
  gtk_widget_add_css_class (counter, "numeric");
  _tayori_ai_result_append_child (self, counter);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (update_counter), self);
  update_counter (self);
}

/* Titles */

static void
add_titles (TayoriAiResult *self)
{
  const TayoriAiProposal *p = self->proposal;
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->items = g_ptr_array_new ();
  for (guint i = 0; p->items != NULL && p->items[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      g_autofree char *name = g_strdup_printf (_("Title idea %u"), i + 1);
      g_autofree char *accessible = g_strdup_printf (_("Apply title idea %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_editable_set_text (GTK_EDITABLE (row), p->items[i]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), apply_button (self, i, accessible));
      g_ptr_array_add (self->items, row);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  _tayori_ai_result_append_child (self, list);
}

/* Language versions */

static void
add_readability (TayoriAiResult *self)
{
  TayoriReadability before = { 0 }, after = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  GtkWidget *label;

  if (!tayori_readability_compute (tayori_article_get_body (self->article), -1, &before, NULL) ||
      !tayori_readability_compute (self->proposal->text, -1, &after, NULL))
    return;
  /* TRANSLATORS: reading levels and sentence lengths of the article, then of the proposal */
  text = g_strdup_printf (_("Reading level %u → %u (1 is the easiest, 6 the hardest)\n"
                            "Average sentence: %.0f → %.0f characters"),
                          before.level, after.level, before.mean_sentence_length, after.mean_sentence_length);
  tooltip = g_strdup_printf ("%s\n→ %s", tayori_readability_level_label (before.level),
                             tayori_readability_level_label (after.level));
  label = _tayori_ai_result_caption (text);
  gtk_widget_set_tooltip_text (label, tooltip);
  _tayori_ai_result_append_child (self, label);
}

/* Public */

void
tayori_ai_result_append (TayoriAiResult *self,
                         const char     *delta)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (TAYORI_IS_AI_RESULT (self));

  if (self->text_view == NULL || delta == NULL)
    return;
  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, delta, -1);
}

void
tayori_ai_result_set_proposal (TayoriAiResult   *self,
                               TayoriAiProposal *proposal)
{
  g_return_if_fail (TAYORI_IS_AI_RESULT (self));
  g_return_if_fail (proposal != NULL && self->proposal == NULL);

  self->proposal = proposal;
  add_origin (self, gtk_widget_get_first_child (GTK_WIDGET (self)));

  switch (self->task)
    {
    case TAYORI_AI_TASK_CATEGORY:
      add_categories (self);
      break;
    case TAYORI_AI_TASK_SUMMARY:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), proposal->text, -1);
      _tayori_ai_result_append_child (self, decision_buttons (self, _("Puts this summary into the article")));
      break;
    case TAYORI_AI_TASK_TITLES:
      add_titles (self);
      break;
    case TAYORI_AI_TASK_SNS:
      _tayori_ai_result_add_drafts (self);
      break;
    case TAYORI_AI_TASK_THUMBNAIL:
      _tayori_ai_result_add_thumbnail (self);
      _tayori_ai_result_append_child (self, decision_buttons (self, _("Stores the picture and makes it the thumbnail")));
      break;
    case TAYORI_AI_TASK_EASY_JAPANESE:
    case TAYORI_AI_TASK_ENGLISH:
      if (self->task == TAYORI_AI_TASK_EASY_JAPANESE)
        add_readability (self);
      _tayori_ai_result_append_child (self, _tayori_ai_result_text_area (_("Proposed version"), 160, &self->text_view));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), proposal->text, -1);
      _tayori_ai_result_append_child (self, decision_buttons (self, _("Creates a linked article in this language and opens it")));
      break;
    case TAYORI_AI_TASK_PROOFREAD:
    default:
      break;
    }
}

const TayoriAiProposal *
tayori_ai_result_get_proposal (TayoriAiResult *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_RESULT (self), NULL);
  return self->proposal;
}

char *
tayori_ai_result_dup_text (TayoriAiResult *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_RESULT (self), NULL);

  if (self->text_view == NULL)
    return self->proposal != NULL ? g_strdup (self->proposal->text) : NULL;
  return _tayori_ai_result_buffer_text (self->text_view);
}

char *
tayori_ai_result_dup_item (TayoriAiResult *self,
                           guint           index)
{
  g_return_val_if_fail (TAYORI_IS_AI_RESULT (self), NULL);

  if (self->items != NULL)
    return index < self->items->len ? g_strdup (gtk_editable_get_text (g_ptr_array_index (self->items, index))) : NULL;
  if (self->proposal == NULL || self->proposal->items == NULL || index >= g_strv_length (self->proposal->items))
    return NULL;
  return g_strdup (self->proposal->items[index]);
}

char *
tayori_ai_result_dup_alt_text (TayoriAiResult *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_RESULT (self), NULL);
  return self->alt_entry != NULL ? g_strdup (gtk_editable_get_text (self->alt_entry)) : NULL;
}

/* GObject */

GtkWidget *
tayori_ai_result_new (TayoriAiTask   task,
                      TayoriPreset  *preset,
                      TayoriArticle *article)
{
  TayoriAiResult *self;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);

  self = g_object_new (TAYORI_TYPE_AI_RESULT, NULL);
  self->task = task;
  self->preset = g_object_ref (preset);
  self->article = g_object_ref (article);
  /* The summary streams into its text view before the proposal is complete */
  if (task == TAYORI_AI_TASK_SUMMARY)
    add_summary_area (self);
  return GTK_WIDGET (self);
}

static void
tayori_ai_result_dispose (GObject *object)
{
  TayoriAiResult *self = TAYORI_AI_RESULT (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->proposal, tayori_ai_proposal_free);
  g_clear_object (&self->article);
  g_clear_object (&self->preset);

  G_OBJECT_CLASS (tayori_ai_result_parent_class)->dispose (object);
}

static void
tayori_ai_result_class_init (TayoriAiResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_ai_result_dispose;
  gtk_widget_class_set_css_name (widget_class, "tayori-ai-result");
}

static void
tayori_ai_result_init (TayoriAiResult *self)
{
  GtkLayoutManager *layout = gtk_box_layout_new (GTK_ORIENTATION_VERTICAL);

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
  gtk_widget_set_layout_manager (GTK_WIDGET (self), layout);
  self->cancellable = g_cancellable_new ();
}
