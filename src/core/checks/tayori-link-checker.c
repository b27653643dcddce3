/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link checker: every http(s) link of a document (a href, img src, the related links) is
 * looked up in the cache on a worker thread, the rest are probed through the HTTP client with
 * at most four requests in flight per checker (HEAD, then GET when HEAD is refused with 405 or
 * 501; redirects followed hop by hop so a permanent move can be told from a temporary one),
 * and the outcomes are stored back before the findings are handed over. Probing runs on the
 * caller's main context and never blocks it. */
#include "tayori-http-client.h"
#include "tayori-link-cache.h"
#include "tayori-link-checker.h"
#include "tayori-link-targets.h"

#define MAX_CONCURRENT   4
#define MAX_REDIRECTS    10
#define CACHE_MAX_AGE    (24 * 60 * 60)
#define DEFAULT_TIMEOUT  10
#define MAX_BODY         1024   /* nothing of the body is needed: stop reading early */

struct _TayoriLinkChecker
{
  GObject           parent_instance;

  TayoriLinkCache  *cache;
  TayoriHttpClient *client;
  GQueue            waiting;    /* Probe, first come first served across runs */
  guint             n_active;
};

G_DEFINE_FINAL_TYPE (TayoriLinkChecker, tayori_link_checker, G_TYPE_OBJECT)

/* One check_async call: the task's data. */
typedef struct {
  GPtrArray      *targets;    /* TayoriLinkTarget */
  GPtrArray      *urls;       /* distinct URLs, borrowed from targets */
  GHashTable     *outcomes;   /* url → TayoriLinkOutcome */
  GPtrArray      *probed;     /* URLs whose outcome is new (to store) */
  guint           n_pending;
  guint           timeout;
  TayoriLinkRules rules;
} Run;

/* One URL being probed, hop by hop. */
typedef struct {
  GTask    *task;          /* of its run */
  char     *url;           /* as written */
  char     *current;       /* the hop being requested */
  gboolean  head;
  guint     n_redirects;
  gboolean  permanent;
} Probe;

static void pump (TayoriLinkChecker *self);

static void
run_free (Run *run)
{
  g_ptr_array_unref (run->targets);
  g_ptr_array_unref (run->urls);
  g_hash_table_unref (run->outcomes);
  g_ptr_array_unref (run->probed);
  g_free (run);
}

static void
probe_free (Probe *probe)
{
  g_object_unref (probe->task);
  g_free (probe->url);
  g_free (probe->current);
  g_free (probe);
}

static GPtrArray *
build_findings (const Run *run)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < run->targets->len; i++)
    {
      const TayoriLinkTarget *target = g_ptr_array_index (run->targets, i);
      const TayoriLinkOutcome *outcome = g_hash_table_lookup (run->outcomes, target->url);
      TayoriFinding *finding = outcome != NULL ? tayori_link_target_finding (target, outcome,
                                                                             &run->rules)
                                               : NULL;

      if (finding != NULL)
        g_ptr_array_add (findings, finding);
    }
  return findings;
}

/* ---- cache phases (worker threads) ------------------------------------------------------ */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
lookup_thread (GTask        *lookup,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TayoriLinkChecker *self = source;
  Run *run = task_data;
  gint64 now = now_seconds ();

  for (guint i = 0; i < run->urls->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const char *url = g_ptr_array_index (run->urls, i);
      TayoriLinkOutcome *outcome = tayori_link_cache_lookup (self->cache, url, now, CACHE_MAX_AGE);

      if (outcome != NULL)
        g_hash_table_insert (run->outcomes, (char *) url, outcome);
    }
  g_task_return_boolean (lookup, TRUE);
}

static void
store_thread (GTask        *store,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  TayoriLinkChecker *self = source;
  Run *run = task_data;
  gint64 now = now_seconds ();

  for (guint i = 0; i < run->probed->len; i++)
    {
      const char *url = g_ptr_array_index (run->probed, i);

      tayori_link_cache_store (self->cache, url, now, g_hash_table_lookup (run->outcomes, url));
    }
  g_task_return_boolean (store, TRUE);
}

