/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriOutbox: the scheduler. Unfinished items live in memory in id order (loaded once at
 * start); a scan picks the due head item of each article up to the parallel limit and hands
 * it to a thread pool. Outcomes go to SQLite through the store's worker and reach the main
 * context as one coalesced batch per 100 ms. */
#include "tayori-cms-error.h"
#include "tayori-outbox-private.h"

#define NOTIFY_INTERVAL_MS 100
#define BACKOFF_CAP_MS     (10 * 60 * 1000)

G_DEFINE_FINAL_TYPE (TayoriOutbox, tayori_outbox, G_TYPE_OBJECT)

enum { ITEM_CHANGED, DRAINED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void schedule_locked (TayoriOutbox *self);

static int
compare_entries (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const TayoriOutboxEntry *x = a, *y = b;

  (void) user_data;
  return (x->id > y->id) - (x->id < y->id);
}

/* Adds an entry unless the id is already queued; takes @entry. */
static void
add_entry_locked (TayoriOutbox *self, TayoriOutboxEntry *entry)
{
  GSequenceIter *iter;

  if (g_hash_table_contains (self->entries, &entry->id))
    {
      g_free (entry);
      return;
    }
  iter = g_sequence_insert_sorted (self->queue, entry, compare_entries, NULL);
  g_hash_table_insert (self->entries, &entry->id, iter);
}

static void
free_weak_ref (gpointer ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static GSource *
attach_weak_source (TayoriOutbox *self, guint interval_ms, GSourceFunc func)
{
  GSource *source = g_timeout_source_new (interval_ms);
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, self);
  g_source_set_callback (source, func, ref, free_weak_ref);
  g_source_set_static_name (source, "[tayori] outbox");
  g_source_attach (source, self->context);
  return source;
}

static gboolean
flush_notifications (gpointer data)
{
  g_autoptr(TayoriOutbox) self = g_weak_ref_get (data);
  g_autoptr(GHashTable) batch = NULL;
  gboolean drained;
  GHashTableIter iter;
  gpointer value;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  g_mutex_lock (&self->lock);
  batch = g_steal_pointer (&self->notify);
  self->notify = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) tayori_outbox_item_free);
  g_clear_pointer (&self->notify_source, g_source_unref);
  drained = self->running == 0 && self->timer_source == NULL;
  g_mutex_unlock (&self->lock);

  g_hash_table_iter_init (&iter, batch);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_signal_emit (self, signals[ITEM_CHANGED], 0, value);
  if (drained)
    g_signal_emit (self, signals[DRAINED], 0);
  return G_SOURCE_REMOVE;
}

/* Takes @item; keeps only the latest state per item until the next flush. */
static void
notify_locked (TayoriOutbox *self, TayoriOutboxItem *item)
{
  g_hash_table_replace (self->notify, tayori_outbox_id_key (item->id), item);
  if (self->notify_source == NULL)
    self->notify_source = attach_weak_source (self, NOTIFY_INTERVAL_MS, flush_notifications);
}

static gboolean
timer_fired (gpointer data)
{
  g_autoptr(TayoriOutbox) self = g_weak_ref_get (data);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->timer_source, g_source_unref);
  schedule_locked (self);
  g_mutex_unlock (&self->lock);
  return G_SOURCE_REMOVE;
}

static void
arm_timer_locked (TayoriOutbox *self, gint64 due, gint64 now)
{
  if (self->timer_source != NULL && self->timer_due <= due)
    return;
  if (self->timer_source != NULL)
    {
      g_source_destroy (self->timer_source);
      g_clear_pointer (&self->timer_source, g_source_unref);
    }
  self->timer_due = due;
  self->timer_source = attach_weak_source (self, (guint) ((due - now) / 1000 + 1), timer_fired);
}

typedef struct {
  TayoriOutbox *self;
  gint64        id;
} Dispatch;

/* Starts every due head item (the oldest unfinished one of its article) up to the limit. */
static void
schedule_locked (TayoriOutbox *self)
{
  g_autoptr(GHashTable) seen = NULL;
  gint64 now = g_get_real_time ();
  gint64 next_due = G_MAXINT64;

  if (!self->loaded || self->stopped || self->running >= self->max_parallel)
    return;
  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (GSequenceIter *iter = g_sequence_get_begin_iter (self->queue);
       !g_sequence_iter_is_end (iter) && self->running < self->max_parallel;
       iter = g_sequence_iter_next (iter))
    {
      TayoriOutboxEntry *entry = g_sequence_get (iter);
      Dispatch *dispatch;

      if (entry->article_id != 0)
        {
          if (g_hash_table_contains (seen, &entry->article_id))
            continue;
          g_hash_table_add (seen, &entry->article_id);
        }
      if (entry->running || g_hash_table_contains (self->busy, &entry->article_id))
        continue;
      if (entry->due > now)
        {
          next_due = MIN (next_due, entry->due);
          continue;
        }
      entry->running = TRUE;
      self->running++;
      if (entry->article_id != 0)
        g_hash_table_add (self->busy, &entry->article_id);
      dispatch = g_new0 (Dispatch, 1);
      dispatch->self = g_object_ref (self);
      dispatch->id = entry->id;
      g_thread_pool_push (self->pool, dispatch, NULL);
    }
  if (next_due != G_MAXINT64)
    arm_timer_locked (self, next_due, now);
}

