/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSaveStatus: the page's status line, following a TayoriArticleSaver: 「保存中…」,
 * 「保存しました 14:05」, or why saving failed and that it will be retried. */
#pragma once

#include <gtk/gtk.h>
#include "tayori-article-saver.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SAVE_STATUS (tayori_save_status_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSaveStatus, tayori_save_status, TAYORI, SAVE_STATUS, GtkWidget)

void tayori_save_status_set_saver (TayoriSaveStatus   *self,
                                   TayoriArticleSaver *saver);

G_END_DECLS
