/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriReviewView: one article under review: the exact preview, the check results, AI
 * provenance and the character diff against the reviewed snapshot, with 「承認して公開」,
 * 「承認して予約」, 「差し戻し」 and 「決裁記録を印刷」 (actions review.*). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_REVIEW_VIEW (tayori_review_view_get_type ())
G_DECLARE_FINAL_TYPE (TayoriReviewView, tayori_review_view, TAYORI, REVIEW_VIEW, GtkWidget)

/* Shows the local article @article_id (opened from the CMS with open_remote). */
void tayori_review_view_set_article_id (TayoriReviewView *self,
                                        gint64            article_id);
/* Signals: "back"; "done" (string: what happened, for a toast) after an action, the view
 * then showing the post's new state and its sign-off record; "failed" (string: why, for a
 * toast); "message" (string: other news, for a toast). */

G_END_DECLS
