/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of AI endpoints: keyfile parsing and defaults, validation messages, the round trip,
 * the preset and user lists, property notification. */
#include <glib/gstdio.h>
#include "tayori-ai-endpoint.h"

static GKeyFile *
keyfile_from (const char *text)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_data (keyfile, text, -1, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&keyfile);
}

static void
test_parse (void)
{
  g_autoptr(GKeyFile) keyfile = keyfile_from (
    "[ai-endpoint:azure]\n"
    "type=openai\nlabel=庁内 Azure\nbase-url=https://city.openai.azure.com/openai/\n"
    "model=gpt-4o-mini\nimage-model=dall-e-3\nconnect-timeout=5\ntimeout=60\nmax-retries=1\n"
    "headers=X-Org: tayori; X-Trace: on;\nazure-deployment=chat\nazure-api-version=2024-06-01\n"
    "[ai-endpoint:claude]\ntype=anthropic\nbase-url=https://api.anthropic.com/v1\nmodel=claude\n"
    "[ai-endpoint:sd]\ntype=sdwebui\nbase-url=http://127.0.0.1:7860\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiEndpoint) azure = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:azure", &error);
  g_autoptr(TayoriAiEndpoint) claude = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:claude", NULL);
  g_autoptr(TayoriAiEndpoint) sd = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:sd", NULL);
  const char * const *headers;

  g_assert_no_error (error);
  g_assert_cmpstr (tayori_ai_endpoint_get_name (azure), ==, "azure");
  g_assert_cmpstr (tayori_ai_endpoint_get_label (azure), ==, "庁内 Azure");
  g_assert_cmpstr (tayori_ai_endpoint_get_kind (azure), ==, "openai");
  g_assert_cmpstr (tayori_ai_endpoint_get_base_url (azure), ==, "https://city.openai.azure.com/openai");
  g_assert_cmpstr (tayori_ai_endpoint_get_host (azure), ==, "city.openai.azure.com");
  g_assert_cmpstr (tayori_ai_endpoint_get_model (azure), ==, "gpt-4o-mini");
  g_assert_cmpstr (tayori_ai_endpoint_get_image_model (azure), ==, "dall-e-3");
  g_assert_cmpuint (tayori_ai_endpoint_get_connect_timeout (azure), ==, 5);
  g_assert_cmpuint (tayori_ai_endpoint_get_timeout (azure), ==, 60);
  g_assert_cmpuint (tayori_ai_endpoint_get_max_retries (azure), ==, 1);
  headers = tayori_ai_endpoint_get_headers (azure);
  g_assert_cmpuint (g_strv_length ((char **) headers), ==, 2);
  g_assert_cmpstr (headers[0], ==, "X-Org: tayori");
  g_assert_cmpstr (headers[1], ==, "X-Trace: on");
  g_assert_cmpstr (tayori_ai_endpoint_get_azure_deployment (azure), ==, "chat");
  g_assert_cmpstr (tayori_ai_endpoint_get_azure_api_version (azure), ==, "2024-06-01");
  g_assert_cmpstr (tayori_ai_endpoint_get_auth (azure), ==, "api-key");

  /* Defaults by type */
  g_assert_cmpstr (tayori_ai_endpoint_get_auth (claude), ==, "x-api-key");
  g_assert_cmpstr (tayori_ai_endpoint_get_label (claude), ==, "claude");
  g_assert_cmpuint (tayori_ai_endpoint_get_connect_timeout (claude), ==, 10);
  g_assert_cmpuint (tayori_ai_endpoint_get_timeout (claude), ==, 120);
  g_assert_cmpuint (tayori_ai_endpoint_get_max_retries (claude), ==, 3);
  g_assert_null (tayori_ai_endpoint_get_azure_deployment (claude));
  g_assert_null (tayori_ai_endpoint_get_image_model (claude));
  g_assert_cmpuint (g_strv_length ((char **) tayori_ai_endpoint_get_headers (claude)), ==, 0);
  g_assert_cmpstr (tayori_ai_endpoint_get_auth (sd), ==, "none");
  g_assert_cmpstr (tayori_ai_endpoint_get_host (sd), ==, "127.0.0.1");
  g_assert_false (tayori_ai_endpoint_get_from_preset (sd));
}

