/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the content-rule tests: one checker run over an article, and the findings of a
 * rule as "span" texts to compare in one assertion (settings come from check-test-util.h),
 * and waiting on the main loop for an async call to finish. */
#pragma once

#include "check-test-util.h"

G_BEGIN_DECLS

typedef struct {
  TayoriCheckDocument *document;
  GPtrArray           *findings;   /* TayoriFinding */
} ContentRun;

TayoriArticle       *content_article_new   (const char          *title,
                                            const char          *body);
ContentRun          *content_run_new       (TayoriChecker       *checker,
                                            TayoriArticle       *article,
                                            TayoriCheckSettings *settings);
void                 content_run_free      (ContentRun          *run);
/* The spans of @rule's findings in order, "|"-separated, each as "field:text" when the field
 * is not @field; "" when there are none. */
char                *content_run_spans     (ContentRun          *run,
                                            const char          *rule,
                                            const char          *field);
/* The one finding of @rule whose span is @span (asserted). */
TayoriFinding       *content_run_find      (ContentRun          *run,
                                            const char          *rule,
                                            const char          *span);
guint                content_run_count     (ContentRun          *run,
                                            const char          *rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ContentRun, content_run_free)

/* A GAsyncReadyCallback keeping a reference to the result in the GAsyncResult * that
 * @user_data points to. */
void                 content_keep_result   (GObject             *source,
                                            GAsyncResult        *result,
                                            gpointer             user_data);
/* Runs this thread's main context until content_keep_result() has set *@result; returns it. */
GAsyncResult        *content_wait_result   (GAsyncResult       **result);

G_END_DECLS
