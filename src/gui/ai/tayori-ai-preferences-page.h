/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiPreferencesPage: the AI page of the preferences: the organisation's policy as it
 * applies, which service text and pictures go to (when the policy leaves a choice), the AI
 * services with the user's own editable, and the export of the AI usage log as CSV. */
#pragma once

#include <adwaita.h>
#include "tayori-ai-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_AI_PREFERENCES_PAGE (tayori_ai_preferences_page_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiPreferencesPage, tayori_ai_preferences_page, TAYORI, AI_PREFERENCES_PAGE,
                      AdwPreferencesPage)

GtkWidget *tayori_ai_preferences_page_new (TayoriAiService *service);

G_END_DECLS
