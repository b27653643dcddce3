/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "openai" provider against a scripted fake server: the requests it sends (plain,
 * streaming, structured, Azure, images), streams split anywhere, and the answers it reads. */
#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "openai-fake.h"
#include "openai-test-util.h"

static const char *deltas[] = { "市民", "の皆さまへ、", "🎌 お知らせ", "です。", NULL };
static const char whole[] = "市民の皆さまへ、🎌 お知らせです。";

#define ANSWER(content, extra) \
  "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"llama3.1\"," \
  "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\"," content extra "}," \
  "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5," \
  "\"total_tokens\":17}}"

static void
assert_body (const OpenaiFakeRequest *request,
             const char              *path,
             const char              *expected)
{
  g_autofree char *value = openai_fake_body_get (request, path);

  g_assert_cmpstr (value, ==, expected);
}

/* The provider of the "openai" endpoint @name (more keyfile lines: @extra) served by @fake. */
static TayoriAiProvider *
provider_on (OpenaiFake *fake,
             const char *name,
             const char *extra)
{
  g_autoptr(TayoriAiEndpoint) endpoint = test_endpoint (name, "openai", openai_fake_get_url (fake),
                                                        extra);
  g_autoptr(GError) error = NULL;
  TayoriAiProvider *provider = tayori_ai_provider_new_for_endpoint (endpoint, &error);

  g_assert_no_error (error);
  g_assert_true (tayori_ai_provider_get_endpoint (provider) == endpoint);
  return provider;
}

static void
test_chat_plain (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "local", "model=llama3.1\nauth=none");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = {
    .system = "あなたは市役所の広報担当です。", .prompt = "次の記事を要約してください。",
    .max_tokens = 200, .temperature = 0.2,
  };
  const OpenaiFakeRequest *sent;

  openai_fake_reply (fake, 200, ANSWER ("\"content\":\"ごみ収集日が変わります。\"", ""), NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "ごみ収集日が変わります。");
  g_assert_cmpstr (response->model, ==, "llama3.1");
  g_assert_cmpstr (response->finish_reason, ==, "stop");
  g_assert_cmpuint (response->input_tokens, ==, 12);
  g_assert_cmpuint (response->output_tokens, ==, 5);

  g_assert_cmpuint (openai_fake_get_n_requests (fake), ==, 1);
  sent = openai_fake_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/chat/completions");
  g_assert_null (sent->query);
  g_assert_null (sent->authorization);
  g_assert_cmpstr (sent->accept, ==, "application/json");
  assert_body (sent, "model", "llama3.1");
  assert_body (sent, "messages/0/role", "system");
  assert_body (sent, "messages/0/content", "あなたは市役所の広報担当です。");
  assert_body (sent, "messages/1/role", "user");
  assert_body (sent, "messages/1/content", "次の記事を要約してください。");
  /* Not api.openai.com: the name every compatible server knows. */
  assert_body (sent, "max_tokens", "200");
  assert_body (sent, "max_completion_tokens", NULL);
  assert_body (sent, "temperature", "0.2");
  assert_body (sent, "stream", NULL);
  assert_body (sent, "response_format/type", NULL);
}

static void
test_chat_defaults_left_out (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "local", "auth=none");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };
  const OpenaiFakeRequest *sent;

  openai_fake_reply (fake, 200, ANSWER ("\"content\":\"はい\"", ""), NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  sent = openai_fake_get_request (fake, 0);
  assert_body (sent, "model", NULL);
  assert_body (sent, "messages/0/role", "user");
  assert_body (sent, "messages/1/role", NULL);
  assert_body (sent, "max_tokens", NULL);
  assert_body (sent, "temperature", NULL);
}

/* Every split of the stream (inside "data:", inside a UTF-8 character, between CR and LF)
 * gives the same deltas, in order, on the main thread, all before the result (the whole
 * stream in one piece queues them together with it). 0: random sizes. */
