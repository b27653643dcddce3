/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the OpenAI-compatible provider's files share: the Azure deployment path, errors about
 * answers that cannot be read, one chat call (tayori-ai-openai-chat.c) and the Images API
 * half (tayori-ai-openai-image.c). */
#pragma once

#include "tayori-ai-provider.h"
#include "tayori-ai-http.h"

G_BEGIN_DECLS

/* Azure OpenAI serves each deployment under its own path, with this api-version (the latest
 * GA one of the inference API) when the endpoint names none. */
#define TAYORI_AI_OPENAI_AZURE_API_VERSION "2024-10-21"

typedef struct {
  char  *path;
  GStrv  query;   /* NULL when not Azure */
} TayoriAiOpenaiRoute;

void     tayori_ai_openai_route_clear      (TayoriAiOpenaiRoute *route);
/* @deployment: the Azure deployment to call, NULL for the plain OpenAI path. */
void     tayori_ai_openai_route_init       (TayoriAiOpenaiRoute *route,
                                            TayoriAiEndpoint    *endpoint,
                                            const char          *deployment,
                                            const char          *operation);
/* A POST of @body to @route, answered without an event stream. */
TayoriAiHttpCall tayori_ai_openai_route_post (const TayoriAiOpenaiRoute *route,
                                              JsonNode                  *body);
void     tayori_ai_openai_set_malformed    (GError             **error,
                                            TayoriAiEndpoint    *endpoint,
                                            const char          *what);

/* One chat request: made on the caller's thread, which later gets the deltas; run by
 * tayori_ai_openai_chat_thread () as the task data of a GTask in a worker thread. */
typedef struct _TayoriAiOpenaiChat TayoriAiOpenaiChat;

TayoriAiOpenaiChat *tayori_ai_openai_chat_new    (TayoriAiEndpoint          *endpoint,
                                                  const TayoriAiChatRequest *request,
                                                  TayoriAiDeltaFunc          on_delta,
                                                  gpointer                   delta_data,
                                                  GCancellable              *cancellable);
void                tayori_ai_openai_chat_free   (TayoriAiOpenaiChat        *chat);
void                tayori_ai_openai_chat_thread (GTask                     *task,
                                                  gpointer                   source_object,
                                                  gpointer                   task_data,
                                                  GCancellable              *cancellable);

gboolean tayori_ai_openai_supports_images  (TayoriAiEndpoint    *endpoint);
void     tayori_ai_openai_image_async      (TayoriAiProvider           *self,
                                            TayoriAiEndpoint           *endpoint,
                                            const TayoriAiImageRequest *request,
                                            GCancellable               *cancellable,
                                            GAsyncReadyCallback         callback,
                                            gpointer                    user_data);
GBytes  *tayori_ai_openai_image_finish     (TayoriAiProvider           *self,
                                            GAsyncResult               *result,
                                            GError                    **error);

G_END_DECLS
