/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriSnsPreview: a post as it will look in the network's app (X post, LINE bubble and Flex
 * card, Mastodon, Bluesky), rendered in WebKit from Tayori's own templates with JavaScript
 * off, every text escaped and images as data: URIs. */
#pragma once

#include <gtk/gtk.h>

#include "tayori-post-counter.h"

G_BEGIN_DECLS

typedef struct {
  const char *account;       /* the account's label: 「大阪市」 */
  const char *handle;        /* "@osaka_city", may be empty */
  const char *text;
  const char *image_uri;     /* data: URI of the image, NULL for none */
  const char *alt;
  const char *link_url;      /* NULL before the CMS gives the article's address */
  const char *link_title;
  const char *link_summary;
} TayoriSnsPreviewPost;

#define TAYORI_TYPE_SNS_PREVIEW (tayori_sns_preview_get_type ())
G_DECLARE_FINAL_TYPE (TayoriSnsPreview, tayori_sns_preview, TAYORI, SNS_PREVIEW, GtkWidget)

GtkWidget *tayori_sns_preview_new  (void);
void       tayori_sns_preview_show (TayoriSnsPreview           *self,
                                    TayoriPostNetwork           network,
                                    const TayoriSnsPreviewPost *post);
/* The page's HTML for @post (also what the view loads); for tests. */
char      *tayori_sns_preview_render (TayoriPostNetwork           network,
                                      const TayoriSnsPreviewPost *post);

G_END_DECLS
