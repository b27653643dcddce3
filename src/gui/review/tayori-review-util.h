/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small pieces the review widgets share: the stylesheet's path, the framed note field of
 * the dialogs, and the remote status in words. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For tayori_style_load_resource() */
#define TAYORI_REVIEW_STYLE "/io/github/tayori/Tayori/review/review.css"

/* A framed, wrapping text view named @accessible_name for AT; *out_view is the view. */
GtkWidget  *tayori_review_note_field_new    (const char  *accessible_name,
                                             GtkTextView **out_view);
/* The trimmed text, NULL when empty. */
char       *tayori_review_dup_trimmed       (const char  *text);
char       *tayori_review_text_view_dup_text (GtkTextView *view);
/* 「承認待ち」 for "pending", …; unknown keys as they are. */
const char *tayori_review_status_label      (const char  *remote_status);

G_END_DECLS
