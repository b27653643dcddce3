/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One AI API call over the core's HTTP client: the endpoint's URL, key and headers, retries
 * with backoff, a size limit, and either the parsed JSON body or the event stream fed to an SSE
 * parser as it arrives. A stream that stops before its end marker still counts as a completed
 * call here: only the provider knows its protocol's end marker, so it reports truncation. */
#include <glib/gi18n.h>
#include "tayori-ai-http.h"
#include "tayori-ai-http-private.h"
#include "tayori-ai-provider.h"
#include "tayori-http-client.h"
#include "tayori-secret.h"

#define DEFAULT_MAX_RESPONSE (32 * 1024 * 1024)
#define MAX_ERROR_BODY       (64 * 1024)

/* What one attempt of a streaming call saw. */
typedef struct {
  const TayoriAiHttpCall *call;
  const char             *label;       /* the endpoint's, for messages */
  TayoriSseParser        *parser;
  gsize                   limit;
  gsize                   received;    /* bytes of a 2xx body */
  gboolean                delivered;   /* an event reached the caller: no retry from here */
  GByteArray             *error_body;  /* the body of a non-2xx answer */
  GCancellable           *cancellable;
  GError                 *error;       /* the parser's, or the size limit */
} Stream;

/* Keys are wiped from memory, not just freed. */
static void
free_secret (char *secret)
{
  if (secret == NULL)
    return;
  memset (secret, 0, strlen (secret));
  g_free (secret);
}

typedef char *SecretString;
G_DEFINE_AUTO_CLEANUP_FREE_FUNC (SecretString, free_secret, NULL)

static char *
build_url (TayoriAiEndpoint       *endpoint,
           const TayoriAiHttpCall *call)
{
  GString *url = g_string_new (tayori_ai_endpoint_get_base_url (endpoint));

  if (call->path != NULL)
    g_string_append (url, call->path);
  for (guint i = 0; call->query != NULL && call->query[i] != NULL; i++)
    {
      const char *equals = strchr (call->query[i], '=');
      g_autofree char *key = g_strndup (call->query[i],
                                        equals != NULL ? (gsize) (equals - call->query[i])
                                                       : strlen (call->query[i]));

      g_string_append_c (url, i == 0 ? '?' : '&');
      g_string_append_uri_escaped (url, key, NULL, FALSE);
      if (equals != NULL)
        {
          g_string_append_c (url, '=');
          g_string_append_uri_escaped (url, equals + 1, NULL, FALSE);
        }
    }
  return g_string_free (url, FALSE);
}

static char *
auth_header (const char *auth,
             const char *key)
{
  if (key == NULL || g_str_equal (auth, "none"))
    return NULL;
  if (g_str_equal (auth, "api-key"))
    return g_strconcat ("api-key: ", key, NULL);
  if (g_str_equal (auth, "x-api-key"))
    return g_strconcat ("x-api-key: ", key, NULL);
  return g_strconcat ("Authorization: Bearer ", key, NULL);
}

/* The key from the keyring, or NULL when the endpoint needs none or none is stored (local
 * servers accept requests without one). FALSE when the keyring fails or the key is unusable. */
static gboolean
lookup_key (TayoriAiEndpoint  *endpoint,
            char             **key,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  *key = NULL;
  if (g_str_equal (tayori_ai_endpoint_get_auth (endpoint), "none"))
    return TRUE;
  *key = tayori_secret_lookup_sync ("ai-endpoint", tayori_ai_endpoint_get_name (endpoint),
                                    cancellable, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_AUTH,
                   _("The key of the AI service “%s” could not be read: %s"),
                   tayori_ai_endpoint_get_label (endpoint), local_error->message);
      return FALSE;
    }
  if (*key != NULL)
    g_strstrip (*key);
  if (*key != NULL && (**key == '\0' || strpbrk (*key, "\r\n") != NULL))
    {
      g_clear_pointer (key, free_secret);
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_AUTH,
                   _("The key stored for the AI service “%s” is empty or not valid"),
                   tayori_ai_endpoint_get_label (endpoint));
      return FALSE;
    }
  return TRUE;
}

