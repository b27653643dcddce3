/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the assistant tests share: a preset written for the test (its "[ai]" group and the fake
 * service as the endpoint "fake"), an assistant over it, a sample notice, and a task run to
 * the end on the test's main context. */
#pragma once

#include "fake-openai.h"
#include "tayori-ai-assistant.h"

G_BEGIN_DECLS

/* @ai_lines: the keys of the "[ai]" group, one per line. @fake may be NULL (no endpoint). */
TayoriPreset      *assistant_test_preset  (const char                *ai_lines,
                                           FakeOpenai                *fake);
TayoriAiAssistant *assistant_test_new     (TayoriPreset              *preset,
                                           TayoriAiUsageLog          *log);
/* A notice with a title, summary, category, ward and a body of a few sentences. */
TayoriArticle     *assistant_test_article (void);
/* Runs @task to the end; every delta is appended to @deltas (may be NULL), separated by "|". */
TayoriAiProposal  *assistant_test_run     (TayoriAiAssistant         *assistant,
                                           TayoriAiTask               task,
                                           TayoriArticle             *article,
                                           const TayoriAiTaskOptions *options,
                                           GString                   *deltas,
                                           GError                   **error);

G_END_DECLS
