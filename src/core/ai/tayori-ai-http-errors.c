/* SPDX-License-Identifier: GPL-3.0-or-later */
/* When the AI HTTP layer retries and how long it waits, and how a refused request becomes a
 * TayoriAiError carrying the service's own explanation, with the key scrubbed out of it. */
#include <curl/curl.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include "tayori-ai-http-private.h"
#include "tayori-ai-provider.h"

#define BACKOFF_BASE_MS    1000
#define BACKOFF_CAP_MS     30000
#define RETRY_AFTER_CAP_MS 60000
#define SCRUB_WINDOW       8
#define MAX_MESSAGE        500

/* 529 is Anthropic's "overloaded": a 503 by another number. */
gboolean
tayori_ai_http_status_is_retryable (guint status)
{
  return status == 429 || status == 500 || status == 502 || status == 503 || status == 504 ||
         status == 529;
}

static double
backoff_scale (void)
{
  const char *text = g_getenv ("TAYORI_AI_BACKOFF_SCALE");
  char *end = NULL;
  double scale;

  if (text == NULL)
    return 1.0;
  scale = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && scale >= 0.0 && scale <= 1.0 ? scale : 1.0;
}

/* Milliseconds from now, or -1 when @value is neither delta-seconds nor an HTTP date. */
static gint64
parse_retry_after (const char *value)
{
  guint64 seconds;
  time_t when;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (gint64) seconds * 1000;
  when = curl_getdate (value, NULL);
  if (when == -1)
    return -1;
  return MAX ((gint64) when * 1000 - g_get_real_time () / 1000, 0);
}

gint64
tayori_ai_http_backoff_ms (guint       retry,
                           const char *retry_after)
{
  gint64 wait = retry_after != NULL ? parse_retry_after (retry_after) : -1;

  if (wait > RETRY_AFTER_CAP_MS)
    return -1;
  if (wait < 0)
    {
      /* "Equal jitter": half the exponential delay, plus a random part of the other half, so
       * that clients refused together do not come back together. */
      gint64 delay = BACKOFF_BASE_MS << MIN (retry - 1, 16u);

      delay = MIN (delay, BACKOFF_CAP_MS);
      wait = delay / 2 + g_random_int_range (0, (gint32) (delay / 2) + 1);
    }
  return (gint64) (wait * backoff_scale ());
}

static gboolean
shares_secret (const char *word,
               gsize       length,
               const char *secret)
{
  gsize secret_length = strlen (secret);
  gsize window = MIN (secret_length, SCRUB_WINDOW);

  for (gsize i = 0; i + window <= secret_length; i++)
    for (gsize j = 0; j + window <= length; j++)
      if (memcmp (word + j, secret + i, window) == 0)
        return TRUE;
  return FALSE;
}

char *
tayori_ai_http_scrub (const char *text,
                      const char *secret)
{
  GString *scrubbed;
  const char *p = text;

  if (secret == NULL || secret[0] == '\0')
    return g_strdup (text);

  scrubbed = g_string_new (NULL);
  while (*p != '\0')
    {
      gsize length = 0;

      while (p[length] != '\0' && !g_ascii_isspace (p[length]))
        length++;
      if (length > 0 && shares_secret (p, length, secret))
        g_string_append (scrubbed, "***");
      else
        g_string_append_len (scrubbed, p, length);
      p += length;
      while (g_ascii_isspace (*p))
        g_string_append_c (scrubbed, *p++);
    }
  return g_string_free (scrubbed, FALSE);
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* OpenAI and Anthropic: {"error": {"message": …}}; Ollama: {"error": "…"}; FastAPI (SD WebUI):
 * {"detail": "…"} or {"detail": [{"msg": …}]}; others: {"message": "…"}. */
static const char *
message_from_json (JsonNode *root)
{
  JsonObject *object;
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  object = json_node_get_object (root);

  node = json_object_get_member (object, "error");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return string_member (json_node_get_object (node), "message");
  if (string_member (object, "error") != NULL)
    return string_member (object, "error");

  node = json_object_get_member (object, "detail");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      return JSON_NODE_HOLDS_OBJECT (first) ? string_member (json_node_get_object (first), "msg")
                                            : NULL;
    }
  if (string_member (object, "detail") != NULL)
    return string_member (object, "detail");
  return string_member (object, "message");
}

/* The service's explanation, short and printable, or NULL. */
static char *
server_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &length) : NULL;
  const char *message = NULL;
  g_autofree char *copy = NULL;

  if (length == 0)
    return NULL;
  if (json_parser_load_from_data (parser, data, (gssize) length, NULL))
    message = message_from_json (json_parser_get_root (parser));
  else if (length <= MAX_MESSAGE && g_utf8_validate (data, (gssize) length, NULL) &&
           memchr (data, '<', length) == NULL)
    message = copy = g_strndup (data, length);
  if (message == NULL || *message == '\0')
    return NULL;
  if (g_utf8_strlen (message, -1) > MAX_MESSAGE)
    {
      g_autofree char *cut = g_utf8_substring (message, 0, MAX_MESSAGE);

      return g_strstrip (g_strconcat (cut, "…", NULL));
    }
  return g_strstrip (g_utf8_make_valid (message, -1));
}

void
tayori_ai_http_set_status_error (GError    **error,
                                 const char *label,
                                 guint       status,
                                 GBytes     *body,
                                 const char *secret)
{
  g_autofree char *raw = server_message (body);
  g_autofree char *message = raw != NULL ? tayori_ai_http_scrub (raw, secret) : NULL;
  g_autofree char *what = NULL;
  TayoriAiError code;

  if (status == 401 || status == 403)
    {
      code = TAYORI_AI_ERROR_AUTH;
      what = g_strdup_printf (_("The AI service “%s” refused the key or the access (HTTP %u)"),
                              label, status);
    }
  else if (status == 429)
    {
      code = TAYORI_AI_ERROR_RATE_LIMITED;
      what = g_strdup_printf (_("The AI service “%s” is receiving too many requests (HTTP %u); try again later"),
                              label, status);
    }
  else if (status >= 500)
    {
      code = TAYORI_AI_ERROR_SERVER;
      what = g_strdup_printf (_("The AI service “%s” has a problem on its side (HTTP %u)"),
                              label, status);
    }
  else if (status >= 300 && status < 400)
    {
      code = TAYORI_AI_ERROR_BAD_REQUEST;
      what = g_strdup_printf (_("The AI service “%s” sent the request elsewhere (HTTP %u); set its base-url to the final address"),
                              label, status);
    }
  else
    {
      code = TAYORI_AI_ERROR_BAD_REQUEST;
      what = g_strdup_printf (_("The AI service “%s” did not accept the request (HTTP %u)"),
                              label, status);
    }

  if (message != NULL)
    g_set_error (error, TAYORI_AI_ERROR, code, "%s: %s", what, message);
  else
    g_set_error_literal (error, TAYORI_AI_ERROR, code, what);
}
