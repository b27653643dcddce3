/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A scripted TayoriChannel for the posting tests: a fake "server" (shared by channels that
 * stand for the same account) holds what was published, each post () follows the next
 * scripted outcome, and every call is recorded with its key, text and time. */
#pragma once

#include "tayori-channel.h"

G_BEGIN_DECLS

typedef enum {
  FAKE_OK,
  FAKE_RETRY_LATER,        /* 429 with Retry-After */
  FAKE_UNKNOWN_RECEIVED,   /* the server published it, then the connection dropped */
  FAKE_UNKNOWN_LOST,       /* the request never arrived, the client cannot tell */
  FAKE_AUTH,
  FAKE_CONTENT,
  FAKE_QUOTA,
  FAKE_FORBIDDEN,
} FakeOutcome;

typedef struct {
  char      *method;       /* "post", "find_post", "check_ready", "delete_post", "get_metrics" */
  char      *key;
  char      *text;
  gint64     time_us;      /* g_get_real_time () at the call */
  gboolean   scheduled;    /* post: it carried a native scheduled_at */
  char      *audiences;    /* post: the LINE audience groups, joined by "," */
} FakeCall;

typedef struct _FakeServer FakeServer;
FakeServer *fake_server_new             (void);
FakeServer *fake_server_ref             (FakeServer *server);
void        fake_server_unref           (FakeServer *server);
/* How many posts of @text are published (duplicates show up as more than one). */
guint       fake_server_count           (FakeServer *server, const char *text);
guint       fake_server_total           (FakeServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeServer, fake_server_unref)

/* Every channel taking part waits inside post () until @count are there at once; a channel
 * that waits @timeout_ms in vain fails with RETRY_LATER and max attempts follow. */
typedef struct _FakeRendezvous FakeRendezvous;
FakeRendezvous *fake_rendezvous_new     (guint count, guint timeout_ms);
void            fake_rendezvous_free    (FakeRendezvous *rendezvous);

#define FAKE_TYPE_CHANNEL (fake_channel_get_type ())
G_DECLARE_FINAL_TYPE (FakeChannel, fake_channel, FAKE, CHANNEL, GObject)

/* @server NULL: a server of its own. */
FakeChannel *fake_channel_new            (TayoriPostNetwork network, TayoriChannelFlags flags,
                                          FakeServer *server);
void         fake_channel_script         (FakeChannel *self, FakeOutcome outcome,
                                          guint retry_after);
void         fake_channel_set_rendezvous (FakeChannel *self, FakeRendezvous *rendezvous);
/* post () takes this long (a network's latency; benchmarks). */
void         fake_channel_set_delay_ms    (FakeChannel *self, guint delay_ms);
/* post () publishes, then blocks until fake_channel_release () (a hung connection). */
void         fake_channel_hang_next       (FakeChannel *self);
void         fake_channel_release         (FakeChannel *self);
/* Waits (iterating nothing) until post () is hanging. */
void         fake_channel_wait_hanging    (FakeChannel *self);
/* A copy of the calls so far (FakeCall, owned by the array). */
GPtrArray   *fake_channel_dup_calls       (FakeChannel *self);
guint        fake_channel_count_calls     (FakeChannel *self, const char *method);
FakeServer  *fake_channel_get_server      (FakeChannel *self);

G_END_DECLS
