/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The post queue against scripted fake channels: parallel fan-out, idempotency keys, retries
 * honouring Retry-After, reconciling unknown outcomes without duplicates, permanent failure
 * classes, restart after a crash, scheduling, lateness and people's decisions. */
#include "posting-test-util.h"

#define X_FLAGS        (TAYORI_CHANNEL_CAN_DELETE | TAYORI_CHANNEL_HAS_METRICS)
#define MASTODON_FLAGS (TAYORI_CHANNEL_CAN_SCHEDULE | TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY \
                        | TAYORI_CHANNEL_CAN_DELETE)
#define LINE_FLAGS     TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY

static const char * const one_x[] = { "city-x", NULL };
static const char * const one_mastodon[] = { "city-mastodon", NULL };
/* A post whose answer was lost and that never arrived: looked for, then sent again. */
static const char * const lost_then_sent[] = { "check_ready", "post", "find_post",
                                               "check_ready", "post", NULL };

/* Enqueues @text for @accounts (due at @when, NULL for now), stores the job ids in @ids and
 * waits until every job has settled. */
static GPtrArray *
enqueue_and_wait (PostingFixture     *fixture,
                  const char * const *accounts,
                  const char         *text,
                  GDateTime          *when,
                  GArray            **ids)
{
  g_autoptr(GError) error = NULL;

  *ids = posting_enqueue (fixture, accounts, text, when, &error);
  g_assert_no_error (error);
  return posting_wait (fixture->queue, *ids);
}

static TayoriPostJobState
first_state (GPtrArray *jobs)
{
  return ((TayoriPostJob *) g_ptr_array_index (jobs, 0))->state;
}

/* Asserts that @fake was called exactly with the NULL-terminated @expected methods, in order. */
static void
assert_calls (FakeChannel        *fake,
              const char * const *expected)
{
  g_autoptr(GPtrArray) calls = fake_channel_dup_calls (fake);

  g_assert_cmpuint (calls->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < calls->len; i++)
    g_assert_cmpstr (((FakeCall *) g_ptr_array_index (calls, i))->method, ==, expected[i]);
}

/* The first two "post" calls among @calls (NULL where there are fewer). */
static void
find_two_posts (GPtrArray *calls,
                FakeCall **first,
                FakeCall **second)
{
  *first = *second = NULL;
  for (guint i = 0; i < calls->len; i++)
    {
      FakeCall *call = g_ptr_array_index (calls, i);

      if (g_str_equal (call->method, "post") && *second == NULL)
        *(*first == NULL ? first : second) = call;
    }
}

static void
test_fan_out (PostingFixture *fixture,
              gconstpointer   data)
{
  const char * const accounts[] = { "city-x", "city-bsky", "city-mastodon", "city-line", NULL };
  const TayoriPostNetwork networks[] = { TAYORI_POST_NETWORK_X, TAYORI_POST_NETWORK_BLUESKY,
                                         TAYORI_POST_NETWORK_MASTODON, TAYORI_POST_NETWORK_LINE };
  FakeRendezvous *rendezvous = fake_rendezvous_new (4, 5000);
  FakeChannel *fakes[4];
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;

  /* Each send waits until all four are in flight at once: a queue sending one after another
   * never gets there and every send fails. */
  for (guint i = 0; i < 4; i++)
    {
      fakes[i] = posting_fake (fixture, accounts[i], networks[i], 0);
      fake_channel_set_rendezvous (fakes[i], rendezvous);
    }
  ids = posting_enqueue (fixture, accounts, "夏祭りを開きます", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 4);
  jobs = posting_wait (fixture->queue, ids);
  for (guint i = 0; i < 4; i++)
    {
      TayoriPostJob *job = g_ptr_array_index (jobs, i);
      g_autofree char *text = g_strdup_printf ("夏祭りを開きます %s", accounts[i]);

      g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_SENT);
      g_assert_cmpstr (job->account, ==, accounts[i]);
      g_assert_cmpstr (job->network, ==, tayori_post_network_to_string (networks[i]));
      g_assert_nonnull (job->remote_id);
      g_assert_nonnull (job->sent_at);
      g_assert_cmpuint (fake_server_count (fake_channel_get_server (fakes[i]), text), ==, 1);
    }
  posting_drop_queue (&fixture->queue);
  for (guint i = 0; i < 4; i++)
    g_object_unref (fakes[i]);
  fake_rendezvous_free (rendezvous);
}

