/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The channel tests' fault-injecting SoupServer: a thread running its own main context, a
 * dispatcher that records every request and answers from per-path scripts, and the faults
 * (dropped connection, slow answer) the post queue must survive without duplicates. */
#include "fault-server.h"
#include "soup-thread-server.h"

typedef struct {
  FaultAction action;
  guint       status;
  char       *body;
  GStrv       headers;
  guint       delay_ms;
} Answer;

typedef struct {
  char       *key;      /* "METHOD /path" */
  GBytes     *body;
  GHashTable *headers;  /* lower-case name → value */
  char       *query;
} Record;

typedef struct {
  char             *path;
  FaultHandlerFunc  func;
  gpointer          data;
} Handler;

struct _FaultServer
{
  GMutex            lock;
  SoupThreadServer *http;
  GHashTable   *scripts;   /* key → GQueue of Answer */
  GHashTable   *defaults;  /* key → Answer */
  GPtrArray    *records;   /* Record */
  GPtrArray    *handlers;  /* Handler */
};

static void
answer_free (Answer *answer)
{
  g_free (answer->body);
  g_strfreev (answer->headers);
  g_free (answer);
}

static void
answers_free (GQueue *queue)
{
  g_queue_free_full (queue, (GDestroyNotify) answer_free);
}

static Answer *
answer_new (const FaultResponse *response)
{
  Answer *answer = g_new0 (Answer, 1);
  g_autoptr(GStrvBuilder) headers = g_strv_builder_new ();

  answer->action = response->action;
  answer->status = response->status != 0 ? response->status : 200;
  answer->body = g_strdup (response->body);
  answer->delay_ms = response->delay_ms;
  for (guint i = 0; i < G_N_ELEMENTS (response->headers) && response->headers[i] != NULL; i++)
    g_strv_builder_add (headers, response->headers[i]);
  answer->headers = g_strv_builder_end (headers);
  return answer;
}

static void
record_free (Record *record)
{
  g_free (record->key);
  g_clear_pointer (&record->body, g_bytes_unref);
  g_hash_table_unref (record->headers);
  g_free (record->query);
  g_free (record);
}

static void
handler_free (Handler *handler)
{
  g_free (handler->path);
  g_free (handler);
}

static char *
make_key (const char *method,
          const char *path)
{
  return g_strdup_printf ("%s %s", method, path);
}

static void
record_request (FaultServer       *self,
                SoupServerMessage *message,
                const char        *key)
{
  Record *record = g_new0 (Record, 1);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  GUri *uri = soup_server_message_get_uri (message);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  record->key = g_strdup (key);
  record->body = soup_message_body_flatten (body);
  record->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  record->query = g_strdup (g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "");
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_replace (record->headers, g_ascii_strdown (name, -1), g_strdup (value));
  g_ptr_array_add (self->records, record);
}

static void
write_answer (SoupServerMessage *message,
              const Answer      *answer)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  for (guint i = 0; answer->headers[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (answer->headers[i], ":", 2);

      if (parts[1] != NULL)
        soup_message_headers_append (headers, g_strstrip (parts[0]), g_strstrip (parts[1]));
    }
  soup_server_message_set_status (message, answer->status, NULL);
  if (answer->body != NULL)
    soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                      answer->body, strlen (answer->body));
}

typedef struct {
  SoupServerMessage *message;
  Answer            *answer;
} Delayed;

static void
delayed_free (Delayed *delayed)
{
  g_object_unref (delayed->message);
  answer_free (delayed->answer);
  g_free (delayed);
}

static gboolean
on_delay_over (gpointer user_data)
{
  Delayed *delayed = user_data;

  write_answer (delayed->message, delayed->answer);
  soup_server_message_unpause (delayed->message);
  return G_SOURCE_REMOVE;
}

static void
perform (FaultServer       *self,
         SoupServerMessage *message,
         Answer            *answer)
{
  if (answer->action == FAULT_DROP)
    {
      g_autoptr(GIOStream) stream = soup_server_message_steal_connection (message);

      g_io_stream_close (stream, NULL, NULL);
      answer_free (answer);
    }
  else if (answer->delay_ms > 0)
    {
      Delayed *delayed = g_new0 (Delayed, 1);
      g_autoptr(GSource) source = g_timeout_source_new (answer->delay_ms);

      delayed->message = g_object_ref (message);
      delayed->answer = answer;
      soup_server_message_pause (message);
      g_source_set_callback (source, on_delay_over, delayed, (GDestroyNotify) delayed_free);
      g_source_attach (source, soup_thread_server_get_context (self->http));
    }
  else
    {
      write_answer (message, answer);
      answer_free (answer);
    }
}

static const Handler *
find_handler (FaultServer *self,
              const char  *path)
{
  for (guint i = 0; i < self->handlers->len; i++)
    {
      const Handler *handler = g_ptr_array_index (self->handlers, i);

      if (g_str_equal (handler->path, path) ||
          (g_str_has_suffix (handler->path, "/") && g_str_has_prefix (path, handler->path)))
        return handler;
    }
  return NULL;
}

/* The next answer for @key, a copy owned by the caller; NULL when nothing is scripted. */
static Answer *
next_answer (FaultServer *self,
             const char  *key)
{
  GQueue *queue = g_hash_table_lookup (self->scripts, key);
  const Answer *fallback;
  FaultResponse copy = { 0 };

  if (queue != NULL && !g_queue_is_empty (queue))
    return g_queue_pop_head (queue);
  fallback = g_hash_table_lookup (self->defaults, key);
  if (fallback == NULL)
    return NULL;
  copy.action = fallback->action;
  copy.status = fallback->status;
  copy.body = fallback->body;
  copy.delay_ms = fallback->delay_ms;
  for (guint i = 0; fallback->headers[i] != NULL && i < G_N_ELEMENTS (copy.headers) - 1; i++)
    copy.headers[i] = fallback->headers[i];
  return answer_new (&copy);
}

