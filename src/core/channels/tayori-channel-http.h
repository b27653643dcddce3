/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every channel shares to talk to its network: a request with a bearer token and a JSON
 * or multipart body, and the answer (or the failure) classified into TAYORI_CHANNEL_ERROR so
 * the post queue knows whether to reconnect, fix the content, retry or reconcile first. */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include "tayori-channel.h"

G_BEGIN_DECLS

typedef struct {
  const char         *method;        /* "GET", "POST", "DELETE", … */
  const char         *url;
  const char         *token;         /* "Authorization: Bearer …"; NULL = none */
  const char * const *headers;       /* more "Name: value" lines, NULL-terminated; may be NULL */
  GBytes             *body;          /* may be NULL */
  const char         *content_type;  /* of @body ("application/json", multipart with boundary) */
} TayoriChannelRequest;

/* Sends @request and classifies failures to get an answer:
 * - no connection (refused, DNS, connect timeout, TLS) → RETRY_LATER;
 * - the request went out whole and then the connection dropped or timed out → UNKNOWN_OUTCOME
 *   for methods that change something (RETRY_LATER for GET/HEAD);
 * - cancelled before the request went out → G_IO_ERROR_CANCELLED.
 * Any HTTP status is returned as is: see tayori_channel_http_check (). */
TayoriHttpResponse *tayori_channel_http_send_raw  (TayoriHttpClient            *client,
                                                   const TayoriChannelRequest  *request,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* TRUE for 2xx; otherwise the error for the status, with the server's own message (the token
 * scrubbed out): 401 → AUTH; 400, 404, 413, 422 → CONTENT; 403 → FORBIDDEN; 429 and 5xx →
 * RETRY_LATER carrying Retry-After; any other → CONTENT. @token may be NULL. */
gboolean            tayori_channel_http_check     (const TayoriHttpResponse    *response,
                                                   const char                  *token,
                                                   GError                     **error);
/* send_raw + check: the 2xx response or NULL with the classified error. */
TayoriHttpResponse *tayori_channel_http_send      (TayoriHttpClient            *client,
                                                   const TayoriChannelRequest  *request,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);
/* send + the body parsed as a JSON object (a 2xx with anything else → UNKNOWN_OUTCOME: the
 * server acted but its answer cannot be read). @response_out (may be NULL) gets the response. */
JsonObject         *tayori_channel_http_send_json (TayoriHttpClient            *client,
                                                   const TayoriChannelRequest  *request,
                                                   TayoriHttpResponse         **response_out,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);

/* A network's API as a channel calls it: base URL and bearer token (NULL = none). */
typedef struct {
  TayoriHttpClient *client;
  const char       *base_url;
  const char       *token;
} TayoriChannelApi;

/* send_json for METHOD @base_url + @path with a JSON @body (may be NULL) and more @headers
 * (may be NULL). */
JsonObject         *tayori_channel_api_call       (const TayoriChannelApi      *api,
                                                   const char                  *method,
                                                   const char                  *path,
                                                   JsonNode                    *body,
                                                   const char * const          *headers,
                                                   TayoriHttpResponse         **response_out,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);

/* The body for a JSON request. */
GBytes             *tayori_channel_http_json_body (JsonNode                    *node);
/* The body of @multipart (multipart/form-data) and its Content-Type with the boundary. */
GBytes             *tayori_channel_http_multipart (SoupMultipart               *multipart,
                                                   char                       **content_type);
/* Seconds from now asked by a Retry-After header (delta-seconds or an HTTP date); 0 = none. */
guint               tayori_channel_http_retry_after (const TayoriHttpResponse  *response);
/* @base (trailing slashes ignored) + @path ("/v2/bot/info"). */
char               *tayori_channel_http_url       (const char                  *base,
                                                   const char                  *path);

/* Members of an answer, tolerant of absent, null or mistyped values (no criticals): the
 * integer (or @fallback), the string (or NULL), the object (or NULL). */
gint64              tayori_channel_json_int       (JsonObject                  *object,
                                                   const char                  *member,
                                                   gint64                       fallback);
const char         *tayori_channel_json_string    (JsonObject                  *object,
                                                   const char                  *member);
JsonObject         *tayori_channel_json_object    (JsonObject                  *object,
                                                   const char                  *member);

/* Waits @ms milliseconds on this (worker) thread; FALSE with G_IO_ERROR_CANCELLED when
 * @cancellable fires first. For polling a server's progress. */
gboolean            tayori_channel_http_sleep     (guint                        ms,
                                                   GCancellable                *cancellable,
                                                   GError                     **error);

/* The whole-transfer timeout of every channel request, in seconds (default 60). Tests
 * shorten it to exercise timeouts quickly. */
void                tayori_channel_http_set_timeout (guint                      seconds);

G_END_DECLS
