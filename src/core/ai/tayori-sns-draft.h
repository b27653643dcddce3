/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in SNS drafts: templates that fill the title, summary, article URL and hashtags (from
 * the category, the audiences and the preset's campaigns) and shorten the summary at a sentence
 * or clause boundary until the post fits the network's counter (tayori-post-counter.h). */
#pragma once

#include "tayori-article.h"
#include "tayori-preset.h"
#include "tayori-post-counter.h"

G_BEGIN_DECLS

/* Hashtags without "#", e.g. "大阪市", "子育て"; from the preset's "[sns] hashtags-CATEGORY="
 * and "hashtags-AUDIENCE=" keys and "campaign-hashtags=". */
GStrv tayori_sns_hashtags (TayoriArticle *article, TayoriPreset *preset);
/* @url may be NULL before the CMS returns it ("{url}" is then left out). @limit 0 = default. */
char *tayori_sns_draft    (TayoriArticle     *article,
                           TayoriPreset      *preset,
                           TayoriPostNetwork  network,
                           const char        *url,
                           guint              limit);

G_END_DECLS
