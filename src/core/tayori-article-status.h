/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Article workflow status and language: enums, their stable keys (front matter, store)
 * and their translated labels for the UI. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_ARTICLE_STATUS_DRAFT,
  TAYORI_ARTICLE_STATUS_IN_REVIEW,
  TAYORI_ARTICLE_STATUS_RETURNED,
  TAYORI_ARTICLE_STATUS_APPROVED,
  TAYORI_ARTICLE_STATUS_SCHEDULED,
  TAYORI_ARTICLE_STATUS_PUBLISHED,
  TAYORI_ARTICLE_STATUS_ARCHIVED,
} TayoriArticleStatus;

typedef enum {
  TAYORI_LANGUAGE_JA,
  TAYORI_LANGUAGE_JA_EASY,   /* やさしい日本語 */
  TAYORI_LANGUAGE_EN,
} TayoriLanguage;

#define TAYORI_TYPE_ARTICLE_STATUS (tayori_article_status_get_type ())
#define TAYORI_TYPE_LANGUAGE       (tayori_language_get_type ())

GType        tayori_article_status_get_type   (void) G_GNUC_CONST;
GType        tayori_language_get_type         (void) G_GNUC_CONST;

/* Stable keys: "draft", "in_review", "returned", "approved", "scheduled", "published", "archived" */
const char  *tayori_article_status_to_key     (TayoriArticleStatus status);
gboolean     tayori_article_status_from_key   (const char          *key,
                                               TayoriArticleStatus *out_status);
const char  *tayori_article_status_to_label   (TayoriArticleStatus status);

/* Stable keys: "ja", "ja-easy", "en" */
const char  *tayori_language_to_key           (TayoriLanguage       language);
gboolean     tayori_language_from_key         (const char          *key,
                                               TayoriLanguage      *out_language);
const char  *tayori_language_to_label         (TayoriLanguage       language);

G_END_DECLS
