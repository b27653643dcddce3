/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in extractive summary: within the limit in characters, whole sentences only, in
 * document order, leaning to the lead, Markdown markup and image descriptions left out. */
#include <string.h>
#include <glib.h>
#include "tayori-summarizer.h"

/* A notice in the style of the corpus: its point first, details after. */
static const char notice[] =
  "南海トラフ地震が起きたときに落ち着いて行動できるよう、此花区総合防災訓練を実施します。"
  "地域の皆さんと区役所、消防署、警察署が一緒に取り組む訓練です。\n"
  "\n"
  "## 日時\n"
  "\n"
  "令和8年12月13日（日曜日）午前9時30分から正午まで\n"
  "\n"
  "雨天の場合は、体育館での訓練のみ行います。中止するときは、当日の午前7時までに区のホームページでお知らせします。\n"
  "\n"
  "![訓練の様子。消火器の使い方を体験する参加者](https://example.jp/kunren.jpg)\n"
  "\n"
  "## 訓練の内容\n"
  "\n"
  "- 地震発生の放送、身を守る訓練\n"
  "- 避難所開設訓練・受付体験\n"
  "\n"
  "**家具の固定**や、3日分以上の水と食料の備蓄など、日ごろの備えが大切です。"
  "区役所では[此花区防災マップ](https://example.jp/map.pdf)を無料で配布しています。\n";

/* Plain prose: the summary's sentences can be found in it as they are. */
static const char plain[] =
  "年末年始は、ごみの収集を次のとおり休みます。収集のない日にごみを出さないよう、ご協力をお願いします。\n"
  "\n"
  "粗大ごみの収集は、12月30日（水曜日）が年内最後です。年内の収集の申込みは、12月18日（金曜日）で締め切ります。\n"
  "\n"
  "年明けは、1月4日（月曜日）から通常どおり収集します。収集日は地域ごとに異なりますので、ごみの収集日をご確認ください。\n"
  "\n"
  "ごみは、収集日の朝9時までに出してください。前の日の夜に出すと、カラスなどに荒らされることがあります。\n";

/* Splits @summary after 。！？ */
static GPtrArray *
sentences_of (const char *summary)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  const char *start = summary;

  for (const char *p = summary; *p != '\0'; p = g_utf8_next_char (p))
    if (g_str_has_prefix (p, "。") || g_str_has_prefix (p, "！") || g_str_has_prefix (p, "？"))
      {
        const char *end = g_utf8_next_char (p);

        g_ptr_array_add (sentences, g_strndup (start, end - start));
        start = end;
      }
  g_assert_cmpstr (start, ==, "");   /* the summary ends with a whole sentence */
  return sentences;
}

