/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleRow: one line of the article list: title, status badge, ward, last update.
 * Shows a loading placeholder until its summary has been fetched from the store. */
#pragma once

#include <adwaita.h>

#include "tayori-article-summary.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ARTICLE_ROW (tayori_article_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticleRow, tayori_article_row, TAYORI, ARTICLE_ROW, AdwBin)

GtkWidget            *tayori_article_row_new         (void);
/* A factory that shows the TayoriArticleSummary items of a list view as TayoriArticleRows. */
GtkListItemFactory   *tayori_article_row_factory_new (void);
TayoriArticleSummary *tayori_article_row_get_summary (TayoriArticleRow     *self);
void                  tayori_article_row_set_summary (TayoriArticleRow     *self,
                                                      TayoriArticleSummary *summary);

G_END_DECLS
