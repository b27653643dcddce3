/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticleForm: the metadata of an article (title, categories, summary, thumbnail,
 * audiences, ward, contact, publish window, links, attachments…) as rows bound to it. */
#pragma once

#include <adwaita.h>
#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_ARTICLE_FORM (tayori_article_form_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticleForm, tayori_article_form, TAYORI, ARTICLE_FORM, GtkWidget)

GtkWidget *tayori_article_form_new         (TayoriPreset      *preset);
/* Lists, limits and locks come from the preset; set it before the article. */
void       tayori_article_form_set_preset  (TayoriArticleForm *self,
                                            TayoriPreset      *preset);
/* A fresh article (no title, body or contact) gets the preset's contact defaults, and
 * contact fields the preset locks always take the preset's value. */
void       tayori_article_form_set_article (TayoriArticleForm *self,
                                            TayoriArticle     *article);

G_END_DECLS
