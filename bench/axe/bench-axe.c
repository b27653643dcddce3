/* SPDX-License-Identifier: GPL-3.0-or-later */
/* axe-core on the real preview of a 30,000-character article (the sample notice repeated, each
 * part with a table, images and links): time to inject axe.min.js, the first check (inject +
 * Japanese locale + run) and p50/p95 of later checks, then checks while someone types, with
 * the longest main-loop stall (gaps of a 1 ms timer; with the CPU time the main thread itself
 * used in it: busy means blocked, idle means the CPU was taken by the web process) and
 * keystroke → preview updated. Needs a display: xvfb-run -a ./bench/axe/bench-axe [RUNS] */

#include <stdlib.h>
#include <time.h>

#include "bench-util.h"
#include "tayori-axe.h"
#include "tayori-preview-view.h"

#define TARGET_CHARACTERS 30000
#define DEFAULT_RUNS      20
#define INJECT_RUNS       10
#define TYPING_INTERVAL   30   /* ms between keystrokes while axe runs */
#define AXE_SCRIPT        "/io/github/tayori/Tayori/preview/axe/axe.min.js"

/* What a long notice has besides prose, in every part: a table, images (one without
 * alt text), links. */
#define PART_EXTRAS \
  "| 区 | 会場 | 定員 |\n" \
  "| --- | --- | --- |\n" \
  "| 住之江区 | 区民ホール | 120人 |\n" \
  "| 此花区 | 区民センター | 80人 |\n" \
  "\n" \
  "会場の地図 <img src=\"https://example.jp/map.png\" alt=\"会場までの地図\" width=\"320\" height=\"200\">" \
  " と写真 <img src=\"https://example.jp/hall.png\" width=\"320\" height=\"200\">。" \
  "詳しくは[申込みの案内](https://example.jp/apply)をご覧ください。\n\n"

typedef struct {
  TayoriPreviewView *view;
  TayoriArticle     *article;
  GString           *body;
  guint              updates;
  gboolean           measuring;
  gint64             last_tick;
  gint64             last_cpu;
  gint64             longest_gap;
  gint64             longest_gap_cpu;  /* main-thread CPU time within that gap */
  gint64             edit_started;  /* 0: no keystroke waiting for its update */
  GArray            *keystrokes;    /* ms, keystroke → "updated" */
} Bench;

typedef struct {
  gboolean   done;
  GPtrArray *findings;
  GError    *error;
} Wait;

static void
wait_for (gboolean *done)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
tick_cb (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (bench->measuring && now - bench->last_tick > bench->longest_gap)
    {
      bench->longest_gap = now - bench->last_tick;
      bench->longest_gap_cpu = cpu - bench->last_cpu;
    }
  bench->last_tick = now;
  bench->last_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
print_stall (const char *when,
             Bench      *bench)
{
  g_print ("longest main-loop stall %s: %.1f ms (main thread busy %.1f ms of it)\n", when,
           bench->longest_gap / 1000.0, bench->longest_gap_cpu / 1000.0);
}

static gboolean
type_cb (gpointer user_data)
{
  Bench *bench = user_data;

  /* One typed character; the next waits until the preview showed this one. */
  if (bench->edit_started != 0)
    return G_SOURCE_CONTINUE;
  g_string_append (bench->body, bench->keystrokes->len % 2 ? "。" : "あ");
  bench->edit_started = g_get_monotonic_time ();
  tayori_article_set_body (bench->article, bench->body->str);
  return G_SOURCE_CONTINUE;
}

static void
updated_cb (TayoriPreviewView *view,
            Bench             *bench)
{
  bench->updates++;
  if (bench->edit_started != 0)
    {
      double ms = bench_ms_since (bench->edit_started);

      g_array_append_val (bench->keystrokes, ms);
      bench->edit_started = 0;
    }
}

static void
evaluated_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;
  g_autoptr(JSCValue) value = NULL;

  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (source_object), result,
                                                      &wait->error);
  wait->done = TRUE;
}

/* axe.min.js evaluated into a fresh script world, as tayori-axe.c does once per page. */
static double
time_inject (WebKitWebView *web_view,
             guint          run)
{
  g_autoptr(GBytes) script = g_resources_lookup_data (AXE_SCRIPT, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                      NULL);
  g_autofree char *world = g_strdup_printf ("bench-inject-%u", run);
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0 };
  gsize length;
  const char *source = g_bytes_get_data (script, &length);

  webkit_web_view_evaluate_javascript (web_view, source, length, world, "axe.min.js", NULL,
                                       evaluated_cb, &wait);
  wait_for (&wait.done);
  if (wait.error != NULL)
    g_error ("Injecting axe failed: %s", wait.error->message);
  return bench_ms_since (start);
}

