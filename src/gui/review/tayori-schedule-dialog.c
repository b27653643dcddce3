/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriScheduleDialog: the publication time is always Japan time, whatever the computer's
 * zone, since the city publishes on Japan's clock. */
#include <glib/gi18n.h>

#include "tayori-schedule-dialog.h"

struct _TayoriScheduleDialog
{
  AdwMessageDialog parent_instance;

  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
};

G_DEFINE_FINAL_TYPE (TayoriScheduleDialog, tayori_schedule_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GTimeZone *
tokyo (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Tokyo");

  /* Without tzdata: Japan has had no summer time since 1951 */
  return zone != NULL ? zone : g_time_zone_new_offset (9 * 3600);
}

GDateTime *
tayori_schedule_dialog_dup_time (TayoriScheduleDialog *self)
{
  g_autoptr(GTimeZone) zone = tokyo ();
  g_autoptr(GDateTime) day = NULL;

  g_return_val_if_fail (TAYORI_IS_SCHEDULE_DIALOG (self), NULL);

  day = gtk_calendar_get_date (self->calendar);
  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (self->hour),
                          gtk_spin_button_get_value_as_int (self->minute), 0);
}

/* "09:00", not "9:0" */
static gboolean
two_digits_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static GtkSpinButton *
time_spin (guint       max,
           guint       value,
           const char *name)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, max, 1));

  g_signal_connect (spin, "output", G_CALLBACK (two_digits_cb), NULL);
  gtk_spin_button_set_value (spin, value);
  two_digits_cb (spin);
  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return spin;
}

GtkWidget *
tayori_schedule_dialog_new (GtkWindow *parent)
{
  g_autoptr(GTimeZone) zone = tokyo ();
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  TayoriScheduleDialog *self;
  GtkWidget *box, *time_box;

  self = g_object_new (TAYORI_TYPE_SCHEDULE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Approve and Schedule"),
                       "body", _("Choose when the article is published (Japan time)."),
                       NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Cancel"),
                                    "schedule", _("_Approve and Schedule"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "schedule", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "schedule");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_calendar_select_day (self->calendar, tomorrow);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Publication Date"), -1);
  self->hour = time_spin (23, 9, _("Hour"));
  self->minute = time_spin (59, 0, _("Minute"));

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->hour));
  gtk_box_append (GTK_BOX (time_box), gtk_label_new (":"));
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (self->minute));
  gtk_box_append (GTK_BOX (time_box), gtk_label_new (_("Japan time")));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), time_box);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);
  return GTK_WIDGET (self);
}

static void
tayori_schedule_dialog_class_init (TayoriScheduleDialogClass *klass)
{
}

static void
tayori_schedule_dialog_init (TayoriScheduleDialog *self)
{
}
