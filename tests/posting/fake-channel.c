/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scripted fake channel and its fake server (see fake-channel.h). Thread-safe: the post
 * queue calls it from its account workers. */
#include "fake-channel.h"

struct _FakeServer {
  gatomicrefcount  ref;
  GMutex           mutex;
  GPtrArray       *posts;   /* FakeCall of each published post (key, text) */
  guint            next_id;
};

FakeServer *
fake_server_new (void)
{
  FakeServer *server = g_new0 (FakeServer, 1);

  g_atomic_ref_count_init (&server->ref);
  g_mutex_init (&server->mutex);
  server->posts = g_ptr_array_new ();
  return server;
}

FakeServer *
fake_server_ref (FakeServer *server)
{
  g_atomic_ref_count_inc (&server->ref);
  return server;
}

static void fake_call_free (FakeCall *call);

void
fake_server_unref (FakeServer *server)
{
  if (!g_atomic_ref_count_dec (&server->ref))
    return;
  g_ptr_array_set_free_func (server->posts, (GDestroyNotify) fake_call_free);
  g_ptr_array_unref (server->posts);
  g_mutex_clear (&server->mutex);
  g_free (server);
}

guint
fake_server_count (FakeServer *server,
                   const char *text)
{
  guint count = 0;

  g_mutex_lock (&server->mutex);
  for (guint i = 0; i < server->posts->len; i++)
    count += g_strcmp0 (((FakeCall *) g_ptr_array_index (server->posts, i))->text, text) == 0;
  g_mutex_unlock (&server->mutex);
  return count;
}

guint
fake_server_total (FakeServer *server)
{
  guint total;

  g_mutex_lock (&server->mutex);
  total = server->posts->len;
  g_mutex_unlock (&server->mutex);
  return total;
}

struct _FakeRendezvous {
  GMutex mutex;
  GCond  cond;
  guint  count;
  guint  arrived;
  guint  timeout_ms;
};

FakeRendezvous *
fake_rendezvous_new (guint count,
                     guint timeout_ms)
{
  FakeRendezvous *rendezvous = g_new0 (FakeRendezvous, 1);

  g_mutex_init (&rendezvous->mutex);
  g_cond_init (&rendezvous->cond);
  rendezvous->count = count;
  rendezvous->timeout_ms = timeout_ms;
  return rendezvous;
}

void
fake_rendezvous_free (FakeRendezvous *rendezvous)
{
  g_mutex_clear (&rendezvous->mutex);
  g_cond_clear (&rendezvous->cond);
  g_free (rendezvous);
}

/* TRUE when everyone arrived in time. */
static gboolean
rendezvous_meet (FakeRendezvous *rendezvous)
{
  gint64 end = g_get_monotonic_time () + rendezvous->timeout_ms * G_TIME_SPAN_MILLISECOND;
  gboolean met = TRUE;

  g_mutex_lock (&rendezvous->mutex);
  rendezvous->arrived++;
  g_cond_broadcast (&rendezvous->cond);
  while (met && rendezvous->arrived < rendezvous->count)
    met = g_cond_wait_until (&rendezvous->cond, &rendezvous->mutex, end);
  g_mutex_unlock (&rendezvous->mutex);
  return met;
}

typedef struct {
  FakeOutcome outcome;
  guint       retry_after;
} Step;

struct _FakeChannel {
  GObject            parent_instance;
  TayoriPostNetwork  network;
  TayoriChannelFlags flags;
  FakeServer        *server;
  GMutex             mutex;
  GCond              cond;
  GQueue             script;      /* Step */
  GPtrArray         *calls;       /* FakeCall */
  FakeRendezvous    *rendezvous;
  gboolean           hang_next;
  gboolean           hanging;
  gboolean           released;
  guint              delay_ms;
};

static void fake_channel_iface_init (TayoriChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FakeChannel, fake_channel, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHANNEL, fake_channel_iface_init))

static void
fake_call_free (FakeCall *call)
{
  g_free (call->method);
  g_free (call->key);
  g_free (call->text);
  g_free (call->audiences);
  g_free (call);
}

static FakeCall *
fake_call_copy (const FakeCall *call)
{
  FakeCall *copy = g_memdup2 (call, sizeof *call);

  copy->method = g_strdup (call->method);
  copy->key = g_strdup (call->key);
  copy->text = g_strdup (call->text);
  copy->audiences = g_strdup (call->audiences);
  return copy;
}

static void
record (FakeChannel             *self,
        const char              *method,
        const TayoriChannelPost *post)
{
  FakeCall *call = g_new0 (FakeCall, 1);

  call->method = g_strdup (method);
  call->key = post != NULL ? g_strdup (post->idempotency_key) : NULL;
  call->text = post != NULL ? g_strdup (post->text) : NULL;
  call->time_us = g_get_real_time ();
  call->scheduled = post != NULL && post->scheduled_at != NULL;
  call->audiences = post != NULL && post->audience_groups != NULL
    ? g_strjoinv (",", post->audience_groups) : NULL;
  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->calls, call);
  g_mutex_unlock (&self->mutex);
}