static GStrv
build_headers (TayoriAiEndpoint       *endpoint,
               const TayoriAiHttpCall *call,
               const char             *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *extra = tayori_ai_endpoint_get_headers (endpoint);
  char *auth = auth_header (tayori_ai_endpoint_get_auth (endpoint), key);

  if (call->body != NULL)
    g_strv_builder_add (builder, "Content-Type: application/json");
  g_strv_builder_add (builder, call->on_event != NULL ? "Accept: text/event-stream"
                                                      : "Accept: application/json");
  if (auth != NULL)
    g_strv_builder_add (builder, auth);
  free_secret (auth);
  g_strv_builder_addv (builder, (const char **) extra);
  return g_strv_builder_end (builder);
}

static void
free_headers (GStrv headers)
{
  for (guint i = 0; headers != NULL && headers[i] != NULL; i++)
    memset (headers[i], 0, strlen (headers[i]));
  g_strfreev (headers);
}

static gboolean
is_success (guint status)
{
  return status >= 200 && status < 300;
}

static gboolean
on_chunk (const TayoriHttpResponse *response,
          const char               *data,
          gsize                     length,
          gpointer                  user_data)
{
  Stream *stream = user_data;

  if (g_cancellable_is_cancelled (stream->cancellable))
    return FALSE;
  if (!is_success (response->status))
    {
      gsize room = MAX_ERROR_BODY - MIN (stream->error_body->len, MAX_ERROR_BODY);

      g_byte_array_append (stream->error_body, (const guint8 *) data, MIN (length, room));
      return TRUE;
    }
  stream->received += length;
  if (stream->received > stream->limit)
    {
      g_autofree char *limit = g_format_size (stream->limit);

      g_set_error (&stream->error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE,
                   _("The answer of the AI service “%s” is larger than %s"), stream->label, limit);
      return FALSE;
    }
  stream->delivered = TRUE;
  /* The event callback may have cancelled: stop now rather than at curl's next progress call. */
  return tayori_sse_parser_feed (stream->parser, data, length, &stream->error) &&
         !g_cancellable_is_cancelled (stream->cancellable);
}

/* One attempt. The response (even 4xx/5xx) or a transport error; a 2xx stream may also end
 * with an error in @stream. */
static TayoriHttpResponse *
send_once (TayoriHttpClient        *client,
           const TayoriHttpRequest *request,
           Stream                  *stream,
           GCancellable            *cancellable,
           GError                 **error)
{
  TayoriHttpResponse *response;

  if (stream->call->on_event == NULL)
    return tayori_http_client_send (client, request, cancellable, error);

  g_byte_array_set_size (stream->error_body, 0);
  stream->received = 0;
  response = tayori_http_client_send_streaming (client, request, on_chunk, stream,
                                                cancellable, error);
  if (response != NULL && !is_success (response->status))
    {
      g_clear_pointer (&response->body, g_bytes_unref);
      response->body = g_bytes_new (stream->error_body->data, stream->error_body->len);
    }
  return response;
}

/* Sleeps @ms unless @cancellable fires first. */
static gboolean
wait_cancellable (gint64         ms,
                  GCancellable  *cancellable,
                  GError       **error)
{
  gint64 deadline = g_get_monotonic_time () + ms * 1000;
  GPollFD fd = { 0 };
  gboolean pollable = cancellable != NULL && g_cancellable_make_pollfd (cancellable, &fd);
  gint64 now;

  while ((now = g_get_monotonic_time ()) < deadline &&
         !g_cancellable_is_cancelled (cancellable))
    {
      int timeout = (int) MIN ((deadline - now + 999) / 1000, G_MAXINT);

      if (pollable)
        g_poll (&fd, 1, timeout);
      else
        g_usleep ((gulong) MIN (deadline - now, G_USEC_PER_SEC / 10));
    }
  if (pollable)
    g_cancellable_release_fd (cancellable);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static JsonNode *
parse_body (TayoriAiEndpoint  *endpoint,
            GBytes            *body,
            gsize              limit,
            GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = g_bytes_get_data (body, &length);

  if (length > limit)
    {
      g_autofree char *size = g_format_size (limit);

      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE,
                   _("The answer of the AI service “%s” is larger than %s"),
                   tayori_ai_endpoint_get_label (endpoint), size);
      return NULL;
    }
  if (length == 0 || !json_parser_load_from_data (parser, data, (gssize) length, NULL))
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
                   _("The AI service “%s” sent an answer that is not valid JSON"),
                   tayori_ai_endpoint_get_label (endpoint));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

