/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests: MeCab morphemes (offsets, features, readings), the user dictionary and the preset's
 * readings, the missing-dictionary error, and kanji school grades from kanjidic. */
#include <string.h>

#include "easy-test-util.h"
#include "tayori-kanji-grade.h"
#include "tayori-mecab.h"

static const TayoriMorpheme *
nth (GArray *morphemes,
     guint   index)
{
  g_assert_cmpuint (index, <, morphemes->len);
  return &g_array_index (morphemes, TayoriMorpheme, index);
}

static void
test_kanji_grade (void)
{
  g_assert_cmpuint (tayori_kanji_grade (0x4E00), ==, 1);       /* 一 */
  g_assert_cmpuint (tayori_kanji_grade (0x6F22), ==, 3);       /* 漢 */
  g_assert_cmpuint (tayori_kanji_grade (0x9B31), ==, 8);       /* 鬱: jōyō, secondary school */
  g_assert_cmpuint (tayori_kanji_grade (0x4E4B), ==, 9);       /* 之 (住之江): jinmeiyō */
  g_assert_cmpuint (tayori_kanji_grade (0x3042), ==, 0);       /* あ */
  g_assert_cmpuint (tayori_kanji_grade ('A'), ==, 0);
  g_assert_cmpuint (tayori_kanji_grade (0x3005), ==, 0);       /* 々 is not graded */
  g_assert_true (tayori_is_kanji (0x6F22));
  g_assert_true (tayori_is_kanji (0x3005));
  g_assert_false (tayori_is_kanji (0x3042));
  g_assert_false (tayori_is_kanji (0x30AB));                   /* カ */
  g_assert_false (tayori_is_kanji (0xFF11));                   /* １ */
}

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  const char *text = "区役所で 3月に申し込みます";
  g_autoptr(GArray) morphemes = tayori_mecab_parse (text, -1, &error);
  const TayoriMorpheme *m;

  g_assert_no_error (error);
  g_assert_nonnull (morphemes);
  m = nth (morphemes, 0);
  g_assert_cmpstr (m->surface, ==, "区役所");
  g_assert_cmpuint (m->start, ==, 0);
  g_assert_cmpuint (m->end, ==, strlen ("区役所"));
  g_assert_cmpstr (m->pos, ==, "名詞");
  g_assert_cmpstr (m->reading, ==, "クヤクショ");
  g_assert_null (m->conjugation);
  /* the space is skipped; offsets stay those of the text */
  m = nth (morphemes, 2);
  g_assert_cmpstr (m->surface, ==, "3");
  g_assert_cmpuint (m->start, ==, strlen ("区役所で "));
  g_assert_cmpstr (m->pos_detail, ==, "数");
  g_assert_null (m->reading);
  g_assert_cmpstr (m->base, ==, "3");
  m = nth (morphemes, 5);
  g_assert_cmpstr (m->surface, ==, "申し込み");
  g_assert_cmpstr (m->pos, ==, "動詞");
  g_assert_cmpstr (m->base, ==, "申し込む");
  g_assert_cmpstr (m->conjugation, ==, "連用形");
  g_assert_cmpstr (m->reading, ==, "モウシコミ");
  g_assert_cmpstr (text + m->start, ==, "申し込みます");

  g_clear_pointer (&morphemes, g_array_unref);
  morphemes = tayori_mecab_parse ("", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (morphemes->len, ==, 0);
  g_assert_true (tayori_mecab_available (NULL));
}

static void
test_user_reading (void)
{
  g_assert_cmpstr (tayori_mecab_user_reading ("住之江区"), ==, "すみのえく");
  g_assert_cmpstr (tayori_mecab_user_reading ("住之江"), ==, "すみのえ");
  g_assert_cmpstr (tayori_mecab_user_reading ("此花区"), ==, "このはなく");
  /* IPADIC reads 平野 alone as へいや */
  g_assert_cmpstr (tayori_mecab_user_reading ("平野"), ==, "ひらの");
  g_assert_cmpstr (tayori_mecab_user_reading ("障がい者"), ==, "しょうがいしゃ");
  g_assert_null (tayori_mecab_user_reading ("図書館"));
  g_assert_null (tayori_mecab_user_reading (""));
}

static void
test_preset_readings (void)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (
    "[check:ruby]\nreadings=日本橋=にほんばし; 咲くやこの花館 = サクヤコノハナカン;bad-item\n");
  g_autoptr(TayoriCheckSettings) defaults = check_test_settings_new (NULL);
  const char *before = tayori_mecab_user_reading ("日本橋");
  const char *preset;

  g_assert_cmpstr (before, ==, "にっぽんばし");
  tayori_mecab_set_preset_readings (settings);
  preset = tayori_mecab_user_reading ("日本橋");
  g_assert_cmpstr (preset, ==, "にほんばし");
  /* katakana readings become hiragana */
  g_assert_cmpstr (tayori_mecab_user_reading ("咲くやこの花館"), ==, "さくやこのはなかん");
  g_assert_null (tayori_mecab_user_reading ("bad-item"));
  g_assert_cmpstr (tayori_mecab_user_reading ("住之江区"), ==, "すみのえく");

  tayori_mecab_set_preset_readings (defaults);
  g_assert_cmpstr (tayori_mecab_user_reading ("日本橋"), ==, "にっぽんばし");
  g_assert_null (tayori_mecab_user_reading ("咲くやこの花館"));
  /* what a lookup returned stays valid */
  g_assert_cmpstr (preset, ==, "にほんばし");
}

static void
test_hiragana (void)
{
  g_autofree char *a = tayori_mecab_to_hiragana ("スミノエク");
  g_autofree char *b = tayori_mecab_to_hiragana ("ヴァイオリン・カード、ABCかな");

  g_assert_cmpstr (a, ==, "すみのえく");
  g_assert_cmpstr (b, ==, "ゔぁいおりん・かーど、ABCかな");
}

static void
test_no_dictionary (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_setenv ("TAYORI_MECAB_DICDIR", "/nonexistent/ipadic", TRUE);
      g_assert_false (tayori_mecab_available (&error));
      g_assert_error (error, TAYORI_MECAB_ERROR, TAYORI_MECAB_ERROR_NO_DICTIONARY);
      g_assert_null (tayori_mecab_parse ("漢字", -1, NULL));
      g_print ("%s\n", error->message);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*libmecab2*mecab-ipadic-utf8*");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks-easy/kanji-grade", test_kanji_grade);
  g_test_add_func ("/tayori/checks-easy/mecab/parse", test_parse);
  g_test_add_func ("/tayori/checks-easy/mecab/user-reading", test_user_reading);
  g_test_add_func ("/tayori/checks-easy/mecab/preset-readings", test_preset_readings);
  g_test_add_func ("/tayori/checks-easy/mecab/hiragana", test_hiragana);
  g_test_add_func ("/tayori/checks-easy/mecab/no-dictionary", test_no_dictionary);
  return g_test_run ();
}
