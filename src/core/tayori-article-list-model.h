/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleListModel: a lazy GListModel over the store. It knows the row count from one
 * query and fetches rows in pages on the store's thread only when they are asked for. */
#pragma once

#include <gio/gio.h>
#include "tayori-store.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ARTICLE_LIST_MODEL (tayori_article_list_model_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticleListModel, tayori_article_list_model, TAYORI, ARTICLE_LIST_MODEL, GObject)

TayoriArticleListModel *tayori_article_list_model_new        (TayoriStore               *store);
/* Replaces the filter and reloads (async). Emits items-changed when the count is known. */
void                    tayori_article_list_model_set_filter (TayoriArticleListModel    *self,
                                                              const TayoriArticleFilter *filter);
/* Re-queries with the current filter (after saves, deletes). */
void                    tayori_article_list_model_reload     (TayoriArticleListModel    *self);
/* Position of the article, or -1 when it is not among the loaded rows. */
int                     tayori_article_list_model_find       (TayoriArticleListModel    *self,
                                                              gint64                     id);

G_END_DECLS
