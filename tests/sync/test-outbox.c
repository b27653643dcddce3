/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriOutbox on its own, with scripted run functions: order per article, the parallel
 * limit, backoff to success, permanent failures and retry, restart with a running item. */
#include <string.h>
#include "sync-test-util.h"
#include "tayori-cms-error.h"
#include "tayori-outbox-private.h"

typedef struct {
  GMutex      lock;
  GHashTable *busy;        /* article ids running now */
  GPtrArray  *order;       /* "article:item" in start order */
  guint       active;
  guint       max_active;
  gboolean    overlap;     /* two items of one article ran at once */
  guint       fail_transiently;
  int         fail_code;   /* -1: none */
  guint       delay_ms;
  gboolean    gated;       /* runs wait until the test opens the gate */
  GCond       gate;
  GPtrArray  *payloads;
} Script;

static Script *
script_new (void)
{
  Script *script = g_new0 (Script, 1);

  g_mutex_init (&script->lock);
  g_cond_init (&script->gate);
  script->busy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  script->order = g_ptr_array_new_with_free_func (g_free);
  script->payloads = g_ptr_array_new_with_free_func (g_free);
  script->fail_code = -1;
  return script;
}

static void
script_free (Script *script)
{
  g_hash_table_unref (script->busy);
  g_ptr_array_unref (script->order);
  g_ptr_array_unref (script->payloads);
  g_mutex_clear (&script->lock);
  g_cond_clear (&script->gate);
  g_free (script);
}

static gboolean
scripted_run (const TayoriOutboxItem *item, gpointer data, GCancellable *cancellable, GError **error)
{
  Script *script = data;
  gboolean ok = TRUE;

  g_mutex_lock (&script->lock);
  if (g_hash_table_contains (script->busy, &item->article_id))
    script->overlap = TRUE;
  g_hash_table_add (script->busy, g_memdup2 (&item->article_id, sizeof (gint64)));
  g_ptr_array_add (script->order, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                   item->article_id, item->id));
  g_ptr_array_add (script->payloads, g_strdup (item->payload));
  script->active++;
  script->max_active = MAX (script->max_active, script->active);
  while (script->gated)
    g_cond_wait (&script->gate, &script->lock);
  g_mutex_unlock (&script->lock);
  g_usleep (script->delay_ms * 1000);
  g_mutex_lock (&script->lock);
  script->active--;
  g_hash_table_remove (script->busy, &item->article_id);
  if (script->fail_transiently > 0)
    {
      script->fail_transiently--;
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE, "offline");
      ok = FALSE;
    }
  else if (script->fail_code >= 0)
    {
      g_set_error (error, TAYORI_CMS_ERROR, script->fail_code, "role cannot do this");
      script->fail_code = -1;
      ok = FALSE;
    }
  g_mutex_unlock (&script->lock);
  return ok;
}

static TayoriOutbox *
new_outbox (SyncFixture *fixture, Script *script)
{
  TayoriOutbox *outbox = tayori_outbox_new (fixture->store, scripted_run, script, NULL);

  tayori_outbox_set_backoff (outbox, 5);
  return outbox;
}

static void
setup (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_set_up (fixture, NULL, 1);
  /* These tests drive their own outboxes. */
  tayori_outbox_stop (tayori_cms_sync_get_outbox (fixture->sync));
}

static void
teardown (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_tear_down (fixture);
}

static void
test_order_per_article (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) outbox = new_outbox (fixture, script);
  gint64 articles[3], last = 0;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  script->delay_ms = 3;
  for (guint i = 0; i < 3; i++)
    articles[i] = sync_fixture_add_article (fixture, "記事", "本文");
  for (guint round = 0; round < 4; round++)
    for (guint i = 0; i < 3; i++)
      last = tayori_outbox_enqueue (outbox, articles[i], "city", "push", "{}", NULL);
  g_assert_cmpint (last, >, 0);
  for (gint64 id = last - 11; id <= last; id++)
    g_assert_null (sync_test_wait_item (outbox, id));

  g_assert_cmpuint (script->order->len, ==, 12);
  g_assert_false (script->overlap);
  /* Each article's items started in id order. */
  for (guint i = 0; i < script->order->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (script->order, i), ":", 2);
      gint64 article = g_ascii_strtoll (parts[0], NULL, 10);
      gint64 item = g_ascii_strtoll (parts[1], NULL, 10);
      gint64 *previous = g_hash_table_lookup (seen, &article);

      if (previous != NULL)
        g_assert_cmpint (item, >, *previous);
      g_hash_table_replace (seen, g_memdup2 (&article, sizeof article), g_memdup2 (&item, sizeof item));
    }
  g_clear_object (&outbox);
  script_free (script);
}

static guint
active_runs (Script *script)
{
  guint active;

  g_mutex_lock (&script->lock);
  active = script->active;
  g_mutex_unlock (&script->lock);
  return active;
}

static void
test_parallel_limit (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) outbox = new_outbox (fixture, script);
  gint64 articles[12], ids[12];

  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    articles[i] = sync_fixture_add_article (fixture, "記事", "本文");
  script->gated = TRUE;
  tayori_outbox_set_max_parallel (outbox, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = tayori_outbox_enqueue (outbox, articles[i], "city", "push", "{}", NULL);
  /* Twelve items of twelve articles are due: three start, the rest wait. */
  while (active_runs (script) < 3)
    g_main_context_iteration (NULL, FALSE);
  g_usleep (20000);
  g_assert_cmpuint (active_runs (script), ==, 3);

  g_mutex_lock (&script->lock);
  script->gated = FALSE;
  g_cond_broadcast (&script->gate);
  g_mutex_unlock (&script->lock);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_null (sync_test_wait_item (outbox, ids[i]));
  g_assert_cmpuint (script->order->len, ==, 12);
  g_assert_cmpuint (script->max_active, ==, 3);
  g_clear_object (&outbox);
  script_free (script);
}

