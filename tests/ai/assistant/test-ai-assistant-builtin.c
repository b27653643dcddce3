/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The assistant's tasks end to end on the built-in provider (no network at all), the task
 * names, and the JSON-schema checker that guards structured answers. */

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "assistant-test-util.h"
#include "tayori-ai-schema.h"
#include "tayori-finding.h"
#include "tayori-post-counter.h"

#define OFFLINE "mode=builtin"

static TayoriAiAssistant *
offline_assistant (void)
{
  g_autoptr(TayoriPreset) preset = assistant_test_preset (OFFLINE, NULL);

  return assistant_test_new (preset, NULL);
}

static TayoriAiProposal *
run_ok (TayoriAiAssistant         *assistant,
        TayoriAiTask               task,
        TayoriArticle             *article,
        const TayoriAiTaskOptions *options,
        GString                   *deltas)
{
  g_autoptr(GError) error = NULL;
  TayoriAiProposal *proposal = assistant_test_run (assistant, task, article, options, deltas,
                                                   &error);

  g_assert_no_error (error);
  g_assert_nonnull (proposal);
  g_assert_cmpstr (proposal->task, ==, tayori_ai_task_to_string (task));
  g_assert_cmpstr (proposal->provider, ==, "builtin");
  g_assert_false (proposal->fell_back);
  g_assert_null (proposal->sent_text);
  g_assert_null (proposal->template_id);
  return proposal;
}

static void
test_task_names (void)
{
  for (TayoriAiTask task = TAYORI_AI_TASK_CATEGORY; task <= TAYORI_AI_TASK_PROOFREAD; task++)
    {
      TayoriAiTask parsed = TAYORI_AI_TASK_CATEGORY;

      g_assert_true (tayori_ai_task_from_string (tayori_ai_task_to_string (task), &parsed));
      g_assert_cmpint (parsed, ==, task);
    }
  g_assert_cmpstr (tayori_ai_task_to_string (TAYORI_AI_TASK_EASY_JAPANESE), ==, "easy-japanese");
  g_assert_false (tayori_ai_task_from_string ("poem", &(TayoriAiTask) { 0 }));
}

static void
test_category (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  TayoriClassifier *classifier = tayori_ai_assistant_get_classifier (assistant);
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  const char * const allowed[] = { "ごみ・リサイクル/粗大ごみ", "防災・安全/避難所", NULL };

  for (guint i = 0; i < 3; i++)
    {
      tayori_classifier_add (classifier, "ごみ・リサイクル/粗大ごみ",
                             "粗大ごみの収集を申し込んでください。手数料券を貼って出します。");
      tayori_classifier_add (classifier, "防災・安全/避難所",
                             "地震のときは近くの避難所に行ってください。避難所の一覧です。");
      /* Learnt, but not in the configured list: never suggested. */
      tayori_classifier_add (classifier, "くらし・手続き/引越し",
                             "粗大ごみの申し込みと引越しの手続き。粗大ごみの手数料券。");
    }
  tayori_ai_assistant_set_categories (assistant, allowed);

  proposal = run_ok (assistant, TAYORI_AI_TASK_CATEGORY, article, NULL, NULL);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 2);
  g_assert_cmpstr (proposal->items[0], ==, "ごみ・リサイクル/粗大ごみ");
  g_assert_cmpstr (proposal->text, ==, proposal->items[0]);
  g_assert_nonnull (proposal->scores);
  g_assert_cmpfloat (proposal->scores[0], >=, proposal->scores[1]);
  g_assert_cmpfloat (proposal->scores[0], <=, 1.0);
  g_assert_cmpfloat (proposal->scores[1], >=, 0.0);
  g_assert_false (g_strv_contains ((const char * const *) proposal->items,
                                   "くらし・手続き/引越し"));
}

static void
test_category_untrained (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;

  proposal = run_ok (assistant, TAYORI_AI_TASK_CATEGORY, article, NULL, NULL);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 0);
  g_assert_nonnull (proposal->text);
  g_assert_cmpstr (proposal->text, !=, "");
}