static void
test_key_made_once (PostingFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-mastodon",
                                              TAYORI_POST_NETWORK_MASTODON, MASTODON_FLAGS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(TayoriPostJob) stored = NULL;
  TayoriPostJob *job;
  guint posts = 0;

  fake_channel_script (fake, FAKE_RETRY_LATER, 0);
  fake_channel_script (fake, FAKE_UNKNOWN_LOST, 0);
  fake_channel_script (fake, FAKE_OK, 0);
  ids = posting_enqueue (fixture, one_mastodon, "お知らせ", NULL, &error);
  g_assert_no_error (error);
  /* Stored with its key before any attempt (the enqueue returns once it is written). */
  stored = posting_get_job (fixture, g_array_index (ids, gint64, 0));
  g_assert_true (g_uuid_string_is_valid (stored->idempotency_key));

  jobs = posting_wait (fixture->queue, ids);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_SENT);
  g_assert_cmpuint (job->attempts, ==, 3);
  g_assert_cmpstr (job->idempotency_key, ==, stored->idempotency_key);
  calls = fake_channel_dup_calls (fake);
  for (guint i = 0; i < calls->len; i++)
    {
      FakeCall *call = g_ptr_array_index (calls, i);

      if (!g_str_equal (call->method, "post"))
        continue;
      posts++;
      g_assert_cmpstr (call->key, ==, stored->idempotency_key);
    }
  g_assert_cmpuint (posts, ==, 3);
}

static void
test_retry_after (PostingFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  FakeCall *first, *second;

  /* The backoff is 20 ms; the server asks for 1 s, which must win. */
  fake_channel_script (fake, FAKE_RETRY_LATER, 1);
  jobs = enqueue_and_wait (fixture, one_x, "お知らせ", NULL, &ids);
  g_assert_cmpint (first_state (jobs), ==, TAYORI_POST_JOB_SENT);
  calls = fake_channel_dup_calls (fake);
  find_two_posts (calls, &first, &second);
  g_assert_nonnull (second);
  g_assert_cmpint (second->time_us - first->time_us, >=, G_USEC_PER_SEC);
}

static void
test_retry_gives_up (PostingFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  TayoriPostJob *job;

  for (guint i = 0; i < 4; i++)
    fake_channel_script (fake, FAKE_RETRY_LATER, 0);
  jobs = enqueue_and_wait (fixture, one_x, "お知らせ", NULL, &ids);
  job = g_ptr_array_index (jobs, 0);
  /* [posting] max-attempts=4 in the fixture's preset. */
  g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_FAILED);
  g_assert_cmpstr (job->error_class, ==, "retry-later");
  g_assert_cmpuint (job->attempts, ==, 4);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 4);
  g_assert_cmpuint (fake_server_total (fake_channel_get_server (fake)), ==, 0);
}

static void
test_unknown_keyless_found (PostingFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  TayoriPostJob *job;

  /* The server got it, the answer was lost: looking first finds it, so no second post. */
  fake_channel_script (fake, FAKE_UNKNOWN_RECEIVED, 0);
  jobs = enqueue_and_wait (fixture, one_x, "お知らせ", NULL, &ids);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_SENT);
  g_assert_cmpstr (job->remote_id, ==, "1");
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
  g_assert_cmpuint (fake_channel_count_calls (fake, "find_post"), ==, 1);
  g_assert_cmpuint (fake_server_count (fake_channel_get_server (fake), "お知らせ city-x"), ==, 1);
  calls = fake_channel_dup_calls (fake);
  g_assert_cmpstr (((FakeCall *) g_ptr_array_index (calls, calls->len - 1))->method, ==,
                   "find_post");
}

static void
test_unknown_keyless_lost (PostingFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-bsky",
                                              TAYORI_POST_NETWORK_BLUESKY, 0);
  const char * const accounts[] = { "city-bsky", NULL };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;

  /* It never arrived: looking finds nothing, then (only then) it is sent again. */
  fake_channel_script (fake, FAKE_UNKNOWN_LOST, 0);
  jobs = enqueue_and_wait (fixture, accounts, "お知らせ", NULL, &ids);
  g_assert_cmpint (first_state (jobs), ==, TAYORI_POST_JOB_SENT);
  assert_calls (fake, lost_then_sent);
  g_assert_cmpuint (fake_server_total (fake_channel_get_server (fake)), ==, 1);
}

