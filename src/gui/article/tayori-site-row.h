/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSiteRow: 「掲載先サイト」, the CMS site an article goes to (shown when there are two or
 * more), and that site's categories once the CMS told them. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SITE_ROW (tayori_site_row_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSiteRow, tayori_site_row, TAYORI, SITE_ROW, AdwComboRow)

/* Reads the article's target (the first site when none is stored); a choice is stored with
 * tayori_cms_sync_set_target_async. */
void                tayori_site_row_set_article    (TayoriSiteRow *self,
                                                    TayoriArticle *article);
/* Property "account": the target's account name, NULL without a CMS account. */
const char         *tayori_site_row_get_account    (TayoriSiteRow *self);
/* Property "categories": the target site's category paths ("防災/避難所"), NULL until known
 * (and while offline). */
const char * const *tayori_site_row_get_categories (TayoriSiteRow *self);

G_END_DECLS
