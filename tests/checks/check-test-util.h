/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every writing-check test suite shares: check settings from the text of a preset file,
 * one checker run over a document or an article, and the findings of one rule. */
#pragma once

#include "tayori-article.h"
#include "tayori-checker.h"
#include "tayori-check-document.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

/* Settings from @preset_text, the text of a preset file with [checks]/[check:…] groups layered
 * over the defaults (NULL: the defaults alone). */
TayoriCheckSettings *check_test_settings_new  (const char          *preset_text);
/* Every finding of @checker on @document with @settings, in order. */
GPtrArray           *check_test_run           (TayoriChecker       *checker,
                                               TayoriCheckDocument *document,
                                               TayoriCheckSettings *settings);
/* Every finding of @checker on @article; @preset_text as for check_test_settings_new(). */
GPtrArray           *check_test_run_article   (TayoriChecker       *checker,
                                               TayoriArticle       *article,
                                               const char          *preset_text);
/* The findings of @rule_id, in order. */
GPtrArray           *check_test_filter        (GPtrArray           *findings,
                                               const char          *rule_id);
/* How many findings are of @rule_id. */
guint                check_test_count         (GPtrArray           *findings,
                                               const char          *rule_id);

G_END_DECLS