static void
test_unknown_keyed (PostingFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-mastodon",
                                              TAYORI_POST_NETWORK_MASTODON, MASTODON_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  FakeCall *first, *second;

  /* Received, answer lost: the same key again, and the server dedupes it. */
  fake_channel_script (fake, FAKE_UNKNOWN_RECEIVED, 0);
  jobs = enqueue_and_wait (fixture, one_mastodon, "お知らせ", NULL, &ids);
  g_assert_cmpint (first_state (jobs), ==, TAYORI_POST_JOB_SENT);
  g_assert_cmpuint (fake_channel_count_calls (fake, "find_post"), ==, 0);
  calls = fake_channel_dup_calls (fake);
  find_two_posts (calls, &first, &second);
  g_assert_nonnull (second);
  g_assert_cmpstr (first->key, ==, second->key);
  g_assert_cmpuint (fake_server_total (fake_channel_get_server (fake)), ==, 1);
}

static void
test_permanent_classes (PostingFixture *fixture,
                        gconstpointer   data)
{
  const struct {
    FakeOutcome outcome;
    const char *key;
  } cases[] = {
    { FAKE_AUTH, "auth" },
    { FAKE_CONTENT, "content" },
    { FAKE_QUOTA, "quota" },
    { FAKE_FORBIDDEN, "forbidden" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-line",
                                                  TAYORI_POST_NETWORK_LINE, LINE_FLAGS);
      const char * const accounts[] = { "city-line", NULL };
          g_autoptr(GArray) ids = NULL;
      g_autoptr(GPtrArray) jobs = NULL;
      TayoriPostJob *job;

      fake_channel_script (fake, cases[i].outcome, 0);
      jobs = enqueue_and_wait (fixture, accounts, cases[i].key, NULL, &ids);
      job = g_ptr_array_index (jobs, 0);
      g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_FAILED);
      g_assert_cmpstr (job->error_class, ==, cases[i].key);
      g_assert_nonnull (job->error_message);
      g_assert_nonnull (strstr (job->error_message,
                                tayori_channel_error_advice (cases[i].outcome == FAKE_AUTH
                                  ? TAYORI_CHANNEL_ERROR_AUTH
                                  : cases[i].outcome == FAKE_CONTENT ? TAYORI_CHANNEL_ERROR_CONTENT
                                  : cases[i].outcome == FAKE_QUOTA ? TAYORI_CHANNEL_ERROR_QUOTA
                                  : TAYORI_CHANNEL_ERROR_FORBIDDEN)));
      g_assert_cmpuint (job->attempts, ==, 1);
      g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
    }
}

static void
test_restart_reconciles (PostingFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(FakeChannel) hung = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(FakeChannel) fresh = fake_channel_new (TAYORI_POST_NETWORK_X, X_FLAGS,
                                                   fake_channel_get_server (hung));
  g_autoptr(TayoriPostQueue) restarted = NULL;
  g_autoptr(TayoriPostJob) before = NULL;
  g_autoptr(TayoriPostJob) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  TayoriPostJob *job;

  /* The first queue's send reaches the server and then hangs, as if the app died there. */
  fake_channel_hang_next (hung);
  ids = posting_enqueue (fixture, one_x, "お知らせ", NULL, &error);
  g_assert_no_error (error);
  fake_channel_wait_hanging (hung);
  before = posting_get_job (fixture, g_array_index (ids, gint64, 0));
  g_assert_cmpint (before->state, ==, TAYORI_POST_JOB_SENDING);

  restarted = posting_fixture_new_queue (fixture);
  tayori_post_queue_set_channel (restarted, "city-x", TAYORI_CHANNEL (fresh));
  tayori_post_queue_start (restarted);
  jobs = posting_wait (restarted, ids);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_SENT);
  g_assert_cmpuint (fake_channel_count_calls (fresh, "find_post"), ==, 1);
  g_assert_cmpuint (fake_channel_count_calls (fresh, "post"), ==, 0);
  g_assert_cmpuint (fake_server_total (fake_channel_get_server (fresh)), ==, 1);

  fake_channel_release (hung);
  posting_drop_queue (&fixture->queue);
  g_assert_cmpuint (fake_server_total (fake_channel_get_server (fresh)), ==, 1);
  fixture->queue = g_steal_pointer (&restarted);
  after = posting_get_job (fixture, g_array_index (ids, gint64, 0));
  g_assert_cmpint (after->state, ==, TAYORI_POST_JOB_SENT);
}

