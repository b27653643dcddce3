/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scripted fake of an OpenAI-compatible server: a SoupServer on 127.0.0.1 and the test's
 * main context that answers each request with the next queued reply (the last one repeats)
 * and records what it was sent. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _OpenaiFake OpenaiFake;

typedef struct {
  char     *path;
  char     *query;          /* NULL when none */
  char     *authorization;  /* header values, NULL when absent */
  char     *api_key;
  char     *accept;
  JsonNode *body;           /* NULL when the body is not JSON */
} OpenaiFakeRequest;

OpenaiFake        *openai_fake_new            (void);
void               openai_fake_free           (OpenaiFake *self);
const char        *openai_fake_get_url        (OpenaiFake *self);
/* @retry_after: the Retry-After header, or NULL. */
void               openai_fake_reply          (OpenaiFake *self,
                                               guint       status,
                                               const char *body,
                                               const char *retry_after);
/* An event stream sent @chunk_size bytes at a time (0: random sizes from 1 to 23), one chunk
 * per main-loop turn; with @stall the response never ends after the last chunk. */
void               openai_fake_reply_stream   (OpenaiFake *self,
                                               const char *stream,
                                               gsize       chunk_size,
                                               gboolean    stall);
/* Headers are never sent: the client waits until it gives up. */
void               openai_fake_reply_stall    (OpenaiFake *self);
guint              openai_fake_get_n_requests (OpenaiFake *self);
const OpenaiFakeRequest *openai_fake_get_request (OpenaiFake *self,
                                                  guint       index);
/* @body member at @path ("messages/1/content"): a string, number or boolean as text. */
char              *openai_fake_body_get       (const OpenaiFakeRequest *request,
                                               const char              *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenaiFake, openai_fake_free)

G_END_DECLS
