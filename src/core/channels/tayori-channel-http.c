/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Channel requests over the core HTTP client, and the one place that decides what a failed
 * answer means for a post: reconnect, fix, retry later, or reconcile before any retry. */
#include <curl/curl.h>
#include <glib/gi18n.h>

#include "tayori-channel-http.h"
#include "tayori-ai-http-private.h"

#define DEFAULT_TIMEOUT 60
#define MAX_MESSAGE     300

static guint request_timeout = DEFAULT_TIMEOUT;

void
tayori_channel_http_set_timeout (guint seconds)
{
  request_timeout = seconds != 0 ? seconds : DEFAULT_TIMEOUT;
}

JsonObject *
tayori_channel_api_call (const TayoriChannelApi  *api,
                         const char              *method,
                         const char              *path,
                         JsonNode                *body,
                         const char * const      *headers,
                         TayoriHttpResponse     **response_out,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autofree char *url = tayori_channel_http_url (api->base_url, path);
  g_autoptr(GBytes) bytes = body != NULL ? tayori_channel_http_json_body (body) : NULL;
  TayoriChannelRequest request = {
    .method = method,
    .url = url,
    .token = api->token,
    .headers = headers,
    .body = bytes,
    .content_type = body != NULL ? "application/json" : NULL,
  };

  return tayori_channel_http_send_json (api->client, &request, response_out, cancellable, error);
}

gint64
tayori_channel_json_int (JsonObject *object,
                         const char *member,
                         gint64      fallback)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return (gint64) json_node_get_double (node);
    default:
      return fallback;
    }
}

const char *
tayori_channel_json_string (JsonObject *object,
                            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
tayori_channel_json_object (JsonObject *object,
                            const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

gboolean
tayori_channel_http_sleep (guint          ms,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GPollFD fd;

  if (!g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_usleep ((gulong) ms * 1000);
      return TRUE;
    }
  g_poll (&fd, 1, (gint) ms);
  g_cancellable_release_fd (cancellable);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

char *
tayori_channel_http_url (const char *base,
                         const char *path)
{
  gsize length = base != NULL ? strlen (base) : 0;

  while (length > 0 && base[length - 1] == '/')
    length--;
  return g_strdup_printf ("%.*s%s", (int) length, base != NULL ? base : "", path);
}

GBytes *
tayori_channel_http_json_body (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  gsize length = 0;
  char *text;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

GBytes *
tayori_channel_http_multipart (SoupMultipart  *multipart,
                               char          **content_type)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  GBytes *body = NULL;

  soup_multipart_to_message (multipart, headers, &body);
  *content_type = g_strdup (soup_message_headers_get_one (headers, "Content-Type"));
  return body;
}

guint
tayori_channel_http_retry_after (const TayoriHttpResponse *response)
{
  const char *value = g_hash_table_lookup (response->headers, "retry-after");
  guint64 seconds;
  time_t when;

  if (value == NULL)
    return 0;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &seconds, NULL))
    return (guint) seconds;
  when = curl_getdate (value, NULL);
  if (when == -1)
    return 0;
  return (guint) CLAMP ((gint64) when - g_get_real_time () / G_USEC_PER_SEC, 0, G_MAXUINT);
}

static gboolean
is_safe_method (const char *method)
{
  return method == NULL || g_ascii_strcasecmp (method, "GET") == 0 ||
         g_ascii_strcasecmp (method, "HEAD") == 0;
}

TayoriHttpResponse *
tayori_channel_http_send_raw (TayoriHttpClient            *client,
                              const TayoriChannelRequest  *request,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  TayoriHttpRequest http = { 0 };
  TayoriHttpResponse *response;
  gboolean sent = FALSE;

  g_ptr_array_add (headers, g_strdup ("Accept: application/json"));
  if (request->token != NULL)
    g_ptr_array_add (headers, g_strdup_printf ("Authorization: Bearer %s", request->token));
  if (request->content_type != NULL)
    g_ptr_array_add (headers, g_strdup_printf ("Content-Type: %s", request->content_type));
  /* curl would otherwise wait for "100 Continue" before sending a large body. */
  g_ptr_array_add (headers, g_strdup ("Expect:"));
  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL; i++)
    g_ptr_array_add (headers, g_strdup (request->headers[i]));
  g_ptr_array_add (headers, NULL);

  http.method = request->method != NULL ? request->method : "GET";
  http.url = request->url;
  http.headers = (const char * const *) headers->pdata;
  http.body = request->body;
  http.timeout = request_timeout;
  http.connect_timeout = MIN (request_timeout, 10u);

  response = tayori_http_client_send_tracked (client, &http, &sent, cancellable, &local_error);
  if (response != NULL)
    return response;

  if (sent && !is_safe_method (http.method))
    g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                 _("The connection ended after the request was sent, so it is not known "
                   "whether it was carried out (%s)"), local_error->message);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_propagate_error (error, tayori_channel_error_new_retry_later (0, local_error->message));
  return NULL;
}