static void
stream_clear (Stream *stream)
{
  g_clear_pointer (&stream->parser, tayori_sse_parser_free);
  g_clear_pointer (&stream->error_body, g_byte_array_unref);
  g_clear_error (&stream->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stream, stream_clear)

JsonNode *
tayori_ai_http_call (TayoriAiEndpoint        *endpoint,
                     const TayoriAiHttpCall  *call,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_auto(SecretString) key = NULL;
  g_autofree char *url = NULL;
  g_autofree char *body_text = NULL;
  g_autoptr(GBytes) body = NULL;
  GStrv headers = NULL;
  TayoriHttpRequest request = { 0 };
  g_auto(Stream) stream = { 0 };
  guint max_retries;
  JsonNode *result = NULL;

  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), NULL);
  g_return_val_if_fail (call != NULL, NULL);

  if (!lookup_key (endpoint, &key, cancellable, error))
    return NULL;

  url = build_url (endpoint, call);
  headers = build_headers (endpoint, call, key);
  if (call->body != NULL)
    {
      body_text = json_to_string (call->body, FALSE);
      body = g_bytes_new_static (body_text, strlen (body_text));
    }
  stream.call = call;
  stream.label = tayori_ai_endpoint_get_label (endpoint);
  stream.limit = call->max_response != 0 ? call->max_response : DEFAULT_MAX_RESPONSE;
  stream.error_body = g_byte_array_new ();
  stream.cancellable = cancellable;
  if (call->on_event != NULL)
    stream.parser = tayori_sse_parser_new (stream.limit, call->on_event, call->event_data);

  request.method = call->method != NULL ? call->method : "POST";
  request.url = url;
  request.headers = (const char * const *) headers;
  request.body = body;
  request.connect_timeout = tayori_ai_endpoint_get_connect_timeout (endpoint);
  request.timeout = tayori_ai_endpoint_get_timeout (endpoint);
  /* Not followed: custom key headers would go to wherever the redirect points. */
  request.max_redirects = 0;
  /* One byte over the limit tells a too large answer from one that just fits. */
  request.max_body = stream.limit + 1;

  max_retries = tayori_ai_endpoint_get_max_retries (endpoint);
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr(TayoriHttpResponse) response = NULL;
      g_autoptr(GError) local_error = NULL;
      const char *retry_after = NULL;
      gboolean retry;
      gint64 wait;

      response = send_once (client, &request, &stream, cancellable, &local_error);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        break;
      if (response == NULL)
        retry = !stream.delivered;
      else
        {
          retry = tayori_ai_http_status_is_retryable (response->status) && !stream.delivered;
          retry_after = g_hash_table_lookup (response->headers, "retry-after");
        }

      wait = retry && attempt < max_retries ? tayori_ai_http_backoff_ms (attempt + 1, retry_after)
                                            : -1;
      if (wait >= 0)
        {
          if (!wait_cancellable (wait, cancellable, error))
            break;
          continue;
        }

      if (response == NULL)
        g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NETWORK,
                     _("The AI service “%s” could not be reached: %s"),
                     tayori_ai_endpoint_get_label (endpoint), local_error->message);
      else if (!is_success (response->status))
        tayori_ai_http_set_status_error (error, tayori_ai_endpoint_get_label (endpoint),
                                         response->status, response->body, key);
      else if (stream.error != NULL)
        g_propagate_error (error, g_steal_pointer (&stream.error));
      else if (call->on_event == NULL)
        result = parse_body (endpoint, response->body, stream.limit, error);
      break;
    }

  free_headers (headers);
  return result;
}
