/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The organisation's AI policy read from preset files: the three modes, providers and hosts
 * (wildcards included), locking, images, disclosure, and the personal-data gate that masks or
 * refuses text before it leaves the machine. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tayori-ai-policy.h"
#include "tayori-ai-provider.h"
#include "tayori-personal-data-private.h"

#define MOBILE    "090-1234-5678"
#define MY_NUMBER "123456789018"
#define PII_TEXT  "ご連絡は担当の " MOBILE " まで。申請者の個人番号は" MY_NUMBER "です。\n"

static TayoriAiPolicy *
policy_for (const char *preset_text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  int fd = g_file_open_tmp ("tayori-ai-policy-XXXXXX.conf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, preset_text, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return tayori_ai_policy_new (preset);
}

static void
assert_refused (TayoriAiPolicy   *policy,
                TayoriAiEndpoint *endpoint,
                const char       *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (tayori_ai_policy_allows_endpoint (policy, endpoint, &error));
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_nonnull (strstr (error->message, message_part));
}

static void
assert_allowed (TayoriAiPolicy   *policy,
                TayoriAiEndpoint *endpoint)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tayori_ai_policy_allows_endpoint (policy, endpoint, &error));
  g_assert_no_error (error);
}

static void
test_defaults (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(TayoriAiPolicy) policy = tayori_ai_policy_new (preset);
  g_autoptr(TayoriAiEndpoint) endpoint =
    tayori_ai_endpoint_new ("openai", "openai", "https://api.openai.com/v1", "gpt-4o-mini");
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;

  /* nothing leaves the machine until IT allows it */
  g_assert_cmpint (tayori_ai_policy_get_mode (policy), ==, TAYORI_AI_MODE_BUILTIN);
  g_assert_false (tayori_ai_policy_is_locked (policy));
  assert_refused (policy, endpoint, "built-in");
  g_assert_false (tayori_ai_policy_allows_images (policy));
  g_assert_false (tayori_ai_policy_allows_attachments (policy));
  sent = tayori_ai_policy_prepare_text (policy, "本文です。", NULL, &error);
  g_assert_null (sent);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_false (tayori_ai_policy_requires_disclosure (policy));
  g_assert_cmpstr (tayori_ai_policy_get_disclosure_text (policy), ==,
                   "この記事の一部は生成AIを利用して作成しています。");
}

static void
test_off (void)
{
  g_autoptr(TayoriAiPolicy) policy =
    policy_for ("[ai]\nmode=off\nproviders=local\nhosts=localhost\nimages=true\n");
  g_autoptr(TayoriAiEndpoint) local =
    tayori_ai_endpoint_new ("local", "openai", "http://localhost:11434/v1", "llama3");

  g_assert_cmpint (tayori_ai_policy_get_mode (policy), ==, TAYORI_AI_MODE_OFF);
  /* the lists do not matter when AI is off */
  assert_refused (policy, local, "off");
  g_assert_false (tayori_ai_policy_allows_images (policy));
}

static void
test_listed (void)
{
  g_autoptr(TayoriAiPolicy) policy =
    policy_for ("[ai]\nmode=listed\nproviders=city-azure; Local-GPU ;\n"
                "hosts=city-ai.openai.azure.com;*.ai.example.jp\nimages=true\n");
  g_autoptr(TayoriAiEndpoint) azure =
    tayori_ai_endpoint_new ("city-azure", "openai", "https://city-ai.openai.azure.com/openai", "gpt-4o");
  g_autoptr(TayoriAiEndpoint) azure_upper =
    tayori_ai_endpoint_new ("city-azure", "openai", "https://City-AI.OpenAI.Azure.com/openai", "gpt-4o");
  g_autoptr(TayoriAiEndpoint) moved =
    tayori_ai_endpoint_new ("city-azure", "openai", "https://api.openai.com/v1", "gpt-4o");
  g_autoptr(TayoriAiEndpoint) unlisted =
    tayori_ai_endpoint_new ("personal", "openai", "https://city-ai.openai.azure.com/openai", "gpt-4o");
  g_autoptr(TayoriAiEndpoint) gpu =
    tayori_ai_endpoint_new ("local-gpu", "openai", "https://gpu1.ai.example.jp/v1", "qwen");
  g_autoptr(TayoriAiEndpoint) deep =
    tayori_ai_endpoint_new ("local-gpu", "openai", "https://a.b.ai.example.jp:8443/v1", "qwen");
  g_autoptr(TayoriAiEndpoint) bare =
    tayori_ai_endpoint_new ("local-gpu", "openai", "https://ai.example.jp/v1", "qwen");
  g_autoptr(TayoriAiEndpoint) lookalike =
    tayori_ai_endpoint_new ("local-gpu", "openai", "https://xai.example.jp/v1", "qwen");
  g_autoptr(TayoriAiEndpoint) suffix_trick =
    tayori_ai_endpoint_new ("local-gpu", "openai", "https://gpu1.ai.example.jp.evil.example/v1", "qwen");

  g_assert_cmpint (tayori_ai_policy_get_mode (policy), ==, TAYORI_AI_MODE_LISTED);
  assert_allowed (policy, azure);
  assert_allowed (policy, azure_upper);
  assert_allowed (policy, gpu);
  assert_allowed (policy, deep);
  assert_refused (policy, moved, "api.openai.com");
  assert_refused (policy, unlisted, "personal");
  /* "*.ai.example.jp" is the hosts under ai.example.jp, nothing else */
  assert_refused (policy, bare, "ai.example.jp");
  assert_refused (policy, lookalike, "xai.example.jp");
  assert_refused (policy, suffix_trick, "evil.example");
  g_assert_true (tayori_ai_policy_allows_images (policy));
  g_assert_false (tayori_ai_policy_allows_attachments (policy));
}

