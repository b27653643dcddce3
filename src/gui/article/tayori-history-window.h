/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriHistoryWindow: the saved versions of one article with their time and kind; the
 * selected one is compared with the current text, and can be restored. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_HISTORY_WINDOW (tayori_history_window_get_type ())
G_DECLARE_FINAL_TYPE (TayoriHistoryWindow, tayori_history_window, TAYORI, HISTORY_WINDOW, AdwWindow)

/* Signal "restore" (TayoriArticle *revision, const char *time_label): the user chose to
 * go back to @revision; the window closes itself and the page does the restoring. */
GtkWidget *tayori_history_window_new        (GtkWindow     *parent,
                                             TayoriStore   *store,
                                             TayoriArticle *article);
/* "11月22日 14:05" in local time, with the year when it is not this year. */
char      *tayori_history_window_format_time (GDateTime    *time);

G_END_DECLS