/* Runs @func on a worker thread over the run of @task, then @done with @task. */
static void
run_in_thread (GTask               *task,
               GTaskThreadFunc      func,
               GAsyncReadyCallback  done)
{
  g_autoptr(GTask) step = g_task_new (g_task_get_source_object (task), NULL, done,
                                      g_object_ref (task));

  g_task_set_task_data (step, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (step, func);
}

static void
stored (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_return_pointer (task, build_findings (g_task_get_task_data (task)),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
finish_run (GTask *task)
{
  Run *run = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (run->probed->len == 0)
    g_task_return_pointer (task, build_findings (run), (GDestroyNotify) g_ptr_array_unref);
  else
    run_in_thread (task, store_thread, stored);
}

/* ---- probing (main context) ------------------------------------------------------------- */

static void send_probe (TayoriLinkChecker *self,
                        Probe             *probe);

/* Records @outcome (NULL: cancelled) and frees the probe and its slot. */
static void
finish_probe (TayoriLinkChecker *self,
              Probe             *probe,
              TayoriLinkOutcome *outcome,
              gboolean           was_active)
{
  g_autoptr(GTask) task = g_object_ref (probe->task);
  Run *run = g_task_get_task_data (task);

  if (outcome != NULL)
    {
      char *url = g_strdup (probe->url);

      g_ptr_array_add (run->probed, url);
      g_hash_table_replace (run->outcomes, url, outcome);
    }
  probe_free (probe);
  if (was_active)
    self->n_active--;
  if (--run->n_pending == 0)
    finish_run (task);
  pump (self);
}

static TayoriLinkOutcome *
outcome_new (Probe *probe,
             guint  status,
             int    error)
{
  TayoriLinkOutcome *outcome = g_new0 (TayoriLinkOutcome, 1);

  outcome->status = status;
  outcome->error = error;
  outcome->final_url = g_strdup (probe->current);
  outcome->n_redirects = probe->n_redirects;
  outcome->permanent = probe->permanent;
  return outcome;
}

/* The next hop of a redirect, or NULL when it goes nowhere an http(s) check can follow. */
static char *
next_hop (const Probe              *probe,
          const TayoriHttpResponse *response)
{
  const char *location = g_hash_table_lookup (response->headers, "location");
  char *next;

  if (location == NULL)
    return NULL;
  next = g_uri_resolve_relative (probe->current, location, G_URI_FLAGS_NONE, NULL);
  if (!tayori_link_is_web_url (next))
    g_clear_pointer (&next, g_free);
  return next;
}

static void
on_response (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Probe *probe = user_data;
  TayoriLinkChecker *self = g_task_get_source_object (probe->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriHttpResponse) response = tayori_http_client_send_finish (TAYORI_HTTP_CLIENT (source),
                                                                           result, &error);
  guint status;
  char *next;

  if (response == NULL)
    {
      finish_probe (self, probe,
                    g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                    ? NULL : outcome_new (probe, 0, error->code),
                    TRUE);
      return;
    }
  status = response->status;
  if (probe->head && (status == 405 || status == 501))
    {
      probe->head = FALSE;
      send_probe (self, probe);
      return;
    }
  if (status >= 300 && status < 400 && (next = next_hop (probe, response)) != NULL)
    {
      if (probe->n_redirects == MAX_REDIRECTS)
        {
          g_free (next);
          finish_probe (self, probe, outcome_new (probe, status, G_IO_ERROR_TOO_MANY_LINKS), TRUE);
          return;
        }
      probe->n_redirects++;
      probe->permanent = probe->permanent && (status == 301 || status == 308);
      g_free (probe->current);
      probe->current = next;
      probe->head = TRUE;
      send_probe (self, probe);
      return;
    }
  finish_probe (self, probe, outcome_new (probe, status, -1), TRUE);
}

static void
send_probe (TayoriLinkChecker *self,
            Probe             *probe)
{
  Run *run = g_task_get_task_data (probe->task);
  TayoriHttpRequest request = {
    .method = probe->head ? "HEAD" : "GET",
    .url = probe->current,
    .connect_timeout = run->timeout,
    .timeout = run->timeout,
    .max_redirects = 0,
    .max_body = MAX_BODY,
  };

  tayori_http_client_send_async (self->client, &request, g_task_get_cancellable (probe->task),
                                 on_response, probe);
}

static void
pump (TayoriLinkChecker *self)
{
  while (self->n_active < MAX_CONCURRENT && !g_queue_is_empty (&self->waiting))
    {
      Probe *probe = g_queue_pop_head (&self->waiting);

      if (g_cancellable_is_cancelled (g_task_get_cancellable (probe->task)))
        {
          finish_probe (self, probe, NULL, FALSE);
          continue;
        }
      self->n_active++;
      send_probe (self, probe);
    }
}

static void
looked_up (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TayoriLinkChecker *self = TAYORI_LINK_CHECKER (source);
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return;
  for (guint i = 0; i < run->urls->len; i++)
    {
      const char *url = g_ptr_array_index (run->urls, i);
      Probe *probe;

      if (g_hash_table_contains (run->outcomes, url))
        continue;
      probe = g_new0 (Probe, 1);
      probe->task = g_object_ref (task);
      probe->url = g_strdup (url);
      probe->current = g_strdup (url);
      probe->head = TRUE;
      probe->permanent = TRUE;
      run->n_pending++;
      g_queue_push_tail (&self->waiting, probe);
    }
  if (run->n_pending == 0)
    finish_run (task);
  else
    pump (self);
}

/* ---- the object ------------------------------------------------------------------------- */

static void
tayori_link_checker_finalize (GObject *object)
{
  TayoriLinkChecker *self = TAYORI_LINK_CHECKER (object);

  /* Every probe holds its run's task, which holds this checker: none can be left. */
  g_assert (g_queue_is_empty (&self->waiting));
  g_clear_object (&self->client);
  g_clear_pointer (&self->cache, tayori_link_cache_free);

  G_OBJECT_CLASS (tayori_link_checker_parent_class)->finalize (object);
}

static void
tayori_link_checker_class_init (TayoriLinkCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_link_checker_finalize;
}

static void
tayori_link_checker_init (TayoriLinkChecker *self)
{
  self->client = tayori_http_client_new ();
  g_queue_init (&self->waiting);
}

TayoriLinkChecker *
tayori_link_checker_new (const char *cache_path)
{
  TayoriLinkChecker *self = g_object_new (TAYORI_TYPE_LINK_CHECKER, NULL);

  self->cache = tayori_link_cache_new (cache_path);
  return self;
}

void
tayori_link_checker_check_async (TayoriLinkChecker   *self,
                                 TayoriCheckDocument *document,
                                 TayoriCheckSettings *settings,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  Run *run;
  gint64 timeout;

  g_return_if_fail (TAYORI_IS_LINK_CHECKER (self));
  g_return_if_fail (TAYORI_IS_CHECK_DOCUMENT (document));
  g_return_if_fail (TAYORI_IS_CHECK_SETTINGS (settings));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_link_checker_check_async);

  run = g_new0 (Run, 1);
  run->rules.dead_enabled = tayori_check_settings_is_enabled (settings, TAYORI_LINK_RULE_DEAD);
  run->rules.redirect_enabled = tayori_check_settings_is_enabled (settings, TAYORI_LINK_RULE_REDIRECT);
  run->rules.dead_severity = tayori_check_settings_get_severity (settings, TAYORI_LINK_RULE_DEAD);
  run->rules.redirect_severity = tayori_check_settings_get_severity (settings,
                                                                     TAYORI_LINK_RULE_REDIRECT);
  timeout = tayori_check_settings_get_int (settings, TAYORI_LINK_RULE_DEAD, "timeout",
                                           DEFAULT_TIMEOUT);
  run->timeout = CLAMP (timeout, 1, 300);
  run->targets = tayori_link_targets_collect (document);
  if (!run->rules.dead_enabled && !run->rules.redirect_enabled)
    g_ptr_array_set_size (run->targets, 0);
  run->urls = g_ptr_array_new ();
  run->outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) tayori_link_outcome_free);
  run->probed = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);

  for (guint i = 0; i < run->targets->len; i++)
    {
      TayoriLinkTarget *target = g_ptr_array_index (run->targets, i);

      if (g_hash_table_add (seen, target->url))
        g_ptr_array_add (run->urls, target->url);
    }
  if (run->urls->len == 0)
    {
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  run_in_thread (task, lookup_thread, looked_up);
}

GPtrArray *
tayori_link_checker_check_finish (TayoriLinkChecker  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
