/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times tayori_post_count on 100,000 characters (Japanese prose with emoji, ZWJ sequences,
 * flags and URLs) for each network and prints microseconds per character. */
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "tayori-post-counter.h"

#define TARGET_CHARACTERS 100000

static const char * const pieces[] = {
  "本日は晴天なり。区役所の窓口は午前9時から開いています。",
  "詳しくは https://www.city.osaka.lg.jp/kita/page/0000123456.html をご覧ください。",
  "夏祭り🎉 家族で👨\u200d👩\u200d👧 参加してね🇯🇵 ",
  "Free admission for everyone, see https://example.jp/event?id=42 ",
  "子育て支援センターで「親子ひろば」を開きます（予約不要）。",
};

static char *
sample_text (void)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; g_utf8_strlen (text->str, -1) < TARGET_CHARACTERS; i++)
    g_string_append (text, pieces[i % G_N_ELEMENTS (pieces)]);
  return g_string_free (text, FALSE);
}

int
main (int    argc,
      char **argv)
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 20;
  g_autofree char *text = sample_text ();
  glong characters = g_utf8_strlen (text, -1);
  const TayoriPostNetwork networks[] = { TAYORI_POST_NETWORK_X, TAYORI_POST_NETWORK_BLUESKY,
                                         TAYORI_POST_NETWORK_MASTODON, TAYORI_POST_NETWORK_LINE };

  runs = MAX (runs, 1);
  g_print ("counting %ld characters (%zu bytes), %u runs\n", characters, strlen (text), runs);
  for (guint n = 0; n < G_N_ELEMENTS (networks); n++)
    {
      g_autofree double *ms = g_new (double, runs);
      BenchPercentiles p;
      guint length = 0;

      for (guint i = 0; i < runs; i++)
        {
          gint64 start = g_get_monotonic_time ();

          length = tayori_post_count (networks[n], text);
          ms[i] = bench_ms_since (start);
        }
      p = bench_percentiles (ms, runs);
      g_print ("%-9s length %7u  p50 %8.2f ms  p95 %8.2f ms  %.3f us/character\n",
               tayori_post_network_to_string (networks[n]), length, p.p50, p.p95,
               p.p50 * 1000.0 / characters);
    }
  return 0;
}
