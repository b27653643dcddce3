/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The failure side of tayori-ai-http.c: which answers to retry, how long to wait, and the
 * server's own message turned into a TayoriAiError without any secret in it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* 429, 500, 502, 503, 504 and 529 */
gboolean tayori_ai_http_status_is_retryable (guint       status);
/* Milliseconds to wait before retry number @retry (1, 2, …): exponential backoff with jitter,
 * or the server's Retry-After (seconds or an HTTP date) when given; both scaled by
 * TAYORI_AI_BACKOFF_SCALE. -1 when Retry-After asks for longer than Tayori waits. */
gint64   tayori_ai_http_backoff_ms          (guint       retry,
                                             const char *retry_after);
/* @text with @secret, and any word sharing 8 or more characters with it, replaced by "***". */
char    *tayori_ai_http_scrub               (const char *text,
                                             const char *secret);
/* The TayoriAiError for a non-2xx answer, with the server's message when its body has one. */
void     tayori_ai_http_set_status_error    (GError    **error,
                                             const char *label,
                                             guint       status,
                                             GBytes     *body,
                                             const char *secret);

G_END_DECLS
