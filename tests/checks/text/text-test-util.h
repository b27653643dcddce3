/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the municipal-text and dates checkers: build an article, run one checker
 * on it (with check-test-util.h), and assert on a finding's rule, severity, exact span and fix. */
#pragma once

#include "check-test-util.h"

G_BEGIN_DECLS

/* An article with @body, @summary (may be NULL) and @publish_start (may be NULL). */
TayoriArticle *text_test_article     (const char     *body,
                                      const char     *summary,
                                      const char     *publish_start);
/* The findings of @rule_id for an article with only @body and no publish window. */
GPtrArray     *text_test_body        (TayoriChecker  *checker,
                                      const char     *body,
                                      const char     *rule_id);
/* Asserts @finding is @rule_id with @severity in @field, covering exactly @span of
 * @field_text, with @fix as its replacement (NULL: no fix). */
void           text_test_assert      (TayoriFinding  *finding,
                                      const char     *rule_id,
                                      TayoriSeverity  severity,
                                      const char     *field,
                                      const char     *field_text,
                                      const char     *span,
                                      const char     *fix);
/* Asserts @body alone gives exactly one finding of @rule_id, over @span with @fix. */
void           text_test_one         (TayoriChecker  *checker,
                                      const char     *body,
                                      const char     *rule_id,
                                      TayoriSeverity  severity,
                                      const char     *span,
                                      const char     *fix);
/* Asserts @body alone gives no finding of @rule_id. */
void           text_test_none        (TayoriChecker  *checker,
                                      const char     *body,
                                      const char     *rule_id);

G_END_DECLS
