/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the posting tests share: a temporary store, a preset with test accounts, an article,
 * and waiting for jobs on the main loop. */
#pragma once

#include "tayori-post-queue.h"
#include "tayori-post-gate.h"
#include "fake-channel.h"

G_BEGIN_DECLS

typedef struct {
  char            *dir;             /* removed at exit (store_test_make_dir) */
  TayoriStore     *store;
  TayoriPreset    *preset;
  TayoriPostQueue *queue;
  gint64           article_id;
} PostingFixture;

/* g_test_init, after pointing the user's accounts file nowhere. */
void        posting_test_init         (int *argc, char ***argv);
/* Accounts: city-x (x), city-bsky (bluesky), city-mastodon (mastodon, max-characters=500),
 * city-line (line), ward-x (x, posters=alice;role:editor). An approved article. */
void        posting_fixture_set_up    (PostingFixture *fixture, gconstpointer data);
void        posting_fixture_tear_down (PostingFixture *fixture, gconstpointer data);
/* Drops the last reference and runs the main loop until the queue is gone. */
void        posting_drop_queue        (TayoriPostQueue **queue);
/* A new queue on the same store (a restart). */
TayoriPostQueue *posting_fixture_new_queue (PostingFixture *fixture);
/* Enqueues one request per account (with @text plus the account name) as "tester". */
GArray     *posting_enqueue           (PostingFixture *fixture, const char * const *accounts,
                                       const char *text, GDateTime *scheduled_at,
                                       GError **error);
/* Runs the main loop until every job is final; fails the test after 20 s. */
GPtrArray  *posting_wait              (TayoriPostQueue *queue, GArray *ids);
TayoriPostJob *posting_get_job        (PostingFixture *fixture, gint64 id);
FakeChannel *posting_fake             (PostingFixture *fixture, const char *account,
                                       TayoriPostNetwork network, TayoriChannelFlags flags);

G_END_DECLS
