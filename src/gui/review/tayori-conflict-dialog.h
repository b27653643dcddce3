/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriConflictDialog: the article changed in the CMS since the last sync: both versions side
 * by side with the character differences, and 「自分の版を残す」, 「CMSの版を使う」 or
 * 「手動で統合」. */
#pragma once

#include <adwaita.h>
#include "tayori-cms-sync.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_CONFLICT_DIALOG (tayori_conflict_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TayoriConflictDialog, tayori_conflict_dialog, TAYORI, CONFLICT_DIALOG, AdwMessageDialog)

/* Responses "cancel", "mine", "theirs" and "merge". */
GtkWidget *tayori_conflict_dialog_new (GtkWindow     *parent,
                                       TayoriArticle *mine,
                                       TayoriArticle *theirs);
/* The dialog for a finished tayori_cms_sync_get_conflict_async(), or NULL with its error. */
GtkWidget     *tayori_conflict_dialog_new_from_result (GtkWindow            *parent,
                                                       TayoriCmsSync        *sync,
                                                       GAsyncResult         *result,
                                                       GError              **error);
/* The local article in conflict, and the CMS's version of it. */
gint64         tayori_conflict_dialog_get_article_id  (TayoriConflictDialog *self);
TayoriArticle *tayori_conflict_dialog_get_theirs      (TayoriConflictDialog *self);
/* A window showing the CMS's version read-only, beside the editor while merging by hand. */
GtkWidget *tayori_conflict_dialog_new_theirs_window (GtkWindow     *parent,
                                                     TayoriArticle *theirs);

G_END_DECLS
