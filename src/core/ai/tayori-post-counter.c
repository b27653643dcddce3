/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Post lengths as X, Bluesky, Mastodon and LINE count them. The text is walked in units (a URL
 * where the network shortens URLs, otherwise an extended grapheme cluster) and each unit weighed
 * by the network's rule. Grapheme clusters follow UAX #29 closely enough for posts: CR LF,
 * controls, combining marks, ZWJ emoji sequences, variation selectors, flags, Hangul jamo. */
#include "tayori-post-counter.h"

#include <string.h>
#include "tayori-check-markdown-scan.h"

#define URL_LENGTH 23   /* X (t.co) and Mastodon count every link as 23 characters */

typedef enum {
  GB_OTHER,
  GB_CR,
  GB_LF,
  GB_CONTROL,
  GB_EXTEND,
  GB_ZWJ,
  GB_SPACING_MARK,
  GB_REGIONAL_INDICATOR,
  GB_L,
  GB_V,
  GB_T,
  GB_LV,
  GB_LVT,
} GraphemeClass;

typedef struct {
  gunichar first;
  gunichar last;
} Range;

/* Extended_Pictographic (Unicode emoji-data), without the regional indicators and the skin
 * tone modifiers, which have their own grapheme rules. */
static const Range pictographic[] = {
  { 0x00A9, 0x00A9 }, { 0x00AE, 0x00AE }, { 0x203C, 0x203C }, { 0x2049, 0x2049 },
  { 0x2122, 0x2122 }, { 0x2139, 0x2139 }, { 0x2194, 0x2199 }, { 0x21A9, 0x21AA },
  { 0x231A, 0x231B }, { 0x2328, 0x2328 }, { 0x2388, 0x2388 }, { 0x23CF, 0x23CF },
  { 0x23E9, 0x23F3 }, { 0x23F8, 0x23FA }, { 0x24C2, 0x24C2 }, { 0x25AA, 0x25AB },
  { 0x25B6, 0x25B6 }, { 0x25C0, 0x25C0 }, { 0x25FB, 0x25FE }, { 0x2600, 0x2605 },
  { 0x2607, 0x2612 }, { 0x2614, 0x2685 }, { 0x2690, 0x2705 }, { 0x2708, 0x2712 },
  { 0x2714, 0x2714 }, { 0x2716, 0x2716 }, { 0x271D, 0x271D }, { 0x2721, 0x2721 },
  { 0x2728, 0x2728 }, { 0x2733, 0x2734 }, { 0x2744, 0x2744 }, { 0x2747, 0x2747 },
  { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
  { 0x2763, 0x2767 }, { 0x2795, 0x2797 }, { 0x27A1, 0x27A1 }, { 0x27B0, 0x27B0 },
  { 0x27BF, 0x27BF }, { 0x2934, 0x2935 }, { 0x2B05, 0x2B07 }, { 0x2B1B, 0x2B1C },
  { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x3030, 0x3030 }, { 0x303D, 0x303D },
  { 0x3297, 0x3297 }, { 0x3299, 0x3299 }, { 0x1F000, 0x1F0FF }, { 0x1F10D, 0x1F10F },
  { 0x1F12F, 0x1F12F }, { 0x1F16C, 0x1F171 }, { 0x1F17E, 0x1F17F }, { 0x1F18E, 0x1F18E },
  { 0x1F191, 0x1F19A }, { 0x1F1AD, 0x1F1E5 }, { 0x1F201, 0x1F20F }, { 0x1F21A, 0x1F21A },
  { 0x1F22F, 0x1F22F }, { 0x1F232, 0x1F23A }, { 0x1F23C, 0x1F23F }, { 0x1F249, 0x1F3FA },
  { 0x1F400, 0x1F53D }, { 0x1F546, 0x1F64F }, { 0x1F680, 0x1F6FF }, { 0x1F774, 0x1F77F },
  { 0x1F7D5, 0x1F7FF }, { 0x1F80C, 0x1F80F }, { 0x1F848, 0x1F84F }, { 0x1F85A, 0x1F85F },
  { 0x1F888, 0x1F88F }, { 0x1F8AE, 0x1F8FF }, { 0x1F90C, 0x1F93A }, { 0x1F93C, 0x1F945 },
  { 0x1F947, 0x1FAFF }, { 0x1FC00, 0x1FFFD },
};

/* twitter-text v3: code points in these ranges weigh 100, all others 200 (scale 100). */
static const Range x_light[] = {
  { 0, 4351 }, { 8192, 8205 }, { 8208, 8223 }, { 8242, 8247 },
};

static const struct {
  const char *name;
  guint       limit;
} networks[] = {
  [TAYORI_POST_NETWORK_X] = { "x", 280 },
  [TAYORI_POST_NETWORK_BLUESKY] = { "bluesky", 300 },
  [TAYORI_POST_NETWORK_MASTODON] = { "mastodon", 500 },
  [TAYORI_POST_NETWORK_LINE] = { "line", 5000 },
};

const char *
tayori_post_network_to_string (TayoriPostNetwork network)
{
  g_return_val_if_fail (network < G_N_ELEMENTS (networks), NULL);
  return networks[network].name;
}

gboolean
tayori_post_network_from_string (const char        *text,
                                 TayoriPostNetwork *network)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (networks); i++)
    if (g_ascii_strcasecmp (text, networks[i].name) == 0)
      {
        if (network != NULL)
          *network = i;
        return TRUE;
      }
  return FALSE;
}

