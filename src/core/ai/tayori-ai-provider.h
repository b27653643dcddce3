/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiProvider: one kind of generative-AI HTTP API (openai, anthropic, sdwebui), configured
 * by a TayoriAiEndpoint. Text is a chat request with optional streaming and an optional JSON
 * schema for structured output; images come back as PNG bytes. One file per implementation;
 * tayori_ai_provider_new_for_endpoint () picks the implementation by the endpoint's type. The
 * built-in offline provider is not an HTTP provider: see tayori-ai-builtin.h. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "tayori-ai-endpoint.h"

G_BEGIN_DECLS

#define TAYORI_AI_ERROR (tayori_ai_error_quark ())
typedef enum {
  TAYORI_AI_ERROR_NOT_SUPPORTED,     /* this provider cannot do that (e.g. images on anthropic) */
  TAYORI_AI_ERROR_POLICY,            /* the organisation's policy refuses the request */
  TAYORI_AI_ERROR_AUTH,              /* 401/403: key missing, wrong or revoked */
  TAYORI_AI_ERROR_RATE_LIMITED,      /* 429 after the retries */
  TAYORI_AI_ERROR_SERVER,            /* 5xx after the retries */
  TAYORI_AI_ERROR_BAD_REQUEST,       /* 400/404/422: the server's message kept (no secrets) */
  TAYORI_AI_ERROR_MALFORMED,         /* invalid JSON / SSE, truncated stream, schema mismatch */
  TAYORI_AI_ERROR_TOO_LARGE,         /* response over the size limit */
  TAYORI_AI_ERROR_NETWORK,           /* connect / timeout / DNS / TLS */
} TayoriAiError;
GQuark tayori_ai_error_quark (void);

typedef struct {
  const char *system;          /* system prompt, may be NULL */
  const char *prompt;          /* the user message */
  JsonNode   *schema;          /* JSON schema for structured output, or NULL for free text */
  const char *schema_name;     /* name of the schema ("category_suggestions"), with @schema */
  guint       max_tokens;      /* 0 = provider default */
  double      temperature;     /* < 0 = provider default */
  gboolean    stream;          /* deliver deltas through the callback as they arrive */
} TayoriAiChatRequest;

typedef struct {
  char   *text;                /* the whole answer (for structured output: the JSON text) */
  char   *model;               /* the model the server says answered */
  guint   input_tokens;        /* 0 when the server does not say */
  guint   output_tokens;
  char   *finish_reason;       /* "stop", "length", … or NULL */
} TayoriAiChatResponse;
void tayori_ai_chat_response_free (TayoriAiChatResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAiChatResponse, tayori_ai_chat_response_free)

typedef struct {
  const char *prompt;
  const char *negative_prompt; /* sdwebui only; may be NULL */
  guint       width;           /* e.g. 1200 (providers round to what they support) */
  guint       height;
} TayoriAiImageRequest;

/* Called on the thread-default main context of the _async call, once per text delta. */
typedef void (*TayoriAiDeltaFunc) (const char *delta, gpointer user_data);

#define TAYORI_TYPE_AI_PROVIDER (tayori_ai_provider_get_type ())
G_DECLARE_INTERFACE (TayoriAiProvider, tayori_ai_provider, TAYORI, AI_PROVIDER, GObject)

struct _TayoriAiProviderInterface
{
  GTypeInterface parent_iface;

  gboolean              (*supports_images) (TayoriAiProvider *self);
  void                  (*chat_async)      (TayoriAiProvider          *self,
                                            const TayoriAiChatRequest *request,
                                            TayoriAiDeltaFunc          on_delta,
                                            gpointer                   delta_data,
                                            GCancellable              *cancellable,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
  TayoriAiChatResponse *(*chat_finish)     (TayoriAiProvider *self,
                                            GAsyncResult     *result,
                                            GError          **error);
  void                  (*image_async)     (TayoriAiProvider           *self,
                                            const TayoriAiImageRequest *request,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data);
  GBytes               *(*image_finish)    (TayoriAiProvider *self,
                                            GAsyncResult     *result,
                                            GError          **error);
};

/* "openai" (also Azure OpenAI, Ollama, llama.cpp, vLLM, LM Studio, LocalAI), "anthropic",
 * "sdwebui". NULL with TAYORI_AI_ERROR_NOT_SUPPORTED for another type. The key is looked up in
 * libsecret by the provider when it sends (tayori-secret.h). */
TayoriAiProvider     *tayori_ai_provider_new_for_endpoint (TayoriAiEndpoint *endpoint,
                                                           GError          **error);
TayoriAiEndpoint     *tayori_ai_provider_get_endpoint     (TayoriAiProvider *self);
gboolean              tayori_ai_provider_supports_images  (TayoriAiProvider *self);
void                  tayori_ai_provider_chat_async       (TayoriAiProvider          *self,
                                                           const TayoriAiChatRequest *request,
                                                           TayoriAiDeltaFunc          on_delta,
                                                           gpointer                   delta_data,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data);
TayoriAiChatResponse *tayori_ai_provider_chat_finish      (TayoriAiProvider *self,
                                                           GAsyncResult     *result,
                                                           GError          **error);
void                  tayori_ai_provider_image_async      (TayoriAiProvider           *self,
                                                           const TayoriAiImageRequest *request,
                                                           GCancellable               *cancellable,
                                                           GAsyncReadyCallback         callback,
                                                           gpointer                    user_data);
GBytes               *tayori_ai_provider_image_finish     (TayoriAiProvider *self,
                                                           GAsyncResult     *result,
                                                           GError          **error);

/* Implementations (one file each). */
TayoriAiProvider *tayori_ai_openai_new    (TayoriAiEndpoint *endpoint); /* tayori-ai-openai.c */
TayoriAiProvider *tayori_ai_anthropic_new (TayoriAiEndpoint *endpoint); /* tayori-ai-anthropic.c */
TayoriAiProvider *tayori_ai_sdwebui_new   (TayoriAiEndpoint *endpoint); /* tayori-ai-sdwebui.c */

G_END_DECLS
