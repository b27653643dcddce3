/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriMaintenancePage: 「掲載期限切れ」: published articles whose publish period has
 * ended; the selected ones are unpublished (back to draft) or archived in one action. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_MAINTENANCE_PAGE (tayori_maintenance_page_get_type ())
G_DECLARE_FINAL_TYPE (TayoriMaintenancePage, tayori_maintenance_page, TAYORI, MAINTENANCE_PAGE, GtkWidget)

/* Signal "message" (string) with the outcome, for a toast. */

G_END_DECLS
