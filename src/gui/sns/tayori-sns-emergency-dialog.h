/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsEmergencyDialog: 「緊急情報」 in few steps: template → fields → the three versions
 * (ja, やさしい日本語, English) for review → approve (editors) or submit for review, and one
 * send to every emergency account and the website. */
#pragma once

#include <adwaita.h>

#include "tayori-sns-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_EMERGENCY_DIALOG (tayori_sns_emergency_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsEmergencyDialog, tayori_sns_emergency_dialog, TAYORI, SNS_EMERGENCY_DIALOG, AdwWindow)

GtkWidget *tayori_sns_emergency_dialog_new (GtkWindow        *parent,
                                            TayoriSnsService *service);

G_END_DECLS
