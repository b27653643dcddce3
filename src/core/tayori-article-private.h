/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What tayori-article.c borrows from tayori-article-parts.c: equality and deep copies
 * of the link, attachment, dismissal and AI provenance arrays. */
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
gboolean   tayori_dismissals_equal  (GPtrArray *a,
                                     GPtrArray *b);
GPtrArray *tayori_dismissals_copy   (GPtrArray *dismissals);
gboolean   tayori_ai_provenances_equal (GPtrArray *a,
                                        GPtrArray *b);
GPtrArray *tayori_ai_provenances_copy  (GPtrArray *records);

G_END_DECLS
