/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPublishPeriodEditor: the 掲載期間 group: start and end typed as "YYYY-MM-DD HH:MM"
 * or picked from a calendar, with a clear message when they do not make sense. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_PUBLISH_PERIOD_EDITOR (tayori_publish_period_editor_get_type ())
G_DECLARE_FINAL_TYPE (TayoriPublishPeriodEditor, tayori_publish_period_editor, TAYORI, PUBLISH_PERIOD_EDITOR, AdwPreferencesGroup)

void tayori_publish_period_editor_set_article (TayoriPublishPeriodEditor *self,
                                               TayoriArticle             *article);

G_END_DECLS
