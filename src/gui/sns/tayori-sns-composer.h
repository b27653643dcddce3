/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsComposer: the 「SNS」 tab of the article page: per-network texts that follow the
 * base text until edited (stored with tayori-sns-versions.h), exact counters, hashtags, the
 * image and its alt text, previews, the accounts, 「まとめて投稿」 with its progress, and the
 * article's posting history. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-article.h"
#include "tayori-sns-service.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_SNS_COMPOSER (tayori_sns_composer_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsComposer, tayori_sns_composer, TAYORI, SNS_COMPOSER, GtkWidget)

GtkWidget *tayori_sns_composer_new         (TayoriSnsService  *service);
/* Saves the texts of the previous article first. @article may be NULL. */
void       tayori_sns_composer_set_article (TayoriSnsComposer *self,
                                            TayoriArticle     *article);

G_END_DECLS
