/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPostQueue: one click, exactly once. Turns an article's per-account posts into
 * persisted jobs, sends them in parallel on worker threads (one per account), classifies
 * failures, retries transient ones with backoff (honouring Retry-After), reconciles unknown
 * outcomes (by the network's idempotency key, or by looking for the post before any retry),
 * runs scheduled jobs while the app or its background service runs, marks jobs found late
 * beyond the grace period ([posting] grace-minutes, default 15) as "late" for a person to
 * decide, and writes every step to the audit log. */
#pragma once

#include <gio/gio.h>
#include "tayori-post-job.h"
#include "tayori-store.h"
#include "tayori-preset.h"
#include "tayori-channel.h"

G_BEGIN_DECLS

/* One post to send: the final text for that account and its images. */
typedef struct {
  char       *account;
  char       *text;
  GPtrArray  *images;       /* TayoriPostImage */
  GDateTime  *scheduled_at; /* NULL = now */
} TayoriPostRequest;

typedef struct {
  char *hash;               /* media store hash */
  char *alt;                /* required */
} TayoriPostImage;

TayoriPostRequest *tayori_post_request_new  (const char *account, const char *text);
void               tayori_post_request_free (TayoriPostRequest *request);
TayoriPostImage   *tayori_post_image_new    (const char *hash, const char *alt);
void               tayori_post_image_free   (TayoriPostImage *image);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriPostRequest, tayori_post_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriPostImage, tayori_post_image_free)

#define TAYORI_TYPE_POST_QUEUE (tayori_post_queue_get_type ())
G_DECLARE_FINAL_TYPE (TayoriPostQueue, tayori_post_queue, TAYORI, POST_QUEUE, GObject)

/* Signals: "job-changed" (TayoriPostJob*) on the main context the queue was made on. */
TayoriPostQueue *tayori_post_queue_new           (TayoriStore  *store,
                                                  TayoriPreset *preset);
/* Tests and benchmarks: the channel to use for @account instead of building one. */
void             tayori_post_queue_set_channel   (TayoriPostQueue *self,
                                                  const char      *account,
                                                  TayoriChannel   *channel);
/* First retry after @base_ms (default 5000); tests shorten it. */
void             tayori_post_queue_set_backoff   (TayoriPostQueue *self,
                                                  guint            base_ms);
/* Refuses (TAYORI_POST_GATE_ERROR, tayori-post-gate.h) unless the gate allows every request;
 * then persists one job per request (idempotency key first) and starts those due now.
 * Returns the job ids (gint64 GArray) as soon as they are stored. */
GArray          *tayori_post_queue_enqueue       (TayoriPostQueue *self,
                                                  gint64           article_id,
                                                  GPtrArray       *requests,
                                                  const char      *actor,
                                                  const char * const *actor_roles,
                                                  GError         **error);
/* Completes when every job in @ids is sent, failed, late or cancelled; the jobs' final
 * states are in the returned array (TayoriPostJob). */
void             tayori_post_queue_wait_async    (TayoriPostQueue *self,
                                                  GArray          *ids,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
GPtrArray       *tayori_post_queue_wait_finish   (TayoriPostQueue *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
/* For command-line tools, tests and benchmarks only: runs the thread-default main context
 * until tayori_post_queue_wait_async() completes, and returns its jobs. */
GPtrArray       *tayori_post_queue_wait_sync     (TayoriPostQueue *self,
                                                  GArray          *ids,
                                                  GError         **error);
/* Jobs of an article (0 = all), newest first. Blocking on the store's worker. */
GPtrArray       *tayori_post_queue_list_jobs     (TayoriPostQueue *self,
                                                  gint64           article_id,
                                                  GError         **error);
/* A person's decision on a failed or late job: send now, or cancel. */
gboolean         tayori_post_queue_retry         (TayoriPostQueue *self, gint64 job_id,
                                                  const char *actor, GError **error);
gboolean         tayori_post_queue_cancel        (TayoriPostQueue *self, gint64 job_id,
                                                  const char *actor, GError **error);
/* Deletes the remote post (X, Mastodon, Bluesky) and records it. */
void             tayori_post_queue_delete_remote_async  (TayoriPostQueue *self, gint64 job_id,
                                                         const char *actor,
                                                         GCancellable *cancellable,
                                                         GAsyncReadyCallback callback,
                                                         gpointer user_data);
gboolean         tayori_post_queue_delete_remote_finish (TayoriPostQueue *self,
                                                         GAsyncResult *result, GError **error);
/* The longest post @account's network takes (Mastodon: the instance's, read once per account
 * and remembered for the gate, tayori_post_gate_remember_limit), on a worker thread. */
void             tayori_post_queue_get_char_limit_async  (TayoriPostQueue *self,
                                                          const char *account,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer user_data);
guint            tayori_post_queue_get_char_limit_finish (TayoriPostQueue *self,
                                                          GAsyncResult *result, GError **error);
/* Reads engagement counts back for sent jobs of @article_id and stores them. */
void             tayori_post_queue_refresh_metrics_async  (TayoriPostQueue *self,
                                                           gint64 article_id,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer user_data);
gboolean         tayori_post_queue_refresh_metrics_finish (TayoriPostQueue *self,
                                                           GAsyncResult *result, GError **error);
/* Starts the scheduler (a timer for the next due job; jobs left "sending" by a crash become
 * "unknown" and are reconciled). The CLI and tests call it; the app at start-up. */
void             tayori_post_queue_start         (TayoriPostQueue *self);
void             tayori_post_queue_stop          (TayoriPostQueue *self);

/* The article's public address as its CMS link gives it (links and cards point there), NULL
 * before the CMS returned one. Blocking on the store's worker. */
char            *tayori_post_article_url         (TayoriStore *store, gint64 article_id);

G_END_DECLS
