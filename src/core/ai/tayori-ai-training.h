/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trains the built-in classifier from the store's categorised articles on the store's worker,
 * and keeps it up to date as articles are saved or deleted. */
#pragma once

#include <gio/gio.h>
#include "tayori-classifier.h"
#include "tayori-store.h"

G_BEGIN_DECLS

void     tayori_ai_training_run_async  (TayoriClassifier   *classifier,
                                        TayoriStore        *store,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
/* Teaches @classifier (normally a new one) every categorised article of @store that is not
 * archived, then prepares it. Number of articles learnt. */
gssize   tayori_ai_training_run_finish (GAsyncResult *result,
                                        GError      **error);
/* Blocking, for the CLI and benchmarks. */
gssize   tayori_ai_training_run        (TayoriClassifier   *classifier,
                                        TayoriStore        *store,
                                        GError            **error);

/* What the classifier learns of an article: title, summary and body, one per line. */
char    *tayori_ai_training_article_text (TayoriArticle    *article);
/* Keeps a trained classifier current when an article changes: unlearns @before and learns
 * @after (either may be NULL: a new or a deleted article). Only articles with a category that
 * are not archived teach. Analyses one article with MeCab: a millisecond or so. */
void     tayori_ai_training_update     (TayoriClassifier   *classifier,
                                        TayoriArticle      *before,
                                        TayoriArticle      *after);

G_END_DECLS
