/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriHttpClient: the core's outbound HTTP over libcurl, on worker threads: TLS verification
 * always on, the desktop's proxy through GProxyResolver, timeouts, redirects followed (up to a
 * limit) and reported. The AI providers, CMS connectors and channels build on it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  const char          *method;          /* "GET", "HEAD", "POST", … */
  const char          *url;
  const char * const  *headers;         /* "Name: value", NULL-terminated; may be NULL */
  GBytes              *body;            /* may be NULL */
  guint                connect_timeout; /* seconds, 0 = 10 */
  guint                timeout;         /* whole transfer, seconds, 0 = 30 */
  guint                max_redirects;   /* 0 = do not follow */
  gsize                max_body;        /* bytes kept of the response body, 0 = 16 MiB */
} TayoriHttpRequest;

typedef struct {
  guint       status;         /* final HTTP status */
  char       *effective_url;  /* after redirects */
  guint       n_redirects;
  GHashTable *headers;        /* lower-case name → value (last one wins) */
  GBytes     *body;
} TayoriHttpResponse;

void tayori_http_response_free (TayoriHttpResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriHttpResponse, tayori_http_response_free)

/* Streaming: called on the sending thread with each piece of the body as it arrives. @response
 * already has the final status, headers and effective URL (no body). Return FALSE to stop. */
typedef gboolean (*TayoriHttpChunkFunc) (const TayoriHttpResponse *response,
                                         const char               *data,
                                         gsize                     length,
                                         gpointer                  user_data);

#define TAYORI_TYPE_HTTP_CLIENT (tayori_http_client_get_type ())
G_DECLARE_FINAL_TYPE (TayoriHttpClient, tayori_http_client, TAYORI, HTTP_CLIENT, GObject)

/* G_IO_ERROR_TIMED_OUT, G_IO_ERROR_HOST_NOT_FOUND, G_IO_ERROR_CONNECTION_REFUSED,
 * G_IO_ERROR_CONNECTION_CLOSED (no or a cut answer), G_IO_ERROR_CANCELLED, G_IO_ERROR_FAILED
 * (TLS and others, with curl's message). */
TayoriHttpClient   *tayori_http_client_new        (void);
/* Copies what it needs of @request before returning. */
void                tayori_http_client_send_async (TayoriHttpClient        *self,
                                                   const TayoriHttpRequest *request,
                                                   GCancellable            *cancellable,
                                                   GAsyncReadyCallback      callback,
                                                   gpointer                 user_data);
TayoriHttpResponse *tayori_http_client_send_finish (TayoriHttpClient       *self,
                                                   GAsyncResult            *result,
                                                   GError                 **error);
/* Blocking; never on the main thread. */
TayoriHttpResponse *tayori_http_client_send       (TayoriHttpClient        *self,
                                                   const TayoriHttpRequest *request,
                                                   GCancellable            *cancellable,
                                                   GError                 **error);
/* Blocking like tayori_http_client_send (); @request_sent tells, also on error, whether the
 * whole request reached the network before the transfer ended: a timeout or a dropped
 * connection after that leaves unknown whether the server acted on it. */
TayoriHttpResponse *tayori_http_client_send_tracked (TayoriHttpClient        *self,
                                                     const TayoriHttpRequest *request,
                                                     gboolean                *request_sent,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
/* Blocking like tayori_http_client_send (), but the body goes to @on_chunk as it arrives and is
 * not kept (the response's body is empty; @request->max_body does not apply: @on_chunk decides).
 * Stopping from @on_chunk is not an error: the response is returned. */
TayoriHttpResponse *tayori_http_client_send_streaming (TayoriHttpClient        *self,
                                                       const TayoriHttpRequest *request,
                                                       TayoriHttpChunkFunc      on_chunk,
                                                       gpointer                 chunk_data,
                                                       GCancellable            *cancellable,
                                                       GError                 **error);

G_END_DECLS
