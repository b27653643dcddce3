/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsAccountsPage: the preferences page that lists the SNS accounts (the preset's
 * locked) and adds, connects and removes the person's own. */
#pragma once

#include <adwaita.h>

#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_ACCOUNTS_PAGE (tayori_sns_accounts_page_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsAccountsPage, tayori_sns_accounts_page, TAYORI, SNS_ACCOUNTS_PAGE, AdwPreferencesPage)

GtkWidget *tayori_sns_accounts_page_new (TayoriPreset *preset);

G_END_DECLS