static void
axe_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->findings = tayori_axe_run_finish (WEBKIT_WEB_VIEW (source_object), result, &wait->error);
  wait->done = TRUE;
}

static double
time_check (WebKitWebView       *web_view,
            TayoriCheckDocument *document,
            guint               *n_findings)
{
  gint64 start = g_get_monotonic_time ();
  Wait wait = { 0 };

  tayori_axe_run_async (web_view, document, NULL, axe_done_cb, &wait);
  wait_for (&wait.done);
  if (wait.findings == NULL)
    g_error ("axe failed: %s", wait.error->message);
  *n_findings = wait.findings->len;
  g_ptr_array_unref (wait.findings);
  return bench_ms_since (start);
}

static void
print_percentiles (const char *what,
                   GArray     *values)
{
  BenchPercentiles p = bench_percentiles ((double *) values->data, values->len);

  g_print ("%s (n = %u): p50 %.1f ms, p95 %.1f ms, max %.1f ms\n", what, values->len,
           p.p50, p.p95, p.max);
}

int
main (int   argc,
      char *argv[])
{
  Bench bench = { 0 };
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GArray) injects = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) checks = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) typed_checks = g_array_new (FALSE, FALSE, sizeof (double));
  WebKitWebView *web_view;
  GtkWidget *window;
  guint runs, n_findings = 0, tick, typing;
  double first;

  g_set_prgname ("bench-axe");
  gtk_init ();

  runs = argc > 1 ? (guint) MAX (10, atoi (argv[1])) : DEFAULT_RUNS;
  bench.keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  bench.article = bench_sample_article (TARGET_CHARACTERS, "##", PART_EXTRAS, &bench.body);
  document = tayori_check_document_new_for_article (bench.article);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 1024);
  bench.view = TAYORI_PREVIEW_VIEW (tayori_preview_view_new (NULL));
  web_view = tayori_preview_view_get_web_view (bench.view);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bench.view));
  g_signal_connect (bench.view, "updated", G_CALLBACK (updated_cb), &bench);
  tayori_preview_view_set_article (bench.view, bench.article);
  gtk_window_present (GTK_WINDOW (window));
  while (bench.updates == 0)
    g_main_context_iteration (NULL, TRUE);

  g_print ("article: %ld characters of Markdown, axe-core %s\n",
           g_utf8_strlen (bench.body->str, -1), tayori_axe_get_version ());

  tick = g_timeout_add (1, tick_cb, &bench);
  bench.last_tick = g_get_monotonic_time ();
  bench.last_cpu = thread_cpu_time ();
  bench.measuring = TRUE;

  first = time_check (web_view, document, &n_findings);
  g_print ("first check (inject + Japanese locale + run): %.1f ms, %u findings\n", first,
           n_findings);
  for (guint i = 0; i < INJECT_RUNS; i++)
    {
      double ms = time_inject (web_view, i);

      g_array_append_val (injects, ms);
    }
  for (guint i = 0; i < runs; i++)
    {
      double ms = time_check (web_view, document, &n_findings);

      g_array_append_val (checks, ms);
    }
  print_percentiles ("inject axe.min.js", injects);
  print_percentiles ("axe check on the preview", checks);
  print_stall ("during the checks", &bench);

  /* Someone types while axe checks: the UI keeps its pace, the preview catches up. */
  bench.longest_gap = 0;
  typing = g_timeout_add (TYPING_INTERVAL, type_cb, &bench);
  for (guint i = 0; i < runs; i++)
    {
      double ms = time_check (web_view, document, &n_findings);

      g_array_append_val (typed_checks, ms);
    }
  g_source_remove (typing);
  bench.measuring = FALSE;
  g_source_remove (tick);

  print_percentiles ("axe check while typing", typed_checks);
  print_stall ("while typing during checks", &bench);
  if (bench.keystrokes->len > 0)
    print_percentiles ("keystroke → preview updated during checks", bench.keystrokes);

  g_signal_handlers_disconnect_by_data (bench.view, &bench);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (bench.article);
  g_string_free (bench.body, TRUE);
  g_array_unref (bench.keystrokes);
  return 0;
}