static void
test_listed_needs_both_lists (void)
{
  g_autoptr(TayoriAiPolicy) no_hosts = policy_for ("[ai]\nmode=listed\nproviders=local\n");
  g_autoptr(TayoriAiPolicy) no_providers = policy_for ("[ai]\nmode=listed\nhosts=localhost\n");
  g_autoptr(TayoriAiPolicy) typo = policy_for ("[ai]\nmode=lisetd\nproviders=local\nhosts=localhost\n");
  g_autoptr(TayoriAiEndpoint) local =
    tayori_ai_endpoint_new ("local", "openai", "http://localhost:11434/v1", "llama3");

  assert_refused (no_hosts, local, "localhost");
  assert_refused (no_providers, local, "local");
  /* an unknown mode keeps text on the machine */
  g_assert_cmpint (tayori_ai_policy_get_mode (typo), ==, TAYORI_AI_MODE_BUILTIN);
  assert_refused (typo, local, "built-in");
}

static void
test_locked (void)
{
  g_autoptr(TayoriAiPolicy) mode = policy_for ("[ai]\nmode=off\n[locked]\nkeys=lists/wards;ai/mode\n");
  g_autoptr(TayoriAiPolicy) all = policy_for ("[locked]\nkeys=ai/*\n");
  g_autoptr(TayoriAiPolicy) other = policy_for ("[ai]\nmode=off\n[locked]\nkeys=lists/wards;ai/images\n");

  g_assert_true (tayori_ai_policy_is_locked (mode));
  g_assert_true (tayori_ai_policy_is_locked (all));
  g_assert_cmpint (tayori_ai_policy_get_mode (all), ==, TAYORI_AI_MODE_BUILTIN);
  g_assert_false (tayori_ai_policy_is_locked (other));
}

static void
test_disclosure (void)
{
  g_autoptr(TayoriAiPolicy) required =
    policy_for ("[ai]\ndisclosure=required\ndisclosure-text=生成AIで下書きしました。\n");
  g_autoptr(TayoriAiPolicy) emptied = policy_for ("[ai]\ndisclosure=required\ndisclosure-text=\n");
  g_autoptr(TayoriAiPolicy) off = policy_for ("[ai]\ndisclosure=off\n");

  g_assert_true (tayori_ai_policy_requires_disclosure (required));
  g_assert_cmpstr (tayori_ai_policy_get_disclosure_text (required), ==, "生成AIで下書きしました。");
  g_assert_cmpstr (tayori_ai_policy_get_disclosure_text (emptied), ==,
                   "この記事の一部は生成AIを利用して作成しています。");
  g_assert_false (tayori_ai_policy_requires_disclosure (off));
}

