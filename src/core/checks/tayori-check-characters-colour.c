/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ja-colour-only-reference: text that points at something by its colour alone (「赤字の部分」,
 * 「緑のボタン」), which readers who cannot see the colour cannot follow (WCAG 1.3.3, 1.4.1). */
#include "tayori-check-characters-private.h"
#include "tayori-japanese-text.h"

#define RULE_COLOUR "ja-colour-only-reference"

/* A colour word followed by something that refers to a part of the page. Bare colour + 字 is
 * not enough (財政の赤字, 黒字), nor colour + 線 (白線, 黄色い線 on a platform): these name things,
 * not parts of the notice. */
#define COLOUR "(?:赤|青|緑|黄|黒|白|紫|橙|水色|桃色|茶色|灰色|金色|銀色" \
               "|オレンジ|ピンク|グレー|ブルー|レッド|グリーン|イエロー)"
#define PART   "(?:部分|箇所|ところ|項目|文字|欄|セル|ボタン|マーク|印)(?!的)"
#define SHOWN  "(?:示|表示|囲|塗|強調|書かれ|色付け|マーク|ハイライト)"
#define COLOUR_PATTERN \
  COLOUR "色?(?:[いの]?(?:文字|太字)|[色字い]?[ので]?" PART "|(?:色|字|文字)?で" SHOWN ")" \
  "|色(?:の|が)(?:つ|付)い(?:た|ている)" PART

static void
on_colour_reference (const char       *field,
                     const char       *text,
                     const GMatchInfo *match,
                     gpointer          user_data)
{
  gsize start, end;

  tayori_ja_match_range (match, 0, &start, &end);
  tayori_ja_add_finding (user_data, RULE_COLOUR, field, text, start, end);
}

void
tayori_check_characters_colour (TayoriCheckDocument *document,
                                TayoriCheckSettings *settings,
                                const char          *field,
                                GPtrArray           *findings)
{
  static GRegex *regex;

  if (!tayori_check_settings_is_enabled (settings, RULE_COLOUR))
    return;
  tayori_ja_foreach_prose_match (document, field, tayori_ja_regex_get (&regex, COLOUR_PATTERN),
                                 on_colour_reference, findings);
}
