/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Character diff: the chunks rebuild both texts, edits are found at the character, and huge
 * or unrelated texts still give a correct (coarse) answer. */
#include "tayori-diff.h"

/* Rebuilds the old text (EQUAL + DELETE) and the new one (EQUAL + INSERT) from @chunks. */
static void
assert_rebuilds (GPtrArray  *chunks,
                 const char *old_text,
                 const char *new_text)
{
  g_autoptr(GString) old_rebuilt = g_string_new (NULL);
  g_autoptr(GString) new_rebuilt = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      TayoriDiffChunk *chunk = g_ptr_array_index (chunks, i);

      g_assert_true (g_utf8_validate (chunk->text, -1, NULL));
      g_assert_cmpstr (chunk->text, !=, "");
      if (i > 0)
        g_assert_cmpint (chunk->op, !=, ((TayoriDiffChunk *) g_ptr_array_index (chunks, i - 1))->op);
      if (chunk->op != TAYORI_DIFF_INSERT)
        g_string_append (old_rebuilt, chunk->text);
      if (chunk->op != TAYORI_DIFF_DELETE)
        g_string_append (new_rebuilt, chunk->text);
    }
  g_assert_cmpstr (old_rebuilt->str, ==, old_text);
  g_assert_cmpstr (new_rebuilt->str, ==, new_text);
}

static guint
edited_chars (GPtrArray *chunks)
{
  guint count = 0;

  for (guint i = 0; i < chunks->len; i++)
    {
      TayoriDiffChunk *chunk = g_ptr_array_index (chunks, i);

      if (chunk->op != TAYORI_DIFF_EQUAL)
        count += g_utf8_strlen (chunk->text, -1);
    }
  return count;
}

static void
test_japanese (void)
{
  const char *old_text = "本日は晴天なり。区役所の窓口は午前9時から開きます。";
  const char *new_text = "本日は雨天なり。区役所の窓口は午前8時45分から開きます。";
  g_autoptr(GPtrArray) chunks = tayori_diff_chars (old_text, new_text);
  TayoriDiffChunk *chunk;

  assert_rebuilds (chunks, old_text, new_text);
  /* 晴→雨 and 9→8 45分: 1+1 deleted, 1+4 inserted */
  g_assert_cmpuint (edited_chars (chunks), ==, 7);
  chunk = g_ptr_array_index (chunks, 0);
  g_assert_cmpint (chunk->op, ==, TAYORI_DIFF_EQUAL);
  g_assert_cmpstr (chunk->text, ==, "本日は");
  chunk = g_ptr_array_index (chunks, 1);
  g_assert_cmpint (chunk->op, ==, TAYORI_DIFF_DELETE);
  g_assert_cmpstr (chunk->text, ==, "晴");
  chunk = g_ptr_array_index (chunks, 2);
  g_assert_cmpint (chunk->op, ==, TAYORI_DIFF_INSERT);
  g_assert_cmpstr (chunk->text, ==, "雨");
}

static void
test_edge_cases (void)
{
  static const char * const pairs[][2] = {
    { "", "" },
    { "", "新しい文章" },
    { "消える文章", "" },
    { "同じ", "同じ" },
    { "abc", "xyz" },
    { "ABCABBA", "CBABAC" },
    { "🎉絵文字🏯", "🏯絵文字🎉" },
    { "行1\n行2\n行3\n", "行1\n行2改\n行3\n行4\n" },
    { "ああああ", "あああ" },
    { "a", "aaaaaaaa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(GPtrArray) chunks = tayori_diff_chars (pairs[i][0], pairs[i][1]);

      assert_rebuilds (chunks, pairs[i][0], pairs[i][1]);
    }
  {
    /* the classic Myers example has edit distance 5 */
    g_autoptr(GPtrArray) chunks = tayori_diff_chars ("ABCABBA", "CBABAC");
    g_assert_cmpuint (edited_chars (chunks), ==, 5);
  }
  {
    g_autoptr(GPtrArray) chunks = tayori_diff_chars (NULL, "あ");
    assert_rebuilds (chunks, "", "あ");
  }
}

static char *
random_japanese (GRand *rand,
                 guint  length)
{
  static const char * const pieces[] = { "区", "役", "所", "の", "お", "知", "ら", "せ", "。", "\n", "a", "1" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < length; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
  return g_string_free (text, FALSE);
}

/* Shortest edit script length by dynamic programming over the longest common subsequence */
static guint
reference_distance (const char *a,
                    const char *b)
{
  glong n, m;
  g_autofree gunichar *ua = g_utf8_to_ucs4_fast (a, -1, &n);
  g_autofree gunichar *ub = g_utf8_to_ucs4_fast (b, -1, &m);
  g_autofree guint *lcs = g_new0 (guint, (n + 1) * (m + 1));

  for (glong i = n - 1; i >= 0; i--)
    for (glong j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = ua[i] == ub[j]
                             ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                             : MAX (lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
  return n + m - 2 * lcs[0];
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (guint round = 0; round < 200; round++)
    {
      g_autofree char *a = random_japanese (rand, g_rand_int_range (rand, 0, 80));
      g_autofree char *b = random_japanese (rand, g_rand_int_range (rand, 0, 80));
      g_autoptr(GPtrArray) chunks = tayori_diff_chars (a, b);

      assert_rebuilds (chunks, a, b);
      g_assert_cmpuint (edited_chars (chunks), ==, reference_distance (a, b));
    }
}

static void
test_large (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree char *base = random_japanese (rand, 200000);
  g_autofree char *other = random_japanese (rand, 200000);
  g_autoptr(GString) edited = g_string_new (base);
  g_autoptr(GPtrArray) small_edit = NULL;
  g_autoptr(GPtrArray) unrelated = NULL;

  /* a small edit in the middle of a long article is found exactly */
  g_string_insert (edited, g_utf8_offset_to_pointer (base, 100000) - base, "追加した文");
  small_edit = tayori_diff_chars (base, edited->str);
  assert_rebuilds (small_edit, base, edited->str);
  g_assert_cmpuint (edited_chars (small_edit), ==, 5);

  /* two unrelated long texts exceed the bound: still a correct, coarse answer */
  unrelated = tayori_diff_chars (base, other);
  assert_rebuilds (unrelated, base, other);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/model/diff/japanese", test_japanese);
  g_test_add_func ("/tayori/model/diff/edge-cases", test_edge_cases);
  g_test_add_func ("/tayori/model/diff/random", test_random);
  g_test_add_func ("/tayori/model/diff/large", test_large);

  return g_test_run ();
}
