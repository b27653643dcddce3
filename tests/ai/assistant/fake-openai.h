/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake OpenAI-compatible service for the assistant tests: a SoupServer on 127.0.0.1 on a
 * thread of its own, answering Chat Completions (plain or streamed as SSE) and Images
 * requests with what the test set, or failing with 500; it keeps what it received. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _FakeOpenai FakeOpenai;

FakeOpenai *fake_openai_new          (void);
void        fake_openai_free         (FakeOpenai *self);
/* "http://127.0.0.1:PORT/v1" */
const char *fake_openai_base_url     (FakeOpenai *self);
/* The assistant's message content of the next answers; streamed in three pieces when the
 * request asks for a stream. */
void        fake_openai_set_answer   (FakeOpenai *self,
                                      const char *content);
/* Every request fails with 500 while set. */
void        fake_openai_set_failing  (FakeOpenai *self,
                                      gboolean    failing);
/* Requests received (chat and images together) and the body of the last one. */
guint       fake_openai_count        (FakeOpenai *self);
char       *fake_openai_last_body    (FakeOpenai *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeOpenai, fake_openai_free)

G_END_DECLS