static void
dispatch (SoupServer        *server,
          SoupServerMessage *message,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  FaultServer *self = user_data;
  g_autofree char *key = make_key (soup_server_message_get_method (message), path);
  const Handler *handler;
  Answer *answer;

  g_mutex_lock (&self->lock);
  record_request (self, message, key);
  handler = find_handler (self, path);
  answer = handler == NULL ? next_answer (self, key) : NULL;
  g_mutex_unlock (&self->lock);

  if (handler != NULL)
    handler->func (message, path, handler->data);
  else if (answer != NULL)
    perform (self, message, answer);
  else
    soup_server_message_set_status (message, 404, NULL);
}

FaultServer *
fault_server_new (void)
{
  FaultServer *self = g_new0 (FaultServer, 1);

  g_mutex_init (&self->lock);
  self->scripts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) answers_free);
  self->defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) answer_free);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  self->handlers = g_ptr_array_new_with_free_func ((GDestroyNotify) handler_free);

  self->http = soup_thread_server_new ("fault-server", NULL, dispatch, self);
  return self;
}

void
fault_server_free (FaultServer *self)
{
  if (self == NULL)
    return;
  soup_thread_server_free (self->http);
  g_hash_table_unref (self->scripts);
  g_hash_table_unref (self->defaults);
  g_ptr_array_unref (self->records);
  g_ptr_array_unref (self->handlers);
  g_mutex_clear (&self->lock);
  g_free (self);
}

const char *
fault_server_get_url (FaultServer *self)
{
  return soup_thread_server_get_url (self->http);
}

void
fault_server_script (FaultServer         *self,
                     const char          *method,
                     const char          *path,
                     const FaultResponse *response)
{
  char *key = make_key (method, path);
  GQueue *queue;

  g_mutex_lock (&self->lock);
  queue = g_hash_table_lookup (self->scripts, key);
  if (queue == NULL)
    {
      queue = g_queue_new ();
      g_hash_table_insert (self->scripts, g_strdup (key), queue);
    }
  g_queue_push_tail (queue, answer_new (response));
  g_mutex_unlock (&self->lock);
  g_free (key);
}

void
fault_server_set_default (FaultServer         *self,
                          const char          *method,
                          const char          *path,
                          const FaultResponse *response)
{
  g_mutex_lock (&self->lock);
  g_hash_table_replace (self->defaults, make_key (method, path), answer_new (response));
  g_mutex_unlock (&self->lock);
}

void
fault_server_reply (FaultServer *self,
                    const char  *method,
                    const char  *path,
                    guint        status,
                    const char  *body)
{
  FaultResponse response = { .action = FAULT_REPLY, .status = status, .body = body };

  fault_server_script (self, method, path, &response);
}

void
fault_server_handle (FaultServer      *self,
                     const char       *path,
                     FaultHandlerFunc  func,
                     gpointer          user_data)
{
  Handler *handler = g_new0 (Handler, 1);

  handler->path = g_strdup (path);
  handler->func = func;
  handler->data = user_data;
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->handlers, handler);
  g_mutex_unlock (&self->lock);
}

/* The records for @key, in order; the caller holds the lock. */
static GPtrArray *
records_for (FaultServer *self,
             const char  *method,
             const char  *path)
{
  g_autofree char *key = make_key (method, path);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < self->records->len; i++)
    {
      Record *record = g_ptr_array_index (self->records, i);

      if (g_str_equal (record->key, key))
        g_ptr_array_add (found, record);
    }
  return found;
}

guint
fault_server_count (FaultServer *self,
                    const char  *method,
                    const char  *path)
{
  g_autoptr(GPtrArray) found = NULL;

  g_mutex_lock (&self->lock);
  found = records_for (self, method, path);
  g_mutex_unlock (&self->lock);
  return found->len;
}

guint
fault_server_total (FaultServer *self)
{
  guint total;

  g_mutex_lock (&self->lock);
  total = self->records->len;
  g_mutex_unlock (&self->lock);
  return total;
}

GPtrArray *
fault_server_header_values (FaultServer *self,
                            const char  *method,
                            const char  *path,
                            const char  *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);

  g_mutex_lock (&self->lock);
  found = records_for (self, method, path);
  for (guint i = 0; i < found->len; i++)
    {
      Record *record = g_ptr_array_index (found, i);

      g_ptr_array_add (values, g_strdup (g_hash_table_lookup (record->headers, lower)));
    }
  g_mutex_unlock (&self->lock);
  return values;
}

GBytes *
fault_server_body (FaultServer *self,
                   const char  *method,
                   const char  *path,
                   guint        index)
{
  g_autoptr(GPtrArray) found = NULL;
  GBytes *body = NULL;

  g_mutex_lock (&self->lock);
  found = records_for (self, method, path);
  if (index < found->len)
    body = g_bytes_ref (((Record *) g_ptr_array_index (found, index))->body);
  g_mutex_unlock (&self->lock);
  return body;
}

char *
fault_server_query (FaultServer *self,
                    const char  *method,
                    const char  *path,
                    guint        index)
{
  g_autoptr(GPtrArray) found = NULL;
  char *query = NULL;

  g_mutex_lock (&self->lock);
  found = records_for (self, method, path);
  if (index < found->len)
    query = g_strdup (((Record *) g_ptr_array_index (found, index))->query);
  g_mutex_unlock (&self->lock);
  return query;
}
