/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the provider tests share: endpoints from keyfile text, keys in the test keyring,
 * running a provider's async calls to completion on the main loop, and the plumbing of their
 * SoupServer fakes. */
#pragma once

#include <libsoup/soup.h>
#include "tayori-ai-provider.h"

G_BEGIN_DECLS

/* @extra: more "key=value" lines of the endpoint group, may be NULL. */
TayoriAiEndpoint     *test_endpoint  (const char *name,
                                      const char *type,
                                      const char *base_url,
                                      const char *extra);
void                  test_store_key (const char *name,
                                      const char *key);

typedef struct {
  GString      *text;            /* every delta, in order */
  guint         n_deltas;
  guint         n_before_done;   /* deltas that had arrived when the call completed */
  gboolean      off_main;        /* a delta arrived outside the main context */
  GCancellable *cancel_on_delta; /* cancelled at the first delta when set */
} TestDeltas;

void                  test_deltas_init  (TestDeltas *deltas);
void                  test_deltas_clear (TestDeltas *deltas);

TayoriAiChatResponse *test_chat      (TayoriAiProvider          *provider,
                                      const TayoriAiChatRequest *request,
                                      TestDeltas                *deltas,  /* may be NULL */
                                      GCancellable              *cancellable,
                                      GError                   **error);
GBytes               *test_image     (TayoriAiProvider           *provider,
                                      const TayoriAiImageRequest *request,
                                      GError                    **error);
/* A small real PNG (cairo). */
GBytes               *test_png       (void);

/* A SoupServer on 127.0.0.1 and the test's main context, @handler answering every path;
 * @url: its "http://127.0.0.1:PORT". */
SoupServer           *ai_test_server_new   (SoupServerCallback   handler,
                                            gpointer             data,
                                            char               **url);
/* Starts a 200 chunked response of @content_type on @message, written by @func every
 * millisecond until it returns G_SOURCE_REMOVE; its GSource goes into @sources. */
void                  ai_test_server_stream (GPtrArray           *sources,
                                             SoupServerMessage   *message,
                                             const char          *content_type,
                                             GSourceFunc          func,
                                             gpointer             data,
                                             GDestroyNotify       destroy);
/* Destroys the streams still going in @sources, frees it and stops @server. */
void                  ai_test_server_free   (SoupServer          *server,
                                             GPtrArray           *sources);
/* The request's body when it is JSON, else NULL. */
JsonNode             *ai_test_request_json (SoupServerMessage   *message);
/* The member of @node at @path ("messages/0/content"): a string as it is, a double with %g,
 * anything else as JSON text; NULL when absent. */
char                 *ai_test_json_get     (JsonNode            *node,
                                            const char          *path);

G_END_DECLS
