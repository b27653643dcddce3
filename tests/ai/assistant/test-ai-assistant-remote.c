/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assistant against a fake OpenAI-compatible service: routing by the preset and the
 * policy, the visible fallback to the built-in provider, masking and blocking of personal data
 * before anything is sent, schema checks on structured answers, the streamed summary, the
 * usage log, and accepting a proposal with provenance and the disclosure line. */

#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "assistant-test-util.h"
#include "tayori-ai-endpoint.h"
#include "tayori-finding.h"

#define LISTED \
  "mode=listed\nproviders=fake\nhosts=127.0.0.1\ntext-provider=fake\npersonal-data=mask\n" \
  "disclosure=required"
#define PHONE "090-1234-5678"

typedef struct {
  FakeOpenai       *fake;
  char             *dir;
  TayoriAiUsageLog *log;
  TayoriArticle    *article;   /* what the tasks run on */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->fake = fake_openai_new ();
  fixture->article = assistant_test_article ();
  fixture->dir = g_dir_make_tmp ("tayori-usage-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "ai-usage.db", NULL);
  fixture->log = tayori_ai_usage_log_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->log);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  fake_openai_free (fixture->fake);
  g_object_unref (fixture->article);
}

static TayoriAiAssistant *
new_assistant (Fixture    *fixture,
               const char *ai_lines)
{
  g_autoptr(TayoriPreset) preset = assistant_test_preset (ai_lines, fixture->fake);

  return assistant_test_new (preset, fixture->log);
}

/* The data rows of the usage log's CSV. */
static GStrv
usage_rows (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = tayori_ai_usage_log_export_csv (fixture->log, &error);
  g_autoptr(GStrvBuilder) rows = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (*g_strchomp (lines[i]) != '\0')
      g_strv_builder_add (rows, lines[i]);
  return g_strv_builder_end (rows);
}

static void
test_route (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  TayoriAiEndpoint *endpoint = tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_SUMMARY);

  g_assert_nonnull (endpoint);
  g_assert_cmpstr (tayori_ai_endpoint_get_name (endpoint), ==, "fake");
  /* No image-provider in the preset: thumbnails stay on the machine. */
  g_assert_null (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_THUMBNAIL));

  tayori_ai_assistant_set_route (assistant, TAYORI_AI_TASK_SUMMARY, "builtin");
  g_assert_null (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_SUMMARY));
  g_assert_nonnull (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_TITLES));
  tayori_ai_assistant_set_route (assistant, TAYORI_AI_TASK_SUMMARY, NULL);
  g_assert_nonnull (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_SUMMARY));
}

/* A provider is configured but the policy does not let text go to it: the built-in provider
 * answers, visibly, and nothing reaches the service. */
static void
assert_refused_endpoint_falls_back (Fixture    *fixture,
                                    const char *ai_lines)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, ai_lines);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_TITLES));
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_TITLES, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "builtin");
  g_assert_true (proposal->fell_back);
  g_assert_nonnull (proposal->fallback_reason);
  g_assert_cmpstr (proposal->fallback_reason, !=, "");
  g_assert_null (proposal->sent_text);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 3);
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 0);
}

static void
test_policy_builtin (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_refused_endpoint_falls_back (fixture,
                                      "mode=builtin\nproviders=fake\nhosts=127.0.0.1\n"
                                      "text-provider=fake");
}

static void
test_policy_not_listed (Fixture       *fixture,
                        gconstpointer  data)
{
  assert_refused_endpoint_falls_back (fixture,
                                      "mode=listed\nproviders=other\nhosts=127.0.0.1\n"
                                      "text-provider=fake");
}

static void
test_policy_unconfigured (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, "mode=listed\nproviders=fake\n"
                                                                   "hosts=127.0.0.1");
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  /* No text-provider: the built-in provider by choice, not as a fallback. */
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_TITLES, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "builtin");
  g_assert_false (proposal->fell_back);
  g_assert_null (proposal->fallback_reason);
}

static void
test_policy_off (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, "mode=off\ntext-provider=fake");
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  g_auto(GStrv) rows = NULL;

  for (TayoriAiTask task = TAYORI_AI_TASK_CATEGORY; task <= TAYORI_AI_TASK_PROOFREAD; task++)
    {
      proposal = assistant_test_run (assistant, task, fixture->article, NULL, NULL, &error);
      g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
      g_assert_null (proposal);
      g_clear_error (&error);
    }
  preview = tayori_ai_assistant_preview_request (assistant, TAYORI_AI_TASK_SUMMARY,
                                                 fixture->article,
                                                 NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_null (preview);
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 0);

  rows = usage_rows (fixture);
  g_assert_cmpuint (g_strv_length (rows), ==, TAYORI_AI_TASK_PROOFREAD + 1);
  for (guint i = 0; rows[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (rows[i], ",refused"));
}

