/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriScheduleDialog: 「承認して予約」: the date and time of publication, in Japan time
 * (Asia/Tokyo), tomorrow 09:00 by default. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_SCHEDULE_DIALOG (tayori_schedule_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriScheduleDialog, tayori_schedule_dialog, TAYORI, SCHEDULE_DIALOG, AdwMessageDialog)

/* Responses "cancel" and "schedule". */
GtkWidget *tayori_schedule_dialog_new      (GtkWindow            *parent);
/* The chosen time in Asia/Tokyo. */
GDateTime *tayori_schedule_dialog_dup_time (TayoriScheduleDialog *self);

G_END_DECLS