static gint64
backoff_due (TayoriOutbox *self, guint attempts)
{
  guint64 delay = self->backoff_ms;

  for (guint i = 1; i < attempts && delay < BACKOFF_CAP_MS; i++)
    delay *= 2;
  delay = MIN (delay, BACKOFF_CAP_MS);
  delay += (guint64) g_random_int_range (0, (gint32) (delay / 4) + 1);
  delay = MIN (delay, BACKOFF_CAP_MS);
  return g_get_real_time () + (gint64) delay * 1000;
}

static TayoriOutboxState
outcome_state (const GError *error)
{
  if (error == NULL)
    return TAYORI_OUTBOX_DONE;
  if (g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT))
    return TAYORI_OUTBOX_CONFLICT;
  if (tayori_cms_error_is_transient (error) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return TAYORI_OUTBOX_PENDING;
  return TAYORI_OUTBOX_FAILED;
}

static void
run_item (gpointer data, gpointer user_data)
{
  g_autofree Dispatch *dispatch = data;
  g_autoptr(TayoriOutbox) self = dispatch->self;
  g_autoptr(TayoriOutboxItem) item = NULL;
  g_autoptr(TayoriOutboxItem) updated = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  TayoriOutboxState state;
  gint64 due = 0;
  GSequenceIter *iter;

  (void) user_data;
  item = tayori_outbox_db_start (self->store, dispatch->id, &error);
  if (item != NULL)
    self->run (item, self->run_data, self->cancellable, &error);
  state = outcome_state (error);
  if (state == TAYORI_OUTBOX_PENDING)
    due = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          ? g_get_real_time () : backoff_due (self, item != NULL ? item->attempts : 1);
  updated = tayori_outbox_db_finish (self->store, dispatch->id, state, due,
    error == NULL ? NULL
    : error->domain == TAYORI_CMS_ERROR ? tayori_cms_error_to_key (error->code) : "internal",
    error != NULL ? error->message : NULL, NULL);

  g_mutex_lock (&self->lock);
  iter = g_hash_table_lookup (self->entries, &dispatch->id);
  if (iter != NULL)
    {
      TayoriOutboxEntry *entry = g_sequence_get (iter);

      g_hash_table_remove (self->busy, &entry->article_id);
      entry->running = FALSE;
      entry->due = due;
      if (state != TAYORI_OUTBOX_PENDING)
        {
          g_hash_table_remove (self->entries, &entry->id);
          g_sequence_remove (iter);
        }
    }
  self->running--;
  if (state != TAYORI_OUTBOX_PENDING)
    {
      g_autofree gint64 *key = NULL;

      g_hash_table_replace (self->finished, tayori_outbox_id_key (dispatch->id),
                            error != NULL ? g_error_copy (error) : NULL);
      g_hash_table_steal_extended (self->waiters, &dispatch->id, (gpointer *) &key, (gpointer *) &tasks);
    }
  if (updated != NULL)
    notify_locked (self, g_steal_pointer (&updated));
  schedule_locked (self);
  g_mutex_unlock (&self->lock);
  tayori_outbox_complete_waiters (tasks, error);
}

static void
tayori_outbox_dispose (GObject *object)
{
  TayoriOutbox *self = TAYORI_OUTBOX (object);

  g_cancellable_cancel (self->cancellable);
  g_mutex_lock (&self->lock);
  self->stopped = TRUE;
  if (self->timer_source != NULL)
    g_source_destroy (self->timer_source);
  if (self->notify_source != NULL)
    g_source_destroy (self->notify_source);
  g_clear_pointer (&self->timer_source, g_source_unref);
  g_clear_pointer (&self->notify_source, g_source_unref);
  g_mutex_unlock (&self->lock);
  G_OBJECT_CLASS (tayori_outbox_parent_class)->dispose (object);
}

static void
tayori_outbox_finalize (GObject *object)
{
  TayoriOutbox *self = TAYORI_OUTBOX (object);

  /* Every dispatched job holds a reference, so none is running now. */
  g_thread_pool_free (self->pool, TRUE, FALSE);
  if (self->run_data_free != NULL)
    self->run_data_free (self->run_data);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_sequence_free);
  g_clear_pointer (&self->busy, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_hash_table_unref);
  g_clear_pointer (&self->finished, g_hash_table_unref);
  g_clear_pointer (&self->notify, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tayori_outbox_parent_class)->finalize (object);
}

