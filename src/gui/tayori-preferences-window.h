/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPreferencesWindow: the user's settings (style, author name, preview defaults), where
 * the articles are stored, what the organisation preset sets or locks, and AI assistance. */
#pragma once

#include <adwaita.h>

#include "tayori-ai-service.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_PREFERENCES_WINDOW (tayori_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TayoriPreferencesWindow, tayori_preferences_window, TAYORI, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @store_path: the open store, or NULL while it is being opened. @ai: the AI service for the
 * AI page, or NULL to leave the page out. */
GtkWidget *tayori_preferences_window_new (GSettings       *settings,
                                          TayoriPreset    *preset,
                                          const char      *store_path,
                                          TayoriAiService *ai);

G_END_DECLS