static void
test_chat_stream_splits (void)
{
  static const gsize sizes[] = { 1, 2, 3, 5, 7, 64, 0, 0, 65536 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(OpenaiFake) fake = openai_fake_new ();
      g_autoptr(TayoriAiProvider) provider =
        provider_on (fake, "local", "model=llama3.1\nauth=none");
      g_autoptr(TayoriAiChatResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *stream = openai_test_stream (deltas, STREAM_FULL | (i % 2 ? STREAM_CRLF : 0));
      g_autoptr(GString) got = g_string_new (NULL);
      TestDeltas seen = { .text = got };
      TayoriAiChatRequest request = { .prompt = "要約", .temperature = -1, .stream = TRUE };
      const OpenaiFakeRequest *sent;

      openai_fake_reply_stream (fake, stream, sizes[i], FALSE);
      response = test_chat (provider, &request, &seen, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (got->str, ==, whole);
      g_assert_cmpuint (seen.n_deltas, ==, g_strv_length ((char **) deltas));
      g_assert_false (seen.off_main);
      g_assert_cmpstr (response->text, ==, whole);
      g_assert_cmpstr (response->model, ==, "test-model");
      g_assert_cmpstr (response->finish_reason, ==, "stop");
      g_assert_cmpuint (response->input_tokens, ==, 21);
      g_assert_cmpuint (response->output_tokens, ==, 8);

      sent = openai_fake_get_request (fake, 0);
      g_assert_cmpstr (sent->accept, ==, "text/event-stream");
      assert_body (sent, "stream", "true");
      assert_body (sent, "stream_options/include_usage", "true");
    }
}

/* Some servers end with the finish reason and no end marker; that answer is complete. */
static void
test_chat_stream_without_done (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "local", "auth=none");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stream = openai_test_stream (deltas, STREAM_FINISH);
  TayoriAiChatRequest request = { .prompt = "要約", .temperature = -1, .stream = TRUE };

  openai_fake_reply_stream (fake, stream, 16, FALSE);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, whole);
  g_assert_cmpuint (response->input_tokens, ==, 0);
}

static const char titles_schema[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"titles\"],"
  "\"properties\":{\"titles\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}";

static TayoriAiChatResponse *
structured_chat (const char  *content,
                 GError     **error)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "local", "model=qwen2.5\nauth=none");
  g_autoptr(JsonNode) schema = json_from_string (titles_schema, NULL);
  g_autofree char *answer = g_strdup_printf (ANSWER ("\"content\":%s", ""), content);
  TayoriAiChatRequest request = {
    .prompt = "題名を三つ", .schema = schema, .schema_name = "titles", .temperature = -1,
  };
  TayoriAiChatResponse *response;
  const OpenaiFakeRequest *sent;

  openai_fake_reply (fake, 200, answer, NULL);
  response = test_chat (provider, &request, NULL, NULL, error);
  sent = openai_fake_get_request (fake, 0);
  assert_body (sent, "response_format/type", "json_schema");
  assert_body (sent, "response_format/json_schema/name", "titles");
  assert_body (sent, "response_format/json_schema/strict", "true");
  assert_body (sent, "response_format/json_schema/schema/type", "object");
  assert_body (sent, "response_format/json_schema/schema/required/0", "titles");
  return response;
}

static void
test_chat_structured (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiChatResponse) response =
    structured_chat ("\"{\\\"titles\\\":[\\\"ごみの日\\\",\\\"収集日変更\\\"]}\"", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "{\"titles\":[\"ごみの日\",\"収集日変更\"]}");
}

static void
test_chat_structured_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiChatResponse) response = structured_chat ("\"題名: ごみの日\"", &error);

  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
}

static void
test_chat_refusal (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "local", "auth=none");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "…", .temperature = -1 };

  openai_fake_reply (fake, 200, ANSWER ("\"content\":null,", "\"refusal\":\"お答えできません\""),
                     NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "お答えできません"));
  g_assert_null (response);
}