static void
tayori_outbox_class_init (TayoriOutboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tayori_outbox_dispose;
  object_class->finalize = tayori_outbox_finalize;

  signals[ITEM_CHANGED] = g_signal_new ("item-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        TAYORI_TYPE_OUTBOX_ITEM | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[DRAINED] = g_signal_new ("drained", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tayori_outbox_init (TayoriOutbox *self)
{
  g_mutex_init (&self->lock);
  self->max_parallel = 4;
  self->backoff_ms = 2000;
  self->queue = g_sequence_new (g_free);
  self->entries = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->busy = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->waiters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->finished = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, tayori_outbox_free_error);
  self->notify = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) tayori_outbox_item_free);
  self->cancellable = g_cancellable_new ();
  self->context = g_main_context_ref_thread_default ();
  self->pool = g_thread_pool_new (run_item, NULL, -1, FALSE, NULL);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  TayoriOutbox *self = TAYORI_OUTBOX (source);
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);
  g_autoptr(GPtrArray) orphans = NULL;

  (void) user_data;
  g_mutex_lock (&self->lock);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    add_entry_locked (self, g_steal_pointer (&g_ptr_array_index (entries, i)));
  self->loaded = TRUE;
  orphans = tayori_outbox_take_orphans_locked (self);
  schedule_locked (self);
  g_mutex_unlock (&self->lock);
  tayori_outbox_resolve_orphans (orphans);
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = tayori_outbox_db_load (TAYORI_OUTBOX (source)->store, &error);

  (void) data;
  (void) cancellable;
  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

TayoriOutbox *
tayori_outbox_new (TayoriStore *store, TayoriOutboxRunFunc run, gpointer run_data,
                   GDestroyNotify run_data_free)
{
  TayoriOutbox *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  g_return_val_if_fail (run != NULL, NULL);

  self = g_object_new (TAYORI_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  self->run = run;
  self->run_data = run_data;
  self->run_data_free = run_data_free;
  task = g_task_new (self, NULL, loaded_cb, NULL);
  g_task_set_source_tag (task, tayori_outbox_new);
  g_task_run_in_thread (task, load_thread);
  return self;
}

void
tayori_outbox_set_max_parallel (TayoriOutbox *self, guint max_parallel)
{
  g_return_if_fail (TAYORI_IS_OUTBOX (self));
  g_mutex_lock (&self->lock);
  self->max_parallel = MAX (max_parallel, 1);
  schedule_locked (self);
  g_mutex_unlock (&self->lock);
}

void
tayori_outbox_set_backoff (TayoriOutbox *self, guint base_ms)
{
  g_return_if_fail (TAYORI_IS_OUTBOX (self));
  g_mutex_lock (&self->lock);
  self->backoff_ms = MAX (base_ms, 1);
  g_mutex_unlock (&self->lock);
}

static void
queue_pending (TayoriOutbox *self, gint64 id, gint64 article_id)
{
  TayoriOutboxEntry *entry = g_new0 (TayoriOutboxEntry, 1);

  entry->id = id;
  entry->article_id = article_id;
  entry->due = g_get_real_time ();
  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->finished, &id);
  add_entry_locked (self, entry);
  schedule_locked (self);
  g_mutex_unlock (&self->lock);
}

gint64
tayori_outbox_enqueue (TayoriOutbox *self, gint64 article_id, const char *account,
                       const char *action, const char *payload, GError **error)
{
  gint64 id;

  g_return_val_if_fail (TAYORI_IS_OUTBOX (self), 0);
  g_return_val_if_fail (account != NULL && action != NULL, 0);

  id = tayori_outbox_db_insert (self->store, article_id, account, action, payload, error);
  if (id != 0)
    queue_pending (self, id, article_id);
  return id;
}

GPtrArray *
tayori_outbox_list_unfinished (TayoriOutbox *self, GError **error)
{
  g_return_val_if_fail (TAYORI_IS_OUTBOX (self), NULL);
  return tayori_outbox_db_list_unfinished (self->store, 0, error);
}

gboolean
tayori_outbox_retry (TayoriOutbox *self, gint64 id, GError **error)
{
  gint64 article_id = 0;

  g_return_val_if_fail (TAYORI_IS_OUTBOX (self), FALSE);
  if (!tayori_outbox_db_retry (self->store, id, &article_id, error))
    return FALSE;
  queue_pending (self, id, article_id);
  return TRUE;
}

void
tayori_outbox_stop (TayoriOutbox *self)
{
  g_return_if_fail (TAYORI_IS_OUTBOX (self));
  g_mutex_lock (&self->lock);
  self->stopped = TRUE;
  g_mutex_unlock (&self->lock);
}
