/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the easy-japanese and readability checkers: run a checker over an article
 * in a language and assert on one finding (the rest comes from check-test-util.h). */
#pragma once

#include "check-test-util.h"

G_BEGIN_DECLS

/* Findings of @checker on an article with @body (and @summary, may be NULL) in @language;
 * @preset (may be NULL) is the text of a preset file with [check:…] groups. */
GPtrArray     *easy_test_run     (TayoriChecker  *checker,
                                  const char     *body,
                                  const char     *summary,
                                  TayoriLanguage  language,
                                  const char     *preset);
/* Asserts @finding is @rule_id with @severity in "body" over exactly @span of @body. */
void           easy_test_assert  (TayoriFinding  *finding,
                                  const char     *rule_id,
                                  TayoriSeverity  severity,
                                  const char     *body,
                                  const char     *span);

G_END_DECLS
