/* SPDX-License-Identifier: GPL-3.0-or-later */
/* School grade of a kanji from Debian's kanjidic (field G): 1–6 taught in elementary school,
 * 8 other jōyō kanji, 9–10 jinmeiyō; 0 for characters kanjidic does not grade. The table is
 * generated from /usr/share/edict/kanjidic at build time (build-aux/gen-kanji-grades.py). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint    tayori_kanji_grade   (gunichar c);
gboolean tayori_is_kanji      (gunichar c);

G_END_DECLS