static void
test_backoff_then_success (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) outbox = new_outbox (fixture, script);
  g_autoptr(TayoriOutboxItem) item = NULL;
  gint64 id;

  script->fail_transiently = 3;
  id = tayori_outbox_enqueue (outbox, sync_fixture_add_article (fixture, "記事", "本文"), "city", "push", "{}", NULL);
  g_assert_null (sync_test_wait_item (outbox, id));
  item = tayori_outbox_db_get (fixture->store, id, NULL);
  g_assert_cmpint (item->state, ==, TAYORI_OUTBOX_DONE);
  g_assert_cmpuint (item->attempts, ==, 4);
  g_assert_cmpuint (script->order->len, ==, 4);
  g_clear_object (&outbox);
  script_free (script);
}

static void
test_permanent_failure (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) outbox = new_outbox (fixture, script);
  g_autoptr(TayoriOutboxItem) item = NULL;
  g_autoptr(GPtrArray) unfinished = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  script->fail_code = TAYORI_CMS_ERROR_FORBIDDEN;
  id = tayori_outbox_enqueue (outbox, sync_fixture_add_article (fixture, "記事", "本文"), "city", "push", "{}", NULL);
  error = sync_test_wait_item (outbox, id);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN);
  item = tayori_outbox_db_get (fixture->store, id, NULL);
  g_assert_cmpint (item->state, ==, TAYORI_OUTBOX_FAILED);
  g_assert_cmpstr (item->error_class, ==, "forbidden");
  g_assert_cmpstr (item->error_message, ==, "role cannot do this");
  g_assert_cmpuint (item->attempts, ==, 1);
  unfinished = tayori_outbox_list_unfinished (outbox, NULL);
  g_assert_cmpuint (unfinished->len, ==, 1);

  /* A failed item waits for a person; retry runs it again. */
  g_assert_true (tayori_outbox_retry (outbox, id, NULL));
  g_clear_error (&error);
  g_assert_null (sync_test_wait_item (outbox, id));
  g_clear_pointer (&item, tayori_outbox_item_free);
  item = tayori_outbox_db_get (fixture->store, id, NULL);
  g_assert_cmpint (item->state, ==, TAYORI_OUTBOX_DONE);
  g_assert_null (item->error_class);
  g_clear_object (&outbox);
  script_free (script);
}

static void
test_restart_reconciles (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) first = NULL;
  g_autoptr(TayoriOutbox) second = NULL;
  g_autoptr(TayoriOutboxItem) running = NULL;
  gint64 article = sync_fixture_add_article (fixture, "記事", "本文");
  gint64 id;

  first = new_outbox (fixture, script);
  tayori_outbox_stop (first);
  id = tayori_outbox_enqueue (first, article, "city", "push", "{\"note\":\"x\"}", NULL);
  /* The app died while the item ran. */
  running = tayori_outbox_db_start (fixture->store, id, NULL);
  g_assert_cmpint (running->state, ==, TAYORI_OUTBOX_RUNNING);
  g_clear_object (&first);

  second = new_outbox (fixture, script);
  g_assert_null (sync_test_wait_item (second, id));
  g_assert_cmpuint (script->payloads->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (script->payloads, 0), "\"reconcile\":true"));
  g_assert_nonnull (strstr (g_ptr_array_index (script->payloads, 0), "\"note\":\"x\""));
  g_clear_object (&second);
  script_free (script);
}

typedef struct {
  guint               changed;
  guint               drained;
  TayoriOutboxState   last_state;
} Notifications;

static void
on_item_changed (TayoriOutbox *outbox, TayoriOutboxItem *item, Notifications *seen)
{
  seen->changed++;
  seen->last_state = item->state;
}

static void
on_drained (TayoriOutbox *outbox, Notifications *seen)
{
  seen->drained++;
}

static void
test_notifications (SyncFixture *fixture, gconstpointer data)
{
  Script *script = script_new ();
  g_autoptr(TayoriOutbox) outbox = new_outbox (fixture, script);
  Notifications seen = { 0 };
  gint64 id;

  script->fail_transiently = 2;
  g_signal_connect (outbox, "item-changed", G_CALLBACK (on_item_changed), &seen);
  g_signal_connect (outbox, "drained", G_CALLBACK (on_drained), &seen);
  id = tayori_outbox_enqueue (outbox, sync_fixture_add_article (fixture, "記事", "本文"), "city", "push", "{}", NULL);
  g_assert_null (sync_test_wait_item (outbox, id));
  while (seen.drained == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Three outcomes, coalesced: at least one emission, never more than one per outcome. */
  g_assert_cmpuint (seen.changed, >=, 1);
  g_assert_cmpuint (seen.changed, <=, 3);
  g_assert_cmpint (seen.last_state, ==, TAYORI_OUTBOX_DONE);
  g_clear_object (&outbox);
  script_free (script);
}

int
main (int argc, char **argv)
{
  sync_test_init (&argc, &argv);
#define ADD(path, func) g_test_add ("/tayori/sync/outbox/" path, SyncFixture, NULL, setup, func, teardown)
  ADD ("order-per-article", test_order_per_article);
  ADD ("parallel-limit", test_parallel_limit);
  ADD ("backoff-then-success", test_backoff_then_success);
  ADD ("permanent-failure", test_permanent_failure);
  ADD ("restart-reconciles", test_restart_reconciles);
  ADD ("notifications", test_notifications);
#undef ADD
  return g_test_run ();
}
