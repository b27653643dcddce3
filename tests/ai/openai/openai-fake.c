/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The scripted OpenAI-compatible fake server of the provider tests (see openai-fake.h). */
#include <libsoup/soup.h>
#include "openai-fake.h"
#include "ai-test-util.h"

typedef enum {
  REPLY_JSON,
  REPLY_STREAM,
  REPLY_STALL,
} ReplyKind;

typedef struct {
  ReplyKind  kind;
  guint      status;
  char      *body;
  char      *retry_after;
  gsize      chunk_size;
  gboolean   stall;
} Reply;

/* A streamed answer going out one chunk per main-loop turn. */
typedef struct {
  SoupServerMessage *message;
  char              *text;
  gsize              length;
  gsize              sent;
  gsize              chunk_size;
  gboolean           stall;
} Streaming;

struct _OpenaiFake
{
  SoupServer *server;
  char       *url;
  GQueue      replies;      /* Reply */
  GPtrArray  *requests;     /* OpenaiFakeRequest */
  GPtrArray  *held;         /* SoupServerMessage never answered */
  GPtrArray  *sources;      /* GSource of the streams still going */
};

static void
reply_free (Reply *reply)
{
  g_free (reply->body);
  g_free (reply->retry_after);
  g_free (reply);
}

static void
request_free (OpenaiFakeRequest *request)
{
  g_free (request->path);
  g_free (request->query);
  g_free (request->authorization);
  g_free (request->api_key);
  g_free (request->accept);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request);
}

static void
streaming_free (Streaming *streaming)
{
  g_object_unref (streaming->message);
  g_free (streaming->text);
  g_free (streaming);
}

static void
record (OpenaiFake        *self,
        SoupServerMessage *message)
{
  OpenaiFakeRequest *request = g_new0 (OpenaiFakeRequest, 1);
  GUri *uri = soup_server_message_get_uri (message);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);

  request->path = g_strdup (g_uri_get_path (uri));
  request->query = g_strdup (g_uri_get_query (uri));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->api_key = g_strdup (soup_message_headers_get_one (headers, "api-key"));
  request->accept = g_strdup (soup_message_headers_get_one (headers, "Accept"));
  request->body = ai_test_request_json (message);
  g_ptr_array_add (self->requests, request);
}

static gboolean
send_next_chunk (gpointer data)
{
  Streaming *streaming = data;
  SoupMessageBody *body = soup_server_message_get_response_body (streaming->message);
  gsize size = streaming->chunk_size != 0 ? streaming->chunk_size
                                          : (gsize) g_test_rand_int_range (1, 24);

  size = MIN (size, streaming->length - streaming->sent);
  soup_message_body_append (body, SOUP_MEMORY_COPY, streaming->text + streaming->sent, size);
  streaming->sent += size;
  if (streaming->sent == streaming->length && !streaming->stall)
    soup_message_body_complete (body);
  soup_server_message_unpause (streaming->message);
  return streaming->sent < streaming->length ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_stream (OpenaiFake        *self,
              SoupServerMessage *message,
              const Reply       *reply)
{
  Streaming *streaming = g_new0 (Streaming, 1);

  streaming->message = g_object_ref (message);
  streaming->text = g_strdup (reply->body);
  streaming->length = strlen (reply->body);
  streaming->chunk_size = reply->chunk_size;
  streaming->stall = reply->stall;
  ai_test_server_stream (self->sources, message, "text/event-stream", send_next_chunk,
                         streaming, (GDestroyNotify) streaming_free);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  OpenaiFake *self = user_data;
  const Reply *reply;

  record (self, message);
  g_assert_false (g_queue_is_empty (&self->replies));
  /* The last reply answers every further request. */
  reply = g_queue_get_length (&self->replies) > 1 ? g_queue_pop_head (&self->replies)
                                                  : g_queue_peek_head (&self->replies);
  switch (reply->kind)
    {
    case REPLY_JSON:
      soup_server_message_set_status (message, reply->status, NULL);
      if (reply->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", reply->retry_after);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        reply->body, strlen (reply->body));
      break;
    case REPLY_STREAM:
      start_stream (self, message, reply);
      break;
    case REPLY_STALL:
      soup_server_message_pause (message);
      g_ptr_array_add (self->held, g_object_ref (message));
      break;
    }
  if (g_queue_peek_head (&self->replies) != reply)
    reply_free ((Reply *) reply);
}

OpenaiFake *
openai_fake_new (void)
{
  OpenaiFake *self = g_new0 (OpenaiFake, 1);

  g_queue_init (&self->replies);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  self->server = ai_test_server_new (handle, self, &self->url);
  return self;
}

void
openai_fake_free (OpenaiFake *self)
{
  ai_test_server_free (self->server, self->sources);
  g_ptr_array_unref (self->held);
  g_queue_clear_full (&self->replies, (GDestroyNotify) reply_free);
  g_ptr_array_unref (self->requests);
  g_free (self->url);
  g_free (self);
}

const char *
openai_fake_get_url (OpenaiFake *self)
{
  return self->url;
}

static void
push (OpenaiFake *self,
      ReplyKind   kind,
      guint       status,
      const char *body,
      const char *retry_after,
      gsize       chunk_size,
      gboolean    stall)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->kind = kind;
  reply->status = status;
  reply->body = g_strdup (body);
  reply->retry_after = g_strdup (retry_after);
  reply->chunk_size = chunk_size;
  reply->stall = stall;
  g_queue_push_tail (&self->replies, reply);
}

void
openai_fake_reply (OpenaiFake *self,
                   guint       status,
                   const char *body,
                   const char *retry_after)
{
  push (self, REPLY_JSON, status, body, retry_after, 0, FALSE);
}

void
openai_fake_reply_stream (OpenaiFake *self,
                          const char *stream,
                          gsize       chunk_size,
                          gboolean    stall)
{
  push (self, REPLY_STREAM, SOUP_STATUS_OK, stream, NULL, chunk_size, stall);
}

void
openai_fake_reply_stall (OpenaiFake *self)
{
  push (self, REPLY_STALL, 0, NULL, NULL, 0, FALSE);
}

guint
openai_fake_get_n_requests (OpenaiFake *self)
{
  return self->requests->len;
}

const OpenaiFakeRequest *
openai_fake_get_request (OpenaiFake *self,
                         guint       index)
{
  g_assert_cmpuint (index, <, self->requests->len);
  return g_ptr_array_index (self->requests, index);
}

char *
openai_fake_body_get (const OpenaiFakeRequest *request,
                      const char              *path)
{
  return ai_test_json_get (request->body, path);
}
