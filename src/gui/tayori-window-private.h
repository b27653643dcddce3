/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window's instance struct and the functions its files (tayori-window.c,
 * tayori-window-load.c, tayori-window-actions.c, tayori-window-import.c) share. Internal to
 * the GUI. */
#pragma once

#include "article/tayori-article-page.h"
#include "tayori-review-area.h"
#include "tayori-sidebar.h"
#include "tayori-store.h"
#include "tayori-window.h"

G_BEGIN_DECLS

struct _TayoriWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  TayoriSidebar        *sidebar;
  AdwWindowTitle       *article_title;
  GtkStack             *content_stack;
  AdwBin               *page_bin;
  AdwStatusPage        *error_page;
  TayoriReviewArea     *review_area;

  GSettings            *settings;
  TayoriPreset         *preset;
  TayoriStore          *store;
  TayoriArticlePage    *page;
  GCancellable         *cancellable;       /* opening the store; cancelled on dispose */
  GCancellable         *load_cancellable;  /* the article being loaded into the page */
  gint64                page_id;           /* article shown (or being loaded), 0 for none */
  GPtrArray            *queued_imports;    /* GFile, waiting for the store to open */
  GPtrArray            *pending_deletes;   /* deletes waiting for their undo toast to go */
  guint                 busy;              /* saves and deletes a close must wait for */
  guint                 closing : 1;
};

/* tayori-window.c */
void _tayori_window_begin_work        (TayoriWindow *self);
void _tayori_window_end_work          (TayoriWindow *self);
void _tayori_window_show_placeholder  (TayoriWindow *self);
void _tayori_window_show_pane         (TayoriWindow *self,
                                       const char   *name);
void _tayori_window_toast             (TayoriWindow *self,
                                       const char   *title);

/* tayori-window-load.c */
/* @focus: move the keyboard focus into the page once the article is shown (a new article). */
void _tayori_window_open_article      (TayoriWindow *self,
                                       gint64        id,
                                       gboolean      focus);

/* tayori-window-actions.c */
void _tayori_window_class_actions_init (TayoriWindowClass *klass);
void _tayori_window_actions_update     (TayoriWindow      *self);
/* The article the actions apply to: the one shown in the page, or NULL. */
TayoriArticle *_tayori_window_get_article (TayoriWindow   *self);
void _tayori_window_commit_deletes     (TayoriWindow      *self);
void _tayori_window_pending_delete_free (gpointer          pending);

/* tayori-window-import.c */
void _tayori_window_class_import_init  (TayoriWindowClass *klass);
void _tayori_window_import_init        (TayoriWindow      *self);
void _tayori_window_import_sample      (TayoriWindow      *self);
void _tayori_window_run_queued_imports (TayoriWindow      *self);

G_END_DECLS
