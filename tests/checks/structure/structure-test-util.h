/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the municipal-structure tests share: running one checker over a Markdown body or an
 * HTML file, and asserting a finding's rule, severity, span and fix. */
#pragma once

#include "check-test-util.h"

G_BEGIN_DECLS

typedef struct {
  TayoriCheckDocument *document;
  GPtrArray           *findings;
} CheckResult;

void           check_result_free    (CheckResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CheckResult, check_result_free)

/* @settings_text: a preset keyfile with [check:…] groups, or NULL for the defaults */
CheckResult   *check_article        (TayoriChecker *checker,
                                     TayoriArticle *article,
                                     const char    *settings_text);
CheckResult   *check_markdown       (TayoriChecker *checker,
                                     const char    *body);
CheckResult   *check_html           (TayoriChecker *checker,
                                     const char    *html);

guint          count_rule           (CheckResult   *result,
                                     const char    *rule_id);
/* The only finding of @rule_id (fails the test when there is not exactly one) */
TayoriFinding *only_finding         (CheckResult   *result,
                                     const char    *rule_id);
/* The @n-th finding of @rule_id in order (fails the test when there are fewer) */
TayoriFinding *nth_finding          (CheckResult   *result,
                                     const char    *rule_id,
                                     guint          n);
/* @fix NULL: the finding must have no fix */
void           assert_finding       (CheckResult   *result,
                                     TayoriFinding *finding,
                                     TayoriSeverity severity,
                                     const char    *span,
                                     const char    *fix);
/* The body with the finding's fix applied */
char          *apply_fix            (CheckResult   *result,
                                     TayoriFinding *finding);

G_END_DECLS
