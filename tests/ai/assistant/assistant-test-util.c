/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared set-up of the assistant tests (see assistant-test-util.h). */

#include <glib/gstdio.h>
#include "assistant-test-util.h"
#include "tayori-ai-endpoint.h"

TayoriPreset *
assistant_test_preset (const char *ai_lines,
                       FakeOpenai *fake)
{
  g_autoptr(GString) text = g_string_new ("[ai]\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tayori-assistant-XXXXXX", &error);
  g_autofree char *path = NULL;
  TayoriPreset *preset;

  g_assert_no_error (error);
  g_string_append_printf (text, "%s\n", ai_lines);
  if (fake != NULL)
    g_string_append_printf (text,
                            "[ai-endpoint:fake]\ntype=openai\nbase-url=%s\nmodel=fake-model\n"
                            "image-model=fake-image\nauth=none\nmax-retries=0\n",
                            fake_openai_base_url (fake));

  path = g_build_filename (dir, "preset.conf", NULL);
  g_file_set_contents (path, text->str, -1, &error);
  g_assert_no_error (error);
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return preset;
}

TayoriAiAssistant *
assistant_test_new (TayoriPreset     *preset,
                    TayoriAiUsageLog *log)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_file = g_build_filename (g_get_tmp_dir (), "no-such-endpoints.conf", NULL);
  g_autoptr(GPtrArray) endpoints = tayori_ai_endpoints_load (preset, user_file, &error);

  g_assert_no_error (error);
  return tayori_ai_assistant_new (preset, endpoints, log);
}

TayoriArticle *
assistant_test_article (void)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, "粗大ごみの出し方が変わります（令和8年4月から）");
  tayori_article_set_summary (article, "4月から粗大ごみの収集はインターネットでも申し込めます。");
  tayori_article_set_category (article, "ごみ・リサイクル/粗大ごみ");
  tayori_article_set_ward (article, "北区");
  tayori_article_set_body (article,
    "令和8年4月から、粗大ごみの収集の申し込み方法が変わります。\n\n"
    "これまでは電話だけで受け付けていましたが、インターネットでも申し込めるようになります。"
    "申し込みは収集日の3日前までにしてください。\n\n"
    "手数料は品目ごとに決まっています。手数料券をコンビニエンスストアで買い、"
    "粗大ごみに貼って出してください。\n\n"
    "わからないことがあれば、北区役所の環境担当にお問い合わせください。\n");
  return article;
}

typedef struct {
  GAsyncResult *result;
  GString      *deltas;
} RunState;

static void
on_delta (const char *delta,
          gpointer    user_data)
{
  RunState *state = user_data;

  if (state->deltas == NULL)
    return;
  if (state->deltas->len > 0)
    g_string_append_c (state->deltas, '|');
  g_string_append (state->deltas, delta);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  RunState *state = user_data;

  state->result = g_object_ref (result);
}

TayoriAiProposal *
assistant_test_run (TayoriAiAssistant         *assistant,
                    TayoriAiTask               task,
                    TayoriArticle             *article,
                    const TayoriAiTaskOptions *options,
                    GString                   *deltas,
                    GError                   **error)
{
  RunState state = { NULL, deltas };
  TayoriAiProposal *proposal;

  tayori_ai_assistant_run_async (assistant, task, article, options, on_delta, &state, NULL,
                                 on_done, &state);
  while (state.result == NULL)
    g_main_context_iteration (NULL, TRUE);
  proposal = tayori_ai_assistant_run_finish (assistant, state.result, error);
  g_object_unref (state.result);
  return proposal;
}
