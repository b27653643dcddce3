/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleForm: plain fields are two-way property bindings to the article (one
 * GBindingGroup re-targeted per article); the groups with checks of their own (thumbnail,
 * publication period, links, attachments) are widgets that follow the same article. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-article-form.h"
#include "tayori-attachments-editor.h"
#include "tayori-choice-row.h"
#include "tayori-form-util.h"
#include "tayori-links-editor.h"
#include "tayori-multi-select-row.h"
#include "tayori-publish-period-editor.h"
#include "tayori-site-row.h"
#include "tayori-thumbnail-editor.h"

#define N_CONTACT 5

/* Contact rows: preset key, article property, accessible name */
static const struct {
  const char *key;
  const char *property;
  const char *name;
} contact_fields[N_CONTACT] = {
  { "section", "contact-section", N_("Contact Section") },
  { "phone",   "contact-phone",   N_("Contact Phone") },
  { "fax",     "contact-fax",     N_("Contact Fax") },
  { "email",   "contact-email",   N_("Contact Email") },
  { "address", "contact-address", N_("Contact Address") },
};

struct _TayoriArticleForm
{
  GtkWidget parent_instance;

  AdwEntryRow *title_row;
  TayoriSiteRow *site_row;
  TayoriChoiceRow *category_row;
  TayoriMultiSelectRow *categories_row;
  GtkLabel *summary_counter;
  GtkTextView *summary_view;
  TayoriMultiSelectRow *audiences_row;
  TayoriChoiceRow *ward_row;
  TayoriChoiceRow *department_row;
  AdwExpanderRow *contact_row;
  AdwEntryRow *contact_section_row;
  AdwEntryRow *contact_phone_row;
  AdwEntryRow *contact_fax_row;
  AdwEntryRow *contact_email_row;
  AdwEntryRow *contact_address_row;
  GtkSwitch *emergency_switch;
  AdwComboRow *language_row;
  AdwActionRow *status_row;
  GtkButton *status_button;
  TayoriThumbnailEditor *thumbnail_editor;
  TayoriPublishPeriodEditor *publish_period_editor;
  TayoriLinksEditor *links_editor;
  TayoriAttachmentsEditor *attachments_editor;

  AdwEntryRow *contact_rows[N_CONTACT];
  TayoriPreset *preset;
  TayoriArticle *article;
  GBindingGroup *bindings;
  GSignalGroup *article_signals;
};

G_DEFINE_FINAL_TYPE (TayoriArticleForm, tayori_article_form, GTK_TYPE_WIDGET)

/* Summary */

static void
update_summary_counter (TayoriArticleForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  guint limit = self->preset != NULL ? tayori_preset_get_summary_limit (self->preset) : 120;
  guint count = gtk_text_buffer_get_char_count (buffer);
  g_autofree char *text = g_strdup_printf ("%u / %u", count, limit);
  g_autofree char *message = g_strdup_printf (_("The summary is longer than %u characters."), limit);

  gtk_label_set_label (self->summary_counter, text);
  tayori_form_set_invalid (GTK_WIDGET (self->summary_counter), count > limit, message);
  tayori_form_set_invalid (GTK_WIDGET (self->summary_view), count > limit, message);
  if (count <= limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_counter), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_counter), "dim-label");
}

/* Contact: the collapsed row still says who answers */

static void
update_contact_summary (TayoriArticleForm *self)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  const char *section = self->article ? tayori_article_get_contact_section (self->article) : "";
  const char *phone = self->article ? tayori_article_get_contact_phone (self->article) : "";

  g_string_append (summary, section);
  if (*section != '\0' && *phone != '\0')
    g_string_append (summary, _(", "));
  g_string_append (summary, phone);
  adw_expander_row_set_subtitle (self->contact_row, summary->len > 0 ? summary->str : _("Not set"));
}

/* Status: only draft ↔ archived is the author's to change here */