/* The commented example IT staff copy: a listed service the policy lets through */
static void
test_example_file (void)
{
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "preset-example.conf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_from_file (path, &error);
  g_autoptr(TayoriAiPolicy) policy = NULL;
  g_autoptr(GPtrArray) endpoints = NULL;
  TayoriAiEndpoint *azure = NULL;

  g_assert_no_error (error);
  policy = tayori_ai_policy_new (preset);
  g_assert_cmpint (tayori_ai_policy_get_mode (policy), ==, TAYORI_AI_MODE_LISTED);
  g_assert_true (tayori_ai_policy_is_locked (policy));
  g_assert_true (tayori_ai_policy_requires_disclosure (policy));
  g_assert_false (tayori_ai_policy_allows_images (policy));

  endpoints = tayori_ai_endpoints_load (preset, "/nonexistent/tayori/ai-endpoints.conf", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < endpoints->len; i++)
    if (g_str_equal (tayori_ai_endpoint_get_name (g_ptr_array_index (endpoints, i)), "city-azure"))
      azure = g_ptr_array_index (endpoints, i);
  g_assert_nonnull (azure);
  g_assert_cmpstr (tayori_ai_endpoint_get_azure_deployment (azure), ==, "gpt-4o-mini");
  assert_allowed (policy, azure);
}

static void
test_mask (void)
{
  g_autoptr(TayoriAiPolicy) policy =
    policy_for ("[ai]\nmode=listed\npersonal-data=mask\nproviders=local\nhosts=localhost\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  guint n_masked = 99;

  g_assert_true (tayori_my_number_is_valid (MY_NUMBER));
  sent = tayori_ai_policy_prepare_text (policy, PII_TEXT, &n_masked, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent, ==, "ご連絡は担当の [個人情報] まで。申請者の個人番号は[個人情報]です。\n");
  g_assert_cmpuint (n_masked, ==, 2);
}

static void
test_block (void)
{
  g_autoptr(TayoriAiPolicy) policy =
    policy_for ("[ai]\nmode=listed\npersonal-data=block\nproviders=local\nhosts=localhost\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error_ja = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *sent_ja = NULL;
  guint n_masked = 0;

  g_setenv ("LANGUAGE", "en", TRUE);
  sent = tayori_ai_policy_prepare_text (policy, PII_TEXT, &n_masked, &error);
  g_assert_null (sent);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_cmpuint (n_masked, ==, 2);
  g_assert_cmpstr (error->message, ==,
                   "The text contains 2 items of personal data (Mobile phone number, "
                   "My Number (individual number)). The organisation’s policy does not allow "
                   "sending personal data to an AI service: remove them and try again.");

  /* the kinds follow the UI language */
  g_setenv ("LANGUAGE", "ja_JP", TRUE);
  sent_ja = tayori_ai_policy_prepare_text (policy, "携帯 " MOBILE " にどうぞ。", &n_masked, &error_ja);
  g_unsetenv ("LANGUAGE");
  g_assert_null (sent_ja);
  g_assert_cmpuint (n_masked, ==, 1);
  g_assert_nonnull (strstr (error_ja->message, "1 item of personal data (携帯電話の番号)"));
}

static void
test_no_personal_data (void)
{
  static const char *text = "粗大ごみの収集は毎週月曜日です。電話 06-6208-0000 までお問い合わせください。";
  g_autoptr(TayoriAiPolicy) block =
    policy_for ("[ai]\nmode=listed\nproviders=local\nhosts=localhost\n");
  g_autoptr(TayoriAiPolicy) mask =
    policy_for ("[ai]\nmode=listed\npersonal-data=mask\nproviders=local\nhosts=localhost\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  g_autofree char *masked = NULL;
  guint n_masked = 99;

  sent = tayori_ai_policy_prepare_text (block, text, &n_masked, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sent, ==, text);
  g_assert_cmpuint (n_masked, ==, 0);
  masked = tayori_ai_policy_prepare_text (mask, text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (masked, ==, text);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/governance/policy/defaults", test_defaults);
  g_test_add_func ("/tayori/ai/governance/policy/off", test_off);
  g_test_add_func ("/tayori/ai/governance/policy/listed", test_listed);
  g_test_add_func ("/tayori/ai/governance/policy/listed-needs-both-lists", test_listed_needs_both_lists);
  g_test_add_func ("/tayori/ai/governance/policy/locked", test_locked);
  g_test_add_func ("/tayori/ai/governance/policy/disclosure", test_disclosure);
  g_test_add_func ("/tayori/ai/governance/policy/example-file", test_example_file);
  g_test_add_func ("/tayori/ai/governance/policy/mask", test_mask);
  g_test_add_func ("/tayori/ai/governance/policy/block", test_block);
  g_test_add_func ("/tayori/ai/governance/policy/no-personal-data", test_no_personal_data);
  return g_test_run ();
}
