/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAttachmentsEditor: the 添付ファイル group: files copied into the media store, each
 * shown with its format and size, with add and remove. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ATTACHMENTS_EDITOR (tayori_attachments_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAttachmentsEditor, tayori_attachments_editor, TAYORI, ATTACHMENTS_EDITOR, AdwPreferencesGroup)

void tayori_attachments_editor_set_article (TayoriAttachmentsEditor *self,
                                            TayoriArticle           *article);

G_END_DECLS
