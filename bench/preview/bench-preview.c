/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keystroke to preview DOM updated, on a 30,000-character Japanese article: 200 edits each
 * append a character to the body; prints p50/p95/max of edit → "updated" and the longest
 * main-loop stall (gaps of a 1 ms timer) during the run. Needs a display:
 *   xvfb-run -a ./bench/preview/bench-preview [EDITS] */

#include <stdlib.h>

#include "bench-util.h"
#include "tayori-preview-view.h"

#define TARGET_CHARACTERS 30000
#define DEFAULT_EDITS     200

typedef struct {
  TayoriPreviewView *view;
  TayoriArticle     *article;
  GString           *body;
  guint              edits;
  guint              done;
  double            *latencies;  /* ms, one per edit */
  gint64             edit_started;
  gint64             last_tick;
  gint64             longest_gap;
  gboolean           measuring;
  gboolean           ready;
  GMainLoop         *loop;
} Bench;

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->measuring)
    bench->longest_gap = MAX (bench->longest_gap, now - bench->last_tick);
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static gboolean
edit_cb (gpointer user_data)
{
  Bench *bench = user_data;

  /* One typed character: the body grows by one, as in the editor. */
  g_string_append (bench->body, bench->done % 2 ? "。" : "あ");
  bench->edit_started = g_get_monotonic_time ();
  tayori_article_set_body (bench->article, bench->body->str);
  return G_SOURCE_REMOVE;
}

static void
updated_cb (TayoriPreviewView *view,
            Bench             *bench)
{
  if (!bench->ready)
    {
      bench->ready = TRUE;
      bench->measuring = TRUE;
      bench->last_tick = g_get_monotonic_time ();
      g_timeout_add (1, tick_cb, bench);
      g_timeout_add (10, edit_cb, bench);
      return;
    }

  bench->latencies[bench->done++] = bench_ms_since (bench->edit_started);
  if (bench->done == bench->edits)
    {
      bench->measuring = FALSE;
      g_main_loop_quit (bench->loop);
      return;
    }
  /* A short pause between keystrokes, as a fast typist leaves. */
  g_timeout_add (10, edit_cb, bench);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  BenchPercentiles latency;
  GtkWidget *window;

  g_set_prgname ("bench-preview");
  gtk_init ();

  bench.edits = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : DEFAULT_EDITS;
  bench.latencies = g_new0 (double, bench.edits);
  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.article = bench_sample_article (TARGET_CHARACTERS, "#", "", &bench.body);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 800);
  bench.view = TAYORI_PREVIEW_VIEW (tayori_preview_view_new (NULL));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  g_signal_connect (bench.view, "updated", G_CALLBACK (updated_cb), &bench);
  tayori_preview_view_set_article (bench.view, bench.article);
  gtk_window_present (GTK_WINDOW (window));

  g_main_loop_run (bench.loop);

  latency = bench_percentiles (bench.latencies, bench.edits);
  g_print ("article: %ld characters of Markdown, %u edits\n",
           g_utf8_strlen (bench.body->str, -1), bench.edits);
  g_print ("keystroke → preview DOM updated: p50 %.1f ms, p95 %.1f ms, max %.1f ms\n",
           latency.p50, latency.p95, latency.max);
  g_print ("longest main-loop stall while typing: %.1f ms\n", bench.longest_gap / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (bench.article);
  g_string_free (bench.body, TRUE);
  g_free (bench.latencies);
  g_main_loop_unref (bench.loop);
  return 0;
}
