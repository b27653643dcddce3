/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test helpers for the easy-japanese and readability checkers: run a checker over an article
 * and assert on the findings of one rule. */
#pragma once

#include "tayori-article.h"
#include "tayori-checker.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

/* Settings from @preset, the text of a preset file (NULL: the defaults). */
TayoriCheckSettings *easy_test_settings_new (const char *preset);
/* Findings of @checker on an article with @body (and @summary, may be NULL) in @language;
 * @preset (may be NULL) is the text of a preset file with [check:…] groups. */
GPtrArray     *easy_test_run     (TayoriChecker  *checker,
                                  const char     *body,
                                  const char     *summary,
                                  TayoriLanguage  language,
                                  const char     *preset);
/* The findings of @rule_id, in order. */
GPtrArray     *easy_test_filter  (GPtrArray      *findings,
                                  const char     *rule_id);
/* Asserts @finding is @rule_id with @severity in "body" over exactly @span of @body. */
void           easy_test_assert  (TayoriFinding  *finding,
                                  const char     *rule_id,
                                  TayoriSeverity  severity,
                                  const char     *body,
                                  const char     *span);

G_END_DECLS
