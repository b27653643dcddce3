/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake of the Anthropic Messages API and of Stable Diffusion WebUI's txt2img for the tests:
 * a SoupServer on 127.0.0.1 and the test's main context. It refuses requests the real services
 * refuse (no x-api-key, no anthropic-version, a body without model, max_tokens or messages; a
 * txt2img body that is not an object) with their error bodies, answers the rest with the next
 * queued reply (the last one repeats until another is queued), and records every request. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _FakeServer FakeServer;

typedef struct {
  char     *path;
  char     *api_key;        /* x-api-key, NULL when absent */
  char     *version;        /* anthropic-version */
  char     *content_type;
  char     *authorization;
  JsonNode *body;           /* NULL when the body is not JSON */
} FakeRequest;

FakeServer        *fake_server_new            (void);
void               fake_server_free           (FakeServer *self);
const char        *fake_server_get_url        (FakeServer *self);
/* A whole answer; @retry_after: the Retry-After header, or NULL. */
void               fake_server_reply          (FakeServer *self,
                                               guint       status,
                                               const char *body,
                                               const char *retry_after);
/* A 200 event stream cut into pieces at the byte offsets @cuts (ascending, ended by 0; NULL:
 * one piece), one piece per main-loop turn so that they travel apart. */
void               fake_server_reply_stream   (FakeServer  *self,
                                               const char  *stream,
                                               const gsize *cuts);
guint              fake_server_get_n_requests (FakeServer *self);
const FakeRequest *fake_server_get_request    (FakeServer *self,
                                               guint       index);
/* @error says the provider cannot make that call, and the fake heard no request. */
void               fake_server_assert_not_supported (FakeServer   *self,
                                                     const GError *error);
/* The member of the request body at @path ("messages/0/content"): a string as it is,
 * anything else as JSON text; NULL when absent. */
char              *fake_request_get           (const FakeRequest *request,
                                               const char        *path);
/* That member is @expected; NULL: it is absent. */
void               fake_request_assert        (const FakeRequest *request,
                                               const char        *path,
                                               const char        *expected);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_free)

G_END_DECLS
