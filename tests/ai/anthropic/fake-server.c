/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake Anthropic and SD WebUI server of the tests (see fake-server.h). Its refusals use the
 * documented error bodies: {"type":"error","error":{"type":…,"message":…}} for Anthropic and
 * FastAPI's {"detail": …} for SD WebUI. */
#include <libsoup/soup.h>
#include "fake-server.h"
#include "ai-test-util.h"

typedef struct {
  guint     status;
  char     *body;
  char     *retry_after;
  gboolean  stream;
  GArray   *cuts;      /* gsize, stream only */
  gboolean  used;      /* answered a request: gives way to the next reply queued */
} Reply;

struct _FakeServer
{
  SoupServer *server;
  char       *url;
  GQueue      replies;
  GPtrArray  *requests;   /* FakeRequest */
  GPtrArray  *sources;    /* streams being written */
};

typedef struct {
  SoupServerMessage *message;
  char              *text;
  GArray            *cuts;
  guint              next;   /* index into cuts of the end of the next piece */
  gsize              sent;
} Streaming;

static void
reply_free (Reply *reply)
{
  g_free (reply->body);
  g_free (reply->retry_after);
  g_clear_pointer (&reply->cuts, g_array_unref);
  g_free (reply);
}

static void
request_free (FakeRequest *request)
{
  g_free (request->path);
  g_free (request->api_key);
  g_free (request->version);
  g_free (request->content_type);
  g_free (request->authorization);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request);
}

static void
streaming_free (Streaming *streaming)
{
  g_object_unref (streaming->message);
  g_free (streaming->text);
  g_array_unref (streaming->cuts);
  g_free (streaming);
}

static FakeRequest *
record (FakeServer        *self,
        SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  FakeRequest *request = g_new0 (FakeRequest, 1);

  request->path = g_strdup (g_uri_get_path (soup_server_message_get_uri (message)));
  request->api_key = g_strdup (soup_message_headers_get_one (headers, "x-api-key"));
  request->version = g_strdup (soup_message_headers_get_one (headers, "anthropic-version"));
  request->content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  request->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  request->body = ai_test_request_json (message);
  g_ptr_array_add (self->requests, request);
  return request;
}

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    body, strlen (body));
}

static void
refuse_anthropic (SoupServerMessage *message,
                  guint              status,
                  const char        *type,
                  const char        *text)
{
  g_autofree char *body = g_strdup_printf ("{\"type\":\"error\",\"error\":{\"type\":\"%s\","
                                           "\"message\":\"%s\"}}", type, text);

  respond (message, status, body);
}

static gboolean
has_member (JsonNode   *body,
            const char *name)
{
  return body != NULL && JSON_NODE_HOLDS_OBJECT (body) &&
         json_object_has_member (json_node_get_object (body), name);
}

/* TRUE when the request is one the real service would serve. */
static gboolean
check_request (SoupServerMessage *message,
               const FakeRequest *request)
{
  if (g_str_equal (request->path, "/v1/messages"))
    {
      if (request->api_key == NULL)
        refuse_anthropic (message, 401, "authentication_error", "x-api-key header is required");
      else if (request->version == NULL)
        refuse_anthropic (message, 400, "invalid_request_error",
                          "anthropic-version: header is required");
      else if (!has_member (request->body, "model") || !has_member (request->body, "messages") ||
               !has_member (request->body, "max_tokens"))
        refuse_anthropic (message, 400, "invalid_request_error",
                          "model, messages and max_tokens: Field required");
      else
        return TRUE;
      return FALSE;
    }
  if (g_str_equal (request->path, "/sdapi/v1/txt2img"))
    {
      if (request->body == NULL || !JSON_NODE_HOLDS_OBJECT (request->body))
        respond (message, 422, "{\"detail\":[{\"msg\":\"value is not a valid dict\"}]}");
      else
        return TRUE;
      return FALSE;
    }
  respond (message, 404, "{\"detail\":\"Not Found\"}");
  return FALSE;
}