static void
assert_invalid (const char *group_body,
                const char *message_part)
{
  g_autofree char *text = g_strconcat ("[ai-endpoint:bad]\n", group_body, NULL);
  g_autoptr(GKeyFile) keyfile = keyfile_from (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:bad", &error);

  g_assert_null (endpoint);
  g_assert_error (error, G_KEY_FILE_ERROR, error->code);
  g_assert_nonnull (strstr (error->message, "bad"));
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
test_validation (void)
{
  assert_invalid ("type=openai\n", "base-url");
  assert_invalid ("base-url=https://example.jp\n", "type");
  assert_invalid ("type=gemini\nbase-url=https://example.jp\n", "gemini");
  assert_invalid ("type=openai\nbase-url=http://ai.example.jp/v1\n", "https");
  assert_invalid ("type=openai\nbase-url=http://127.0.0.2:8080\n", "https");
  assert_invalid ("type=openai\nbase-url=ftp://example.jp\n", "ftp://example.jp");
  assert_invalid ("type=openai\nbase-url=example.jp/v1\n", "example.jp/v1");
  assert_invalid ("type=openai\nbase-url=https://user:sk-123@example.jp\n", "keyring");
  assert_invalid ("type=openai\nbase-url=https://example.jp\nheaders=Authorization: Bearer sk-1\n", "keyring");
  assert_invalid ("type=openai\nbase-url=https://example.jp\nheaders=no colon here\n", "no colon here");
  assert_invalid ("type=openai\nbase-url=https://example.jp\nauth=basic\n", "basic");
  assert_invalid ("type=openai\nbase-url=https://example.jp\ntimeout=-3\n", "timeout");
  assert_invalid ("type=openai\nbase-url=https://example.jp\nmax-retries=many\n", "max-retries");

  /* Plain http is fine to this computer, under any of its names. */
  for (guint i = 0; i < 3; i++)
    {
      const char *urls[] = { "http://localhost:11434/v1", "http://[::1]:8080", "http://127.0.0.1/" };
      g_autofree char *text = g_strdup_printf ("[ai-endpoint:local]\ntype=openai\nbase-url=%s\n", urls[i]);
      g_autoptr(GKeyFile) keyfile = keyfile_from (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:local", &error);

      g_assert_no_error (error);
      g_assert_nonnull (endpoint);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(GKeyFile) keyfile = keyfile_from (
    "[ai-endpoint:azure]\ntype=openai\nlabel=庁内\nbase-url=https://city.openai.azure.com\n"
    "model=m\nimage-model=i\nconnect-timeout=4\ntimeout=50\nmax-retries=0\n"
    "headers=X-A: 1;X-B: a\\;b;\nazure-deployment=d\nazure-api-version=v\nauth=bearer\n");
  g_autoptr(TayoriAiEndpoint) first = tayori_ai_endpoint_new_from_keyfile (keyfile, "ai-endpoint:azure", NULL);
  g_autoptr(TayoriAiEndpoint) second = NULL;
  g_autoptr(GKeyFile) written = g_key_file_new ();
  g_autoptr(GKeyFile) rewritten = g_key_file_new ();
  g_autofree char *text = NULL;
  g_autofree char *retext = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (first);
  g_assert_cmpstr (tayori_ai_endpoint_get_headers (first)[1], ==, "X-B: a;b");
  tayori_ai_endpoint_to_keyfile (first, written);
  text = g_key_file_to_data (written, NULL, NULL);
  second = tayori_ai_endpoint_new_from_keyfile (written, "ai-endpoint:azure", &error);
  g_assert_no_error (error);
  tayori_ai_endpoint_to_keyfile (second, rewritten);
  retext = g_key_file_to_data (rewritten, NULL, NULL);
  g_assert_cmpstr (text, ==, retext);
  g_assert_cmpstr (tayori_ai_endpoint_get_auth (second), ==, "bearer");
  g_assert_cmpuint (tayori_ai_endpoint_get_max_retries (second), ==, 0);
  g_assert_cmpstr (tayori_ai_endpoint_get_headers (second)[1], ==, "X-B: a;b");
  g_assert_nonnull (strstr (text, "[ai-endpoint:azure]"));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_properties (void)
{
  g_autoptr(TayoriAiEndpoint) endpoint = tayori_ai_endpoint_new ("local", "openai", "http://localhost:11434/v1/", "llama3");
  guint notified = 0;

  g_signal_connect (endpoint, "notify", G_CALLBACK (count_notify), &notified);
  g_assert_cmpstr (tayori_ai_endpoint_get_base_url (endpoint), ==, "http://localhost:11434/v1");
  g_assert_cmpstr (tayori_ai_endpoint_get_auth (endpoint), ==, "bearer");
  g_assert_true (tayori_ai_endpoint_validate (endpoint, NULL));
  tayori_ai_endpoint_set_model (endpoint, "llama3");
  tayori_ai_endpoint_set_base_url (endpoint, "http://localhost:11434/v1");
  g_assert_cmpuint (notified, ==, 0);
  tayori_ai_endpoint_set_model (endpoint, "qwen2.5");
  tayori_ai_endpoint_set_label (endpoint, "ローカル");
  tayori_ai_endpoint_set_base_url (endpoint, "https://ai.example.jp/v1");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpstr (tayori_ai_endpoint_get_host (endpoint), ==, "ai.example.jp");
  tayori_ai_endpoint_set_base_url (endpoint, "http://ai.example.jp/v1");
  g_assert_false (tayori_ai_endpoint_validate (endpoint, NULL));
}

static void
test_lists (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tayori-endpoints-XXXXXX", NULL);
  g_autofree char *preset_path = g_build_filename (dir, "preset.conf", NULL);
  g_autofree char *user_path = g_build_filename (dir, "sub", "ai-endpoints.conf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.conf", NULL);
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(GPtrArray) reloaded = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  g_assert_true (g_file_set_contents (preset_path,
    "[ai]\nmode=listed\n"
    "[ai-endpoint:org]\ntype=openai\nbase-url=https://ai.city.example.jp/v1\nmodel=org-model\n", -1, NULL));
  preset = tayori_preset_new_from_file (preset_path, &error);
  g_assert_no_error (error);

  none = tayori_ai_endpoints_load (preset, missing, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 1);
  g_assert_true (tayori_ai_endpoint_get_from_preset (none->pdata[0]));

  /* The user adds one endpoint and tries to replace the organisation's. */
  g_ptr_array_add (none, tayori_ai_endpoint_new ("mine", "anthropic", "https://api.anthropic.com/v1", "claude"));
  g_ptr_array_add (none, tayori_ai_endpoint_new ("org", "openai", "https://elsewhere.example.com", "x"));
  g_assert_true (tayori_ai_endpoints_save_user (none, user_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (user_path, &saved, NULL, NULL));
  g_assert_null (strstr (saved, "ai.city.example.jp"));
  g_assert_nonnull (strstr (saved, "[ai-endpoint:mine]"));

  endpoints = tayori_ai_endpoints_load (preset, user_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (endpoints->len, ==, 2);
  g_assert_cmpstr (tayori_ai_endpoint_get_name (endpoints->pdata[0]), ==, "org");
  g_assert_cmpstr (tayori_ai_endpoint_get_base_url (endpoints->pdata[0]), ==, "https://ai.city.example.jp/v1");
  g_assert_true (tayori_ai_endpoint_get_from_preset (endpoints->pdata[0]));
  g_assert_cmpstr (tayori_ai_endpoint_get_name (endpoints->pdata[1]), ==, "mine");
  g_assert_false (tayori_ai_endpoint_get_from_preset (endpoints->pdata[1]));

  /* Without a preset only the user's endpoints are listed; a broken file is an error. */
  reloaded = tayori_ai_endpoints_load (NULL, user_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reloaded->len, ==, 2);
  g_assert_true (g_file_set_contents (user_path, "[ai-endpoint:x]\ntype=openai\n", -1, NULL));
  g_assert_null (tayori_ai_endpoints_load (NULL, user_path, &error));
  g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, user_path));

  g_unlink (user_path);
  g_unlink (preset_path);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/endpoint/parse", test_parse);
  g_test_add_func ("/tayori/ai/endpoint/validation", test_validation);
  g_test_add_func ("/tayori/ai/endpoint/round-trip", test_round_trip);
  g_test_add_func ("/tayori/ai/endpoint/properties", test_properties);
  g_test_add_func ("/tayori/ai/endpoint/lists", test_lists);
  return g_test_run ();
}
