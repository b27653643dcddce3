/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bluesky facets: links and hashtags with UTF-8 byte offsets in Japanese text, with emoji
 * sequences and URLs, where byte offsets and character offsets differ. */
#include "tayori-channel-bluesky-private.h"

typedef struct {
  const char *kind;    /* "link" or "tag" */
  const char *slice;   /* the text the facet covers */
  const char *value;   /* its uri or tag */
} Expected;

static void
check_facets (const char     *text,
              const Expected *expected,
              guint           n_expected)
{
  g_autoptr(JsonNode) facets = tayori_bluesky_facets (text);
  JsonArray *array;
  gsize searched = 0;

  if (n_expected == 0)
    {
      g_assert_null (facets);
      return;
    }
  g_assert_nonnull (facets);
  array = json_node_get_array (facets);
  g_assert_cmpuint (json_array_get_length (array), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      JsonObject *facet = json_array_get_object_element (array, i);
      JsonObject *index = json_object_get_object_member (facet, "index");
      JsonArray *features = json_object_get_array_member (facet, "features");
      JsonObject *feature = json_array_get_object_element (features, 0);
      gint64 start = json_object_get_int_member (index, "byteStart");
      gint64 end = json_object_get_int_member (index, "byteEnd");
      const char *found = strstr (text + searched, expected[i].slice);
      g_autofree char *type = g_strconcat ("app.bsky.richtext.facet#", expected[i].kind, NULL);
      const char *member;

      /* The offsets are where the slice's bytes are, not where its characters are. */
      g_assert_nonnull (found);
      g_assert_cmpint (start, ==, found - text);
      g_assert_cmpint (end, ==, found - text + strlen (expected[i].slice));
      g_assert_cmpuint (json_array_get_length (features), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (feature, "$type"), ==, type);
      member = g_str_equal (expected[i].kind, "link") ? "uri" : "tag";
      g_assert_cmpstr (json_object_get_string_member (feature, member), ==, expected[i].value);
      searched = end;
    }
}

static void
test_japanese (void)
{
  const char *text = "【防災訓練】11月30日(日)に実施します🚒 詳細は "
                     "https://www.city.tayori.jp/bosai/kunren.html をご覧ください #防災 #大阪イベント";
  const Expected expected[] = {
    { "link", "https://www.city.tayori.jp/bosai/kunren.html",
      "https://www.city.tayori.jp/bosai/kunren.html" },
    { "tag", "#防災", "防災" },
    { "tag", "#大阪イベント", "大阪イベント" },
  };
  g_autoptr(JsonNode) facets = tayori_bluesky_facets (text);
  JsonObject *first = json_array_get_object_element (json_node_get_array (facets), 0);
  gint64 start = json_object_get_int_member (json_object_get_object_member (first, "index"),
                                             "byteStart");

  check_facets (text, expected, G_N_ELEMENTS (expected));
  /* A byte offset, far from the character offset. */
  g_assert_cmpint (start, ==, strstr (text, "https://") - text);
  g_assert_cmpint (start, >, g_utf8_pointer_to_offset (text, strstr (text, "https://")));
}

static void
test_emoji_sequences (void)
{
  const char *text = "👨‍👩‍👧‍👦 子育て応援 #子育て 🇯🇵 ＃こども食堂 👍🏽 www.city.tayori.jp/kosodate";
  const Expected expected[] = {
    { "tag", "#子育て", "子育て" },
    { "tag", "＃こども食堂", "こども食堂" },
    { "link", "www.city.tayori.jp/kosodate", "https://www.city.tayori.jp/kosodate" },
  };

  check_facets (text, expected, G_N_ELEMENTS (expected));
}

static void
test_boundaries (void)
{
  /* A URL ends at Japanese text and leaves trailing punctuation out; a tag ends at 。 and
   * emoji; "#" inside a URL or a word, digits only and the keycap emoji are no tags. */
  const char *text = "申込はhttps://example.jp/form?id=3#top。締切です #2026 abc#タグ #️⃣ "
                     "(https://example.jp/a). #夏祭り。#花火🎆 #防災_訓練";
  const Expected expected[] = {
    { "link", "https://example.jp/form?id=3#top", "https://example.jp/form?id=3#top" },
    { "link", "https://example.jp/a", "https://example.jp/a" },
    { "tag", "#夏祭り", "夏祭り" },
    { "tag", "#防災_訓練", "防災_訓練" },
  };

  check_facets (text, expected, G_N_ELEMENTS (expected));
}

static void
test_none (void)
{
  check_facets ("お知らせはありません。", NULL, 0);
  check_facets ("", NULL, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/channels/bluesky/facets/japanese", test_japanese);
  g_test_add_func ("/tayori/channels/bluesky/facets/emoji-sequences", test_emoji_sequences);
  g_test_add_func ("/tayori/channels/bluesky/facets/boundaries", test_boundaries);
  g_test_add_func ("/tayori/channels/bluesky/facets/none", test_none);
  return g_test_run ();
}
