/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriOutbox: every CMS write as a persisted item (store table cms_outbox) with a state.
 * Items run on worker threads, at most a few at a time and one at a time per article, in
 * order; transient failures retry with exponential backoff (with jitter, capped) and survive
 * restarts; an item found "running" at start-up is reconciled (a create is looked up by its
 * client id before anything is sent again). The main loop only sees small, batched
 * notifications. */
#pragma once

#include <gio/gio.h>
#include "tayori-store.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_OUTBOX_PENDING,
  TAYORI_OUTBOX_RUNNING,
  TAYORI_OUTBOX_DONE,
  TAYORI_OUTBOX_FAILED,     /* needs a person: error_class says what (tayori_cms_error_to_key) */
  TAYORI_OUTBOX_CONFLICT,
} TayoriOutboxState;

typedef struct {
  gint64             id;
  gint64             article_id;
  char              *account;
  char              *action;         /* "push", "submit", "approve", "return", "unpublish", … */
  char              *payload;        /* JSON object */
  TayoriOutboxState  state;
  guint              attempts;
  char              *next_attempt;   /* ISO 8601 UTC */
  char              *error_class;    /* NULL when none; "internal" for a local failure (store) */
  char              *error_message;  /* the CMS's own message, for IT */
  char              *created;
  char              *updated;
} TayoriOutboxItem;

#define TAYORI_TYPE_OUTBOX_ITEM (tayori_outbox_item_get_type ())
GType             tayori_outbox_item_get_type  (void) G_GNUC_CONST;
TayoriOutboxItem *tayori_outbox_item_copy      (const TayoriOutboxItem *item);
void              tayori_outbox_item_free      (TayoriOutboxItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriOutboxItem, tayori_outbox_item_free)
const char       *tayori_outbox_state_to_key   (TayoriOutboxState state); /* "pending", … */

/* Runs one item on a worker thread; returns FALSE with a TAYORI_CMS_ERROR (transient ones are
 * retried), or G_IO_ERROR_CANCELLED. Set by TayoriCmsSync. */
typedef gboolean (*TayoriOutboxRunFunc) (const TayoriOutboxItem *item,
                                         gpointer                user_data,
                                         GCancellable           *cancellable,
                                         GError                **error);

#define TAYORI_TYPE_OUTBOX (tayori_outbox_get_type ())
G_DECLARE_FINAL_TYPE (TayoriOutbox, tayori_outbox, TAYORI, OUTBOX, GObject)

/* Signals: "item-changed" (TayoriOutboxItem*) on the main context the outbox was made on,
 * coalesced (at most one emission per item per 100 ms); "drained" when nothing is due. */
TayoriOutbox *tayori_outbox_new              (TayoriStore         *store,
                                              TayoriOutboxRunFunc  run,
                                              gpointer             run_data,
                                              GDestroyNotify       run_data_free);
/* Concurrent items across articles (default 4). */
void          tayori_outbox_set_max_parallel (TayoriOutbox        *self,
                                              guint                max_parallel);
/* First retry after @base_ms (default 2000), doubling up to 10 minutes; tests shorten it. */
void          tayori_outbox_set_backoff      (TayoriOutbox        *self,
                                              guint                base_ms);
/* Persists the item (state pending) and returns its id; it runs as soon as it is due. */
gint64        tayori_outbox_enqueue          (TayoriOutbox        *self,
                                              gint64               article_id,
                                              const char          *account,
                                              const char          *action,
                                              const char          *payload,
                                              GError             **error);
/* Completes when item @id is done, failed for good (the error, classified) or in conflict
 * (TAYORI_CMS_ERROR_CONFLICT). */
void          tayori_outbox_wait_async       (TayoriOutbox        *self,
                                              gint64               id,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean      tayori_outbox_wait_finish      (TayoriOutbox        *self,
                                              GAsyncResult        *result,
                                              GError             **error);
/* Unfinished items (pending, running, failed, conflict), oldest first; element type
 * TayoriOutboxItem. Blocking on the store's worker: not for the main loop on a big outbox. */
GPtrArray    *tayori_outbox_list_unfinished  (TayoriOutbox        *self,
                                              GError             **error);
/* Makes a failed item pending again now (after a reconnect). */
gboolean      tayori_outbox_retry            (TayoriOutbox        *self,
                                              gint64               id,
                                              GError             **error);
/* Stops taking new items; running ones finish. */
void          tayori_outbox_stop             (TayoriOutbox        *self);

G_END_DECLS