/* The key goes in the bearer header and never into an error message. */
static void
test_chat_bearer_key (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "cloud", "model=gpt-4o-mini");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  test_store_key ("cloud", "sk-tayori-test-0123456789");
  openai_fake_reply (fake, 200, ANSWER ("\"content\":\"はい\"", ""), NULL);
  openai_fake_reply (fake, 401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                                "sk-tayori-test-0123456789\",\"type\":\"invalid_request_error\"}}",
                     NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (openai_fake_get_request (fake, 0)->authorization, ==,
                   "Bearer sk-tayori-test-0123456789");

  g_clear_pointer (&response, tayori_ai_chat_response_free);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_AUTH);
  g_assert_null (strstr (error->message, "0123456789"));
}

static void
test_azure_chat (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider =
    provider_on (fake, "azure", "azure-deployment=tayori gpt-4o\nazure-api-version=2024-10-21");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stream = openai_test_stream (deltas, STREAM_FULL);
  TayoriAiChatRequest request = { .prompt = "要約", .max_tokens = 300, .temperature = -1,
                                  .stream = TRUE };
  const OpenaiFakeRequest *sent;

  test_store_key ("azure", "azure-key-456");
  openai_fake_reply_stream (fake, stream, 9, FALSE);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, whole);

  sent = openai_fake_get_request (fake, 0);
  /* The server decodes the escaped space; an unescaped one would not have been a request. */
  g_assert_cmpstr (sent->path, ==, "/openai/deployments/tayori gpt-4o/chat/completions");
  g_assert_cmpstr (sent->query, ==, "api-version=2024-10-21");
  g_assert_cmpstr (sent->api_key, ==, "azure-key-456");
  g_assert_null (sent->authorization);
  /* The deployment names the model; the GA api-version knows max_tokens only. */
  assert_body (sent, "model", NULL);
  assert_body (sent, "max_tokens", "300");
}

static GBytes *
make_image (const char *type,
            int         width,
            int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save_to_buffer (pixbuf, &data, &length, type, &error, NULL);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
reply_image (OpenaiFake *fake,
             GBytes     *image)
{
  g_autofree char *b64 = g_base64_encode (g_bytes_get_data (image, NULL), g_bytes_get_size (image));
  g_autofree char *body = g_strdup_printf ("{\"created\":1,\"data\":[{\"b64_json\":\"%s\"}]}", b64);

  openai_fake_reply (fake, 200, body, NULL);
}

static void
test_image_gpt_image (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider =
    provider_on (fake, "cloud", "image-model=gpt-image-1\nauth=none");
  g_autoptr(GBytes) png = make_image ("png", 8, 4);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "桜並木の公園", .width = 1200, .height = 630 };
  const OpenaiFakeRequest *sent;

  g_assert_true (tayori_ai_provider_supports_images (provider));
  reply_image (fake, png);
  image = test_image (provider, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (image, png));

  sent = openai_fake_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/images/generations");
  assert_body (sent, "model", "gpt-image-1");
  assert_body (sent, "prompt", "桜並木の公園");
  assert_body (sent, "n", "1");
  assert_body (sent, "size", "1536x1024");
  /* The GPT image models refuse response_format: they always answer in base64. */
  assert_body (sent, "response_format", NULL);
}

