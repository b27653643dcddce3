/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Spaces used for looks: inside words (「お 知 ら せ」「氏　名」), which screen readers read
 * letter by letter, and full-width spaces that indent or align text (WCAG 1.3.1). */
#include <string.h>

#include "tayori-check-characters-private.h"
#include "tayori-japanese-text.h"
#include "tayori-mecab.h"

#define RULE_SPACE_IN_WORD "ja-space-in-word"
#define RULE_LAYOUT        "ja-layout-spaces"

#define IDEOGRAPHIC_SPACE  "\u3000"

/* Single kana or kanji standing alone between spaces, at least two in a row. Chunks of two
 * or more letters (やさしい日本語's 分かち書き: 「がっこうに いきます」) and letters next to
 * numbers or Latin words (「3 密」「A 棟」) never start or end such a chain. */
#define LETTERS       "\\x{3005}\\x{3006}\\x{3041}-\\x{309F}\\x{30A1}-\\x{30FA}\\x{30FC}-\\x{30FF}" \
                      "\\x{3400}-\\x{4DBF}\\x{4E00}-\\x{9FFF}\\x{F900}-\\x{FAFF}\\x{FF66}-\\x{FF9F}"
/* Kana and kanji by code point: \p{Han} and friends also match 「」、。・, which Unicode's
 * script extensions share among Han, Hiragana and Katakana. */
#define LETTER        "[" LETTERS "]"
#define WORD_CHAR     "[" LETTERS "A-Za-z0-9Ａ-Ｚａ-ｚ０-９]"
#define CHAIN_PATTERN "(?<!" WORD_CHAR ")" LETTER "(?:[ \u3000]+" LETTER ")+(?!" WORD_CHAR ")"

/* TRUE when MeCab reads a dictionary word (not a name) across one of the spaces: 「氏 名」 is
 * 氏名, but 「林 肇」 is a family and a given name and 「月 水 金」 three days. */
static gboolean
spaces_split_a_word (const char *joined,
                     GArray     *boundaries)
{
  g_autoptr(GArray) morphemes = tayori_mecab_parse (joined, -1, NULL);

  if (morphemes == NULL)
    return FALSE;
  for (guint i = 0; i < morphemes->len; i++)
    {
      const TayoriMorpheme *m = &g_array_index (morphemes, TayoriMorpheme, i);

      if (m->reading == NULL || g_strcmp0 (m->pos_detail, "固有名詞") == 0)
        continue;
      for (guint j = 0; j < boundaries->len; j++)
        {
          gsize boundary = g_array_index (boundaries, gsize, j);

          if (m->start < boundary && boundary < m->end)
            return TRUE;
        }
    }
  return FALSE;
}

static void
on_letter_chain (const char       *field,
                 const char       *text,
                 const GMatchInfo *match,
                 gpointer          user_data)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize start, end;
  TayoriFinding *finding;

  tayori_ja_match_range (match, 0, &start, &end);
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == 0x3000)
        {
          if (boundaries->len == 0 || g_array_index (boundaries, gsize, boundaries->len - 1) != joined->len)
            g_array_append_val (boundaries, joined->len);
          continue;
        }
      g_string_append_unichar (joined, c);
    }
  if (!spaces_split_a_word (joined->str, boundaries))
    return;
  finding = tayori_ja_add_finding (user_data, RULE_SPACE_IN_WORD, field, text, start, end);
  tayori_finding_set_fix (finding, joined->str);
}

static gboolean
is_ideographic_space (const char *p)
{
  return strncmp (p, IDEOGRAPHIC_SPACE, strlen (IDEOGRAPHIC_SPACE)) == 0;
}

static const char *
skip_ideographic_spaces (const char *p,
                         const char *limit)
{
  while (p < limit && is_ideographic_space (p))
    p += strlen (IDEOGRAPHIC_SPACE);
  return p;
}

/* One line: full-width spaces where its text starts (after Markdown markers such as "> " or
 * "- ") indent it; two or more anywhere else align columns. One space between sentences
 * (「です。　次に」) is neither. */
static void
check_layout_line (TayoriCheckDocument *document,
                   const char          *field,
                   const char          *text,
                   const char          *line,
                   const char          *line_end,
                   GPtrArray           *findings)
{
  const char *p = line;
  const char *run_end;

  while (p < line_end
         && (*p == ' ' || *p == '\t'
             || !tayori_check_document_is_prose (document, field, p - text, g_utf8_next_char (p) - text)))
    p = g_utf8_next_char (p);
  run_end = skip_ideographic_spaces (p, line_end);
  if (run_end > p)
    {
      TayoriFinding *finding = tayori_ja_add_finding (findings, RULE_LAYOUT, field, text,
                                                      p - text, run_end - text);
      tayori_finding_set_fix (finding, "");
    }

  for (p = run_end; p < line_end; p = run_end)
    {
      run_end = skip_ideographic_spaces (p, line_end);
      if (run_end == p)
        {
          run_end = g_utf8_next_char (p);
          continue;
        }
      if (run_end - p >= 2 * (gssize) strlen (IDEOGRAPHIC_SPACE)
          && tayori_check_document_is_prose (document, field, p - text, run_end - text))
        tayori_ja_add_finding (findings, RULE_LAYOUT, field, text, p - text, run_end - text);
    }
}

static void
check_layout (TayoriCheckDocument *document,
              const char          *field,
              GPtrArray           *findings)
{
  const char *text = tayori_check_document_get_text (document, field);
  const char *line = text;

  if (strstr (text, IDEOGRAPHIC_SPACE) == NULL)
    return;
  while (*line != '\0')
    {
      const char *line_end = strchr (line, '\n');

      if (line_end == NULL)
        line_end = line + strlen (line);
      check_layout_line (document, field, text, line, line_end, findings);
      line = *line_end == '\0' ? line_end : line_end + 1;
    }
}

void
tayori_check_characters_spaces (TayoriCheckDocument *document,
                                TayoriCheckSettings *settings,
                                const char          *field,
                                GPtrArray           *findings)
{
  static GRegex *chain_regex;

  if (tayori_check_settings_is_enabled (settings, RULE_SPACE_IN_WORD))
    tayori_ja_foreach_prose_match (document, field, tayori_ja_regex_get (&chain_regex, CHAIN_PATTERN),
                                   on_letter_chain, findings);
  if (tayori_check_settings_is_enabled (settings, RULE_LAYOUT))
    check_layout (document, field, findings);
}
