/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The tests' fake HTTP services share this: a SoupServer on 127.0.0.1 (a free port) run by a
 * thread of its own with its own main context, so blocking code under test can call it. */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SoupThreadServer SoupThreadServer;

/* Starts the thread @name and returns once the server listens; @handler answers every path
 * with @user_data, on the server's thread. HTTPS with @certificate (may be NULL: plain HTTP). */
SoupThreadServer *soup_thread_server_new         (const char         *name,
                                                  GTlsCertificate    *certificate,
                                                  SoupServerCallback  handler,
                                                  gpointer            user_data);
/* Stops the server and joins its thread. */
void              soup_thread_server_free        (SoupThreadServer   *self);
/* "http://127.0.0.1:PORT" (https with a certificate), without a trailing slash. */
const char       *soup_thread_server_get_url     (SoupThreadServer   *self);
/* The server's main context, to attach sources that answer later (e.g. delayed replies). */
GMainContext     *soup_thread_server_get_context (SoupThreadServer   *self);
/* The body of the request @message as text (NUL-terminated), for the handlers. */
char             *soup_thread_server_request_text (SoupServerMessage *message);

G_END_DECLS
