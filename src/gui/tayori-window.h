/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriWindow: the main window, the article list beside the article page. It opens the
 * store (recovering a damaged one), and carries the article actions (new, duplicate, archive,
 * delete with undo, import). */
#pragma once

#include <adwaita.h>

#include "tayori-application.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_WINDOW (tayori_window_get_type ())
G_DECLARE_FINAL_TYPE (TayoriWindow, tayori_window, TAYORI, WINDOW, AdwApplicationWindow)

TayoriWindow *tayori_window_new            (TayoriApplication  *application);
/* Path of the open store, or NULL while it is being opened. */
const char   *tayori_window_get_store_path (TayoriWindow       *self);
/* Imports Markdown files (all or nothing); queued until the store is open. */
void          tayori_window_import_files   (TayoriWindow       *self,
                                            GFile             **files,
                                            guint               n_files);

G_END_DECLS
