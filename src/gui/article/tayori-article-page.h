/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticlePage: one article being edited: the form and body editor beside the live
 * preview, with autosave, history and export. The window embeds one of these. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-article.h"
#include "tayori-preset.h"
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ARTICLE_PAGE (tayori_article_page_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticlePage, tayori_article_page, TAYORI, ARTICLE_PAGE, GtkWidget)

GtkWidget     *tayori_article_page_new          (TayoriStore         *store,
                                                 TayoriPreset        *preset,
                                                 GSettings           *settings);
/* Flushes pending edits of the current article, then loads article @id. */
void           tayori_article_page_load_async   (TayoriArticlePage   *self,
                                                 gint64               id,
                                                 GCancellable        *c,
                                                 GAsyncReadyCallback  cb,
                                                 gpointer             data);
gboolean       tayori_article_page_load_finish  (TayoriArticlePage   *self,
                                                 GAsyncResult        *r,
                                                 GError             **error);
TayoriArticle *tayori_article_page_get_article  (TayoriArticlePage   *self); /* NULL when empty */
void           tayori_article_page_flush_async  (TayoriArticlePage   *self,
                                                 GCancellable        *c,
                                                 GAsyncReadyCallback  cb,
                                                 gpointer             data);
gboolean       tayori_article_page_flush_finish (TayoriArticlePage   *self,
                                                 GAsyncResult        *r,
                                                 GError             **error);
/* signal "saved" (gint64 article_id) after every store save; signal "open-article" (gint64
 * article_id) when the page made another article to show next (a linked language version); property "title" (string) for the window title;
 * read-only properties "can-submit" (boolean) and "submit-blockers" (strv): whether the writing
 * checks let the article be sent for review, and if not why, in the UI language */

G_END_DECLS