/* DALL·E sizes, and a JPEG answer handed back as PNG. */
static void
test_image_dalle (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider =
    provider_on (fake, "cloud", "image-model=dall-e-3\nauth=none");
  g_autoptr(GBytes) jpeg = make_image ("jpeg", 16, 8);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GdkPixbuf) decoded = NULL;
  TayoriAiImageRequest wide = { .prompt = "市庁舎", .width = 1200, .height = 630 };
  TayoriAiImageRequest tall = { .prompt = "市庁舎", .width = 630, .height = 1200 };

  reply_image (fake, jpeg);
  image = test_image (provider, &wide, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (image, NULL), 4, "\x89PNG", 4);
  input = g_memory_input_stream_new_from_bytes (image);
  decoded = gdk_pixbuf_new_from_stream (input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 16);
  g_assert_cmpint (gdk_pixbuf_get_height (decoded), ==, 8);
  assert_body (openai_fake_get_request (fake, 0), "size", "1792x1024");
  assert_body (openai_fake_get_request (fake, 0), "response_format", "b64_json");

  g_clear_pointer (&image, g_bytes_unref);
  image = test_image (provider, &tall, &error);
  g_assert_no_error (error);
  assert_body (openai_fake_get_request (fake, 1), "size", "1024x1792");
}

static void
test_image_azure (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider =
    provider_on (fake, "azure-images", "azure-deployment=gpt-4o\nimage-model=dall-e-3");
  g_autoptr(GBytes) png = make_image ("png", 4, 4);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "図書館", .width = 1200, .height = 630 };
  const OpenaiFakeRequest *sent;

  test_store_key ("azure-images", "azure-key-789");
  reply_image (fake, png);
  image = test_image (provider, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (image, png));
  sent = openai_fake_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/openai/deployments/dall-e-3/images/generations");
  g_assert_cmpstr (sent->query, ==, "api-version=2024-10-21");
  g_assert_cmpstr (sent->api_key, ==, "azure-key-789");
  assert_body (sent, "model", NULL);
}

static void
test_image_without_data (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider =
    provider_on (fake, "cloud", "image-model=dall-e-2\nauth=none");
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "公園", .width = 1200, .height = 630 };

  openai_fake_reply (fake, 200, "{\"created\":1,\"data\":[{\"url\":\"https://example.com/a.png\"}]}",
                     NULL);
  image = test_image (provider, &request, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (image);
  assert_body (openai_fake_get_request (fake, 0), "size", "1024x1024");
}

static void
test_image_not_configured (void)
{
  g_autoptr(OpenaiFake) fake = openai_fake_new ();
  g_autoptr(TayoriAiProvider) provider = provider_on (fake, "text-only", "model=llama3.1\nauth=none");
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "公園", .width = 1200, .height = 630 };

  g_assert_false (tayori_ai_provider_supports_images (provider));
  image = test_image (provider, &request, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_null (image);
  g_assert_cmpuint (openai_fake_get_n_requests (fake), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TAYORI_AI_BACKOFF_SCALE", "0.01", TRUE);

  g_test_add_func ("/tayori/ai/openai/chat/plain", test_chat_plain);
  g_test_add_func ("/tayori/ai/openai/chat/defaults-left-out", test_chat_defaults_left_out);
  g_test_add_func ("/tayori/ai/openai/chat/stream-splits", test_chat_stream_splits);
  g_test_add_func ("/tayori/ai/openai/chat/stream-without-done", test_chat_stream_without_done);
  g_test_add_func ("/tayori/ai/openai/chat/structured", test_chat_structured);
  g_test_add_func ("/tayori/ai/openai/chat/structured-not-json", test_chat_structured_not_json);
  g_test_add_func ("/tayori/ai/openai/chat/refusal", test_chat_refusal);
  g_test_add_func ("/tayori/ai/openai/chat/bearer-key", test_chat_bearer_key);
  g_test_add_func ("/tayori/ai/openai/azure/chat", test_azure_chat);
  g_test_add_func ("/tayori/ai/openai/image/gpt-image", test_image_gpt_image);
  g_test_add_func ("/tayori/ai/openai/image/dall-e", test_image_dalle);
  g_test_add_func ("/tayori/ai/openai/image/azure", test_image_azure);
  g_test_add_func ("/tayori/ai/openai/image/without-data", test_image_without_data);
  g_test_add_func ("/tayori/ai/openai/image/not-configured", test_image_not_configured);

  return g_test_run ();
}