static void
test_summary (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GString) deltas = g_string_new (NULL);
  TayoriAiTaskOptions options = { .max_chars = 60 };

  proposal = run_ok (assistant, TAYORI_AI_TASK_SUMMARY, article, &options, deltas);
  g_assert_cmpstr (proposal->text, !=, "");
  g_assert_cmpint (g_utf8_strlen (proposal->text, -1), <=, 60);
  g_assert_true (g_str_has_suffix (proposal->text, "。"));
  g_assert_cmpstr (proposal->model, ==, "builtin-extractive-1");
  g_assert_cmpstr (deltas->str, ==, proposal->text);
}

static void
test_titles (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(TayoriAiProposal) again = NULL;

  proposal = run_ok (assistant, TAYORI_AI_TASK_TITLES, article, NULL, NULL);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, 3);
  g_assert_cmpstr (proposal->items[0], ==, "粗大ごみの出し方が変わります");
  g_assert_cmpstr (proposal->items[1], ==, "【北区】粗大ごみの出し方が変わります");
  g_assert_cmpstr (proposal->items[2], ==, "ご存じですか？粗大ごみの出し方が変わります");

  again = run_ok (assistant, TAYORI_AI_TASK_TITLES, article, NULL, NULL);
  g_assert_true (g_strv_equal ((const char * const *) proposal->items,
                               (const char * const *) again->items));
}

static void
test_titles_long (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;

  tayori_article_set_title (article, "【重要】令和8年度の国民健康保険料の決定通知書の発送と、"
                                     "口座振替の手続きについてのお知らせ");
  proposal = run_ok (assistant, TAYORI_AI_TASK_TITLES, article, NULL, NULL);
  g_assert_cmpint (g_utf8_strlen (proposal->items[0], -1), <=, 28);
  g_assert_true (g_str_has_prefix (proposal->items[0], "令和8年度の"));
  g_assert_true (g_str_has_prefix (proposal->items[1], "【北区】令和8年度"));
}

static void
test_sns (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  const char *networks[] = { "x", "bluesky", "mastodon", "line" };
  TayoriAiTaskOptions options = { .url = "https://www.city.example.jp/a/123.html" };

  proposal = run_ok (assistant, TAYORI_AI_TASK_SNS, article, &options, NULL);
  g_assert_cmpuint (g_strv_length (proposal->items), ==, G_N_ELEMENTS (networks));
  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    {
      g_autofree char *prefix = g_strconcat (networks[i], "\t", NULL);
      TayoriPostNetwork network;

      g_assert_true (g_str_has_prefix (proposal->items[i], prefix));
      g_assert_true (tayori_post_network_from_string (networks[i], &network));
      g_assert_cmpuint (tayori_post_count (network, proposal->items[i] + strlen (prefix)), <=,
                        tayori_post_default_limit (network));
    }
  g_assert_true (g_str_has_suffix (proposal->items[0], proposal->text));
}

static void
test_thumbnail (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  proposal = run_ok (assistant, TAYORI_AI_TASK_THUMBNAIL, article, NULL, NULL);
  g_assert_nonnull (proposal->image);
  g_assert_nonnull (proposal->alt_text);
  g_assert_cmpstr (proposal->alt_text, !=, "");

  stream = g_memory_input_stream_new_from_bytes (proposal->image);
  pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 1200);
  g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 630);
}

static void
test_easy_japanese (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;

  proposal = run_ok (assistant, TAYORI_AI_TASK_EASY_JAPANESE, article, NULL, NULL);
  g_assert_nonnull (proposal->text);
  g_assert_cmpstr (proposal->text, !=, "");
  g_assert_nonnull (strstr (proposal->text, "粗大ごみ"));
}

