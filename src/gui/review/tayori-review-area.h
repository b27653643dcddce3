/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewArea: the window's content for the CMS entries of the sidebar: the review
 * queue, the review view of the item opened from it, and the expired-articles view, with
 * toasts for their outcomes. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_REVIEW_AREA (tayori_review_area_get_type ())
G_DECLARE_FINAL_TYPE (TayoriReviewArea, tayori_review_area, TAYORI, REVIEW_AREA, GtkWidget)

/* Both also pull the lists again. */
void tayori_review_area_show_queue   (TayoriReviewArea *self);
void tayori_review_area_show_expired (TayoriReviewArea *self);

G_END_DECLS
