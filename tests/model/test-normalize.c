/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search normalisation: width, case and kana variants meet in one form. */
#include "tayori-text-normalize.h"

static void
assert_same (const char *a,
             const char *b)
{
  g_autofree char *na = tayori_text_normalize_for_search (a);
  g_autofree char *nb = tayori_text_normalize_for_search (b);

  g_assert_cmpstr (na, ==, nb);
}

static void
assert_normal (const char *text,
               const char *expected)
{
  g_autofree char *normal = tayori_text_normalize_for_search (text);

  g_assert_cmpstr (normal, ==, expected);
}

static void
test_kana_width (void)
{
  assert_same ("ｻｰﾋﾞｽ", "サービス");
  assert_same ("サービス", "さーびす");
  assert_normal ("ｻｰﾋﾞｽ", "さーびす");
  assert_normal ("ヴァイオリン", "ゔぁいおりん");
  assert_normal ("ヵヶ", "ゕゖ");
  /* ・ and ー are outside the katakana letters and stay */
  assert_normal ("ゴミ・リサイクル", "ごみ・りさいくる");
}

static void
test_latin (void)
{
  assert_normal ("ＡＢＣ", "abc");
  assert_same ("ＡＢＣ", "abc");
  assert_normal ("Ｅメール", "eめーる");
  assert_normal ("１２３", "123");
  assert_normal ("㈱", "(株)");
}

static void
test_kanji_untouched (void)
{
  assert_normal ("大阪市北区", "大阪市北区");
  assert_normal ("", "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/normalize/kana-width", test_kana_width);
  g_test_add_func ("/tayori/model/normalize/latin", test_latin);
  g_test_add_func ("/tayori/model/normalize/kanji-untouched", test_kanji_untouched);

  return g_test_run ();
}
