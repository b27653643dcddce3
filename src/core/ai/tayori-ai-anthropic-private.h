/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The answer side of the Anthropic provider (tayori-ai-anthropic-answer.c): what a Messages
 * API answer, streamed as events or sent whole, says, gathered into a TayoriAiChatResponse. */
#pragma once

#include "tayori-ai-provider.h"
#include "tayori-ai-provider-common.h"

G_BEGIN_DECLS

/* Structured output travels as the input of a forced tool; a schema that does not describe an
 * object (the only kind of tool input) is wrapped as the property of this name. */
#define TAYORI_AI_ANTHROPIC_WRAP_MEMBER "value"

typedef struct {
  TayoriAiEndpoint  *endpoint;     /* for messages */
  char              *tool;         /* the forced tool of structured output, or NULL */
  gboolean           wrapped;      /* the schema was wrapped (TAYORI_AI_ANTHROPIC_WRAP_MEMBER) */
  TayoriAiDeltaSink *sink;         /* text deltas of a stream; may be NULL */

  /* Gathered on the worker thread. */
  GString           *text;
  GString           *tool_input;   /* JSON text of the forced tool's input */
  gboolean           has_tool;
  gint64             tool_block;   /* stream: index of the tool_use block, -1 before it */
  char              *model;
  char              *stop_reason;
  guint              input_tokens;
  guint              output_tokens;
  gboolean           stopped;      /* stream: message_stop seen */
  GError            *error;        /* stream: an error event or an unreadable event */
} TayoriAiAnthropicAnswer;

/* Takes ownership of @sink. */
void                  tayori_ai_anthropic_answer_init     (TayoriAiAnthropicAnswer *answer,
                                                           TayoriAiEndpoint        *endpoint,
                                                           const char              *tool,
                                                           gboolean                 wrapped,
                                                           TayoriAiDeltaSink       *sink);
void                  tayori_ai_anthropic_answer_clear    (TayoriAiAnthropicAnswer *answer);
/* A TayoriSseEventFunc; @user_data is the answer. */
gboolean              tayori_ai_anthropic_answer_on_event (const char *event,
                                                           const char *data,
                                                           gpointer    user_data);
gboolean              tayori_ai_anthropic_answer_read     (TayoriAiAnthropicAnswer *answer,
                                                           JsonNode                *message,
                                                           GError                 **error);
/* After the stream ended or the whole message was read: the response, or the error of the
 * stream, a truncated stream, or a missing or unreadable structured answer. */
TayoriAiChatResponse *tayori_ai_anthropic_answer_finish   (TayoriAiAnthropicAnswer *answer,
                                                           gboolean                 streamed,
                                                           GError                 **error);

G_END_DECLS
