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
/* Shows the text field for article property @field ("title", "summary", "contact-phone"…),
 * selects [start, end) (byte offsets into its text) and focuses it. FALSE when the form has no
 * such text field or the range does not fit its text. */
gboolean   tayori_article_form_select_field (TayoriArticleForm *self,
                                             const char        *field,
                                             gsize              start,
                                             gsize              end);

G_END_DECLS
