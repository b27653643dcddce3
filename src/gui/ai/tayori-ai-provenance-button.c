/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiProvenanceButton: follows the article's "ai-provenance"; the popover is rebuilt
 * each time it opens, after the "edited" flags were brought up to date. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-ai-provenance-button.h"

struct _TayoriAiProvenanceButton
{
  AdwBin         parent_instance;

  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkBox        *list;
  TayoriArticle *article;
  GSignalGroup  *article_signals;
};

G_DEFINE_FINAL_TYPE (TayoriAiProvenanceButton, tayori_ai_provenance_button, ADW_TYPE_BIN)

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "title"))
    return _("Title");
  if (g_str_equal (field, "summary"))
    return _("Summary");
  if (g_str_equal (field, "category"))
    return _("Category");
  if (g_str_has_prefix (field, "thumbnail"))
    return _("Thumbnail");
  if (g_str_equal (field, "body"))
    return _("Body");
  if (g_str_has_prefix (field, "sns:"))
    return _("Social media draft");
  return field;
}

static char *
describe_time (const char *iso8601)
{
  g_autoptr(GDateTime) time = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  /* TRANSLATORS: date and time format (strftime) of when AI output was accepted */
  return local != NULL ? g_date_time_format (local, _("%Y-%m-%d %H:%M")) : g_strdup ("");
}

static GtkWidget *
record_row (const TayoriAiProvenance *record)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *time = describe_time (record->time);
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  GtkWidget *title_label, *details_label;

  if (record->paragraph != NULL)
    /* TRANSLATORS: a field and the start of the paragraph that came from AI */
    title = g_strdup_printf (_("%s: “%s…”"), field_label (record->field), record->paragraph);
  else
    title = g_strdup (field_label (record->field));
  /* TRANSLATORS: service · model · time · whether a person edited it since */
  details = g_strdup_printf ("%s · %s · %s · %s", record->provider != NULL ? record->provider : "",
                             record->model != NULL ? record->model : "", time,
                             record->edited ? _("edited by a person") : _("not edited since"));
  title_label = gtk_label_new (title);
  details_label = gtk_label_new (details);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_xalign (GTK_LABEL (details_label), 0);
  gtk_label_set_wrap (GTK_LABEL (details_label), TRUE);
  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_add_css_class (details_label, "caption");
  gtk_widget_add_css_class (details_label, "dim-label");
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), details_label);
  return box;
}

static void
popover_show_cb (TayoriAiProvenanceButton *self)
{
  GtkWidget *child;
  GPtrArray *records;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_box_remove (self->list, child);
  if (self->article == NULL)
    return;
  tayori_article_update_ai_edited (self->article);
  records = tayori_article_get_ai_provenance (self->article);
  for (guint i = 0; i < records->len; i++)
    gtk_box_append (self->list, record_row (g_ptr_array_index (records, i)));
}

static void
update (TayoriAiProvenanceButton *self)
{
  GPtrArray *records = self->article != NULL ? tayori_article_get_ai_provenance (self->article) : NULL;
  g_autoptr(GString) fields = g_string_new (NULL);
  g_autofree char *description = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self), records != NULL && records->len > 0);
  if (records == NULL || records->len == 0)
    return;
  for (guint i = 0; i < records->len; i++)
    {
      const char *label = field_label (((TayoriAiProvenance *) g_ptr_array_index (records, i))->field);

      if (strstr (fields->str, label) != NULL)
        continue;
      if (fields->len > 0)
        g_string_append (fields, _(", "));
      g_string_append (fields, label);
    }
  /* TRANSLATORS: %s lists fields, e.g. "Summary, Category" */
  description = g_strdup_printf (_("Generated with AI: %s"), fields->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
}

void
tayori_ai_provenance_button_set_article (TayoriAiProvenanceButton *self,
                                         TayoriArticle            *article)
{
  g_return_if_fail (TAYORI_IS_AI_PROVENANCE_BUTTON (self));

  if (!g_set_object (&self->article, article))
    return;
  g_signal_group_set_target (self->article_signals, article);
  update (self);
}

static void
tayori_ai_provenance_button_dispose (GObject *object)
{
  TayoriAiProvenanceButton *self = TAYORI_AI_PROVENANCE_BUTTON (object);

  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (tayori_ai_provenance_button_parent_class)->dispose (object);
}

static void
tayori_ai_provenance_button_class_init (TayoriAiProvenanceButtonClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tayori_ai_provenance_button_dispose;
}

static void
tayori_ai_provenance_button_init (TayoriAiProvenanceButton *self)
{
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *heading = gtk_label_new (_("Parts Made with Generative AI"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "tayori-ai-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("AI-generated"));
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, content);
  gtk_menu_button_set_direction (self->button, GTK_ARROW_UP);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("AI-generated"), -1);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 10));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (box, 300, -1);
  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_menu_button_set_popover (self->button, GTK_WIDGET (self->popover));
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (popover_show_cb), self);

  gtk_widget_add_css_class (GTK_WIDGET (self), "tayori-ai-badge");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->button));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::ai-provenance", G_CALLBACK (update), self);
}
