/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outbox's SQL (tayori-outbox-db.c), run through the store's worker from any thread. The
 * sync engine uses the payload calls to remember what a push already did (uploaded media). */
#pragma once

#include "tayori-outbox.h"

G_BEGIN_DECLS

/* An unfinished item as the scheduler keeps it in memory. */
typedef struct {
  gint64 id;
  gint64 article_id;   /* 0: none (items of no article never wait for each other) */
  gint64 due;          /* g_get_real_time () microseconds */
  gboolean running;
} TayoriOutboxEntry;

/* Resets items left "running" to "pending" with "reconcile": true in their payload, then
 * returns every pending item (TayoriOutboxEntry, g_free) in id order. */
GPtrArray        *tayori_outbox_db_load           (TayoriStore *store, GError **error);
gint64            tayori_outbox_db_insert         (TayoriStore *store, gint64 article_id,
                                                   const char *account, const char *action,
                                                   const char *payload, GError **error);
/* Marks the item running, counts the attempt, and returns it. */
TayoriOutboxItem *tayori_outbox_db_start          (TayoriStore *store, gint64 id, GError **error);
/* Records the outcome; @next_attempt (µs) is used when @state is pending. Returns the item. */
TayoriOutboxItem *tayori_outbox_db_finish         (TayoriStore *store, gint64 id,
                                                   TayoriOutboxState state, gint64 next_attempt,
                                                   const char *error_class,
                                                   const char *error_message, GError **error);
TayoriOutboxItem *tayori_outbox_db_get            (TayoriStore *store, gint64 id, GError **error);
GPtrArray        *tayori_outbox_db_list_unfinished (TayoriStore *store, gint64 article_id,
                                                   GError **error);
/* A failed item back to pending now; returns its article id through @out_article_id. */
gboolean          tayori_outbox_db_retry          (TayoriStore *store, gint64 id,
                                                   gint64 *out_article_id, GError **error);
gboolean          tayori_outbox_db_set_payload    (TayoriStore *store, gint64 id,
                                                   const char *payload, GError **error);
/* The payload of the newest item of @article_id on @account (up to @before_id) whose payload
 * has @member, NULL when none. */
char             *tayori_outbox_db_find_payload   (TayoriStore *store, gint64 article_id,
                                                   const char *account, gint64 before_id,
                                                   const char *member, GError **error);
/* Items of @article_id left in "conflict" become "done" once the conflict is resolved. */
gboolean          tayori_outbox_db_settle_conflicts (TayoriStore *store, gint64 article_id,
                                                   GError **error);

/* The outbox object (tayori-outbox.c, tayori-outbox-wait.c). */
struct _TayoriOutbox
{
  GObject              parent_instance;
  TayoriStore         *store;
  TayoriOutboxRunFunc  run;
  gpointer             run_data;
  GDestroyNotify       run_data_free;
  GMainContext        *context;
  GThreadPool         *pool;
  GCancellable        *cancellable;

  GMutex               lock;       /* guards everything below */
  GSequence           *queue;      /* TayoriOutboxEntry, by id */
  GHashTable          *entries;    /* &entry->id -> GSequenceIter */
  GHashTable          *busy;       /* &entry->article_id of running entries */
  guint                running;
  guint                max_parallel;
  guint                backoff_ms;
  gboolean             loaded;
  gboolean             stopped;
  GHashTable          *waiters;    /* gint64* -> GPtrArray of GTask */
  GHashTable          *finished;   /* gint64* -> GError* (NULL: done), items finished here */
  GHashTable          *notify;     /* gint64* -> TayoriOutboxItem, the latest per item */
  GSource             *notify_source;
  GSource             *timer_source;
  gint64               timer_due;
};

gint64    *tayori_outbox_id_key               (gint64 id);
void       tayori_outbox_free_error           (gpointer error);
/* Completes @tasks (may be NULL) with @error or success. */
void       tayori_outbox_complete_waiters     (GPtrArray *tasks, const GError *error);
/* Once loaded: the waiters on items that are not queued (finished in an earlier run). */
GPtrArray *tayori_outbox_take_orphans_locked  (TayoriOutbox *self);
void       tayori_outbox_resolve_orphans      (GPtrArray *tasks);

G_END_DECLS