/* The server's own words from an error body, when it has any. */
static char *
server_message (GBytes *body)
{
  static const char * const members[] = { "message", "error_description", "detail", "error",
                                          "title" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  JsonObject *object;

  if (data == NULL || length == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (node);

          /* g_utf8_substring must not be asked past the end of the text */
          return g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), MAX_MESSAGE));
        }
    }
  return NULL;
}

static TayoriChannelError
classify_status (guint status)
{
  if (status == 401)
    return TAYORI_CHANNEL_ERROR_AUTH;
  if (status == 403)
    return TAYORI_CHANNEL_ERROR_FORBIDDEN;
  if (status == 429 || status >= 500)
    return TAYORI_CHANNEL_ERROR_RETRY_LATER;
  return TAYORI_CHANNEL_ERROR_CONTENT;
}

gboolean
tayori_channel_http_check (const TayoriHttpResponse  *response,
                           const char                *token,
                           GError                   **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *said = NULL;
  g_autofree char *message = NULL;
  TayoriChannelError code;

  if (response->status >= 200 && response->status < 300)
    return TRUE;

  raw = server_message (response->body);
  said = raw != NULL && token != NULL ? tayori_ai_http_scrub (raw, token) : g_steal_pointer (&raw);
  message = said != NULL
    ? g_strdup_printf (_("The network answered %u: %s"), response->status, said)
    : g_strdup_printf (_("The network answered %u."), response->status);
  code = classify_status (response->status);
  if (code == TAYORI_CHANNEL_ERROR_RETRY_LATER)
    g_propagate_error (error, tayori_channel_error_new_retry_later (
                         tayori_channel_http_retry_after (response), message));
  else
    g_set_error_literal (error, TAYORI_CHANNEL_ERROR, code, message);
  return FALSE;
}

TayoriHttpResponse *
tayori_channel_http_send (TayoriHttpClient            *client,
                          const TayoriChannelRequest  *request,
                          GCancellable                *cancellable,
                          GError                     **error)
{
  g_autoptr(TayoriHttpResponse) response = tayori_channel_http_send_raw (client, request,
                                                                         cancellable, error);

  if (response == NULL || !tayori_channel_http_check (response, request->token, error))
    return NULL;
  return g_steal_pointer (&response);
}

JsonObject *
tayori_channel_http_send_json (TayoriHttpClient            *client,
                               const TayoriChannelRequest  *request,
                               TayoriHttpResponse         **response_out,
                               GCancellable                *cancellable,
                               GError                     **error)
{
  g_autoptr(TayoriHttpResponse) response = tayori_channel_http_send (client, request,
                                                                     cancellable, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data;

  if (response == NULL)
    return NULL;
  data = g_bytes_get_data (response->body, &length);
  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                   _("The answer from %s could not be read."), request->url);
      return NULL;
    }
  if (response_out != NULL)
    *response_out = g_steal_pointer (&response);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