static void
test_proofread (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  gboolean found = FALSE;

  tayori_article_set_body (article, "収集日の3日前までに申し込んで下さい。\n");
  proposal = run_ok (assistant, TAYORI_AI_TASK_PROOFREAD, article, NULL, NULL);
  g_assert_nonnull (proposal->findings);
  for (guint i = 0; i < proposal->findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (proposal->findings, i);

      if (g_str_equal (tayori_finding_get_rule_id (finding), "words-variant"))
        {
          g_autofree char *span = tayori_finding_dup_span (finding,
                                                           tayori_article_get_body (article));

          g_assert_cmpstr (span, ==, "下さい");
          g_assert_cmpstr (tayori_finding_get_fix (finding), ==, "ください");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_english (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (tayori_ai_assistant_preview_request (assistant, TAYORI_AI_TASK_ENGLISH, article,
                                                      NULL, &error));
  g_assert_no_error (error);
  proposal = assistant_test_run (assistant, TAYORI_AI_TASK_ENGLISH, article, NULL, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_null (proposal);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_cancel (void)
{
  g_autoptr(TayoriAiAssistant) assistant = offline_assistant ();
  g_autoptr(TayoriArticle) article = assistant_test_article ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TayoriAiProposal) proposal = NULL;
  g_autoptr(GError) error = NULL;

  tayori_ai_assistant_run_async (assistant, TAYORI_AI_TASK_SUMMARY, article, NULL, NULL, NULL,
                                 cancellable, store_result, &result);
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  proposal = tayori_ai_assistant_run_finish (assistant, result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (proposal);
}

/* ---- the schema checker ------------------------------------------------------------------- */

static const char schema_text[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"items\"],"
  "\"properties\":{\"items\":{\"type\":\"array\",\"maxItems\":2,\"items\":"
  "{\"type\":\"object\",\"required\":[\"name\",\"score\"],"
  "\"properties\":{\"name\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]},"
  "\"note\":{\"type\":\"string\",\"maxLength\":3},"
  "\"score\":{\"type\":\"number\"}}}}}}";

static void
assert_schema (const char *instance_text,
               gboolean    valid)
{
  g_autoptr(JsonNode) schema = json_from_string (schema_text, NULL);
  g_autoptr(JsonNode) instance = json_from_string (instance_text, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (instance);
  if (valid)
    {
      g_assert_true (tayori_ai_schema_validate (schema, instance, &error));
      g_assert_no_error (error);
    }
  else
    {
      g_assert_false (tayori_ai_schema_validate (schema, instance, &error));
      g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
    }
}

static void
test_schema (void)
{
  assert_schema ("{\"items\":[]}", TRUE);
  assert_schema ("{\"items\":[{\"name\":\"a\",\"score\":1},{\"name\":\"b\",\"score\":0.5,"
                 "\"note\":\"abc\"}]}", TRUE);
  assert_schema ("{}", FALSE);                                            /* required */
  assert_schema ("{\"items\":[],\"extra\":1}", FALSE);                    /* additional */
  assert_schema ("{\"items\":{}}", FALSE);                                /* type array */
  assert_schema ("{\"items\":[{\"name\":\"c\",\"score\":1}]}", FALSE);    /* enum */
  assert_schema ("{\"items\":[{\"name\":\"a\",\"score\":\"1\"}]}", FALSE); /* type number */
  assert_schema ("{\"items\":[{\"name\":\"a\"}]}", FALSE);                /* nested required */
  assert_schema ("{\"items\":[{\"name\":\"a\",\"score\":1,\"note\":\"abcd\"}]}", FALSE);
  assert_schema ("{\"items\":[{\"name\":\"a\",\"score\":1},{\"name\":\"a\",\"score\":1},"
                 "{\"name\":\"a\",\"score\":1}]}", FALSE);                /* maxItems */
  assert_schema ("[]", FALSE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/ai/assistant/task-names", test_task_names);
  g_test_add_func ("/tayori/ai/assistant/builtin/category", test_category);
  g_test_add_func ("/tayori/ai/assistant/builtin/category-untrained", test_category_untrained);
  g_test_add_func ("/tayori/ai/assistant/builtin/summary", test_summary);
  g_test_add_func ("/tayori/ai/assistant/builtin/titles", test_titles);
  g_test_add_func ("/tayori/ai/assistant/builtin/titles-long", test_titles_long);
  g_test_add_func ("/tayori/ai/assistant/builtin/sns", test_sns);
  g_test_add_func ("/tayori/ai/assistant/builtin/thumbnail", test_thumbnail);
  g_test_add_func ("/tayori/ai/assistant/builtin/easy-japanese", test_easy_japanese);
  g_test_add_func ("/tayori/ai/assistant/builtin/proofread", test_proofread);
  g_test_add_func ("/tayori/ai/assistant/builtin/english", test_english);
  g_test_add_func ("/tayori/ai/assistant/builtin/cancel", test_cancel);
  g_test_add_func ("/tayori/ai/assistant/schema", test_schema);

  return g_test_run ();
}
