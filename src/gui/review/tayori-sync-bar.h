/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSyncBar: what the article page shows of an article's CMS side: the return note in an
 * info bar, the remote status and link, the last sync, the outbox state with its advice, and
 * the 「承認依頼」, 「再接続」, 「再試行」 and conflict actions. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_SYNC_BAR (tayori_sync_bar_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSyncBar, tayori_sync_bar, TAYORI, SYNC_BAR, GtkWidget)

/* 0: no article. Reads the status again (also when the service says the article changed). */
void     tayori_sync_bar_set_article_id (TayoriSyncBar *self,
                                         gint64         article_id);
void     tayori_sync_bar_refresh        (TayoriSyncBar *self);
/* While the writer merges a conflict by hand: 「統合を完了」 is shown. */
void     tayori_sync_bar_set_merging    (TayoriSyncBar *self,
                                         gboolean       merging);
/* Signals "resolve-conflict" and "finish-merge". */

G_END_DECLS
