/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every HTTP provider shares: building the request for an endpoint (auth header from the
 * libsecret key, extra headers, timeouts), retries with exponential backoff on 429 and 5xx
 * honouring Retry-After, streaming the body to an SSE parser, mapping statuses to TayoriAiError
 * with the server's message (never a secret), and a size limit on responses. Runs on a worker
 * thread; deltas are delivered on the caller's main context. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "tayori-ai-endpoint.h"
#include "tayori-sse.h"

G_BEGIN_DECLS

typedef struct {
  const char   *method;        /* "POST" or "GET" */
  const char   *path;          /* appended to the base URL, e.g. "/chat/completions" */
  const char * const *query;   /* "key=value", NULL-terminated, may be NULL */
  JsonNode     *body;          /* sent as application/json; may be NULL */
  TayoriSseEventFunc on_event; /* non-NULL: the response is an event stream, parsed as it comes */
  gpointer      event_data;    /* called on the worker thread */
  gsize         max_response;  /* 0 = 32 MiB */
} TayoriAiHttpCall;

/* Blocking, on a worker thread: returns the parsed JSON body (NULL for event streams) or an
 * error. Retries up to the endpoint's max-retries; the environment variable
 * TAYORI_AI_BACKOFF_SCALE (a factor, tests use 0.01) shortens the waits. */
JsonNode *tayori_ai_http_call (TayoriAiEndpoint       *endpoint,
                               const TayoriAiHttpCall *call,
                               GCancellable           *cancellable,
                               GError                **error);

G_END_DECLS
