/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsPreferencesPage: the CMS page of the preferences: the WordPress sites (the
 * preset's shown locked), adding one (URL, user, application password into libsecret),
 * removing the user's own, and 「接続テスト」 with the user, roles, plugin and approval levels. */
#pragma once

#include <adwaita.h>
#include "tayori-cms-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CMS_PREFERENCES_PAGE (tayori_cms_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (TayoriCmsPreferencesPage, tayori_cms_preferences_page, TAYORI, CMS_PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget *tayori_cms_preferences_page_new (TayoriCmsService *service);

G_END_DECLS