guint
tayori_post_default_limit (TayoriPostNetwork network)
{
  g_return_val_if_fail (network < G_N_ELEMENTS (networks), 0);
  return networks[network].limit;
}

static gboolean
in_ranges (const Range *ranges,
           gsize        n_ranges,
           gunichar     c)
{
  gsize low = 0, high = n_ranges;

  while (low < high)
    {
      gsize middle = (low + high) / 2;

      if (c < ranges[middle].first)
        high = middle;
      else if (c > ranges[middle].last)
        low = middle + 1;
      else
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_pictographic (gunichar c)
{
  return in_ranges (pictographic, G_N_ELEMENTS (pictographic), c);
}

static GraphemeClass
grapheme_class (gunichar c)
{
  if (c == '\r')
    return GB_CR;
  if (c == '\n')
    return GB_LF;
  if (c == 0x200D)
    return GB_ZWJ;
  /* ZWNJ, half-width (han)dakuten, skin tones and tag characters extend like marks */
  if (c == 0x200C || c == 0xFF9E || c == 0xFF9F || (c >= 0x1F3FB && c <= 0x1F3FF) ||
      (c >= 0xE0020 && c <= 0xE007F))
    return GB_EXTEND;
  if (c >= 0x1F1E6 && c <= 0x1F1FF)
    return GB_REGIONAL_INDICATOR;
  if ((c >= 0x1100 && c <= 0x115F) || (c >= 0xA960 && c <= 0xA97C))
    return GB_L;
  if ((c >= 0x1160 && c <= 0x11A7) || (c >= 0xD7B0 && c <= 0xD7C6))
    return GB_V;
  if ((c >= 0x11A8 && c <= 0x11FF) || (c >= 0xD7CB && c <= 0xD7FB))
    return GB_T;
  if (c >= 0xAC00 && c <= 0xD7A3)
    return (c - 0xAC00) % 28 == 0 ? GB_LV : GB_LVT;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return GB_EXTEND;
    case G_UNICODE_SPACING_MARK:
      return GB_SPACING_MARK;
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
      return GB_CONTROL;
    default:
      return GB_OTHER;
    }
}

/* Rules GB3 to GB13 of UAX #29 for the pair (@before, @after); @pictographic_zwj: the cluster
 * so far ends in Extended_Pictographic Extend* ZWJ; @regional_run: regional indicators just
 * before @after. */
static gboolean
grapheme_joins (GraphemeClass before,
                GraphemeClass after,
                gunichar      c,
                gboolean      pictographic_zwj,
                guint         regional_run)
{
  if (before == GB_CR && after == GB_LF)
    return TRUE;
  if (before == GB_CR || before == GB_LF || before == GB_CONTROL ||
      after == GB_CR || after == GB_LF || after == GB_CONTROL)
    return FALSE;
  if (before == GB_L && (after == GB_L || after == GB_V || after == GB_LV || after == GB_LVT))
    return TRUE;
  if ((before == GB_LV || before == GB_V) && (after == GB_V || after == GB_T))
    return TRUE;
  if ((before == GB_LVT || before == GB_T) && after == GB_T)
    return TRUE;
  if (after == GB_EXTEND || after == GB_ZWJ || after == GB_SPACING_MARK)
    return TRUE;
  if (pictographic_zwj && is_pictographic (c))
    return TRUE;
  return before == GB_REGIONAL_INDICATOR && after == GB_REGIONAL_INDICATOR && regional_run % 2 == 1;
}

/* The end of the grapheme cluster that starts at @p. */
static const char *
grapheme_end (const char *p,
              const char *end)
{
  gunichar c = g_utf8_get_char (p);
  GraphemeClass before = grapheme_class (c);
  gboolean pictographic_run = is_pictographic (c);   /* Extended_Pictographic Extend* */
  gboolean pictographic_zwj = FALSE;
  guint regional_run = before == GB_REGIONAL_INDICATOR;

  for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p))
    {
      GraphemeClass after;

      c = g_utf8_get_char (p);
      after = grapheme_class (c);
      if (!grapheme_joins (before, after, c, pictographic_zwj, regional_run))
        break;
      pictographic_zwj = after == GB_ZWJ && pictographic_run;
      if (after != GB_EXTEND)
        pictographic_run = after != GB_ZWJ && is_pictographic (c);
      regional_run = after == GB_REGIONAL_INDICATOR ? regional_run + 1 : 0;
      before = after;
    }
  return p;
}

