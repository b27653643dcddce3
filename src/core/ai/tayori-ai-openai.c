/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiOpenai: the "openai" provider, Chat Completions as OpenAI, Azure OpenAI, Ollama,
 * llama.cpp, vLLM, LM Studio and LocalAI speak it: streamed over SSE or in one answer, with
 * JSON-schema structured output. The call itself is in tayori-ai-openai-chat.c, images in
 * tayori-ai-openai-image.c. */
#include <glib/gi18n.h>
#include "tayori-ai-openai-private.h"
#include "tayori-ai-provider-common.h"

#define TAYORI_TYPE_AI_OPENAI (tayori_ai_openai_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiOpenai, tayori_ai_openai, TAYORI, AI_OPENAI, GObject)

struct _TayoriAiOpenai
{
  GObject           parent_instance;
  TayoriAiEndpoint *endpoint;
};

static void provider_iface_init (TayoriAiProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriAiOpenai, tayori_ai_openai, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_AI_PROVIDER, provider_iface_init))

void
tayori_ai_openai_route_clear (TayoriAiOpenaiRoute *route)
{
  g_clear_pointer (&route->path, g_free);
  g_clear_pointer (&route->query, g_strfreev);
}

void
tayori_ai_openai_route_init (TayoriAiOpenaiRoute *route,
                             TayoriAiEndpoint    *endpoint,
                             const char          *deployment,
                             const char          *operation)
{
  g_autofree char *escaped = NULL;
  const char *api_version;

  if (deployment == NULL)
    {
      route->path = g_strconcat ("/", operation, NULL);
      route->query = NULL;
      return;
    }

  api_version = tayori_ai_endpoint_get_azure_api_version (endpoint);
  if (api_version == NULL)
    api_version = TAYORI_AI_OPENAI_AZURE_API_VERSION;
  /* The HTTP layer escapes the query, not the path. */
  escaped = g_uri_escape_string (deployment, NULL, FALSE);
  route->path = g_strconcat ("/openai/deployments/", escaped, "/", operation, NULL);
  route->query = g_new0 (char *, 2);
  route->query[0] = g_strconcat ("api-version=", api_version, NULL);
}

TayoriAiHttpCall
tayori_ai_openai_route_post (const TayoriAiOpenaiRoute *route,
                             JsonNode                  *body)
{
  TayoriAiHttpCall http = {
    .method = "POST",
    .path = route->path,
    .query = (const char * const *) route->query,
    .body = body,
  };

  return http;
}

void
tayori_ai_openai_set_malformed (GError           **error,
                                TayoriAiEndpoint  *endpoint,
                                const char        *what)
{
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
               _("The answer of the AI service “%s” cannot be used: %s"),
               tayori_ai_endpoint_get_label (endpoint), what);
}

static void
tayori_ai_openai_chat_async (TayoriAiProvider          *provider,
                             const TayoriAiChatRequest *request,
                             TayoriAiDeltaFunc          on_delta,
                             gpointer                   delta_data,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  TayoriAiOpenai *self = TAYORI_AI_OPENAI (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tayori_ai_openai_chat_async);
  g_task_set_task_data (task,
                        tayori_ai_openai_chat_new (self->endpoint, request, on_delta, delta_data,
                                                   cancellable),
                        (GDestroyNotify) tayori_ai_openai_chat_free);
  g_task_run_in_thread (task, tayori_ai_openai_chat_thread);
}

static TayoriAiChatResponse *
tayori_ai_openai_chat_finish (TayoriAiProvider  *provider,
                              GAsyncResult      *result,
                              GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
tayori_ai_openai_supports_images_vfunc (TayoriAiProvider *provider)
{
  return tayori_ai_openai_supports_images (TAYORI_AI_OPENAI (provider)->endpoint);
}

static void
tayori_ai_openai_image_async_vfunc (TayoriAiProvider           *provider,
                                    const TayoriAiImageRequest *request,
                                    GCancellable               *cancellable,
                                    GAsyncReadyCallback         callback,
                                    gpointer                    user_data)
{
  tayori_ai_openai_image_async (provider, TAYORI_AI_OPENAI (provider)->endpoint, request,
                                cancellable, callback, user_data);
}

static void
provider_iface_init (TayoriAiProviderInterface *iface)
{
  iface->supports_images = tayori_ai_openai_supports_images_vfunc;
  iface->chat_async = tayori_ai_openai_chat_async;
  iface->chat_finish = tayori_ai_openai_chat_finish;
  iface->image_async = tayori_ai_openai_image_async_vfunc;
  iface->image_finish = tayori_ai_openai_image_finish;
}

static void
tayori_ai_openai_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TayoriAiOpenai *self = TAYORI_AI_OPENAI (object);

  tayori_ai_provider_get_endpoint_property (object, self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_openai_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TayoriAiOpenai *self = TAYORI_AI_OPENAI (object);

  tayori_ai_provider_set_endpoint_property (object, &self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_openai_dispose (GObject *object)
{
  TayoriAiOpenai *self = TAYORI_AI_OPENAI (object);

  g_clear_object (&self->endpoint);
  G_OBJECT_CLASS (tayori_ai_openai_parent_class)->dispose (object);
}

static void
tayori_ai_openai_class_init (TayoriAiOpenaiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tayori_ai_openai_get_property;
  object_class->set_property = tayori_ai_openai_set_property;
  object_class->dispose = tayori_ai_openai_dispose;
  tayori_ai_provider_class_override_endpoint (object_class);
}

static void
tayori_ai_openai_init (TayoriAiOpenai *self)
{
}

TayoriAiProvider *
tayori_ai_openai_new (TayoriAiEndpoint *endpoint)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), NULL);

  return g_object_new (TAYORI_TYPE_AI_OPENAI, "endpoint", endpoint, NULL);
}
