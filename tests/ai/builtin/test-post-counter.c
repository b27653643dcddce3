/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Post lengths as each network counts them: X's twitter-text v3 weights (NFC, CJK and emoji 2,
 * URLs 23), Bluesky's graphemes, Mastodon's graphemes with URLs as 23, LINE's UTF-16 units. */
#include <string.h>
#include <glib.h>
#include "tayori-post-counter.h"

#define FAMILY   "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"  /* 👨‍👩‍👧 */
#define FLAG_JP  "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5"                                      /* 🇯🇵 */
#define FLAG_US  "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8"                                      /* 🇺🇸 */
#define THUMBS   "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"                                      /* 👍🏽 */
#define KEYCAP_1 "1\xEF\xB8\x8F\xE2\x83\xA3"                                            /* 1️⃣ */
#define KA_DAKUTEN "\xE3\x81\x8B\xE3\x82\x99"                                            /* か + U+3099 */
#define E_ACUTE  "e\xCC\x81"                                                             /* e + U+0301 */
#define HANGUL_JAMO "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8"                               /* ᄀ ᅡ ᆨ */
#define YOSHI    "\xF0\xA0\xAE\xB7"                                                      /* 𠮷 (U+20BB7) */
#define LONG_URL "https://www.city.osaka.lg.jp/konohana/page/0000123456.html?utm_source=line&x=1"

static void
assert_count (TayoriPostNetwork network,
              const char       *text,
              guint             expected)
{
  guint count = tayori_post_count (network, text);

  if (count != expected)
    g_error ("%s counts “%s” as %u, expected %u", tayori_post_network_to_string (network), text,
             count, expected);
}

static void
test_x (void)
{
  assert_count (TAYORI_POST_NETWORK_X, "", 0);
  assert_count (TAYORI_POST_NETWORK_X, "Hello", 5);
  assert_count (TAYORI_POST_NETWORK_X, "こんにちは", 10);
  assert_count (TAYORI_POST_NETWORK_X, "防災訓練を実施します。", 22);
  /* the light ranges: quotes and dashes U+2010–U+201F weigh 1; … (U+2026) is outside them */
  assert_count (TAYORI_POST_NETWORK_X, "\xE2\x80\x9C" "a" "\xE2\x80\x9D", 3);
  assert_count (TAYORI_POST_NETWORK_X, "\xE2\x80\xA6", 2);
  assert_count (TAYORI_POST_NETWORK_X, "\xE2\x80\xBB", 2);   /* ※ U+203B */
  /* every URL is 23, whatever its length; www. links too */
  assert_count (TAYORI_POST_NETWORK_X, LONG_URL, 23);
  assert_count (TAYORI_POST_NETWORK_X, "https://t.co", 23);
  assert_count (TAYORI_POST_NETWORK_X, "www.example.jp", 23);
  assert_count (TAYORI_POST_NETWORK_X, "See " LONG_URL " now", 4 + 23 + 4);
  assert_count (TAYORI_POST_NETWORK_X, "詳しくは" LONG_URL "をご覧ください", 8 + 23 + 14);
  /* emoji: one sequence weighs 2, ZWJ families, skin tones, flags and keycaps included */
  assert_count (TAYORI_POST_NETWORK_X, FAMILY, 2);
  assert_count (TAYORI_POST_NETWORK_X, THUMBS, 2);
  assert_count (TAYORI_POST_NETWORK_X, FLAG_JP FLAG_US, 4);
  assert_count (TAYORI_POST_NETWORK_X, KEYCAP_1, 2);
  assert_count (TAYORI_POST_NETWORK_X, "\xC2\xA9", 1);                 /* © as text */
  assert_count (TAYORI_POST_NETWORK_X, "\xC2\xA9\xEF\xB8\x8F", 2);     /* © as emoji */
  /* NFC first: a decomposed が counts as the one character it becomes */
  assert_count (TAYORI_POST_NETWORK_X, KA_DAKUTEN, 2);
  assert_count (TAYORI_POST_NETWORK_X, E_ACUTE, 1);
  /* a code point outside the BMP is one character of weight 2, not two */
  assert_count (TAYORI_POST_NETWORK_X, YOSHI, 2);
  g_assert_cmpuint (tayori_post_default_limit (TAYORI_POST_NETWORK_X), ==, 280);
}

