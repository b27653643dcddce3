/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Folds the ways Japanese text varies (width, case, katakana vs hiragana) to one search form. */
#include <string.h>

#include "tayori-text-normalize.h"

/* Katakana ァ (U+30A1) … ヶ (U+30F6) sit exactly 0x60 above their hiragana; ヵ/ヶ map to ゕ/ゖ. */
#define KATAKANA_FIRST 0x30A1
#define KATAKANA_LAST  0x30F6
#define KANA_OFFSET    0x60

char *
tayori_text_normalize_for_search (const char *text)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *result;

  g_return_val_if_fail (text != NULL, NULL);

  /* NFKC turns half-width katakana and full-width Latin into their usual forms */
  nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
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
