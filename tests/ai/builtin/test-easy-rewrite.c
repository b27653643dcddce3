/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in やさしい日本語 proposal: long sentences split after a clause with a polite
 * ending, dictionary words replaced on word boundaries only, Markdown structure kept. */
#include <glib.h>
#include "tayori-easy-rewrite.h"

static void
assert_rewrite (const char *markdown,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *easy = tayori_easy_rewrite (markdown, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (easy, ==, expected);
}

static void
test_split_so (void)
{
  assert_rewrite ("訓練は雨が降っても体育館で予定どおり行いますので、動きやすい服装でご家族と一緒にご参加ください。",
                  "訓練は雨が降っても体育館で予定どおり行います。動きやすい服装でご家族と一緒にご参加ください。");
  /* a plain verb before ので gets its polite form */
  assert_rewrite ("当日は会場の周りの道路がとても混雑するので、できるだけ電車やバスなどの公共交通機関で来てください。",
                  "その日は会場の周りの道路がとても混雑します。できるだけ電車やバスなどの公共交通機関で来てください。");
}

static void
test_split_but (void)
{
  assert_rewrite ("説明会は午前と午後の二回開きますが、どちらの回も定員は三十人で先着順に受け付けます。",
                  "説明会は午前と午後の二回開きます。でも、どちらの回も定員は三十人で先着順に受け付けます。");
}

static void
test_split_te (void)
{
  assert_rewrite ("受付で名前と住所を書いた用紙を受け取って、会場の入り口にいる係の人にその用紙を渡してください。",
                  "受付で名前と住所を書いた用紙を受け取ります。会場の入り口にいる係の人にその用紙を渡してください。");
}

static void
test_split_because (void)
{
  assert_rewrite ("昨日の大雨で会場の近くの道路が冠水したため、説明会は来週の水曜日に開くことになりました。",
                  "昨日の大雨で会場の近くの道路が冠水しました。そのため、説明会は来週の水曜日に開くことになりました。");
}

/* A sentence of 40 characters or fewer stays one sentence. */
static void
test_short_kept (void)
{
  assert_rewrite ("雨が降るので、説明会は中止です。", "雨が降るので、説明会は中止です。");
}

static void
test_words (void)
{
  assert_rewrite ("訓練を実施します。", "訓練をします。");
  assert_rewrite ("窓口へお越しください。ぜひお越しください。", "窓口へ来てください。ぜひ来てください。");
  /* 「事業」 is in the dictionary; 「事業所」 and 「支援事業」 are other words */
  assert_rewrite ("近くの事業所に勤めている方も、この事業に参加できます。",
                  "近くの事業所に勤めている方も、この取り組みに参加できます。");
  assert_rewrite ("子育て支援事業の案内です。", "子育て支援事業の案内です。");
  assert_rewrite ("若干名を募集します。", "若干名を募集します。");
}

/* Headings, lists, links, code and tables keep their markup; only their prose changes. */
static void
test_markdown_kept (void)
{
  assert_rewrite ("## 説明会に関して\n"
                  "\n"
                  "- 本日の受付は終わりました。\n"
                  "- [本日の予定](https://example.jp/honjitsu.html)をご覧ください。\n"
                  "\n"
                  "| 日 | 内容 |\n"
                  "| --- | --- |\n"
                  "| 翌日 | 片付け |\n"
                  "\n"
                  "```\n"
                  "実施します\n"
                  "```\n"
                  "\n"
                  "`本日` は **実施**します。\n",
                  "## 説明会について\n"
                  "\n"
                  "- 今日の受付は終わりました。\n"
                  "- [今日の予定](https://example.jp/honjitsu.html)を見てください。\n"
                  "\n"
                  "| 日 | 内容 |\n"
                  "| --- | --- |\n"
                  "| 次の日 | 片付け |\n"
                  "\n"
                  "```\n"
                  "実施します\n"
                  "```\n"
                  "\n"
                  "`本日` は **実施**します。\n");
}

static void
test_empty (void)
{
  assert_rewrite ("", "");
  assert_rewrite ("Plain English text stays as it is.\n", "Plain English text stays as it is.\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/builtin/easy/split-so", test_split_so);
  g_test_add_func ("/tayori/ai/builtin/easy/split-but", test_split_but);
  g_test_add_func ("/tayori/ai/builtin/easy/split-te", test_split_te);
  g_test_add_func ("/tayori/ai/builtin/easy/split-because", test_split_because);
  g_test_add_func ("/tayori/ai/builtin/easy/short-kept", test_short_kept);
  g_test_add_func ("/tayori/ai/builtin/easy/words", test_words);
  g_test_add_func ("/tayori/ai/builtin/easy/markdown-kept", test_markdown_kept);
  g_test_add_func ("/tayori/ai/builtin/easy/empty", test_empty);
  return g_test_run ();
}