static void
test_bluesky (void)
{
  assert_count (TAYORI_POST_NETWORK_BLUESKY, "こんにちは", 5);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, FAMILY, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, THUMBS, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, FLAG_JP FLAG_US, 2);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, FLAG_JP "\xF0\x9F\x87\xAF", 2);   /* a lone indicator */
  assert_count (TAYORI_POST_NETWORK_BLUESKY, KEYCAP_1, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, E_ACUTE, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, KA_DAKUTEN, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, HANGUL_JAMO, 1);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, "a\r\nb", 3);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, "\xE8\x91\x9B\xF3\xA0\x84\x80", 1);   /* 葛 + VS17 */
  /* Bluesky counts a link as the text it is */
  assert_count (TAYORI_POST_NETWORK_BLUESKY, "https://example.jp/a", 20);
  g_assert_cmpuint (tayori_post_default_limit (TAYORI_POST_NETWORK_BLUESKY), ==, 300);
}

static void
test_mastodon (void)
{
  assert_count (TAYORI_POST_NETWORK_MASTODON, "こんにちは", 5);
  assert_count (TAYORI_POST_NETWORK_MASTODON, "Hello " LONG_URL, 6 + 23);
  assert_count (TAYORI_POST_NETWORK_MASTODON, "http://a.jp", 23);
  /* only links with a scheme are shortened */
  assert_count (TAYORI_POST_NETWORK_MASTODON, "www.example.jp", 14);
  assert_count (TAYORI_POST_NETWORK_MASTODON, FAMILY, 1);
  g_assert_cmpuint (tayori_post_default_limit (TAYORI_POST_NETWORK_MASTODON), ==, 500);
}

static void
test_line (void)
{
  assert_count (TAYORI_POST_NETWORK_LINE, "こんにちは", 5);
  assert_count (TAYORI_POST_NETWORK_LINE, YOSHI, 2);
  assert_count (TAYORI_POST_NETWORK_LINE, FAMILY, 8);
  assert_count (TAYORI_POST_NETWORK_LINE, E_ACUTE, 2);
  assert_count (TAYORI_POST_NETWORK_LINE, LONG_URL, strlen (LONG_URL));
  g_assert_cmpuint (tayori_post_default_limit (TAYORI_POST_NETWORK_LINE), ==, 5000);
}

static void
test_names (void)
{
  TayoriPostNetwork network = TAYORI_POST_NETWORK_X;

  g_assert_cmpstr (tayori_post_network_to_string (TAYORI_POST_NETWORK_BLUESKY), ==, "bluesky");
  g_assert_cmpstr (tayori_post_network_to_string (TAYORI_POST_NETWORK_LINE), ==, "line");
  g_assert_true (tayori_post_network_from_string ("mastodon", &network));
  g_assert_cmpint (network, ==, TAYORI_POST_NETWORK_MASTODON);
  g_assert_true (tayori_post_network_from_string ("x", &network));
  g_assert_cmpint (network, ==, TAYORI_POST_NETWORK_X);
  g_assert_false (tayori_post_network_from_string ("twitter", &network));
  g_assert_cmpint (network, ==, TAYORI_POST_NETWORK_X);
}

/* Long texts: the sum of the parts, exactly at and over the limit */
static void
test_edges (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 140; i++)
    g_string_append (text, "あ");
  assert_count (TAYORI_POST_NETWORK_X, text->str, 280);
  g_string_append_c (text, 'a');
  assert_count (TAYORI_POST_NETWORK_X, text->str, 281);
  for (guint i = 0; i < 2500; i++)
    g_string_append (text, YOSHI);
  assert_count (TAYORI_POST_NETWORK_LINE, text->str, 141 + 5000);
  assert_count (TAYORI_POST_NETWORK_BLUESKY, text->str, 141 + 2500);
}

/* The longest start that fits: whole clusters and whole URLs only */
static void
test_fit (void)
{
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_X, "あいうえお", 5), ==, strlen ("あい"));
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_X, "あいうえお", 100), ==, strlen ("あいうえお"));
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_X, "ab " LONG_URL, 25), ==, 3);
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_X, "ab " LONG_URL, 26), ==, strlen ("ab " LONG_URL));
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_BLUESKY, "a" FAMILY "b", 2), ==, strlen ("a" FAMILY));
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_X, KA_DAKUTEN "a", 2), ==, strlen (KA_DAKUTEN));
  g_assert_cmpuint (tayori_post_fit (TAYORI_POST_NETWORK_LINE, "a" YOSHI, 2), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/builtin/counter/x", test_x);
  g_test_add_func ("/tayori/ai/builtin/counter/bluesky", test_bluesky);
  g_test_add_func ("/tayori/ai/builtin/counter/mastodon", test_mastodon);
  g_test_add_func ("/tayori/ai/builtin/counter/line", test_line);
  g_test_add_func ("/tayori/ai/builtin/counter/names", test_names);
  g_test_add_func ("/tayori/ai/builtin/counter/edges", test_edges);
  g_test_add_func ("/tayori/ai/builtin/counter/fit", test_fit);
  return g_test_run ();
}
