/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriLinksEditor: the 関連リンク group: one row per related link (text and URL) with
 * add and remove, editing the article's "links". */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_LINKS_EDITOR (tayori_links_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriLinksEditor, tayori_links_editor, TAYORI, LINKS_EDITOR, AdwPreferencesGroup)

void tayori_links_editor_set_article (TayoriLinksEditor *self,
                                      TayoriArticle     *article);

G_END_DECLS