static void
update_status (TayoriArticleForm *self)
{
  TayoriArticleStatus status = self->article ? tayori_article_get_status (self->article)
                                             : TAYORI_ARTICLE_STATUS_DRAFT;

  adw_action_row_set_subtitle (self->status_row, tayori_article_status_to_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->status_button),
                          status == TAYORI_ARTICLE_STATUS_DRAFT || status == TAYORI_ARTICLE_STATUS_ARCHIVED);
  gtk_button_set_label (self->status_button, status == TAYORI_ARTICLE_STATUS_ARCHIVED
                                             ? _("Back to Draft") : _("Archive"));
}

static void
toggle_archived_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TayoriArticleForm *self = TAYORI_ARTICLE_FORM (widget);
  TayoriArticleStatus status = tayori_article_get_status (self->article);

  if (status == TAYORI_ARTICLE_STATUS_DRAFT)
    tayori_article_set_status (self->article, TAYORI_ARTICLE_STATUS_ARCHIVED);
  else if (status == TAYORI_ARTICLE_STATUS_ARCHIVED)
    tayori_article_set_status (self->article, TAYORI_ARTICLE_STATUS_DRAFT);
}

/* Language: the enum's order is the combo's order */

static gboolean
language_to_selected (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
selected_to_language (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected > TAYORI_LANGUAGE_EN)
    return FALSE;
  g_value_set_enum (to, (int) selected);
  return TRUE;
}

/* Categories: the preset's first, then those only the target site has */

static void
update_category_options (TayoriArticleForm *self)
{
  const char * const *site = tayori_site_row_get_categories (self->site_row);
  g_autoptr(GStrvBuilder) options = g_strv_builder_new ();
  g_auto(GStrv) merged = NULL;

  if (self->preset == NULL)
    return;
  g_strv_builder_addv (options, (const char **) tayori_preset_get_categories (self->preset));
  for (guint i = 0; site != NULL && site[i] != NULL; i++)
    if (!g_strv_contains (tayori_preset_get_categories (self->preset), site[i]))
      g_strv_builder_add (options, site[i]);
  merged = g_strv_builder_end (options);
  tayori_choice_row_set_options (self->category_row, (const char * const *) merged);
  tayori_multi_select_row_set_options (self->categories_row, (const char * const *) merged);
}

/* Preset */

static void
apply_preset_to_article (TayoriArticleForm *self)
{
  gboolean fresh = *tayori_article_get_title (self->article) == '\0' &&
                   *tayori_article_get_body (self->article) == '\0';

  for (guint i = 0; i < N_CONTACT; i++)
    {
      g_autofree char *current = NULL;
      g_autofree char *lock_key = g_strconcat ("contact/", contact_fields[i].key, NULL);
      const char *preset_value = tayori_preset_get_contact_default (self->preset, contact_fields[i].key);

      g_object_get (self->article, contact_fields[i].property, &current, NULL);
      fresh &= current == NULL || *current == '\0';
      if (preset_value != NULL && tayori_preset_is_locked (self->preset, lock_key))
        g_object_set (self->article, contact_fields[i].property, preset_value, NULL);
    }
  if (!fresh)
    return;
  for (guint i = 0; i < N_CONTACT; i++)
    {
      const char *preset_value = tayori_preset_get_contact_default (self->preset, contact_fields[i].key);

      if (preset_value != NULL)
        g_object_set (self->article, contact_fields[i].property, preset_value, NULL);
    }
}

static void
lock_row (TayoriArticleForm *self,
          GtkWidget         *row,
          const char        *lock_key)
{
  gboolean locked = self->preset != NULL && tayori_preset_is_locked (self->preset, lock_key);

  gtk_widget_set_sensitive (row, !locked);
  gtk_widget_set_tooltip_text (row, locked ? _("Fixed by your organisation's settings") : NULL);
}

