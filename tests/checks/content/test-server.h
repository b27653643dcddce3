/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake web server for the HTTP client and link checker tests: a SoupServer on 127.0.0.1 at a
 * random port, running on a thread of its own so tests may block on requests. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Paths served (any "?query" is ignored, so distinct URLs can reach one handler):
 *   /ok        200 "ok"                    /missing    404
 *   /moved     301 → /ok                   /found      302 → /moved
 *   /perm308   308 → /ok                   /loop       302 → /loop
 *   /head405   HEAD: 405, GET: 200         /head501    HEAD: 501, GET: 200
 *   /slow      answers after 5 s           /delay      200 after 150 ms
 *   /big       200 with 100 000 bytes      /echo       200 echoing the request body,
 *                                                      header "X-Method" = the method */
typedef struct _TestServer TestServer;

/* @tls_pem: a PEM file holding a certificate and its key to serve https, or NULL. */
TestServer *test_server_new             (const char *tls_pem);
void        test_server_free            (TestServer *server);
/* "http://127.0.0.1:PORT" + @path (or https://…) */
char       *test_server_url             (TestServer *server,
                                         const char *path);
/* Requests received for @path (query included when given), every method counted. */
guint       test_server_count           (TestServer *server,
                                         const char *path_and_query);
/* The most /delay requests that were in progress at one time since the last reset. */
guint       test_server_max_concurrent  (TestServer *server);
void        test_server_reset           (TestServer *server);
/* A port on 127.0.0.1 nobody listens on. */
guint16     test_server_closed_port     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestServer, test_server_free)

G_END_DECLS
