/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriThumbnailEditor: the サムネイル画像 group: the picture (chosen into the media store)
 * and its alternative text, which is required once a picture is set. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_THUMBNAIL_EDITOR (tayori_thumbnail_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriThumbnailEditor, tayori_thumbnail_editor, TAYORI, THUMBNAIL_EDITOR, AdwPreferencesGroup)

void tayori_thumbnail_editor_set_article (TayoriThumbnailEditor *self,
                                          TayoriArticle         *article);

G_END_DECLS
