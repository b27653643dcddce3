/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewNav: the sidebar's CMS entries (「承認待ち」, my returned articles,
 * 「掲載期限切れ」) with count badges from the CMS service; hidden without CMS accounts. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_REVIEW_NAV (tayori_review_nav_get_type ())
G_DECLARE_FINAL_TYPE (TayoriReviewNav, tayori_review_nav, TAYORI, REVIEW_NAV, GtkWidget)

/* Signals: "show-queue", "show-expired", and "open-article" (gint64) for the first returned
 * article of mine that is stored locally. */

G_END_DECLS
