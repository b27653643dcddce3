/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleSummary: the few fields the article list shows. A lazy list hands out empty
 * summaries first and fills them (with notify) when their page arrives from the store. */
#pragma once

#include <glib-object.h>
#include "tayori-article-status.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ARTICLE_SUMMARY (tayori_article_summary_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticleSummary, tayori_article_summary, TAYORI, ARTICLE_SUMMARY, GObject)

/* Properties: "id" (gint64), "title", "status" (TayoriArticleStatus), "status-label",
 * "category", "ward", "author", "updated" (GDateTime, UTC), "updated-label" ("11月22日 14:05"),
 * "loaded" (FALSE while a placeholder). */
TayoriArticleSummary *tayori_article_summary_new          (void);
void                  tayori_article_summary_fill         (TayoriArticleSummary *self,
                                                           gint64                id,
                                                           const char           *title,
                                                           TayoriArticleStatus   status,
                                                           const char           *category,
                                                           const char           *ward,
                                                           const char           *author,
                                                           GDateTime            *updated);
/* Copies every field of @source into @self (notifying), used to fill placeholders. */
void                  tayori_article_summary_update_from  (TayoriArticleSummary *self,
                                                           TayoriArticleSummary *source);
gboolean              tayori_article_summary_get_loaded   (TayoriArticleSummary *self);
gint64                tayori_article_summary_get_id       (TayoriArticleSummary *self);
const char           *tayori_article_summary_get_title    (TayoriArticleSummary *self);
TayoriArticleStatus   tayori_article_summary_get_status   (TayoriArticleSummary *self);
const char           *tayori_article_summary_get_category (TayoriArticleSummary *self);
const char           *tayori_article_summary_get_ward     (TayoriArticleSummary *self);
const char           *tayori_article_summary_get_author   (TayoriArticleSummary *self);
GDateTime            *tayori_article_summary_get_updated  (TayoriArticleSummary *self);

G_END_DECLS
