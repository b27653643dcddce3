/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What tayori-article.c borrows from tayori-article-parts.c: equality and deep copies
 * of the link and attachment arrays. */
#pragma once

#include "tayori-article.h"

G_BEGIN_DECLS

gboolean   tayori_links_equal       (GPtrArray *a,
                                     GPtrArray *b);
gboolean   tayori_attachments_equal (GPtrArray *a,
                                     GPtrArray *b);
/* A new array owning copies of the elements; NULL gives an empty array */
GPtrArray *tayori_links_copy        (GPtrArray *links);
GPtrArray *tayori_attachments_copy  (GPtrArray *attachments);

G_END_DECLS