static void
test_schedule_native (PostingFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-mastodon",
                                              TAYORI_POST_NETWORK_MASTODON, MASTODON_FLAGS);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  TayoriPostJob *job;

  jobs = enqueue_and_wait (fixture, one_mastodon, "予約", later, &ids);
  job = g_ptr_array_index (jobs, 0);
  g_assert_cmpint (job->state, ==, TAYORI_POST_JOB_SENT);
  g_assert_nonnull (job->scheduled_at);
  calls = fake_channel_dup_calls (fake);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
  for (guint i = 0; i < calls->len; i++)
    if (g_str_equal (((FakeCall *) g_ptr_array_index (calls, i))->method, "post"))
      g_assert_true (((FakeCall *) g_ptr_array_index (calls, i))->scheduled);
}

static void
test_schedule_by_queue (PostingFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 1.5);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(TayoriPostJob) waiting = NULL;
  FakeCall *call;

  tayori_post_queue_start (fixture->queue);
  ids = posting_enqueue (fixture, one_x, "予約", soon, &error);
  g_assert_no_error (error);
  waiting = posting_get_job (fixture, g_array_index (ids, gint64, 0));
  g_assert_cmpint (waiting->state, ==, TAYORI_POST_JOB_PENDING);
  jobs = posting_wait (fixture->queue, ids);
  g_assert_cmpint (first_state (jobs), ==, TAYORI_POST_JOB_SENT);
  calls = fake_channel_dup_calls (fake);
  call = g_ptr_array_index (calls, calls->len - 1);
  g_assert_cmpstr (call->method, ==, "post");
  g_assert_false (call->scheduled);
  g_assert_cmpint (call->time_us, >=, g_date_time_to_unix (soon) * G_USEC_PER_SEC);
}

static void
test_late_and_decisions (PostingFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(FakeChannel) line = posting_fake (fixture, "city-line", TAYORI_POST_NETWORK_LINE,
                                              LINE_FLAGS);
  const char * const accounts[] = { "city-x", "city-line", NULL };
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_minutes (now, -20);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) x_id = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) retried = NULL;
  g_autoptr(TayoriPostJob) cancelled = NULL;

  /* Due 20 minutes ago, beyond the 15-minute grace period: never sent silently. */
  jobs = enqueue_and_wait (fixture, accounts, "遅れ", past, &ids);
  for (guint i = 0; i < jobs->len; i++)
    g_assert_cmpint (((TayoriPostJob *) g_ptr_array_index (jobs, i))->state, ==,
                     TAYORI_POST_JOB_LATE);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 0);
  g_assert_cmpuint (fake_channel_count_calls (line, "post"), ==, 0);

  /* Cancelling a sent job is refused; a late one can be retried or cancelled. */
  g_assert_true (tayori_post_queue_retry (fixture->queue, g_array_index (ids, gint64, 0),
                                          "decider", &error));
  g_assert_no_error (error);
  g_assert_true (tayori_post_queue_cancel (fixture->queue, g_array_index (ids, gint64, 1),
                                           "decider", &error));
  g_assert_no_error (error);
  g_array_append_val (x_id, g_array_index (ids, gint64, 0));
  retried = posting_wait (fixture->queue, x_id);
  g_assert_cmpint (((TayoriPostJob *) g_ptr_array_index (retried, 0))->state, ==,
                   TAYORI_POST_JOB_SENT);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
  g_assert_false (tayori_post_queue_cancel (fixture->queue, g_array_index (ids, gint64, 0),
                                            "decider", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (tayori_post_queue_retry (fixture->queue, g_array_index (ids, gint64, 0),
                                           "decider", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  cancelled = posting_get_job (fixture, g_array_index (ids, gint64, 1));
  g_assert_cmpint (cancelled->state, ==, TAYORI_POST_JOB_CANCELLED);
  g_assert_cmpuint (fake_channel_count_calls (line, "post"), ==, 0);
}

static void
test_late_on_start (PostingFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) within = g_date_time_add_minutes (now, -5);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;

  /* 5 minutes late is within the grace period: it is sent. */
  jobs = enqueue_and_wait (fixture, one_x, "少し遅れ", within, &ids);
  g_assert_cmpint (first_state (jobs), ==, TAYORI_POST_JOB_SENT);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
}

static void
test_line_audiences (PostingFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-line", TAYORI_POST_NETWORK_LINE,
                                              LINE_FLAGS);
  const char * const accounts[] = { "city-line", NULL };
  const char * const audiences[] = { "子育て世帯", "外国人", NULL };
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  /* 子育て世帯 is mapped in the account's options, 外国人 is not: a narrowcast to one group. */
  article = tayori_store_load_article (fixture->store, fixture->article_id, &error);
  g_assert_no_error (error);
  tayori_article_set_audiences (article, audiences);
  tayori_store_save_article (fixture->store, article, TAYORI_SAVE_MANUAL, &error);
  g_assert_no_error (error);
  jobs = enqueue_and_wait (fixture, accounts, "子育て", NULL, &ids);
  calls = fake_channel_dup_calls (fake);
  for (guint i = 0; i < calls->len; i++)
    {
      FakeCall *call = g_ptr_array_index (calls, i);

      if (g_str_equal (call->method, "post"))
        g_assert_cmpstr (call->audiences, ==, "audience-kids");
    }
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 1);
}