static void
test_server_error_falls_back (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GString) deltas = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;

  fake_openai_set_failing (fixture->fake, TRUE);
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SUMMARY, fixture->article, NULL, deltas,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_openai_count (fixture->fake), >=, 1);
  g_assert_cmpstr (proposal->provider, ==, "builtin");
  g_assert_true (proposal->fell_back);
  g_assert_nonnull (proposal->fallback_reason);
  g_assert_cmpstr (proposal->text, !=, "");
  g_assert_cmpint (g_utf8_strlen (proposal->text, -1), <=, 120);
  /* The offline summary streams as one delta. */
  g_assert_cmpstr (deltas->str, ==, proposal->text);

  /* The audit row names the service the text went to and its failure. */
  rows = usage_rows (fixture);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_nonnull (strstr (rows[0], ",summary,fake,"));
  g_assert_nonnull (strstr (rows[0], "error: "));
}

static void
test_masking (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  g_autofree char *received = NULL;
  g_autofree char *body = g_strconcat (tayori_article_get_body (fixture->article),
                                       "\n担当の山田の携帯は" PHONE "です。\n", NULL);

  tayori_article_set_body (fixture->article, body);
  fake_openai_set_answer (fixture->fake, "粗大ごみはインターネットでも申し込めます。");

  preview = tayori_ai_assistant_preview_request (assistant, TAYORI_AI_TASK_SUMMARY,
                                                 fixture->article,
                                                 NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (preview, "[個人情報]"));
  g_assert_null (strstr (preview, PHONE));
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 0);

  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SUMMARY, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "fake");
  g_assert_false (proposal->fell_back);
  g_assert_cmpuint (proposal->masked_spans, >=, 1);
  g_assert_cmpstr (proposal->sent_text, ==, preview);

  received = fake_openai_last_body (fixture->fake);
  g_assert_nonnull (strstr (received, "[個人情報]"));
  g_assert_null (strstr (received, PHONE));
  g_assert_null (strstr (received, "09012345678"));
}

static void
test_block (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = NULL;
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  g_auto(GStrv) rows = NULL;

  assistant = new_assistant (fixture, "mode=listed\nproviders=fake\nhosts=127.0.0.1\n"
                                      "text-provider=fake\npersonal-data=block");
  tayori_article_set_summary (fixture->article, "問い合わせは携帯" PHONE "へ。");

  preview = tayori_ai_assistant_preview_request (assistant, TAYORI_AI_TASK_SNS, fixture->article,
                                                 NULL,
                                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_null (preview);
  g_clear_error (&error);

  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SNS, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY);
  g_assert_null (proposal);
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 0);

  rows = usage_rows (fixture);
  g_assert_cmpuint (g_strv_length (rows), ==, 1);
  g_assert_true (g_str_has_suffix (rows[0], ",0,0,refused"));
}

static void
test_category_schema (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;

  fake_openai_set_answer (fixture->fake,
                          "{\"suggestions\":[{\"category\":\"防災・安全\",\"score\":0.2},"
                          "{\"category\":\"ごみ・リサイクル/粗大ごみ\",\"score\":0.9}]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_CATEGORY, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "fake");
  g_assert_cmpstr (proposal->model, ==, "fake-model-1");
  g_assert_cmpstr (proposal->template_id, ==, "category");
  g_assert_nonnull (proposal->template_version);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 2);
  g_assert_cmpstr (proposal->items[0], ==, "ごみ・リサイクル/粗大ごみ");
  g_assert_cmpfloat_with_epsilon (proposal->scores[0], 0.9, 1e-9);
  g_assert_cmpstr (proposal->items[1], ==, "防災・安全");
  g_assert_cmpfloat_with_epsilon (proposal->scores[1], 0.2, 1e-9);

  /* The configured list goes out as the schema's enum. */
  request = fake_openai_last_body (fixture->fake);
  g_assert_nonnull (strstr (request, "\"enum\""));
  g_assert_nonnull (strstr (request, "子育て・教育/妊娠・出産"));
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  /* A category outside the list is refused before anything uses it. */
  fake_openai_set_answer (fixture->fake,
                          "{\"suggestions\":[{\"category\":\"宇宙開発\",\"score\":0.9}]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_CATEGORY, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (proposal);
  g_clear_error (&error);

  /* So is an answer that is not JSON at all, without falling back. */
  fake_openai_set_answer (fixture->fake, "ごみ・リサイクル");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_CATEGORY, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (proposal);
}

static void
test_summary_stream (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GString) deltas = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_auto(GStrv) pieces = NULL;
  g_autofree char *joined = NULL;
  const char *answer = "4月から粗大ごみはインターネットでも申し込めます。"
                       "手数料券を貼って出してください。";

  fake_openai_set_answer (fixture->fake, answer);
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SUMMARY, fixture->article, NULL, deltas,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->text, ==, answer);

  request = fake_openai_last_body (fixture->fake);
  g_assert_nonnull (strstr (request, "\"stream\":true"));
  pieces = g_strsplit (deltas->str, "|", -1);
  g_assert_cmpuint (g_strv_length (pieces), >=, 2);
  joined = g_strjoinv ("", pieces);
  g_assert_cmpstr (joined, ==, answer);
}

