/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A SoupServer fake for channel tests, on 127.0.0.1 and a thread of its own (channels block
 * the calling thread): per method + path, scripted answers in order — a JSON reply, a reply
 * after a delay, or the connection dropped once the request has been read — and a record of
 * every request (count, bodies, headers such as Idempotency-Key and X-Line-Retry-Key). */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef enum {
  FAULT_REPLY,   /* answer with status, headers and body (after delay_ms when set) */
  FAULT_DROP,    /* read the whole request, then close the connection without a word */
} FaultAction;

typedef struct {
  FaultAction  action;
  guint        status;        /* FAULT_REPLY; 0 = 200 */
  const char  *body;          /* JSON text, may be NULL (empty body) */
  const char  *headers[4];    /* "Name: value", NULL-terminated within the array */
  guint        delay_ms;      /* FAULT_REPLY: wait this long before answering */
} FaultResponse;

/* Called on the server's thread for requests to a path given to fault_server_handle (): the
 * handler sets the status and body of @message itself. */
typedef void (*FaultHandlerFunc) (SoupServerMessage *message,
                                  const char        *path,
                                  gpointer           user_data);

typedef struct _FaultServer FaultServer;

FaultServer *fault_server_new            (void);
void         fault_server_free           (FaultServer         *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FaultServer, fault_server_free)
/* "http://127.0.0.1:PORT" */
const char  *fault_server_get_url        (FaultServer         *self);

/* Appends @response to the answers for @method @path (path without the query), used once
 * each in order; after the last scripted one, the default (fault_server_set_default) answers,
 * else 404. @response is copied. */
void         fault_server_script         (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          const FaultResponse *response);
void         fault_server_set_default    (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          const FaultResponse *response);
/* Short forms: a reply of @status with @body (JSON text, may be NULL). */
void         fault_server_reply          (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          guint                status,
                                          const char          *body);
/* Any method on @path (and every path under it when it ends with '/') goes to @func, before
 * scripts. @user_data must stay valid as long as the server. */
void         fault_server_handle         (FaultServer         *self,
                                          const char          *path,
                                          FaultHandlerFunc     func,
                                          gpointer             user_data);

/* Requests received for @method @path (the drop ones included). */
guint        fault_server_count          (FaultServer         *self,
                                          const char          *method,
                                          const char          *path);
/* Requests received in all. */
guint        fault_server_total          (FaultServer         *self);
/* The values of request header @name on each request to @method @path, in order (NULL
 * entries where it was absent). Free with g_ptr_array_unref. */
GPtrArray   *fault_server_header_values  (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          const char          *name);
/* The body of the @index-th request (0 = first) to @method @path; NULL when there is none. */
GBytes      *fault_server_body           (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          guint                index);
/* The query string of the @index-th request to @method @path ("" when none). */
char        *fault_server_query          (FaultServer         *self,
                                          const char          *method,
                                          const char          *path,
                                          guint                index);

G_END_DECLS
