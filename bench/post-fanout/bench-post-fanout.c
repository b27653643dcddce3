/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One click to 10 accounts through the real post queue and store, each account a fake
 * channel answering after a fixed delay (100–190 ms): each account alone first (its single
 * send, enqueue to settled), then all ten at once; prints the ratio of the fan-out's time to
 * the slowest single send. */
#include <stdlib.h>
#include <glib/gstdio.h>

#include "bench-util.h"
#include "fake-channel.h"
#include "tayori-post-queue.h"

#define N_ACCOUNTS 10

/* Milliseconds from enqueueing posts to @accounts until all are sent. */
static double
click (TayoriPostQueue *queue,
       gint64           article_id,
       GStrv            accounts,
       guint            round)
{
  g_autoptr(GPtrArray) requests =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  gint64 start;
  double ms;

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("お知らせ %u %s", round, accounts[i]);

      g_ptr_array_add (requests, tayori_post_request_new (accounts[i], text));
    }
  start = g_get_monotonic_time ();
  ids = tayori_post_queue_enqueue (queue, article_id, requests, "bench", NULL, &error);
  if (ids == NULL)
    g_error ("enqueue: %s", error->message);
  jobs = tayori_post_queue_wait_sync (queue, ids, &error);
  if (jobs == NULL)
    g_error ("wait: %s", error->message);
  ms = bench_ms_since (start);
  for (guint i = 0; i < jobs->len; i++)
    if (((TayoriPostJob *) g_ptr_array_index (jobs, i))->state != TAYORI_POST_JOB_SENT)
      g_error ("a post was not sent");
  return ms;
}

/* The scratch folder holds files only (database, journal, preset). */
static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static TayoriPreset *
make_preset (const char *dir,
             GStrv       accounts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = g_build_filename (dir, "preset.conf", NULL);
  g_autoptr(GError) error = NULL;
  TayoriPreset *preset;

  for (guint i = 0; accounts[i] != NULL; i++)
    g_string_append_printf (text, "[channel:%s]\ntype=x\nurl=https://api.x.com\nuser=%s\n",
                            accounts[i], accounts[i]);
  if (!g_file_set_contents (path, text->str, -1, &error)
      || (preset = tayori_preset_new_from_file (path, &error)) == NULL)
    g_error ("preset: %s", error->message);
  return preset;
}

int
main (int    argc,
      char **argv)
{
  guint rounds = argc > 1 ? MAX (atoi (argv[1]), 1) : 5;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tayori-bench-fanout-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "tayori.db", NULL);
  g_auto(GStrv) accounts = g_new0 (char *, N_ACCOUNTS + 1);
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriPostQueue) queue = NULL;
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree double *ratios = g_new (double, rounds);
  double slowest_single = 0, fan_out = 0;
  BenchPercentiles p;
  gint64 article_id;

  g_setenv ("TAYORI_ACCOUNTS", "/nonexistent/accounts.conf", TRUE);
  for (guint i = 0; i < N_ACCOUNTS; i++)
    accounts[i] = g_strdup_printf ("ward-%02u", i);
  preset = make_preset (dir, accounts);
  store = tayori_store_open (db, &error);
  if (store == NULL)
    g_error ("store: %s", error->message);
  tayori_article_set_title (article, "お知らせ");
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_APPROVED);
  article_id = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  queue = tayori_post_queue_new (store, preset);
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      g_autoptr(FakeChannel) fake = fake_channel_new (TAYORI_POST_NETWORK_X, 0, NULL);

      fake_channel_set_delay_ms (fake, 100 + 10 * i);
      tayori_post_queue_set_channel (queue, accounts[i], TAYORI_CHANNEL (fake));
    }

  g_print ("%u accounts, fake send delays 100-%u ms, %u rounds\n", N_ACCOUNTS,
           100 + 10 * (N_ACCOUNTS - 1), rounds);
  for (guint round = 0; round < rounds; round++)
    {
      slowest_single = 0;
      for (guint i = 0; i < N_ACCOUNTS; i++)
        {
          char *one[] = { accounts[i], NULL };

          slowest_single = MAX (slowest_single, click (queue, article_id, one, round));
        }
      fan_out = click (queue, article_id, accounts, round);
      ratios[round] = fan_out / slowest_single;
      g_print ("round %u: slowest single send %.1f ms, fan-out to %u accounts %.1f ms, "
               "ratio %.3f\n", round, slowest_single, N_ACCOUNTS, fan_out, ratios[round]);
    }
  p = bench_percentiles (ratios, rounds);
  g_print ("ratio p50 %.3f, max %.3f (target <= 1.1)\n", p.p50, p.max);

  g_clear_object (&queue);
  tayori_store_close (store);
  g_clear_object (&store);
  remove_dir (dir);
  return 0;
}
