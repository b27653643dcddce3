/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewQueue: the posts waiting for review (from the CMS service), filtered by ward,
 * department, writer and waiting time (今日, 3日以上, 1週間以上). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_REVIEW_QUEUE (tayori_review_queue_get_type ())
G_DECLARE_FINAL_TYPE (TayoriReviewQueue, tayori_review_queue, TAYORI, REVIEW_QUEUE, GtkWidget)

/* Signal "open-item" (string account, gint64 remote id) when an item is activated. */

G_END_DECLS
