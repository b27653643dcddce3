/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the TayoriAiProvider interface: the wrappers over a fake text-only provider (what
 * is not implemented answers NOT_SUPPORTED), the error domain, the choice of implementation by
 * endpoint type. */
#include "tayori-ai-provider.h"

#define TEST_TYPE_PROVIDER (test_provider_get_type ())
G_DECLARE_FINAL_TYPE (TestProvider, test_provider, TEST, PROVIDER, GObject)

struct _TestProvider
{
  GObject           parent_instance;
  TayoriAiEndpoint *endpoint;
};

enum { PROP_0, PROP_ENDPOINT };

static void test_provider_iface_init (TayoriAiProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestProvider, test_provider, G_TYPE_OBJECT,
  G_IMPLEMENT_INTERFACE (TAYORI_TYPE_AI_PROVIDER, test_provider_iface_init))

static void
test_provider_chat_async (TayoriAiProvider          *provider,
                          const TayoriAiChatRequest *request,
                          TayoriAiDeltaFunc          on_delta,
                          gpointer                   delta_data,
                          GCancellable              *cancellable,
                          GAsyncReadyCallback        callback,
                          gpointer                   user_data)
{
  g_autoptr(GTask) task = g_task_new (provider, cancellable, callback, user_data);
  TayoriAiChatResponse *response = g_new0 (TayoriAiChatResponse, 1);

  response->text = g_strdup_printf ("echo: %s", request->prompt);
  response->model = g_strdup ("fake");
  on_delta (response->text, delta_data);
  g_task_return_pointer (task, response, (GDestroyNotify) tayori_ai_chat_response_free);
}

static TayoriAiChatResponse *
test_provider_chat_finish (TayoriAiProvider  *provider,
                           GAsyncResult      *result,
                           GError           **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_provider_iface_init (TayoriAiProviderInterface *iface)
{
  iface->chat_async = test_provider_chat_async;
  iface->chat_finish = test_provider_chat_finish;
}

static void
test_provider_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  g_value_set_object (value, TEST_PROVIDER (object)->endpoint);
}

static void
test_provider_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TEST_PROVIDER (object)->endpoint = g_value_dup_object (value);
}

static void
test_provider_finalize (GObject *object)
{
  g_clear_object (&TEST_PROVIDER (object)->endpoint);
  G_OBJECT_CLASS (test_provider_parent_class)->finalize (object);
}

static void
test_provider_class_init (TestProviderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_provider_get_property;
  object_class->set_property = test_provider_set_property;
  object_class->finalize = test_provider_finalize;
  g_object_class_override_property (object_class, PROP_ENDPOINT, "endpoint");
}

static void
test_provider_init (TestProvider *self)
{
}

static void
on_delta (const char *delta,
          gpointer    user_data)
{
  g_string_append (user_data, delta);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_interface (void)
{
  g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_new ("fake", "openai", "https://ai.example.jp", "m");
  g_autoptr(TayoriAiProvider) provider = g_object_new (TEST_TYPE_PROVIDER, "endpoint", endpoint, NULL);
  g_autoptr(GString) deltas = g_string_new (NULL);
  TayoriAiChatRequest chat = { NULL, "こんにちは", NULL, NULL, 0, -1.0, TRUE };
  TayoriAiImageRequest image = { "a park", NULL, 1200, 630 };
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GAsyncResult) chat_result = NULL;
  g_autoptr(GAsyncResult) image_result = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tayori_ai_provider_get_endpoint (provider) == endpoint);
  g_assert_false (tayori_ai_provider_supports_images (provider));

  tayori_ai_provider_chat_async (provider, &chat, on_delta, deltas, NULL, store_result, &chat_result);
  response = tayori_ai_provider_chat_finish (provider, wait_result (&chat_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "echo: こんにちは");
  g_assert_cmpstr (deltas->str, ==, "echo: こんにちは");

  tayori_ai_provider_image_async (provider, &image, NULL, store_result, &image_result);
  png = tayori_ai_provider_image_finish (provider, wait_result (&image_result), &error);
  g_assert_null (png);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "fake"));
}

static void
test_error_domain (void)
{
  g_assert_cmpstr (g_quark_to_string (TAYORI_AI_ERROR), ==, "tayori-ai-error-quark");
  tayori_ai_chat_response_free (NULL);
}

static void
test_dispatch (void)
{
  const char *kinds[] = { "openai", "anthropic", "sdwebui" };
  g_autoptr(TayoriAiEndpoint) unknown = tayori_ai_endpoint_new ("g", "gemini", "https://g.example.jp", "m");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_new (kinds[i], kinds[i], "https://ai.example.jp", "m");
      g_autoptr(TayoriAiProvider) provider = tayori_ai_provider_new_for_endpoint (endpoint, &error);
      g_autofree char *type_name = g_ascii_strdown (G_OBJECT_TYPE_NAME (provider), -1);

      g_assert_no_error (error);
      g_assert_true (TAYORI_IS_AI_PROVIDER (provider));
      g_assert_true (tayori_ai_provider_get_endpoint (provider) == endpoint);
      g_assert_nonnull (strstr (type_name, kinds[i]));
    }
  g_assert_null (tayori_ai_provider_new_for_endpoint (unknown, &error));
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "gemini"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/provider/interface", test_interface);
  g_test_add_func ("/tayori/ai/provider/error-domain", test_error_domain);
  g_test_add_func ("/tayori/ai/provider/dispatch", test_dispatch);
  return g_test_run ();
}
