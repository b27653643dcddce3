/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The TayoriAiProvider interface, its error domain and the choice of implementation by endpoint
 * type. Every implementation has the construct-only "endpoint" property declared here. */
#include <glib/gi18n.h>
#include "tayori-ai-provider.h"

G_DEFINE_QUARK (tayori-ai-error-quark, tayori_ai_error)

G_DEFINE_INTERFACE (TayoriAiProvider, tayori_ai_provider, G_TYPE_OBJECT)

static void
tayori_ai_provider_default_init (TayoriAiProviderInterface *iface)
{
  /* Implementations override it (g_object_class_override_property) and keep a reference. */
  g_object_interface_install_property (iface,
    g_param_spec_object ("endpoint", NULL, NULL, TAYORI_TYPE_AI_ENDPOINT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
}

void
tayori_ai_chat_response_free (TayoriAiChatResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->text);
  g_free (response->model);
  g_free (response->finish_reason);
  g_free (response);
}

TayoriAiProvider *
tayori_ai_provider_new_for_endpoint (TayoriAiEndpoint  *endpoint,
                                     GError           **error)
{
  const char *kind;

  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), NULL);

  kind = tayori_ai_endpoint_get_kind (endpoint);
  if (g_strcmp0 (kind, "openai") == 0)
    return tayori_ai_openai_new (endpoint);
  if (g_strcmp0 (kind, "anthropic") == 0)
    return tayori_ai_anthropic_new (endpoint);
  if (g_strcmp0 (kind, "sdwebui") == 0)
    return tayori_ai_sdwebui_new (endpoint);

  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED,
               _("The AI endpoint “%s” has the unknown type “%s”"),
               tayori_ai_endpoint_get_name (endpoint), kind != NULL ? kind : "");
  return NULL;
}

TayoriAiEndpoint *
tayori_ai_provider_get_endpoint (TayoriAiProvider *self)
{
  g_autoptr(TayoriAiEndpoint) endpoint = NULL;

  g_return_val_if_fail (TAYORI_IS_AI_PROVIDER (self), NULL);

  /* The provider holds its own reference for its whole life, so this one can go. */
  g_object_get (self, "endpoint", &endpoint, NULL);
  return endpoint;
}

gboolean
tayori_ai_provider_supports_images (TayoriAiProvider *self)
{
  TayoriAiProviderInterface *iface;

  g_return_val_if_fail (TAYORI_IS_AI_PROVIDER (self), FALSE);

  iface = TAYORI_AI_PROVIDER_GET_IFACE (self);
  return iface->supports_images != NULL && iface->image_async != NULL &&
         iface->supports_images (self);
}

/* An interface function left NULL: the provider cannot do that. */
static void
report_not_supported (TayoriAiProvider    *self,
                      gpointer             source_tag,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  const char *label = tayori_ai_endpoint_get_label (tayori_ai_provider_get_endpoint (self));
  g_autofree char *message = NULL;

  if (source_tag == tayori_ai_provider_image_async)
    message = g_strdup_printf (_("The AI endpoint “%s” cannot make images"), label);
  else
    message = g_strdup_printf (_("The AI endpoint “%s” cannot write text"), label);
  g_task_report_new_error (self, callback, user_data, source_tag,
                           TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED, "%s", message);
}

void
tayori_ai_provider_chat_async (TayoriAiProvider          *self,
                               const TayoriAiChatRequest *request,
                               TayoriAiDeltaFunc          on_delta,
                               gpointer                   delta_data,
                               GCancellable              *cancellable,
                               GAsyncReadyCallback        callback,
                               gpointer                   user_data)
{
  TayoriAiProviderInterface *iface;

  g_return_if_fail (TAYORI_IS_AI_PROVIDER (self));
  g_return_if_fail (request != NULL && request->prompt != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  iface = TAYORI_AI_PROVIDER_GET_IFACE (self);
  if (iface->chat_async == NULL)
    {
      report_not_supported (self, tayori_ai_provider_chat_async, callback, user_data);
      return;
    }
  iface->chat_async (self, request, on_delta, delta_data, cancellable, callback, user_data);
}

TayoriAiChatResponse *
tayori_ai_provider_chat_finish (TayoriAiProvider  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (TAYORI_IS_AI_PROVIDER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (g_async_result_is_tagged (result, tayori_ai_provider_chat_async))
    return g_task_propagate_pointer (G_TASK (result), error);
  return TAYORI_AI_PROVIDER_GET_IFACE (self)->chat_finish (self, result, error);
}

void
tayori_ai_provider_image_async (TayoriAiProvider           *self,
                                const TayoriAiImageRequest *request,
                                GCancellable               *cancellable,
                                GAsyncReadyCallback         callback,
                                gpointer                    user_data)
{
  g_return_if_fail (TAYORI_IS_AI_PROVIDER (self));
  g_return_if_fail (request != NULL && request->prompt != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  if (!tayori_ai_provider_supports_images (self))
    {
      report_not_supported (self, tayori_ai_provider_image_async, callback, user_data);
      return;
    }
  TAYORI_AI_PROVIDER_GET_IFACE (self)->image_async (self, request, cancellable, callback,
                                                    user_data);
}

GBytes *
tayori_ai_provider_image_finish (TayoriAiProvider  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (TAYORI_IS_AI_PROVIDER (self), NULL);
  g_return_val_if_fail (G_IS_ASYNC_RESULT (result), NULL);

  if (g_async_result_is_tagged (result, tayori_ai_provider_image_async))
    return g_task_propagate_pointer (G_TASK (result), error);
  return TAYORI_AI_PROVIDER_GET_IFACE (self)->image_finish (self, result, error);
}
