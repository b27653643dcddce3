/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spaces inside words, layout by full-width spaces, and colour-only references: what is
 * flagged (span and fix) and the look-alikes that are not (分かち書き, names, 財政の赤字). */
#include <string.h>

#include "text-test-util.h"

#define SPACE_IN_WORD "ja-space-in-word"
#define LAYOUT        "ja-layout-spaces"
#define COLOUR        "ja-colour-only-reference"

static void
test_space_in_word (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();

  text_test_one (checker, "お 知 ら せ", SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "お 知 ら せ", "お知らせ");
  text_test_one (checker, "## お　知　ら　せ\n", SPACE_IN_WORD, TAYORI_SEVERITY_ERROR,
                 "お　知　ら　せ", "お知らせ");
  /* inside quotes, which are not letters */
  text_test_one (checker, "「お 知 ら せ」を読む", SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "お 知 ら せ", "お知らせ");
  text_test_one (checker, "氏　名：山田太郎", SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "氏　名", "氏名");
  text_test_one (checker, "- 住  所：住之江区", SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "住  所", "住所");
}

static void
test_space_in_word_labels (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *body = "場　所：此花区民ホール\n定　員：30人\n\n"
                     "| 日　時 | 11月23日 |\n|---|---|\n| 会　場 | 住之江区民ホール |\n";
  g_autoptr(GPtrArray) found = text_test_body (checker, body, SPACE_IN_WORD);

  g_assert_cmpuint (found->len, ==, 4);
  text_test_assert (found->pdata[0], SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "body", body, "場　所", "場所");
  text_test_assert (found->pdata[1], SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "body", body, "定　員", "定員");
  text_test_assert (found->pdata[2], SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "body", body, "日　時", "日時");
  text_test_assert (found->pdata[3], SPACE_IN_WORD, TAYORI_SEVERITY_ERROR, "body", body, "会　場", "会場");
}

static void
test_space_in_word_passes (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *bodies[] = {
    /* やさしい日本語: phrases separated by spaces */
    "がっこうに いきます。 あしたは やすみです。",
    /* a Japanese phrase next to numbers or Latin words */
    "令和8年 11月 23日 A 棟 3 密",
    "会場は 住之江区 此花区 です",
    /* a person's name: family name and given name */
    "担当：林　肇",
    "「森 薫」さん",
    /* a list of weekdays */
    "開館日：月 水 金",
    /* code */
    "`お 知 ら せ`",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    text_test_none (checker, bodies[i], SPACE_IN_WORD);
}

static void
test_layout_spaces (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *body = "　市では、次のとおり実施します。\n\n> 　引用した文です。\n\n氏名　　　山田太郎\n";
  g_autoptr(GPtrArray) found = text_test_body (checker, body, LAYOUT);

  g_assert_cmpuint (found->len, ==, 3);
  /* indentation at the start of a line, also after Markdown's "> ": removed by the fix */
  text_test_assert (found->pdata[0], LAYOUT, TAYORI_SEVERITY_WARNING, "body", body, "　", "");
  g_assert_cmpuint (tayori_finding_get_start (found->pdata[0]), ==, 0);
  text_test_assert (found->pdata[1], LAYOUT, TAYORI_SEVERITY_WARNING, "body", body, "　", "");
  g_assert_cmpuint (tayori_finding_get_start (found->pdata[1]), ==, strlen ("　市では、次のとおり実施します。\n\n> "));
  /* spaces lining up columns: flagged, but only a table can fix that */
  text_test_assert (found->pdata[2], LAYOUT, TAYORI_SEVERITY_WARNING, "body", body, "　　　", NULL);

  text_test_one (checker, "　　見出し風", LAYOUT, TAYORI_SEVERITY_WARNING, "　　", "");
}

static void
test_layout_spaces_passes (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *bodies[] = {
    /* one full-width space between sentences or inside a quotation is not layout */
    "受付は終了しました。　次回は来年です。",
    "> 「ご協力を。　よろしくお願いします」\n",
    "氏　名",
    "    　コードの字下げ\n",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    text_test_none (checker, bodies[i], LAYOUT);
}

static void
test_colour_reference (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  static const struct {
    const char *body;
    const char *span;
  } cases[] = {
    { "赤字の部分は必ず書いてください", "赤字の部分" },
    { "変更点は赤色で示しています", "赤色で示" },
    { "青い文字をクリックしてください", "青い文字" },
    { "画面の緑のボタンを押します", "緑のボタン" },
    { "色のついた部分が対象です", "色のついた部分" },
    { "黄色の箇所に記入", "黄色の箇所" },
    { "オレンジのマークが目印です", "オレンジのマーク" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    text_test_one (checker, cases[i].body, COLOUR, TAYORI_SEVERITY_WARNING, cases[i].span, NULL);
}

static void
test_colour_reference_passes (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_characters_new ();
  const char *bodies[] = {
    "財政の赤字を減らします",
    "赤字の部分的な解消を目指します",
    "青色申告の相談会",
    "赤い羽根共同募金にご協力ください",
    "黒のボールペンで記入してください",
    "白線の内側でお待ちください",
    "緑の窓口で受け付けます",
    "`赤字の部分`",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    text_test_none (checker, bodies[i], COLOUR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/text/space-in-word", test_space_in_word);
  g_test_add_func ("/tayori/checks/text/space-in-word/labels", test_space_in_word_labels);
  g_test_add_func ("/tayori/checks/text/space-in-word/passes", test_space_in_word_passes);
  g_test_add_func ("/tayori/checks/text/layout-spaces", test_layout_spaces);
  g_test_add_func ("/tayori/checks/text/layout-spaces/passes", test_layout_spaces_passes);
  g_test_add_func ("/tayori/checks/text/colour-only", test_colour_reference);
  g_test_add_func ("/tayori/checks/text/colour-only/passes", test_colour_reference_passes);

  return g_test_run ();
}