static TayoriChannelReceipt *
receipt_for (guint id)
{
  TayoriChannelReceipt *receipt = g_new0 (TayoriChannelReceipt, 1);

  receipt->remote_id = g_strdup_printf ("%u", id);
  receipt->remote_url = g_strdup_printf ("https://fake.example/posts/%u", id);
  return receipt;
}

/* Publishes @post unless a keyed server already has its key; returns the post's id. */
static guint
publish (FakeChannel             *self,
         const TayoriChannelPost *post)
{
  FakeServer *server = self->server;
  gboolean keyed = (self->flags & TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY) != 0;
  FakeCall *published;
  guint id = 0;

  g_mutex_lock (&server->mutex);
  for (guint i = 0; keyed && i < server->posts->len; i++)
    if (g_strcmp0 (((FakeCall *) g_ptr_array_index (server->posts, i))->key,
                   post->idempotency_key) == 0)
      id = i + 1;
  if (id == 0)
    {
      published = g_new0 (FakeCall, 1);
      published->method = g_strdup ("published");
      published->key = g_strdup (post->idempotency_key);
      published->text = g_strdup (post->text);
      published->time_us = g_get_real_time ();
      g_ptr_array_add (server->posts, published);
      id = server->posts->len;
    }
  g_mutex_unlock (&server->mutex);
  return id;
}

static Step
next_step (FakeChannel *self)
{
  Step step = { FAKE_OK, 0 };
  Step *scripted;

  g_mutex_lock (&self->mutex);
  scripted = g_queue_pop_head (&self->script);
  g_mutex_unlock (&self->mutex);
  if (scripted != NULL)
    {
      step = *scripted;
      g_free (scripted);
    }
  return step;
}

static void
hang (FakeChannel *self)
{
  g_mutex_lock (&self->mutex);
  if (self->hang_next)
    {
      self->hang_next = FALSE;
      self->hanging = TRUE;
      g_cond_broadcast (&self->cond);
      while (!self->released)
        g_cond_wait (&self->cond, &self->mutex);
      self->hanging = FALSE;
    }
  g_mutex_unlock (&self->mutex);
}

static TayoriChannelReceipt *
fake_post (TayoriChannel            *channel,
           const TayoriChannelPost  *post,
           GCancellable             *cancellable,
           GError                  **error)
{
  FakeChannel *self = FAKE_CHANNEL (channel);
  Step step = next_step (self);
  static const TayoriChannelError permanent[] = {
    [FAKE_AUTH] = TAYORI_CHANNEL_ERROR_AUTH,
    [FAKE_CONTENT] = TAYORI_CHANNEL_ERROR_CONTENT,
    [FAKE_QUOTA] = TAYORI_CHANNEL_ERROR_QUOTA,
    [FAKE_FORBIDDEN] = TAYORI_CHANNEL_ERROR_FORBIDDEN,
  };
  guint id;

  record (self, "post", post);
  if (self->delay_ms > 0)
    g_usleep (self->delay_ms * G_TIME_SPAN_MILLISECOND);
  if (self->rendezvous != NULL && !rendezvous_meet (self->rendezvous))
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                           "the other accounts were not being sent at the same time");
      return NULL;
    }
  switch (step.outcome)
    {
    case FAKE_OK:
      id = publish (self, post);
      hang (self);
      return receipt_for (id);
    case FAKE_RETRY_LATER:
      g_propagate_error (error, tayori_channel_error_new_retry_later (step.retry_after,
                                                                      "429 Too Many Requests"));
      return NULL;
    case FAKE_UNKNOWN_RECEIVED:
      publish (self, post);
      G_GNUC_FALLTHROUGH;
    case FAKE_UNKNOWN_LOST:
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                           "connection dropped");
      return NULL;
    default:
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, permanent[step.outcome], "refused");
      return NULL;
    }
}

static TayoriChannelReceipt *
fake_find_post (TayoriChannel            *channel,
                const TayoriChannelPost  *post,
                GDateTime                *since,
                GCancellable             *cancellable,
                GError                  **error)
{
  FakeChannel *self = FAKE_CHANNEL (channel);
  FakeServer *server = self->server;
  gint64 since_us = g_date_time_to_unix (since) * G_USEC_PER_SEC
    + g_date_time_get_microsecond (since);
  guint found = 0;

  record (self, "find_post", post);
  g_mutex_lock (&server->mutex);
  for (guint i = 0; i < server->posts->len && found == 0; i++)
    {
      FakeCall *published = g_ptr_array_index (server->posts, i);

      if (g_strcmp0 (published->text, post->text) == 0 && published->time_us >= since_us)
        found = i + 1;
    }
  g_mutex_unlock (&server->mutex);
  return found != 0 ? receipt_for (found) : NULL;
}

