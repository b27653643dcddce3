/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Ruby (furigana) for the やさしい日本語 version: MeCab readings, converted to hiragana, put on
 * the kanji of every text node of safe body HTML as <ruby>漢字<rt>かんじ</rt></ruby>; okurigana
 * stay outside the ruby. Text inside ruby, rt, code, pre and script-like elements is left alone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @above_grade: 0 puts ruby on every kanji word; N only on words with a kanji above grade N
 * (tayori-kanji-grade.h). Returns NULL with @error when MeCab is unavailable. */
char *tayori_ruby_annotate_html (const char  *html,
                                 guint        above_grade,
                                 GError     **error);

G_END_DECLS