/* twemoji's reading of an emoji: a pictograph (those below U+2000, like ©, only with the
 * emoji variation selector), a flag, or a keycap. */
static gboolean
is_emoji_cluster (const char *start,
                  const char *end)
{
  gunichar first = g_utf8_get_char (start);
  const char *second = g_utf8_next_char (start);

  if (first >= 0x1F1E6 && first <= 0x1F1FF)
    return TRUE;
  if (is_pictographic (first))
    return first >= 0x2000 || (second < end && g_utf8_get_char (second) == 0xFE0F);
  return g_strstr_len (start, end - start, "\xE2\x83\xA3") != NULL;   /* U+20E3 keycap */
}

static guint
x_cluster_weight (const char *start,
                  const char *end)
{
  guint weight = 0;

  if (is_emoji_cluster (start, end))
    return 2;
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    weight += in_ranges (x_light, G_N_ELEMENTS (x_light), g_utf8_get_char (p)) ? 1 : 2;
  return weight;
}

/* The end of a URL the network counts as URL_LENGTH at @offset of @text, or 0. */
static gsize
url_end (TayoriPostNetwork network,
         const char       *text,
         gsize             length,
         gsize             offset)
{
  TayoriMdSource src = { text, length };
  char c = text[offset];

  if (network != TAYORI_POST_NETWORK_X && network != TAYORI_POST_NETWORK_MASTODON)
    return 0;
  /* Mastodon shortens only links with a scheme; X also www. ones */
  if (c != 'h' && c != 'H' && (network != TAYORI_POST_NETWORK_X || (c != 'w' && c != 'W')))
    return 0;
  return tayori_md_bare_url_end (&src, offset, length);
}

/* The weight of the unit (URL or grapheme cluster) at @offset; *@next gets its end.
 * @nfc: @text is already in NFC; otherwise X clusters are normalised one by one (NFC never
 * joins or splits clusters, so both give the same weights). */
static guint
unit_weight (TayoriPostNetwork network,
             const char       *text,
             gsize             length,
             gsize             offset,
             gboolean          nfc,
             gsize            *next)
{
  gsize end = url_end (network, text, length, offset);
  const char *start = text + offset;
  const char *cluster_end;

  if (end != 0)
    {
      *next = end;
      return URL_LENGTH;
    }
  if (network == TAYORI_POST_NETWORK_LINE)
    {
      *next = g_utf8_next_char (start) - text;
      return g_utf8_get_char (start) > 0xFFFF ? 2 : 1;
    }
  cluster_end = grapheme_end (start, text + length);
  *next = cluster_end - text;
  if (network != TAYORI_POST_NETWORK_X)
    return 1;
  if (!nfc && (guchar) *start >= 0x80)
    {
      g_autofree char *normalized = g_utf8_normalize (start, cluster_end - start, G_NORMALIZE_NFC);

      return x_cluster_weight (normalized, normalized + strlen (normalized));
    }
  return x_cluster_weight (start, cluster_end);
}

/* @text as valid UTF-8, in NFC for X (twitter-text normalises before counting). */
static char *
prepare (TayoriPostNetwork  network,
         const char        *text)
{
  g_autofree char *valid = g_utf8_validate (text, -1, NULL) ? NULL : g_utf8_make_valid (text, -1);

  if (network == TAYORI_POST_NETWORK_X)
    return g_utf8_normalize (valid != NULL ? valid : text, -1, G_NORMALIZE_NFC);
  return valid != NULL ? g_steal_pointer (&valid) : g_strdup (text);
}

guint
tayori_post_count (TayoriPostNetwork  network,
                   const char        *text)
{
  g_autofree char *prepared = NULL;
  gsize length, next;
  guint count = 0;

  g_return_val_if_fail (network < G_N_ELEMENTS (networks), 0);
  g_return_val_if_fail (text != NULL, 0);

  prepared = prepare (network, text);
  length = strlen (prepared);
  for (gsize offset = 0; offset < length; offset = next)
    count += unit_weight (network, prepared, length, offset, TRUE, &next);
  return count;
}

gsize
tayori_post_fit (TayoriPostNetwork  network,
                 const char        *text,
                 guint              limit)
{
  gsize length, next, offset = 0;
  guint count = 0;

  g_return_val_if_fail (network < G_N_ELEMENTS (networks), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), 0);

  length = strlen (text);
  while (offset < length)
    {
      count += unit_weight (network, text, length, offset, FALSE, &next);
      if (count > limit)
        break;
      offset = next;
    }
  return offset;
}
