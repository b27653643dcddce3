/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kanji school grades: a binary search in the table build-aux/gen-kanji-grades.py generates
 * from Debian's kanjidic (tayori-kanji-grade-table.c in the build directory). */
#include "tayori-kanji-grade.h"

/* Entries are codepoint << 4 | grade, sorted by codepoint. */
extern const guint32 tayori_kanji_grade_table[];
extern const gsize tayori_kanji_grade_table_length;

guint
tayori_kanji_grade (gunichar c)
{
  gsize low = 0;
  gsize high = tayori_kanji_grade_table_length;

  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      gunichar entry = tayori_kanji_grade_table[middle] >> 4;

      if (entry == c)
        return tayori_kanji_grade_table[middle] & 0xf;
      if (entry < c)
        low = middle + 1;
      else
        high = middle;
    }
  return 0;
}

/* CJK unified ideographs (with extensions and compatibility ideographs), plus 々 〆 〇,
 * which read and count as kanji in running text. */
gboolean
tayori_is_kanji (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3134F) ||
         (c >= 0x3005 && c <= 0x3007);
}
