/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared set-up for the posting tests (see posting-test-util.h). */
#include "posting-test-util.h"
#include "store-test-util.h"

static const char preset_text[] =
  "[posting]\n"
  "grace-minutes=15\n"
  "max-attempts=4\n"
  "[channel:city-x]\ntype=x\nurl=https://api.x.com\nuser=city\nlabel=市X\n"
  "[channel:city-bsky]\ntype=bluesky\nurl=https://bsky.social\nuser=city.bsky.social\n"
  "[channel:city-mastodon]\ntype=mastodon\nurl=https://mstdn.example\nuser=city\n"
  "max-characters=500\n"
  "[channel:city-line]\ntype=line\nurl=https://api.line.me\nuser=\n"
  "audience:子育て世帯=audience-kids\naudience:高齢者=audience-elderly\n"
  "[channel:ward-x]\ntype=x\nurl=https://api.x.com\nuser=ward\nposters=alice;role:editor\n";

void
posting_test_init (int    *argc,
                   char ***argv)
{
  /* No user accounts file may leak in from the person running the tests. */
  g_setenv ("TAYORI_ACCOUNTS", "/nonexistent/accounts.conf", TRUE);
  g_test_init (argc, argv, NULL);
}

void
posting_fixture_set_up (PostingFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *preset_path = NULL;
  g_autoptr(TayoriArticle) article = tayori_article_new ();

  fixture->dir = store_test_make_dir ();
  db = g_build_filename (fixture->dir, "tayori.db", NULL);
  preset_path = g_build_filename (fixture->dir, "preset.conf", NULL);
  g_assert_true (g_file_set_contents (preset_path, preset_text, -1, &error));
  fixture->preset = tayori_preset_new_from_file (preset_path, &error);
  g_assert_no_error (error);
  fixture->store = tayori_store_open (db, &error);
  g_assert_no_error (error);

  tayori_article_set_title (article, "夏祭りのお知らせ");
  tayori_article_set_summary (article, "8月に中央公園で夏祭りを開きます。");
  tayori_article_set_body (article, "夏祭りを開きます。");
  tayori_article_set_status (article, TAYORI_ARTICLE_STATUS_APPROVED);
  fixture->article_id = tayori_store_save_article (fixture->store, article,
                                                   TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  fixture->queue = tayori_post_queue_new (fixture->store, fixture->preset);
  tayori_post_queue_set_backoff (fixture->queue, 20);
}

void
posting_drop_queue (TayoriPostQueue **queue)
{
  TayoriPostQueue *weak = *queue;

  /* Tasks and callbacks still queued hold references: let them run out. */
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  g_clear_object (queue);
  /* The last reference may go in a worker thread (a finished GTask), which does not wake the
   * main loop: poll. */
  while (g_atomic_pointer_get (&weak) != NULL)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
posting_fixture_tear_down (PostingFixture *fixture,
                           gconstpointer   data)
{
  if (fixture->queue != NULL)
    posting_drop_queue (&fixture->queue);
  tayori_store_close (fixture->store);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->preset);
  g_free (fixture->dir);
}

TayoriPostQueue *
posting_fixture_new_queue (PostingFixture *fixture)
{
  TayoriPostQueue *queue = tayori_post_queue_new (fixture->store, fixture->preset);

  tayori_post_queue_set_backoff (queue, 20);
  return queue;
}

GArray *
posting_enqueue (PostingFixture     *fixture,
                 const char * const *accounts,
                 const char         *text,
                 GDateTime          *scheduled_at,
                 GError            **error)
{
  g_autoptr(GPtrArray) requests =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);

  for (guint i = 0; accounts[i] != NULL; i++)
    {
      g_autofree char *own = g_strdup_printf ("%s %s", text, accounts[i]);
      TayoriPostRequest *request = tayori_post_request_new (accounts[i], own);

      if (scheduled_at != NULL)
        request->scheduled_at = g_date_time_ref (scheduled_at);
      g_ptr_array_add (requests, request);
    }
  return tayori_post_queue_enqueue (fixture->queue, fixture->article_id, requests, "tester",
                                    NULL, error);
}

static gboolean
time_out (gpointer data)
{
  g_error ("the jobs did not finish within 20 s");
  return G_SOURCE_REMOVE;
}

GPtrArray *
posting_wait (TayoriPostQueue *queue,
              GArray          *ids)
{
  g_autoptr(GError) error = NULL;
  guint timeout = g_timeout_add_seconds (20, time_out, NULL);
  GPtrArray *jobs = tayori_post_queue_wait_sync (queue, ids, &error);

  g_source_remove (timeout);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, ids->len);
  return jobs;
}

TayoriPostJob *
posting_get_job (PostingFixture *fixture,
                 gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) jobs = tayori_post_queue_list_jobs (fixture->queue, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < jobs->len; i++)
    {
      TayoriPostJob *job = g_ptr_array_index (jobs, i);

      if (job->id == id)
        return tayori_post_job_copy (job);
    }
  g_assert_not_reached ();
}

FakeChannel *
posting_fake (PostingFixture     *fixture,
              const char         *account,
              TayoriPostNetwork   network,
              TayoriChannelFlags  flags)
{
  FakeChannel *fake = fake_channel_new (network, flags, NULL);

  tayori_post_queue_set_channel (fixture->queue, account, TAYORI_CHANNEL (fake));
  return fake;
}