static gboolean
fake_check_ready (TayoriChannel            *channel,
                  const TayoriChannelPost  *post,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  record (FAKE_CHANNEL (channel), "check_ready", post);
  return TRUE;
}

static gboolean
fake_delete_post (TayoriChannel  *channel,
                  const char     *remote_id,
                  GCancellable   *cancellable,
                  GError        **error)
{
  record (FAKE_CHANNEL (channel), "delete_post", NULL);
  return TRUE;
}

static TayoriChannelMetrics *
fake_get_metrics (TayoriChannel  *channel,
                  const char     *remote_id,
                  GCancellable   *cancellable,
                  GError        **error)
{
  TayoriChannelMetrics *metrics = g_new0 (TayoriChannelMetrics, 1);

  record (FAKE_CHANNEL (channel), "get_metrics", NULL);
  metrics->likes = 7;
  metrics->reposts = 2;
  metrics->replies = 1;
  metrics->views = -1;
  return metrics;
}

static TayoriPostNetwork
fake_get_network (TayoriChannel *channel)
{
  return FAKE_CHANNEL (channel)->network;
}

static TayoriChannelFlags
fake_get_flags (TayoriChannel *channel)
{
  return FAKE_CHANNEL (channel)->flags;
}

static guint
fake_get_max_images (TayoriChannel *channel)
{
  return 4;
}

static void
fake_channel_iface_init (TayoriChannelInterface *iface)
{
  iface->get_network = fake_get_network;
  iface->get_flags = fake_get_flags;
  iface->get_max_images = fake_get_max_images;
  iface->check_ready = fake_check_ready;
  iface->post = fake_post;
  iface->find_post = fake_find_post;
  iface->delete_post = fake_delete_post;
  iface->get_metrics = fake_get_metrics;
}

static void
fake_channel_finalize (GObject *object)
{
  FakeChannel *self = FAKE_CHANNEL (object);

  g_queue_clear_full (&self->script, g_free);
  g_ptr_array_unref (self->calls);
  fake_server_unref (self->server);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (fake_channel_parent_class)->finalize (object);
}

static void
fake_channel_class_init (FakeChannelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fake_channel_finalize;
}

static void
fake_channel_init (FakeChannel *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->script);
  self->calls = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_call_free);
}

FakeChannel *
fake_channel_new (TayoriPostNetwork   network,
                  TayoriChannelFlags  flags,
                  FakeServer         *server)
{
  FakeChannel *self = g_object_new (FAKE_TYPE_CHANNEL, NULL);

  self->network = network;
  self->flags = flags;
  self->server = server != NULL ? fake_server_ref (server) : fake_server_new ();
  return self;
}

void
fake_channel_script (FakeChannel *self,
                     FakeOutcome  outcome,
                     guint        retry_after)
{
  Step *step = g_new0 (Step, 1);

  step->outcome = outcome;
  step->retry_after = retry_after;
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->script, step);
  g_mutex_unlock (&self->mutex);
}

void
fake_channel_set_rendezvous (FakeChannel    *self,
                             FakeRendezvous *rendezvous)
{
  self->rendezvous = rendezvous;
}

void
fake_channel_set_delay_ms (FakeChannel *self,
                           guint        delay_ms)
{
  self->delay_ms = delay_ms;
}

void
fake_channel_hang_next (FakeChannel *self)
{
  g_mutex_lock (&self->mutex);
  self->hang_next = TRUE;
  self->released = FALSE;
  g_mutex_unlock (&self->mutex);
}

void
fake_channel_release (FakeChannel *self)
{
  g_mutex_lock (&self->mutex);
  self->released = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

void
fake_channel_wait_hanging (FakeChannel *self)
{
  g_mutex_lock (&self->mutex);
  while (!self->hanging)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

GPtrArray *
fake_channel_dup_calls (FakeChannel *self)
{
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) fake_call_free);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->calls->len; i++)
    g_ptr_array_add (calls, fake_call_copy (g_ptr_array_index (self->calls, i)));
  g_mutex_unlock (&self->mutex);
  return calls;
}

guint
fake_channel_count_calls (FakeChannel *self,
                          const char  *method)
{
  guint count = 0;

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->calls->len; i++)
    count += g_str_equal (((FakeCall *) g_ptr_array_index (self->calls, i))->method, method);
  g_mutex_unlock (&self->mutex);
  return count;
}

FakeServer *
fake_channel_get_server (FakeChannel *self)
{
  return self->server;
}