void
tayori_article_form_set_preset (TayoriArticleForm *self,
                                TayoriPreset      *preset)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_FORM (self));
  g_return_if_fail (TAYORI_IS_PRESET (preset));

  g_set_object (&self->preset, preset);
  update_category_options (self);
  tayori_multi_select_row_set_options (self->audiences_row, tayori_preset_get_audiences (preset));
  tayori_choice_row_set_options (self->ward_row, tayori_preset_get_wards (preset));
  tayori_choice_row_set_options (self->department_row, tayori_preset_get_departments (preset));

  lock_row (self, GTK_WIDGET (self->category_row), "lists/categories");
  lock_row (self, GTK_WIDGET (self->categories_row), "lists/categories");
  lock_row (self, GTK_WIDGET (self->audiences_row), "lists/audiences");
  lock_row (self, GTK_WIDGET (self->ward_row), "lists/wards");
  lock_row (self, GTK_WIDGET (self->department_row), "lists/departments");
  for (guint i = 0; i < N_CONTACT; i++)
    {
      g_autofree char *lock_key = g_strconcat ("contact/", contact_fields[i].key, NULL);

      lock_row (self, GTK_WIDGET (self->contact_rows[i]), lock_key);
    }
  update_summary_counter (self);
}

/* What does not follow a binding: recomputed whenever the article is replaced */
static void
sync_with_article (TayoriArticleForm *self)
{
  gboolean has_article = self->article != NULL;

  update_status (self);
  update_contact_summary (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "form.toggle-archived", has_article);
  gtk_widget_set_sensitive (GTK_WIDGET (self), has_article);
}

void
tayori_article_form_set_article (TayoriArticleForm *self,
                                 TayoriArticle     *article)
{
  g_return_if_fail (TAYORI_IS_ARTICLE_FORM (self));
  g_return_if_fail (article == NULL || TAYORI_IS_ARTICLE (article));

  if (!g_set_object (&self->article, article))
    return;

  if (article != NULL && self->preset != NULL)
    apply_preset_to_article (self);
  g_binding_group_set_source (self->bindings, article);
  g_signal_group_set_target (self->article_signals, article);
  tayori_site_row_set_article (self->site_row, article);
  tayori_thumbnail_editor_set_article (self->thumbnail_editor, article);
  tayori_publish_period_editor_set_article (self->publish_period_editor, article);
  tayori_links_editor_set_article (self->links_editor, article);
  tayori_attachments_editor_set_article (self->attachments_editor, article);
  sync_with_article (self);
}

/* Selecting a finding's span */

/* Character offsets of the byte range [start, end) of @text, if it is one */
static gboolean
char_range (const char *text,
            gsize       start,
            gsize       end,
            int        *char_start,
            int        *char_end)
{
  gsize length = strlen (text);

  if (start > end || end > length || !g_utf8_validate (text, end, NULL) ||
      !g_utf8_validate (text + start, end - start, NULL))
    return FALSE;
  *char_start = (int) g_utf8_pointer_to_offset (text, text + start);
  *char_end = (int) g_utf8_pointer_to_offset (text, text + end);
  return TRUE;
}

gboolean
tayori_article_form_select_field (TayoriArticleForm *self,
                                  const char        *field,
                                  gsize              start,
                                  gsize              end)
{
  g_autofree char *text = NULL;
  GtkWidget *entry = NULL;
  int char_start, char_end;

  g_return_val_if_fail (TAYORI_IS_ARTICLE_FORM (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (self->article == NULL || g_object_class_find_property (G_OBJECT_GET_CLASS (self->article), field) == NULL)
    return FALSE;
  g_object_get (self->article, field, &text, NULL);
  if (text == NULL || !char_range (text, start, end, &char_start, &char_end))
    return FALSE;

  if (g_str_equal (field, "summary"))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
      GtkTextIter start_iter, end_iter;

      gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
      gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, char_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, char_end);
      gtk_text_buffer_select_range (buffer, &start_iter, &end_iter);
      return TRUE;
    }
  if (g_str_equal (field, "title"))
    entry = GTK_WIDGET (self->title_row);
  for (guint i = 0; i < N_CONTACT && entry == NULL; i++)
    if (g_str_equal (field, contact_fields[i].property))
      {
        adw_expander_row_set_expanded (self->contact_row, TRUE);
        entry = GTK_WIDGET (self->contact_rows[i]);
      }
  if (entry == NULL)
    return FALSE;
  /* Focus first: an entry selects all of its text when it takes the focus */
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), char_start, char_end);
  return TRUE;
}

GtkWidget *
tayori_article_form_new (TayoriPreset *preset)
{
  TayoriArticleForm *self = g_object_new (TAYORI_TYPE_ARTICLE_FORM, NULL);

  tayori_article_form_set_preset (self, preset);
  return GTK_WIDGET (self);
}

