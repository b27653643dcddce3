/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every request shape the "openai" provider sends, checked by Prism against OpenAI's own
 * OpenAPI document (run through tests/ai/prism-wrapper.sh, which sets TAYORI_PRISM_URL).
 * Prism answers 422 (TAYORI_AI_ERROR_BAD_REQUEST) to a request the spec does not allow and a
 * 2xx with placeholder data otherwise: "string" as the text, "string" as the base64 image. So
 * an answer that is read, or found unusable (MALFORMED), proves the request was valid. */
#include "openai-test-util.h"

static const char *prism_url;

static TayoriAiProvider *
prism_provider (const char *extra)
{
  g_autoptr(TayoriAiEndpoint) endpoint = test_endpoint ("prism", "openai", prism_url, extra);
  g_autoptr(GError) error = NULL;
  TayoriAiProvider *provider = tayori_ai_provider_new_for_endpoint (endpoint, &error);

  g_assert_no_error (error);
  return provider;
}

static void
test_chat_whole (void)
{
  g_autoptr(TayoriAiProvider) provider = prism_provider ("model=gpt-4o-mini");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = {
    .system = "あなたは市役所の広報担当です。", .prompt = "次の記事を要約してください。",
    .max_tokens = 400, .temperature = 0.3,
  };

  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (response->text);
  g_assert_nonnull (response->model);
}

/* The stream is the spec's own streaming example (see tests/tools/prism-spec-fixup.js). */
static void
test_chat_stream (void)
{
  g_autoptr(TayoriAiProvider) provider = prism_provider ("model=gpt-4o-mini");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  TestDeltas seen = { .text = got };
  TayoriAiChatRequest request = {
    .system = "あなたは市役所の広報担当です。", .prompt = "要約してください。",
    .max_tokens = 400, .temperature = 0.3, .stream = TRUE,
  };

  response = test_chat (provider, &request, &seen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (got->len, >, 0);
  g_assert_cmpstr (response->text, ==, got->str);
  g_assert_cmpstr (response->finish_reason, ==, "stop");
}

static void
test_structured (void)
{
  g_autoptr(TayoriAiProvider) provider = prism_provider ("model=gpt-4o-mini");
  g_autoptr(JsonNode) schema = json_from_string (
    "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"suggestions\"],"
    "\"properties\":{\"suggestions\":{\"type\":\"array\",\"maxItems\":3,\"items\":"
    "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"category\",\"score\"],"
    "\"properties\":{\"category\":{\"type\":\"string\",\"enum\":[\"くらし\",\"子育て\"]},"
    "\"score\":{\"type\":\"number\"}}}}}}", NULL);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = {
    .system = "分類してください。", .prompt = "保育所の入所申込みについて",
    .schema = schema, .schema_name = "category_suggestions", .max_tokens = 200,
    .temperature = 0, .stream = FALSE,
  };

  g_assert_nonnull (schema);
  response = test_chat (provider, &request, NULL, NULL, &error);
  /* Accepted; Prism's placeholder text "string" is then rightly not taken as JSON. */
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
}

static void
test_image_model (gconstpointer data)
{
  g_autofree char *extra = g_strconcat ("image-model=", (const char *) data, NULL);
  g_autoptr(TayoriAiProvider) provider = prism_provider (extra);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "桜並木の公園、やわらかな色合い", .width = 1200,
                                   .height = 630 };

  image = test_image (provider, &request, &error);
  /* Accepted; the placeholder "string" is rightly not taken as an image. */
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (image);
}

/* Proves Prism validates: a temperature above the spec's maximum of 2 is refused. */
static void
test_invalid_rejected (void)
{
  g_autoptr(TayoriAiProvider) provider = prism_provider ("model=gpt-4o-mini");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = 5.0 };

  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_null (response);
}

/* The spec's bearer security is enforced too: without the key Prism answers 401. */
static void
test_key_required (void)
{
  g_autoptr(TayoriAiProvider) provider = prism_provider ("model=gpt-4o-mini\nauth=none");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_AUTH);
  g_assert_null (response);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TAYORI_AI_BACKOFF_SCALE", "0.01", TRUE);

  prism_url = g_getenv ("TAYORI_PRISM_URL");
  if (prism_url == NULL)
    {
      g_printerr ("SKIP: TAYORI_PRISM_URL is not set; run through tests/ai/prism-wrapper.sh\n");
      return 77;
    }
  test_store_key ("prism", "sk-prism-test");

  g_test_add_func ("/tayori/ai/openai/prism/chat", test_chat_whole);
  g_test_add_func ("/tayori/ai/openai/prism/chat-stream", test_chat_stream);
  g_test_add_func ("/tayori/ai/openai/prism/structured", test_structured);
  g_test_add_data_func ("/tayori/ai/openai/prism/image/gpt-image-1", "gpt-image-1", test_image_model);
  g_test_add_data_func ("/tayori/ai/openai/prism/image/dall-e-3", "dall-e-3", test_image_model);
  g_test_add_data_func ("/tayori/ai/openai/prism/image/dall-e-2", "dall-e-2", test_image_model);
  g_test_add_func ("/tayori/ai/openai/prism/invalid-rejected", test_invalid_rejected);
  g_test_add_func ("/tayori/ai/openai/prism/key-required", test_key_required);

  return g_test_run ();
}