static gboolean
send_piece (gpointer data)
{
  Streaming *streaming = data;
  SoupMessageBody *body = soup_server_message_get_response_body (streaming->message);
  gsize length = strlen (streaming->text);
  gsize end = streaming->next < streaming->cuts->len
              ? MIN (g_array_index (streaming->cuts, gsize, streaming->next), length) : length;

  streaming->next++;
  soup_message_body_append (body, SOUP_MEMORY_COPY, streaming->text + streaming->sent,
                            end - streaming->sent);
  streaming->sent = end;
  if (streaming->sent == length)
    soup_message_body_complete (body);
  soup_server_message_unpause (streaming->message);
  return streaming->sent < length ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
start_stream (FakeServer        *self,
              SoupServerMessage *message,
              const Reply       *reply)
{
  Streaming *streaming = g_new0 (Streaming, 1);

  streaming->message = g_object_ref (message);
  streaming->text = g_strdup (reply->body);
  streaming->cuts = g_array_ref (reply->cuts);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Cache-Control", "no-cache");
  ai_test_server_stream (self->sources, message, "text/event-stream; charset=utf-8",
                         send_piece, streaming, (GDestroyNotify) streaming_free);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  FakeServer *self = user_data;
  const FakeRequest *request = record (self, message);
  const Reply *reply;

  if (!check_request (message, request))
    return;
  g_assert_false (g_queue_is_empty (&self->replies));
  reply = g_queue_get_length (&self->replies) > 1 ? g_queue_pop_head (&self->replies)
                                                  : g_queue_peek_head (&self->replies);
  ((Reply *) reply)->used = TRUE;
  if (reply->stream)
    start_stream (self, message, reply);
  else
    {
      if (reply->retry_after != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                      "Retry-After", reply->retry_after);
      respond (message, reply->status, reply->body);
    }
  if (g_queue_peek_head (&self->replies) != reply)
    reply_free ((Reply *) reply);
}

FakeServer *
fake_server_new (void)
{
  FakeServer *self = g_new0 (FakeServer, 1);

  g_queue_init (&self->replies);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) g_source_unref);
  self->server = ai_test_server_new (handle, self, &self->url);
  return self;
}

void
fake_server_free (FakeServer *self)
{
  ai_test_server_free (self->server, self->sources);
  g_queue_clear_full (&self->replies, (GDestroyNotify) reply_free);
  g_ptr_array_unref (self->requests);
  g_free (self->url);
  g_free (self);
}

const char *
fake_server_get_url (FakeServer *self)
{
  return self->url;
}

/* A repeating last reply gives way to the next one queued. */
static void
queue_reply (FakeServer *self,
             Reply      *reply)
{
  Reply *last = g_queue_peek_tail (&self->replies);

  if (last != NULL && last->used)
    reply_free (g_queue_pop_tail (&self->replies));
  g_queue_push_tail (&self->replies, reply);
}

void
fake_server_reply (FakeServer *self,
                   guint       status,
                   const char *body,
                   const char *retry_after)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->status = status;
  reply->body = g_strdup (body);
  reply->retry_after = g_strdup (retry_after);
  queue_reply (self, reply);
}

void
fake_server_reply_stream (FakeServer  *self,
                          const char  *stream,
                          const gsize *cuts)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->status = SOUP_STATUS_OK;
  reply->body = g_strdup (stream);
  reply->stream = TRUE;
  reply->cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (guint i = 0; cuts != NULL && cuts[i] != 0; i++)
    {
      g_assert_true (reply->cuts->len == 0 ||
                     cuts[i] > g_array_index (reply->cuts, gsize, reply->cuts->len - 1));
      g_array_append_val (reply->cuts, cuts[i]);
    }
  queue_reply (self, reply);
}

guint
fake_server_get_n_requests (FakeServer *self)
{
  return self->requests->len;
}

const FakeRequest *
fake_server_get_request (FakeServer *self,
                         guint       index)
{
  g_assert_cmpuint (index, <, self->requests->len);
  return g_ptr_array_index (self->requests, index);
}

void
fake_server_assert_not_supported (FakeServer   *self,
                                  const GError *error)
{
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED);
  g_assert_cmpuint (self->requests->len, ==, 0);
}

char *
fake_request_get (const FakeRequest *request,
                  const char        *path)
{
  return ai_test_json_get (request->body, path);
}

void
fake_request_assert (const FakeRequest *request,
                     const char        *path,
                     const char        *expected)
{
  g_autofree char *value = fake_request_get (request, path);

  g_assert_cmpstr (value, ==, expected);
}
