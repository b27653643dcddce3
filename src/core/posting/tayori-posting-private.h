/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the posting files share: worker-side audit and job SQL (run inside the store's jobs, so
 * a job and its audit line are written together), the images JSON and the queue's parts. */
#pragma once

#include "tayori-store-private.h"
#include "tayori-post-queue.h"
#include "tayori-accounts.h"

G_BEGIN_DECLS

/* tayori-post-queue-db.c: runs @func on the store's worker; @pointer (may be NULL: freed)
 * gets its result's pointer, owned by the caller, @number (may be NULL) its number. */
gboolean       tayori_posting_run (TayoriStore *store, TayoriStoreJobFunc func, gpointer data,
                                   GDestroyNotify data_free, gpointer *pointer, gint64 *number,
                                   GError **error);

/* tayori-audit-log.c: one audit line, on the store's worker. */
gboolean       tayori_audit_log_db_append (TayoriStoreDb *db, const char *actor, const char *action,
                                           gint64 article_id, const char *account,
                                           const char *detail, GError **error);

/* tayori-post-queue.c: images as stored ([{"hash": …, "alt": …}]) and back. */
char          *tayori_post_images_to_json   (GPtrArray *images);
GPtrArray     *tayori_post_images_from_json (const char *json);

/* tayori-post-queue-db.c and tayori-post-queue-db-update.c: the post_jobs table. Every
 * function is blocking on the store's worker. */
typedef struct {
  gint64      article_id;
  GPtrArray  *requests;    /* TayoriPostRequest */
  GStrv       networks;    /* one per request */
  GStrv       due_now;     /* "1" when the request goes out at once (native scheduling) */
  char       *link_url;
  char       *actor;
  GArray     *ids;         /* worker side: the new ids as they are written */
} TayoriPostInsert;

/* @insert stays the caller's; returns the new ids (gint64). */
/* Worker side, shared by the tayori-post-queue-db*.c files: the store's time now, one job
 * row, and an audit line describing a job. */
char          *tayori_post_db_now           (void);
TayoriPostJob *tayori_post_db_get_row       (TayoriStoreDb *db, gint64 id, GError **error);
gboolean       tayori_post_db_audit         (TayoriStoreDb *db, gint64 id, const char *action,
                                             const char *actor, GError **error);
GArray        *tayori_post_db_insert        (TayoriStore *store, TayoriPostInsert *insert,
                                             GError **error);
TayoriPostJob *tayori_post_db_get           (TayoriStore *store, gint64 id, GError **error);
GPtrArray     *tayori_post_db_list          (TayoriStore *store, gint64 article_id,
                                             GError **error);
GPtrArray     *tayori_post_db_get_many      (TayoriStore *store, GArray *ids, GError **error);
/* The next due job of @account (pending or unknown, next_attempt reached), now "sending" with
 * one more attempt; NULL without error when none. @previous gets the state it had. */
TayoriPostJob *tayori_post_db_claim         (TayoriStore *store, const char *account,
                                             TayoriPostJobState *previous, GError **error);
/* Accounts with a due job, and the earliest time a waiting job becomes due (NULL: none). */
GStrv          tayori_post_db_due_accounts  (TayoriStore *store, char **next_due,
                                             GError **error);
typedef struct {
  TayoriPostJobState  state;
  const char         *error_class;
  const char         *error_message;
  const char         *remote_id;
  const char         *remote_url;
  GDateTime          *next_attempt;   /* pending/unknown: when to try again */
  const char         *audit_action;   /* NULL: none */
  const char         *actor;          /* of the audit line; the job's actor when NULL */
  gboolean            clear_schedule; /* a person's "send now" */
  gboolean            reset_attempts;
  guint               allowed_from;   /* bits 1 << state the job may be in; 0 = any */
} TayoriPostUpdate;
gboolean       tayori_post_db_update        (TayoriStore *store, gint64 id,
                                             const TayoriPostUpdate *update, GError **error);
gboolean       tayori_post_db_set_metrics   (TayoriStore *store, gint64 id, const char *metrics,
                                             GError **error);
/* Marks a sent job's post deleted from its network, with its audit line; fails with
 * G_IO_ERROR_EXISTS when it already was. */
gboolean       tayori_post_db_set_deleted   (TayoriStore *store, gint64 id, const char *actor,
                                             GError **error);
/* Pending jobs never tried whose time is before @grace_cutoff → "late"; @after_crash (at
 * start-up) also "sending" → "unknown". Each with its audit line. Returns the changed ids. */
GArray        *tayori_post_db_recover       (TayoriStore *store, GDateTime *grace_cutoff,
                                             gboolean after_crash, GError **error);

/* tayori-post-queue-run.c: sends one claimed job on an account worker thread and records the
 * outcome. */
typedef struct {
  TayoriPostQueue *queue;        /* told of every change */
  TayoriStore     *store;
  TayoriChannel   *channel;
  TayoriAccount   *account;      /* NULL when the accounts no longer list it */
  const char      *media_dir;
  guint            backoff_ms;
  guint            max_attempts;
} TayoriPostRun;

void           tayori_post_run_job          (const TayoriPostRun *run, TayoriPostJob *job,
                                             TayoriPostJobState previous);

/* The queue's state, shared by tayori-post-queue.c (API, enqueueing), -wait.c (notifications,
 * waiting), -decide.c (people's decisions, remote operations) and tayori-post-scheduler.c
 * (workers, timer). */
struct _TayoriPostQueue
{
  GObject           parent_instance;

  TayoriStore      *store;
  TayoriPreset     *preset;
  GMainContext     *context;        /* where "job-changed" and waits complete */
  TayoriHttpClient *http;
  char             *media_dir;
  guint             backoff_ms;
  guint             max_attempts;
  guint             grace_minutes;

  GMutex            mutex;          /* guards channels and busy (workers read them) */
  GHashTable       *channels;       /* account name → TayoriChannel */
  GHashTable       *busy;           /* account name → ACCOUNT_RUNNING or ACCOUNT_AGAIN */
  GThreadPool      *pool;           /* one worker per busy account, no limit */

  GSource          *timer;         /* the next due job's, on context */
  gboolean          stopped;
  gboolean          recovered;      /* the crash check ran (once per queue) */
  GList            *waiters;
};

/* tayori-post-scheduler.c: runs @func on @context's next iteration, never in the calling
 * thread (g_main_context_invoke would when nobody owns the context). */
void           tayori_posting_idle_add       (GMainContext *context, GSourceFunc func,
                                              gpointer data, GDestroyNotify notify);
/* tayori-post-queue-wait.c: loads the job and emits "job-changed" on the queue's context; any
 * thread. */
void           tayori_post_queue_job_changed (TayoriPostQueue *self, gint64 id);
/* tayori-post-queue.c: the channel for @account (injected, else built once from the
 * accounts); any thread. */
TayoriChannel *tayori_post_queue_get_channel (TayoriPostQueue *self, const char *account,
                                              GError **error);

/* tayori-post-scheduler.c */
void           tayori_post_scheduler_init    (TayoriPostQueue *self);
void           tayori_post_scheduler_clear   (TayoriPostQueue *self);
void           tayori_post_scheduler_stop_timer (TayoriPostQueue *self);
/* Marks late jobs, starts a worker for every account with a due job and sets the timer for
 * the next one; @after_crash first turns "sending" into "unknown". */
void           tayori_post_scheduler_dispatch (TayoriPostQueue *self, gboolean after_crash);

G_END_DECLS
