/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bluesky rich text: links and hashtags as facets whose ranges are UTF-8 byte offsets (a
 * Japanese character is three bytes, an emoji four), found as the official clients find them. */
#include "tayori-channel-bluesky-private.h"
#include "tayori-check-markdown-scan.h"
#include "tayori-post-counter.h"

#define MAX_TAG_GRAPHEMES 64
#define MAX_TAG_BYTES     640

static void
add_facet (JsonBuilder *builder,
           gsize        start,
           gsize        end,
           const char  *feature,
           const char  *member,
           const char  *value)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "byteStart");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "byteEnd");
  json_builder_add_int_value (builder, end);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "features");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, feature);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The length of the '#' or '＃' at @p, or 0. */
static gsize
hash_sign (const char *p)
{
  if (*p == '#')
    return 1;
  return g_str_has_prefix (p, "＃") ? strlen ("＃") : 0;
}

static gboolean
ends_tag (gunichar c)
{
  return g_unichar_isspace (c) || (g_unichar_ispunct (c) && c != '_');
}

/* A hashtag whose sign is at @start (after the start or white space): its end, or 0. */
static gsize
tag_end (const char *text,
         gsize       start)
{
  gsize sign = hash_sign (text + start);
  const char *p = text + start + sign;
  gboolean any_letter = FALSE;
  gunichar first = g_utf8_get_char (p);

  /* "#️⃣" is the keycap emoji, not a tag. */
  if (first == 0xFE0F || first == 0x20E3)
    return 0;
  while (*p != '\0' && !ends_tag (g_utf8_get_char (p)))
    {
      any_letter |= !g_unichar_isdigit (g_utf8_get_char (p));
      p = g_utf8_next_char (p);
    }
  return any_letter ? (gsize) (p - text) : 0;
}

static gboolean
after_space (const char *text,
             gsize       offset)
{
  const char *previous;

  if (offset == 0)
    return TRUE;
  previous = g_utf8_find_prev_char (text, text + offset);
  return previous != NULL && g_unichar_isspace (g_utf8_get_char (previous));
}

static gboolean
add_tag (JsonBuilder *builder,
         const char  *text,
         gsize        start,
         gsize        end)
{
  gsize sign = hash_sign (text + start);
  g_autofree char *tag = g_strndup (text + start + sign, end - start - sign);

  if (strlen (tag) > MAX_TAG_BYTES ||
      tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, tag) > MAX_TAG_GRAPHEMES)
    return FALSE;
  add_facet (builder, start, end, "app.bsky.richtext.facet#tag", "tag", tag);
  return TRUE;
}

static void
add_link (JsonBuilder *builder,
          const char  *text,
          gsize        start,
          gsize        end)
{
  g_autofree char *url = g_strndup (text + start, end - start);
  g_autofree char *uri = g_ascii_strncasecmp (url, "www.", 4) == 0
                         ? g_strconcat ("https://", url, NULL) : g_strdup (url);

  add_facet (builder, start, end, "app.bsky.richtext.facet#link", "uri", uri);
}

JsonNode *
tayori_bluesky_facets (const char *text)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TayoriMdSource src = { text, strlen (text) };
  guint n = 0;

  json_builder_begin_array (builder);
  for (gsize i = 0; i < src.length;)
    {
      gsize end = tayori_md_bare_url_end (&src, i, src.length);

      if (end != 0)
        {
          add_link (builder, text, i, end);
          n++;
        }
      else if (hash_sign (text + i) != 0 && after_space (text, i) &&
               (end = tag_end (text, i)) != 0)
        n += add_tag (builder, text, i, end);
      if (end != 0)
        i = end;
      else
        i = g_utf8_next_char (text + i) - text;
    }
  json_builder_end_array (builder);
  return n > 0 ? json_builder_get_root (builder) : NULL;
}
