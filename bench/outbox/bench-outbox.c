/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench: outbox — pushes N articles (default 10,000) through TayoriCmsSync and its outbox to
 * the sync tests' in-process fake connector (tests/sync/fake-connector.c, no delay: it
 * answers at once), while a 1 ms main-loop timer measures stalls (how late each tick runs).
 * Items are handed over from an idle callback, 100 per dispatch. Prints the throughput, the
 * longest stall and the p99 (target: none over 16 ms). */

#include "bench-scratch.h"
#include "bench-util.h"
#include "fake-connector.h"
#include "tayori-cms-sync.h"

#define ACCOUNT "fake"
#define TICK_MS 1
#define BATCH   100

typedef struct {
  TayoriCmsSync *sync;
  GPtrArray     *articles;
  guint          queued;
  guint          done;
  guint          failed;
  gint64         last_tick;
  GArray        *stalls;     /* double, ms late */
} Run;

static gboolean
tick (gpointer user_data)
{
  Run *run = user_data;
  gint64 now = g_get_monotonic_time ();
  double late = (now - run->last_tick) / 1000.0 - TICK_MS;

  g_array_append_val (run->stalls, late);
  run->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_pushed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Run *run = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_push_finish (run->sync, result, &error);
  if (status == NULL && run->failed++ == 0)
    g_printerr ("push failed: %s\n", error->message);
  run->done++;
}

static gboolean
hand_over (gpointer user_data)
{
  Run *run = user_data;

  for (guint i = 0; i < BATCH && run->queued < run->articles->len; i++, run->queued++)
    tayori_cms_sync_push_async (run->sync, tayori_article_get_id (g_ptr_array_index (run->articles, run->queued)),
                                ACCOUNT, NULL, on_pushed, run);
  return run->queued < run->articles->len ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

int
main (int argc, char **argv)
{
  g_autoptr(BenchScratch) scratch = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(FakeSite) site = fake_site_new (1);
  g_autoptr(FakeConnector) fake = fake_connector_new (site, "bench");
  g_autoptr(TayoriCmsSync) sync = NULL;
  g_autoptr(GArray) stalls = g_array_new (FALSE, FALSE, sizeof (double));
  Run run = { 0 };
  BenchPercentiles percentiles;
  guint n = 10000, timer;
  gint64 start;
  double seconds, p99;

  if (argc == 3 && g_str_equal (argv[1], "--items"))
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (n == 0)
    {
      g_printerr ("usage: bench-outbox [--items N]\n");
      return 2;
    }
  scratch = bench_scratch_new (n, "ベンチマーク", ACCOUNT, "http://127.0.0.1/", "bench");
  sync = tayori_cms_sync_new (scratch->store, preset);
  tayori_cms_sync_set_connector (sync, ACCOUNT, TAYORI_CMS_CONNECTOR (fake));

  run.sync = sync;
  run.articles = scratch->articles;
  run.stalls = stalls;
  start = run.last_tick = g_get_monotonic_time ();
  timer = g_timeout_add (TICK_MS, tick, &run);
  g_idle_add (hand_over, &run);
  while (run.done < n)
    g_main_context_iteration (NULL, TRUE);
  seconds = bench_ms_since (start) / 1000.0;
  g_source_remove (timer);
  tayori_outbox_stop (tayori_cms_sync_get_outbox (sync));

  percentiles = bench_percentiles ((double *) stalls->data, stalls->len);
  p99 = g_array_index (stalls, double, (stalls->len - 1) * 99 / 100);
  g_print ("bench-outbox: %u items through the outbox to a fake connector in %.1f s (%.0f items/s), "
           "%u failed, %u posts\n", n, seconds, n / seconds, run.failed, fake_site_count_calls (site, "create_post"));
  g_print ("main-loop stall over a %d ms timer (%u ticks): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, "
           "max %.2f ms (target: none over 16 ms)\n", TICK_MS, stalls->len, percentiles.p50, percentiles.p95,
           p99, percentiles.max);
  return 0;
}
