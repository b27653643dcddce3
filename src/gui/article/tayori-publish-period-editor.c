/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPublishPeriodEditor: what is typed is written to the article as soon as it parses;
 * text that does not parse stays in the row, marked, and the article keeps its last good
 * value. The rows are rewritten from the article only when it means something else. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-form-util.h"
#include "tayori-publish-period-editor.h"
#include "tayori-publish-time.h"

struct _TayoriPublishPeriodEditor
{
  AdwPreferencesGroup parent_instance;

  AdwEntryRow *publish_start_row;
  AdwEntryRow *publish_end_row;
  GtkPopover *publish_start_popover;
  GtkPopover *publish_end_popover;
  GtkCalendar *publish_start_calendar;
  GtkCalendar *publish_end_calendar;
  GtkLabel *publish_error;

  TayoriArticle *article;
  GSignalGroup *article_signals;
  guint showing : 1;   /* rows are being filled from the article */
};

G_DEFINE_FINAL_TYPE (TayoriPublishPeriodEditor, tayori_publish_period_editor, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
check_row (AdwEntryRow  *row,
           char        **out_iso8601,
           GString      *errors,
           const char   *field)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = tayori_publish_time_parse (gtk_editable_get_text (GTK_EDITABLE (row)),
                                              out_iso8601, &error);

  if (!valid)
    /* Translators: "field: problem", e.g. "Publish from: This date or time does not exist." */
    g_string_append_printf (errors, _("%s: %s\n"), field, error->message);
  tayori_form_set_invalid (GTK_WIDGET (row), !valid, valid ? NULL : error->message);
  return valid;
}

/* "…T18:00:00+09:00" and "…T09:00:00Z" are one moment: no edit */
static gboolean
same_moment (const char *a,
             const char *b)
{
  g_autoptr(GDateTime) da = tayori_publish_time_to_date_time (a);
  g_autoptr(GDateTime) db = tayori_publish_time_to_date_time (b);

  if (da == NULL || db == NULL)
    return g_strcmp0 (a, b) == 0;
  return g_date_time_equal (da, db) && (strchr (a, 'T') == NULL) == (strchr (b, 'T') == NULL);
}

static void
rows_changed_cb (TayoriPublishPeriodEditor *self)
{
  g_autoptr(GString) errors = g_string_new (NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean start_ok, end_ok;

  if (self->article == NULL || self->showing)
    return;
  start_ok = check_row (self->publish_start_row, &start, errors, _("Publish from"));
  end_ok = check_row (self->publish_end_row, &end, errors, _("Publish until"));

  if (start_ok && end_ok && start != NULL && end != NULL)
    {
      g_autoptr(GDateTime) from = tayori_publish_time_to_date_time (start);
      g_autoptr(GDateTime) until = tayori_publish_time_to_date_time (end);

      if (g_date_time_compare (until, from) < 0)
        g_string_append (errors, _("The end of the publication period is before its start.\n"));
    }
  if (start_ok && !same_moment (start, tayori_article_get_publish_start (self->article)))
    tayori_article_set_publish_start (self->article, start);
  if (end_ok && !same_moment (end, tayori_article_get_publish_end (self->article)))
    tayori_article_set_publish_end (self->article, end);

  g_strchomp (errors->str);
  gtk_label_set_label (self->publish_error, errors->str);
  gtk_widget_set_visible (GTK_WIDGET (self->publish_error), *errors->str != '\0');
}

static void
show_value (AdwEntryRow *row,
            const char  *iso8601)
{
  g_autofree char *typed = NULL;
  g_autofree char *text = NULL;

  if (tayori_publish_time_parse (gtk_editable_get_text (GTK_EDITABLE (row)), &typed, NULL) &&
      same_moment (typed, iso8601))
    return;
  text = tayori_publish_time_format (iso8601);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
article_notify_cb (TayoriPublishPeriodEditor *self)
{
  self->showing = TRUE;
  show_value (self->publish_start_row, tayori_article_get_publish_start (self->article));
  show_value (self->publish_end_row, tayori_article_get_publish_end (self->article));
  self->showing = FALSE;
  rows_changed_cb (self);
}

/* Keeps a typed time of day when only the date is picked */
static void
pick_day (AdwEntryRow *row,
          GtkCalendar *calendar,
          GtkPopover  *popover)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
  const char *time = strchr (gtk_editable_get_text (GTK_EDITABLE (row)), ' ');
  g_autofree char *text = time != NULL ? g_strconcat (date, time, NULL) : g_strdup (date);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (popover);
}

static void
publish_start_day_selected_cb (TayoriPublishPeriodEditor *self)
{
  pick_day (self->publish_start_row, self->publish_start_calendar, self->publish_start_popover);
}

static void
publish_end_day_selected_cb (TayoriPublishPeriodEditor *self)
{
  pick_day (self->publish_end_row, self->publish_end_calendar, self->publish_end_popover);
}

void
tayori_publish_period_editor_set_article (TayoriPublishPeriodEditor *self,
                                          TayoriArticle             *article)
{
  g_return_if_fail (TAYORI_IS_PUBLISH_PERIOD_EDITOR (self));

  if (!g_set_object (&self->article, article))
    return;
  g_signal_group_set_target (self->article_signals, article);
  if (article != NULL)
    article_notify_cb (self);
}

static void
tayori_publish_period_editor_dispose (GObject *object)
{
  TayoriPublishPeriodEditor *self = TAYORI_PUBLISH_PERIOD_EDITOR (object);

  g_clear_object (&self->article_signals);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), TAYORI_TYPE_PUBLISH_PERIOD_EDITOR);

  G_OBJECT_CLASS (tayori_publish_period_editor_parent_class)->dispose (object);
}

static void
tayori_publish_period_editor_class_init (TayoriPublishPeriodEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tayori_publish_period_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tayori/Tayori/article/tayori-publish-period-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_start_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_end_row);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_start_popover);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_end_popover);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_start_calendar);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_end_calendar);
  gtk_widget_class_bind_template_child (widget_class, TayoriPublishPeriodEditor, publish_error);
  gtk_widget_class_bind_template_callback (widget_class, publish_start_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, publish_end_day_selected_cb);
}

static void
tayori_publish_period_editor_init (TayoriPublishPeriodEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  tayori_form_name_entry_row (self->publish_start_row, _("Publish from"));
  tayori_form_name_entry_row (self->publish_end_row, _("Publish until"));

  self->article_signals = g_signal_group_new (TAYORI_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->article_signals, "notify::publish-start",
                                  G_CALLBACK (article_notify_cb), self);
  g_signal_group_connect_swapped (self->article_signals, "notify::publish-end",
                                  G_CALLBACK (article_notify_cb), self);
  g_signal_connect_swapped (self->publish_start_row, "changed", G_CALLBACK (rows_changed_cb), self);
  g_signal_connect_swapped (self->publish_end_row, "changed", G_CALLBACK (rows_changed_cb), self);
}