static void
test_structured_tasks (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  const char * const networks[] = { "x", "bluesky", NULL };
  TayoriAiTaskOptions options = { .networks = networks, .url = "https://example.jp/a" };
  g_autofree char *span = NULL;
  TayoriFinding *finding;

  fake_openai_set_answer (fixture->fake, "{\"titles\":[\"案A\",\"案B\",\"案C\"]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_TITLES, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 3);
  g_assert_cmpstr (proposal->text, ==, "案A");
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  /* Drafts come back in the order the networks were asked for. */
  fake_openai_set_answer (fixture->fake,
                          "{\"drafts\":[{\"network\":\"bluesky\",\"text\":\"B\"},"
                          "{\"network\":\"x\",\"text\":\"X\"}]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SNS, fixture->article, &options, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 2);
  g_assert_cmpstr (proposal->items[0], ==, "x\tX");
  g_assert_cmpstr (proposal->items[1], ==, "bluesky\tB");
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  /* Proofreading: findings only for text that is in the article. */
  fake_openai_set_answer (fixture->fake,
                          "{\"findings\":[{\"text\":\"申し込み方法\",\"suggestion\":\"申込方法\","
                          "\"reason\":\"表記をそろえます\"},{\"text\":\"記事にない文\","
                          "\"suggestion\":\"x\",\"reason\":\"y\"}]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_PROOFREAD, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (proposal->findings->len, ==, 1);
  finding = g_ptr_array_index (proposal->findings, 0);
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "body");
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, "申込方法");
  span = tayori_finding_dup_span (finding, tayori_article_get_body (fixture->article));
  g_assert_cmpstr (span, ==, "申し込み方法");
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  /* Too many titles break the schema. */
  fake_openai_set_answer (fixture->fake, "{\"titles\":[\"1\",\"2\",\"3\",\"4\"]}");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_TITLES, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (proposal);
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) remote = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiAssistant) offline = new_assistant (fixture, "mode=builtin");
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  fake_openai_set_answer (fixture->fake, "From April 2026, you can apply online.");
  proposal = assistant_test_run (remote, TAYORI_AI_TASK_ENGLISH, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->text, ==, "From April 2026, you can apply online.");
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  proposal = assistant_test_run (offline, TAYORI_AI_TASK_ENGLISH, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_null (proposal);
  g_clear_error (&error);

  /* A failing service cannot be replaced for English: the failure is the answer. */
  fake_openai_set_failing (fixture->fake, TRUE);
  proposal = assistant_test_run (remote, TAYORI_AI_TASK_ENGLISH, fixture->article, NULL, NULL,
                                 &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_SERVER);
  g_assert_null (proposal);
}

static void
test_thumbnail (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = NULL;
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree char *request = NULL;
  const char *description = "A flat illustration of a sofa left at a collection point";

  assistant = new_assistant (fixture, LISTED "\nimages=true\nimage-provider=fake");
  fake_openai_set_answer (fixture->fake, description);
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_THUMBNAIL, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "fake");
  g_assert_nonnull (proposal->alt_text);
  g_assert_cmpstr (proposal->alt_text, !=, "");
  g_assert_nonnull (strstr (proposal->sent_text, description));

  /* The writer's description went to the Images API. */
  request = fake_openai_last_body (fixture->fake);
  g_assert_nonnull (strstr (request, description));
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 2);

  stream = g_memory_input_stream_new_from_bytes (proposal->image);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 630);
}

static void
test_thumbnail_images_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = NULL;
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  assistant = new_assistant (fixture, LISTED "\nimages=false\nimage-provider=fake");
  g_assert_null (tayori_ai_assistant_route (assistant, TAYORI_AI_TASK_THUMBNAIL));
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_THUMBNAIL, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpstr (proposal->provider, ==, "builtin");
  g_assert_true (proposal->fell_back);
  g_assert_nonnull (proposal->image);
  g_assert_cmpuint (fake_openai_count (fixture->fake), ==, 0);
}

