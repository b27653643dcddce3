/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests: ruby generation — user dictionary readings, okurigana outside the ruby, the grade
 * filter, numbers and dates, HTML left intact, code untouched, idempotence, and that the
 * sanitiser keeps the ruby. */
#include <glib.h>

#include "tayori-ruby.h"
#include "tayori-sanitizer.h"

static void
assert_ruby (const char *html,
             guint       above_grade,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = tayori_ruby_annotate_html (html, above_grade, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
test_user_dictionary (void)
{
  assert_ruby ("<p>住之江区</p>", 0, "<p><ruby>住之江区<rt>すみのえく</rt></ruby></p>");
  assert_ruby ("<p>此花区に</p>", 0, "<p><ruby>此花区<rt>このはなく</rt></ruby>に</p>");
  /* IPADIC alone reads 平野 as へいや */
  assert_ruby ("<p>平野で</p>", 0, "<p><ruby>平野<rt>ひらの</rt></ruby>で</p>");
  /* an entry spans several morphemes (障 が い 者), its kana stay outside the ruby */
  assert_ruby ("<p>障がい者</p>", 0,
               "<p><ruby>障<rt>しょう</rt></ruby>がい<ruby>者<rt>しゃ</rt></ruby></p>");
}

static void
test_okurigana (void)
{
  assert_ruby ("<p>申し込み</p>", 0,
               "<p><ruby>申<rt>もう</rt></ruby>し<ruby>込<rt>こ</rt></ruby>み</p>");
  assert_ruby ("<p>区役所で受け付けます。</p>", 0,
               "<p><ruby>区役所<rt>くやくしょ</rt></ruby>で<ruby>受<rt>う</rt></ruby>け"
               "<ruby>付<rt>つ</rt></ruby>けます。</p>");
}

static void
test_above_grade (void)
{
  /* per word: 大 木 are grade 1, 書 grade 2, 申請 has 請 (secondary school) */
  assert_ruby ("<p>大きな木と申請書</p>", 3,
               "<p>大きな木と<ruby>申請<rt>しんせい</rt></ruby>書</p>");
  assert_ruby ("<p>大きな木</p>", 0,
               "<p><ruby>大<rt>おお</rt></ruby>きな<ruby>木<rt>き</rt></ruby></p>");
}

static void
test_numbers (void)
{
  assert_ruby ("<p>3月1日（月）</p>", 0,
               "<p>3<ruby>月<rt>がつ</rt></ruby>1<ruby>日<rt>ついたち</rt></ruby>"
               "（<ruby>月<rt>げつ</rt></ruby>）</p>");
  assert_ruby ("<p>３月２０日</p>", 0,
               "<p>３<ruby>月<rt>がつ</rt></ruby>２０<ruby>日<rt>はつか</rt></ruby></p>");
  assert_ruby ("<p>10分</p>", 0, "<p>10<ruby>分<rt>ぷん</rt></ruby></p>");
}

static void
test_html_kept (void)
{
  assert_ruby ("<h2 id=\"a\">案内</h2>\n<p>A &lt; B、<a href=\"https://x.jp/?a=1&amp;b=2\">詳細</a><br>"
               "<strong>必要</strong></p>", 8,
               "<h2 id=\"a\">案内</h2>\n<p>A &lt; B、<a href=\"https://x.jp/?a=1&amp;b=2\">詳細</a><br>"
               "<strong>必要</strong></p>");
  assert_ruby ("<p>A &lt; B &amp; 漢字</p>", 0, "<p>A &lt; B &amp; <ruby>漢字<rt>かんじ</rt></ruby></p>");
  assert_ruby ("<p><a href=\"/x\">案内</a></p>", 0,
               "<p><a href=\"/x\"><ruby>案内<rt>あんない</rt></ruby></a></p>");
}

static void
test_untouched (void)
{
  const char *html = "<p><code>漢字</code></p><pre>国民</pre><p><ruby>東京<rt>とーきょー</rt></ruby></p>";

  assert_ruby (html, 0, html);
}

static void
test_idempotent (void)
{
  g_autofree char *once = tayori_ruby_annotate_html ("<p>住之江区役所で申し込みを受け付けます。</p>", 0, NULL);
  g_autofree char *twice = tayori_ruby_annotate_html (once, 0, NULL);
  g_autofree char *sanitized = tayori_sanitize_html (once, -1);

  g_assert_nonnull (once);
  g_assert_cmpstr (twice, ==, once);
  /* the preview's sanitiser keeps ruby and rt */
  g_assert_cmpstr (sanitized, ==, once);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks-easy/ruby/user-dictionary", test_user_dictionary);
  g_test_add_func ("/tayori/checks-easy/ruby/okurigana", test_okurigana);
  g_test_add_func ("/tayori/checks-easy/ruby/above-grade", test_above_grade);
  g_test_add_func ("/tayori/checks-easy/ruby/numbers", test_numbers);
  g_test_add_func ("/tayori/checks-easy/ruby/html-kept", test_html_kept);
  g_test_add_func ("/tayori/checks-easy/ruby/untouched", test_untouched);
  g_test_add_func ("/tayori/checks-easy/ruby/idempotent", test_idempotent);
  return g_test_run ();
}
