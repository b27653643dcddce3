/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests: the reading level (建石式 and its six levels) and its inputs on an easy and a hard
 * text, the level labels, and the readability checker's single notice. */
#include <string.h>

#include "easy-test-util.h"
#include "tayori-finding.h"
#include "tayori-readability.h"

static const char easy_text[] =
  "あしたは 雨です。かさを 持って いきましょう。\n"
  "ごみは あさ 8時までに 出して ください。";
static const char hard_text[] =
  "本市は、国民健康保険法第七十六条の規定に基づき、被保険者の属する世帯の世帯主から"
  "国民健康保険料を徴収するものとし、その賦課期日は四月一日とする。";

static void
test_inputs (void)
{
  g_autoptr(GError) error = NULL;
  TayoriReadability r;
  /* runs: hiragana あしたは(4) です(2) かさを(3) っていきましょう(8); kanji 雨 持 */
  const char *text = "あしたは雨です。\nかさを持っていきましょう。";
  double expected;

  g_assert_true (tayori_readability_compute (text, -1, &r, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (r.n_sentences, ==, 2);
  g_assert_cmpuint (r.n_characters, ==, 8 + 13);
  g_assert_cmpfloat_with_epsilon (r.mean_sentence_length, 10.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.kanji_ratio, 2.0 / 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.hiragana_ratio, 17.0 / 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.katakana_ratio, 0, 1e-9);
  g_assert_cmpuint (r.n_kanji_above_grade, ==, 0);
  expected = -0.12 * 10.5 + 7.4 * (17.0 / 4) - 23.18 * 1 + 115.79;
  g_assert_cmpfloat_with_epsilon (r.score, expected, 1e-9);
  g_assert_cmpuint (r.level, ==, 1);
}

static void
test_easy_and_hard (void)
{
  TayoriReadability easy, hard;

  g_assert_true (tayori_readability_compute (easy_text, -1, &easy, NULL));
  g_assert_true (tayori_readability_compute (hard_text, -1, &hard, NULL));
  g_assert_cmpuint (easy.level, <, hard.level);
  g_assert_cmpuint (easy.level, <=, 2);
  g_assert_cmpuint (hard.level, >=, 5);
  g_assert_cmpfloat (easy.score, >, hard.score);
  g_assert_cmpuint (hard.n_sentences, ==, 1);
  g_assert_cmpfloat (hard.kanji_ratio, >, 0.5);
  g_assert_cmpfloat (easy.kanji_ratio, <, 0.2);
  /* 被 徴 賦 (jōyō, secondary school) are the kanji beyond elementary school */
  g_assert_cmpuint (hard.n_kanji_above_grade, ==, 3);
}

static void
test_labels (void)
{
  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *prefix = g_strdup_printf ("Level %u (", level);

      g_assert_true (g_str_has_prefix (tayori_readability_level_label (level), prefix));
    }
}

static void
test_checker (void)
{
  g_autoptr(TayoriChecker) checker = tayori_check_readability_new ();
  g_autofree char *body = g_strconcat ("## 大雨のとき\n\n", easy_text, "\n\n```\n国民健康保険料\n```\n", NULL);
  g_autoptr(GPtrArray) findings = easy_test_run (checker, body, NULL, TAYORI_LANGUAGE_JA_EASY, NULL);
  g_autoptr(GPtrArray) hard = easy_test_run (checker, hard_text, NULL, TAYORI_LANGUAGE_JA, NULL);
  g_autoptr(GPtrArray) english = easy_test_run (checker, "Bring an umbrella.", NULL, TAYORI_LANGUAGE_EN, NULL);
  g_autoptr(GPtrArray) empty = easy_test_run (checker, "", NULL, TAYORI_LANGUAGE_JA, NULL);
  TayoriFinding *finding;

  g_assert_cmpstr (tayori_checker_get_family (checker), ==, "readability");
  g_assert_cmpuint (findings->len, ==, 1);
  finding = findings->pdata[0];
  g_assert_cmpstr (tayori_finding_get_rule_id (finding), ==, "readability-level");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_NOTICE);
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "body");
  g_assert_cmpuint (tayori_finding_get_start (finding), ==, 0);
  g_assert_cmpuint (tayori_finding_get_end (finding), ==, 0);
  g_assert_true (g_str_has_prefix (tayori_finding_get_message_ja (finding), "読みやすさはレベル1です"));
  /* the heading and the two lines; the code block is not prose */
  g_assert_nonnull (strstr (tayori_finding_get_message_ja (finding), "1文の平均11.0字、漢字14%"));

  g_assert_cmpuint (hard->len, ==, 1);
  g_assert_true (g_str_has_prefix (tayori_finding_get_message_en (hard->pdata[0]), "Reading level 5 of 6"));
  g_assert_nonnull (strstr (tayori_finding_get_message_en (hard->pdata[0]), "72.0 characters per sentence"));
  g_assert_cmpuint (english->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks-easy/readability/inputs", test_inputs);
  g_test_add_func ("/tayori/checks-easy/readability/easy-and-hard", test_easy_and_hard);
  g_test_add_func ("/tayori/checks-easy/readability/labels", test_labels);
  g_test_add_func ("/tayori/checks-easy/readability/checker", test_checker);
  return g_test_run ();
}
