/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folds the ways Japanese text varies (width, case, katakana vs hiragana) to one search form. */
#include <string.h>

#include "tayori-text-normalize.h"

/* Katakana ァ (U+30A1) … ヶ (U+30F6) sit exactly 0x60 above their hiragana; ヵ/ヶ map to ゕ/ゖ. */
#define KATAKANA_FIRST 0x30A1
#define KATAKANA_LAST  0x30F6
#define KANA_OFFSET    0x60
/* g_utf8_normalize slows down badly on long input: it is fed pieces of about this size. */
#define PIECE_BYTES    4096

/* A piece may end before @c when no normalisation can join @c to what precedes it: ASCII
 * and CJK ideographs are starters that never take part in a composition as its second half. */
static gboolean
is_safe_boundary (gunichar c)
{
  return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF);
}

static char *
normalize_nfkc (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *start = text;
  const char *p = text;

  while (*p != '\0')
    {
      if (p - start >= PIECE_BYTES && is_safe_boundary (g_utf8_get_char (p)))
        {
          g_autofree char *piece = g_utf8_normalize (start, p - start, G_NORMALIZE_NFKC);

          if (piece == NULL)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          g_string_append (out, piece);
          start = p;
        }
      p = g_utf8_next_char (p);
    }
  if (p > start)
    {
      g_autofree char *piece = g_utf8_normalize (start, p - start, G_NORMALIZE_NFKC);

      if (piece == NULL)
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, piece);
    }
  return g_string_free (out, FALSE);
}

char *
tayori_text_normalize_for_search (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC turns half-width katakana and full-width Latin into their usual forms */
  nfkc = normalize_nfkc (text);
  if (nfkc == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (nfkc, -1);

  result = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= KATAKANA_FIRST && c <= KATAKANA_LAST)
        c -= KANA_OFFSET;
      g_string_append_unichar (result, c);
    }
  return g_string_free (result, FALSE);
}