typedef struct {
  GError   *error;
  gboolean  done;
} Outcome;

static void
deleted (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Outcome *outcome = user_data;

  tayori_post_queue_delete_remote_finish (TAYORI_POST_QUEUE (source), result, &outcome->error);
  outcome->done = TRUE;
}

static void
test_delete_and_metrics (PostingFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(TayoriPostJob) job = NULL;
  Outcome outcome = { 0 };

  jobs = enqueue_and_wait (fixture, one_x, "消す", NULL, &ids);
  tayori_post_queue_refresh_metrics_async (fixture->queue, fixture->article_id, NULL, NULL, NULL);
  tayori_post_queue_delete_remote_async (fixture->queue, g_array_index (ids, gint64, 0), "tester",
                                         NULL, deleted, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (fake_channel_count_calls (fake, "delete_post"), ==, 1);
  while (fake_channel_count_calls (fake, "get_metrics") == 0)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 100; i++)
    {
      g_clear_pointer (&job, tayori_post_job_free);
      job = posting_get_job (fixture, g_array_index (ids, gint64, 0));
      if (job->metrics != NULL)
        break;
      g_usleep (10000);
    }
  g_assert_nonnull (strstr (job->metrics, "\"likes\": 7"));
}

static void
delete_now (PostingFixture *fixture,
            gint64          id,
            GError        **error)
{
  Outcome outcome = { 0 };

  tayori_post_queue_delete_remote_async (fixture->queue, id, "tester", NULL, deleted, &outcome);
  while (!outcome.done)
    g_main_context_iteration (NULL, TRUE);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);
}

/* A deleted post keeps its row with the time it was deleted, and is never deleted twice */
static void
test_delete_once (PostingFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, X_FLAGS);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(TayoriPostJob) before = NULL;
  g_autoptr(TayoriPostJob) after = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  jobs = enqueue_and_wait (fixture, one_x, "一度だけ消す", NULL, &ids);
  id = g_array_index (ids, gint64, 0);
  before = posting_get_job (fixture, id);
  g_assert_null (before->deleted_at);

  delete_now (fixture, id, &error);
  g_assert_no_error (error);
  after = posting_get_job (fixture, id);
  g_assert_nonnull (after->deleted_at);
  g_assert_cmpint (after->state, ==, TAYORI_POST_JOB_SENT);
  json = tayori_post_job_to_json (after);
  g_assert_nonnull (strstr (json, "\"deleted_at\""));

  delete_now (fixture, id, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_cmpuint (fake_channel_count_calls (fake, "delete_post"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  posting_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/tayori/posting/queue/" path, PostingFixture, NULL, posting_fixture_set_up, \
              func, posting_fixture_tear_down)
  ADD ("fan-out", test_fan_out);
  ADD ("key-made-once", test_key_made_once);
  ADD ("retry-after", test_retry_after);
  ADD ("retry-gives-up", test_retry_gives_up);
  ADD ("unknown-keyless-found", test_unknown_keyless_found);
  ADD ("unknown-keyless-lost", test_unknown_keyless_lost);
  ADD ("unknown-keyed", test_unknown_keyed);
  ADD ("permanent-classes", test_permanent_classes);
  ADD ("restart-reconciles", test_restart_reconciles);
  ADD ("schedule-native", test_schedule_native);
  ADD ("schedule-by-queue", test_schedule_by_queue);
  ADD ("late-and-decisions", test_late_and_decisions);
  ADD ("within-grace", test_late_on_start);
  ADD ("delete-and-metrics", test_delete_and_metrics);
  ADD ("delete-once", test_delete_once);
  ADD ("line-audiences", test_line_audiences);
#undef ADD

  return g_test_run ();
}