static char *
summarize (const char *markdown,
           guint       max_chars)
{
  g_autoptr(GError) error = NULL;
  char *summary = tayori_summarize_extractive (markdown, max_chars, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
test_limit (void)
{
  for (guint limit = 40; limit <= 200; limit += 20)
    {
      g_autofree char *summary = summarize (notice, limit);

      g_assert_cmpuint (g_utf8_strlen (summary, -1), <=, limit);
      g_assert_cmpuint (g_utf8_strlen (summary, -1), >, 0);
    }
}

/* Every sentence of the summary is a sentence of the notice, whole, and they come in the
 * notice's order. */
static void
test_whole_sentences_in_order (void)
{
  g_autofree char *summary = summarize (plain, 150);
  g_autoptr(GPtrArray) sentences = sentences_of (summary);
  const char *after = plain;

  g_assert_cmpuint (sentences->len, >=, 2);
  for (guint i = 0; i < sentences->len; i++)
    {
      const char *found = strstr (after, g_ptr_array_index (sentences, i));

      g_assert_nonnull (found);
      /* starts where a sentence starts: at a line start or after a full stop */
      g_assert_true (found == plain || found[-1] == '\n' ||
                     (found - plain >= 3 && memcmp (found - 3, "。", 3) == 0));
      after = found + strlen (g_ptr_array_index (sentences, i));
    }
}

/* Markdown markers, link targets, headings and image descriptions never reach the summary. */
static void
test_markup_left_out (void)
{
  static const char marked_up[] =
    "**此花区総合防災訓練**を12月13日に実施します。"
    "[此花区防災マップ](https://example.jp/map.pdf)を区役所で配布しています。\n"
    "\n"
    "![訓練の様子を写した写真です。](https://example.jp/kunren.jpg)\n"
    "\n"
    "## 訓練の内容について。\n";
  g_autofree char *summary = summarize (marked_up, 2000);
  g_autofree char *longer = summarize (notice, 2000);

  g_assert_cmpstr (summary, ==, "此花区総合防災訓練を12月13日に実施します。此花区防災マップを区役所で配布しています。");
  g_assert_null (strstr (longer, "**"));
  g_assert_null (strstr (longer, "]("));
  g_assert_null (strstr (longer, "https://"));
  g_assert_null (strstr (longer, "#"));
  g_assert_null (strstr (longer, "消火器の使い方を体験する参加者"));
}

/* Sentences about the same things rank alike; then the earlier one wins, even against a later
 * one that shares a little more with the rest. */
static void
test_lead_bias (void)
{
  static const char text[] =
    "図書館で本を借りることができます。\n"
    "公園で子どもと遊ぶことができます。\n"
    "図書館で本を借りて、公園で読書を楽しむことができます。\n"
    "公園で読書を楽しむことができます。\n";
  g_autofree char *summary = summarize (text, 20);

  g_assert_cmpstr (summary, ==, "図書館で本を借りることができます。");
}

/* The first sentence is the notice's point: with room for one sentence, it is the one. */
static void
test_first_sentence (void)
{
  g_autofree char *summary = summarize (notice, 45);

  g_assert_cmpstr (summary, ==, "南海トラフ地震が起きたときに落ち着いて行動できるよう、此花区総合防災訓練を実施します。");
}

static void
test_empty (void)
{
  g_autofree char *empty = summarize ("", 120);
  g_autofree char *blank = summarize ("\n\n   \n", 120);
  g_autofree char *code = summarize ("```\nコードだけの本文です。\n```\n", 120);

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (code, ==, "");
}

/* A sentence longer than the limit is left out, never cut: with nothing that fits, the
 * summary is empty (not an error). */
static void
test_nothing_fits (void)
{
  g_autofree char *summary = summarize (notice, 10);

  g_assert_cmpstr (summary, ==, "");
}

/* Short notices still get a summary, even of sentences under the usual minimum. */
static void
test_short_notice (void)
{
  g_autofree char *summary = summarize ("説明会を開きます。", 120);

  g_assert_cmpstr (summary, ==, "説明会を開きます。");
}

static void
test_no_mecab (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *summary = NULL;

      g_setenv ("TAYORI_MECAB_DICDIR", "/nonexistent", TRUE);
      summary = tayori_summarize_extractive (notice, 120, &error);
      g_assert_null (summary);
      g_assert_nonnull (error);
      g_print ("%s", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*mecab-ipadic-utf8*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/builtin/summary/limit", test_limit);
  g_test_add_func ("/tayori/ai/builtin/summary/whole-sentences-in-order", test_whole_sentences_in_order);
  g_test_add_func ("/tayori/ai/builtin/summary/markup-left-out", test_markup_left_out);
  g_test_add_func ("/tayori/ai/builtin/summary/lead-bias", test_lead_bias);
  g_test_add_func ("/tayori/ai/builtin/summary/first-sentence", test_first_sentence);
  g_test_add_func ("/tayori/ai/builtin/summary/empty", test_empty);
  g_test_add_func ("/tayori/ai/builtin/summary/nothing-fits", test_nothing_fits);
  g_test_add_func ("/tayori/ai/builtin/summary/short-notice", test_short_notice);
  g_test_add_func ("/tayori/ai/builtin/summary/no-mecab", test_no_mecab);
  return g_test_run ();
}