static void
tayori_article_form_dispose (GObject *object)
{
  TayoriArticleForm *self = TAYORI_ARTICLE_FORM (object);
  GtkWidget *child;

  g_clear_object (&self->bindings);
  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  g_clear_object (&self->preset);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_ARTICLE_FORM);
  /* Children the template made without binding them are this widget's to unparent */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (tayori_article_form_parent_class)->dispose (object);
}

static void
tayori_article_form_class_init (TayoriArticleFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_article_form_dispose;

  g_type_ensure (TAYORI_TYPE_SITE_ROW);
  g_type_ensure (TAYORI_TYPE_CHOICE_ROW);
  g_type_ensure (TAYORI_TYPE_MULTI_SELECT_ROW);
  g_type_ensure (TAYORI_TYPE_THUMBNAIL_EDITOR);
  g_type_ensure (TAYORI_TYPE_PUBLISH_PERIOD_EDITOR);
  g_type_ensure (TAYORI_TYPE_LINKS_EDITOR);
  g_type_ensure (TAYORI_TYPE_ATTACHMENTS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-article-form.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, title_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, site_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, category_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, categories_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, summary_counter);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, summary_view);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, audiences_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, ward_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, department_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_section_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_fax_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, contact_address_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, emergency_switch);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, language_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, status_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, status_button);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, thumbnail_editor);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, publish_period_editor);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, links_editor);
  gtk_widget_class_bind_template_child (widget_class, TayoriArticleForm, attachments_editor);

  gtk_widget_class_install_action (widget_class, "form.toggle-archived", NULL, toggle_archived_action);
}

static void
bind_text (TayoriArticleForm *self,
           const char        *property,
           gpointer           target,
           const char        *target_property)
{
  g_binding_group_bind (self->bindings, property, target, target_property,
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

static void
tayori_article_form_init (TayoriArticleForm *self)
{
  g_autoptr(GtkStringList) languages = gtk_string_list_new (NULL);
  GtkTextBuffer *summary = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  summary = gtk_text_view_get_buffer (self->summary_view);

  self->contact_rows[0] = self->contact_section_row;
  self->contact_rows[1] = self->contact_phone_row;
  self->contact_rows[2] = self->contact_fax_row;
  self->contact_rows[3] = self->contact_email_row;
  self->contact_rows[4] = self->contact_address_row;

  for (TayoriLanguage language = TAYORI_LANGUAGE_JA; language <= TAYORI_LANGUAGE_EN; language++)
    gtk_string_list_append (languages, tayori_language_to_label (language));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages));

  /* Stable names for assistive technologies and the end-to-end tests */
  tayori_form_name_entry_row (self->title_row, _("Title"));
  for (guint i = 0; i < N_CONTACT; i++)
    tayori_form_name_entry_row (self->contact_rows[i], _(contact_fields[i].name));

  self->bindings = g_binding_group_new ();
  bind_text (self, "title", self->title_row, "text");
  bind_text (self, "category", self->category_row, "value");
  bind_text (self, "categories", self->categories_row, "selected");
  bind_text (self, "summary", summary, "text");
  bind_text (self, "audiences", self->audiences_row, "selected");
  bind_text (self, "ward", self->ward_row, "value");
  bind_text (self, "department", self->department_row, "value");
  for (guint i = 0; i < N_CONTACT; i++)
    bind_text (self, contact_fields[i].property, self->contact_rows[i], "text");
  bind_text (self, "emergency", self->emergency_switch, "active");
  g_binding_group_bind_full (self->bindings, "language", self->language_row, "selected",
                             G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL,
                             language_to_selected, selected_to_language, NULL, NULL);

  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::status",
                                  G_CALLBACK (update_status), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::contact-section",
                                  G_CALLBACK (update_contact_summary), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::contact-phone",
                                  G_CALLBACK (update_contact_summary), self);

  g_signal_connect_swapped (summary, "changed", G_CALLBACK (update_summary_counter), self);
  g_signal_connect_swapped (self->site_row, "notify::categories", G_CALLBACK (update_category_options), self);

  update_summary_counter (self);
  sync_with_article (self);
}
