/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The SD WebUI provider against a fake /sdapi/v1/txt2img: the request body, sizes fitted to
 * what Stable Diffusion handles, the PNG decoded from base64, and the answers it must refuse. */
#include "fake-server.h"
#include "ai-test-util.h"

static TayoriAiProvider *
make_provider (FakeServer *fake,
               const char *extra)
{
  g_autoptr(TayoriAiEndpoint) endpoint = test_endpoint ("sd", "sdwebui",
                                                        fake_server_get_url (fake), extra);

  return tayori_ai_sdwebui_new (endpoint);
}

static char *
images_answer (const char *first)
{
  return g_strdup_printf ("{\"images\":[\"%s\"],\"parameters\":{\"prompt\":\"x\"},"
                          "\"info\":\"{\\\"seed\\\": 1234}\"}", first);
}

static char *
png_base64 (GBytes *png)
{
  return g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
}

static void
test_request (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "image-model=sd_xl_base_1.0");
  g_autoptr(GBytes) png = test_png ();
  g_autofree char *encoded = png_base64 (png);
  g_autofree char *answer = images_answer (encoded);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "桜並木と市役所、水彩画", .negative_prompt = "text",
                                   .width = 1200, .height = 630 };
  const FakeRequest *sent;

  fake_server_reply (fake, 200, answer, NULL);
  g_assert_true (tayori_ai_provider_supports_images (provider));
  image = test_image (provider, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (image, png));

  sent = fake_server_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/sdapi/v1/txt2img");
  g_assert_cmpstr (sent->content_type, ==, "application/json");
  /* auth=none by default: nothing that looks like a key is sent. */
  g_assert_null (sent->authorization);
  g_assert_null (sent->api_key);
  fake_request_assert (sent, "prompt", request.prompt);
  fake_request_assert (sent, "negative_prompt", "text");
  fake_request_assert (sent, "width", "1216");
  fake_request_assert (sent, "height", "640");
  fake_request_assert (sent, "batch_size", "1");
  fake_request_assert (sent, "n_iter", "1");
  fake_request_assert (sent, "save_images", "false");
  fake_request_assert (sent, "override_settings/sd_model_checkpoint", "sd_xl_base_1.0");
}

static void
test_sizes (void)
{
  const struct {
    guint width, height;
    const char *sent_width, *sent_height;
  } cases[] = {
    { 1200, 630, "1216", "640" },
    { 512, 512, "512", "512" },
    { 4000, 1000, "2048", "512" },
    { 0, 0, "512", "512" },
    { 1, 3000, "64", "2048" },
  };
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, NULL);
  g_autoptr(GBytes) png = test_png ();
  g_autofree char *encoded = png_base64 (png);
  g_autofree char *answer = images_answer (encoded);

  fake_server_reply (fake, 200, answer, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TayoriAiImageRequest request = { .prompt = "公園", .width = cases[i].width,
                                       .height = cases[i].height };
      g_autoptr(GBytes) image = NULL;
      g_autoptr(GError) error = NULL;
      const FakeRequest *sent;

      image = test_image (provider, &request, &error);
      g_assert_no_error (error);
      sent = fake_server_get_request (fake, i);
      fake_request_assert (sent, "width", cases[i].sent_width);
      fake_request_assert (sent, "height", cases[i].sent_height);
      fake_request_assert (sent, "negative_prompt", "");
      /* No checkpoint configured: the server's current one is used. */
      fake_request_assert (sent, "override_settings", NULL);
    }
}

/* Some forks answer with data: URLs. */
static void
test_data_url (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=v1-5-pruned");
  g_autoptr(GBytes) png = test_png ();
  g_autofree char *encoded = png_base64 (png);
  g_autofree char *url = g_strconcat ("data:image/png;base64,", encoded, NULL);
  g_autofree char *answer = images_answer (url);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "公園", .width = 512, .height = 512 };

  fake_server_reply (fake, 200, answer, NULL);
  image = test_image (provider, &request, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (image, png));
  fake_request_assert (fake_server_get_request (fake, 0), "override_settings/sd_model_checkpoint",
                 "v1-5-pruned");
}

static void
expect_error (TayoriAiProvider *provider,
              TayoriAiError     code)
{
  TayoriAiImageRequest request = { .prompt = "公園", .width = 512, .height = 512 };
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;

  image = test_image (provider, &request, &error);
  g_assert_null (image);
  g_assert_error (error, TAYORI_AI_ERROR, (gint) code);
}

static void
test_not_png (void)
{
  const char *answers[] = {
    /* JPEG */
    "{\"images\":[\"/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==\"]}",
    /* text */
    "{\"images\":[\"aGVsbG8gd29ybGQ=\"]}",
    "{\"images\":[\"\"]}",
    "{\"images\":[]}",
    "{\"images\":[42]}",
    "{\"parameters\":{}}",
    "[\"iVBORw0KGgo=\"]",
    "{\"images\":[\"iVBO",
  };
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_test_message ("answer %s", answers[i]);
      fake_server_reply (fake, 200, answers[i], NULL);
      expect_error (provider, TAYORI_AI_ERROR_MALFORMED);
    }
}

static void
test_server_error (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "max-retries=1");

  fake_server_reply (fake, 500, "{\"error\":\"OutOfMemoryError\",\"detail\":\"\","
                     "\"body\":\"\",\"errors\":\"CUDA out of memory\"}", NULL);
  expect_error (provider, TAYORI_AI_ERROR_SERVER);
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 2);
}

static void
test_no_chat (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, NULL);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_null (response);
  fake_server_assert_not_supported (fake, error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/ai/sdwebui/request", test_request);
  g_test_add_func ("/tayori/ai/sdwebui/sizes", test_sizes);
  g_test_add_func ("/tayori/ai/sdwebui/data-url", test_data_url);
  g_test_add_func ("/tayori/ai/sdwebui/not-png", test_not_png);
  g_test_add_func ("/tayori/ai/sdwebui/server-error", test_server_error);
  g_test_add_func ("/tayori/ai/sdwebui/no-chat", test_no_chat);
  return g_test_run ();
}
