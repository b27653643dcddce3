/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the OpenAI provider's tests add to ai-test-util.h: Chat Completions event streams. */
#pragma once

#include "ai-test-util.h"

G_BEGIN_DECLS

/* Chat Completions event streams written the way the servers write them: a keep-alive
 * comment, a role chunk with empty content, one chunk per delta, then optionally the finish
 * reason, the usage chunk and the end marker. */
typedef enum {
  STREAM_FINISH = 1 << 0,   /* a chunk with finish_reason "stop" */
  STREAM_USAGE  = 1 << 1,   /* the include_usage chunk: no choices, usage 21/8 */
  STREAM_DONE   = 1 << 2,   /* "data: [DONE]" */
  STREAM_CRLF   = 1 << 3,   /* CRLF line ends instead of LF */
  STREAM_FULL   = STREAM_FINISH | STREAM_USAGE | STREAM_DONE,
} StreamFlags;

char                 *openai_test_stream    (const char * const *deltas,
                                             StreamFlags         flags);

G_END_DECLS