static void
test_usage_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) remote_row = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_auto(GStrv) rows = NULL;
  g_autofree char *chars = NULL;
  TayoriAiTaskOptions options = { .user = "tanaka" };

  tayori_article_set_id (fixture->article, 42);
  fake_openai_set_answer (fixture->fake, "要約です。");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SUMMARY, fixture->article, &options,
                                 NULL,
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&proposal, tayori_ai_proposal_free);

  tayori_ai_assistant_set_route (assistant, TAYORI_AI_TASK_TITLES, "builtin");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_TITLES, fixture->article, &options,
                                 NULL, &error);
  g_assert_no_error (error);

  rows = usage_rows (fixture);
  g_assert_cmpuint (g_strv_length (rows), ==, 2);
  remote_row = g_regex_new (",tanaka,42,summary,fake,fake-model-1,summary,[^,]+,([0-9]+),0,ok$",
                            0, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_regex_match (remote_row, rows[0], 0, &match));
  chars = g_match_info_fetch (match, 1);
  g_assert_cmpint (g_ascii_strtoll (chars, NULL, 10), >, 100);
  g_assert_nonnull (strstr (rows[1], ",tanaka,42,titles,builtin,builtin-titles-1,,,0,0,ok"));
}

static void
test_accept (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TayoriAiAssistant) assistant = new_assistant (fixture, LISTED);
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *trimmed = NULL;
  const char *disclosure;
  const char *edited = "4月から、粗大ごみはネットでも申し込めます。";
  const char *body;
  GPtrArray *records;
  TayoriAiProvenance *record;

  fake_openai_set_answer (fixture->fake, "粗大ごみはインターネットでも申し込めます。");
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_SUMMARY, fixture->article, NULL, NULL,
                                 &error);
  g_assert_no_error (error);
  /* Running applies nothing. */
  g_assert_cmpstr (tayori_article_get_summary (fixture->article), ==,
                   "4月から粗大ごみの収集はインターネットでも申し込めます。");

  tayori_ai_assistant_accept (assistant, fixture->article, proposal, "summary", edited);
  g_assert_cmpstr (tayori_article_get_summary (fixture->article), ==, edited);
  records = tayori_article_get_ai_provenance (fixture->article);
  g_assert_cmpuint (records->len, ==, 1);
  record = g_ptr_array_index (records, 0);
  g_assert_cmpstr (record->field, ==, "summary");
  g_assert_cmpstr (record->provider, ==, "fake");
  g_assert_cmpstr (record->model, ==, "fake-model-1");
  g_assert_cmpstr (record->template_id, ==, "summary");
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, edited, -1);
  g_assert_cmpstr (record->output_hash, ==, hash);

  /* The disclosure line, once however many proposals are accepted. */
  disclosure = tayori_ai_policy_get_disclosure_text (tayori_ai_assistant_get_policy (assistant));
  trimmed = g_strchomp (g_strdup (tayori_article_get_body (fixture->article)));
  g_assert_true (g_str_has_suffix (trimmed, disclosure));
  tayori_ai_assistant_accept (assistant, fixture->article, proposal, "title", "粗大ごみはネットでも");
  body = tayori_article_get_body (fixture->article);
  g_assert_true (strstr (body, disclosure) == g_strrstr (body, disclosure));
  g_assert_cmpuint (tayori_article_get_ai_provenance (fixture->article)->len, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TAYORI_AI_BACKOFF_SCALE", "0.01", TRUE);

#define ADD(path, func) \
  g_test_add ("/tayori/ai/assistant/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("route", test_route);
  ADD ("policy/builtin", test_policy_builtin);
  ADD ("policy/not-listed", test_policy_not_listed);
  ADD ("policy/unconfigured", test_policy_unconfigured);
  ADD ("policy/off", test_policy_off);
  ADD ("fallback/server-error", test_server_error_falls_back);
  ADD ("personal-data/mask", test_masking);
  ADD ("personal-data/block", test_block);
  ADD ("schema/category", test_category_schema);
  ADD ("summary/stream", test_summary_stream);
  ADD ("structured", test_structured_tasks);
  ADD ("english", test_english);
  ADD ("thumbnail/remote", test_thumbnail);
  ADD ("thumbnail/images-refused", test_thumbnail_images_refused);
  ADD ("usage-log", test_usage_log);
  ADD ("accept", test_accept);
#undef ADD

  return g_test_run ();
}
