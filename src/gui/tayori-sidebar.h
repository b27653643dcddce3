/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSidebar: the article list with its search bar and filters (status, mine, category,
 * ward), and the empty states. It tells which article the user picked with
 * "article-selected" and keeps that article selected across reloads. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-preset.h"
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SIDEBAR (tayori_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSidebar, tayori_sidebar, TAYORI, SIDEBAR, GtkWidget)

/* Fills the filter choices; call once, before the store is known. */
void     tayori_sidebar_setup             (TayoriSidebar *self,
                                           TayoriPreset  *preset,
                                           GSettings     *settings);
void     tayori_sidebar_set_store         (TayoriSidebar *self,
                                           TayoriStore   *store);
/* Re-queries the list (after a save) and keeps the selected article selected. */
void     tayori_sidebar_reload            (TayoriSidebar *self);
void     tayori_sidebar_select_article    (TayoriSidebar *self,
                                           gint64         id);
/* Deleting with undo: the article leaves the list until it is brought back or deleted. */
void     tayori_sidebar_hide_article      (TayoriSidebar *self,
                                           gint64         id);
void     tayori_sidebar_unhide_article    (TayoriSidebar *self,
                                           gint64         id);
void     tayori_sidebar_article_deleted   (TayoriSidebar *self,
                                           gint64         id);
void     tayori_sidebar_focus_search      (TayoriSidebar *self);
gboolean tayori_sidebar_get_search_mode   (TayoriSidebar *self);
void     tayori_sidebar_set_search_mode   (TayoriSidebar *self,
                                           gboolean       search_mode);

G_END_DECLS
