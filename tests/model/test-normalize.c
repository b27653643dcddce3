/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Search normalisation: width, case and kana variants meet in one form. */
#include <string.h>

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

static char *
katakana_to_hiragana (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
    }
  return g_string_free (out, FALSE);
}

/* Long text is normalised in pieces: the result must equal normalising it whole, wherever
 * half-width kana with sound marks, combining accents and ideographs fall on piece ends. */
static void
test_long_text_in_pieces (void)
{
  static const char * const parts[] = {
    "ｻｰﾋﾞｽ", "ｶﾞｷﾞｸﾞ", "e\xcc\x81", "市民", "ＡＢＣ", "か\xe3\x82\x99", "\n", "ﾊﾟﾌﾟ", "東京都", " x",
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *whole = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *normal = NULL;
  guint i = 0;

  while (text->len < 40000)
    g_string_append (text, parts[i++ % G_N_ELEMENTS (parts)]);

  whole = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (whole, -1);
  expected = katakana_to_hiragana (folded);
  normal = tayori_text_normalize_for_search (text->str);
  g_assert_cmpuint (strlen (normal), ==, strlen (expected));
  g_assert_cmpstr (normal, ==, expected);
  g_assert_null (strstr (normal, "ｻ"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/normalize/kana-width", test_kana_width);
  g_test_add_func ("/tayori/model/normalize/latin", test_latin);
  g_test_add_func ("/tayori/model/normalize/kanji-untouched", test_kanji_untouched);
  g_test_add_func ("/tayori/model/normalize/long-text-in-pieces", test_long_text_in_pieces);

  return g_test_run ();
}
