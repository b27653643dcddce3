/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the provider tests (see ai-test-util.h). */
#include <cairo.h>
#include "ai-test-util.h"
#include "tayori-secret.h"

TayoriAiEndpoint *
test_endpoint (const char *name,
               const char *type,
               const char *base_url,
               const char *extra)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *group = g_strconcat ("ai-endpoint:", name, NULL);
  g_autofree char *text = g_strdup_printf ("[%s]\ntype=%s\nbase-url=%s\n%s\n", group, type,
                                           base_url, extra != NULL ? extra : "");
  TayoriAiEndpoint *endpoint;

  g_key_file_load_from_data (keyfile, text, -1, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  endpoint = tayori_ai_endpoint_new_from_keyfile (keyfile, group, &error);
  g_assert_no_error (error);
  return endpoint;
}

static void
on_result (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

void
test_store_key (const char *name,
                const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  tayori_secret_store_async ("ai-endpoint", name, NULL, key, NULL, on_result, &result);
  g_assert_true (tayori_secret_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

void
test_deltas_init (TestDeltas *deltas)
{
  memset (deltas, 0, sizeof *deltas);
  deltas->text = g_string_new (NULL);
}

void
test_deltas_clear (TestDeltas *deltas)
{
  g_string_free (deltas->text, TRUE);
  g_clear_object (&deltas->cancel_on_delta);
}

static void
on_delta (const char *delta,
          gpointer    user_data)
{
  TestDeltas *deltas = user_data;

  if (!g_main_context_is_owner (g_main_context_default ()))
    deltas->off_main = TRUE;
  g_string_append (deltas->text, delta);
  deltas->n_deltas++;
  if (deltas->cancel_on_delta != NULL)
    g_cancellable_cancel (deltas->cancel_on_delta);
}

typedef struct {
  GAsyncResult *result;
  TestDeltas   *deltas;
} ChatWait;

static void
on_chat_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ChatWait *wait = user_data;

  if (wait->deltas != NULL)
    wait->deltas->n_before_done = wait->deltas->n_deltas;
  wait->result = g_object_ref (result);
}

TayoriAiChatResponse *
test_chat (TayoriAiProvider          *provider,
           const TayoriAiChatRequest *request,
           TestDeltas                *deltas,
           GCancellable              *cancellable,
           GError                   **error)
{
  ChatWait wait = { NULL, deltas };
  TayoriAiChatResponse *response;

  tayori_ai_provider_chat_async (provider, request, deltas != NULL ? on_delta : NULL, deltas,
                                 cancellable, on_chat_done, &wait);
  response = tayori_ai_provider_chat_finish (provider, wait_for (&wait.result), error);
  /* Anything still queued would be a delta arriving after the callback. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (wait.result);
  return response;
}

GBytes *
test_image (TayoriAiProvider           *provider,
            const TayoriAiImageRequest *request,
            GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_ai_provider_image_async (provider, request, NULL, on_result, &result);
  return tayori_ai_provider_image_finish (provider, wait_for (&result), error);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
test_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 4);
  cairo_t *cr = cairo_create (surface);
  GByteArray *png = g_byte_array_new ();

  cairo_set_source_rgb (cr, 0.1, 0.4, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_png, png), ==,
                   CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (png);
}

SoupServer *
ai_test_server_new (SoupServerCallback   handler,
                    gpointer             data,
                    char               **url)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;

  soup_server_add_handler (server, NULL, handler, data, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  return server;
}

void
ai_test_server_stream (GPtrArray         *sources,
                       SoupServerMessage *message,
                       const char        *content_type,
                       GSourceFunc        func,
                       gpointer           data,
                       GDestroyNotify     destroy)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  GSource *source = g_timeout_source_new (1);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_server_message_pause (message);
  g_source_set_callback (source, func, data, destroy);
  g_source_attach (source, NULL);
  g_ptr_array_add (sources, source);
}

void
ai_test_server_free (SoupServer *server,
                     GPtrArray  *sources)
{
  for (guint i = 0; i < sources->len; i++)
    g_source_destroy (g_ptr_array_index (sources, i));
  g_ptr_array_unref (sources);
  soup_server_disconnect (server);
  g_object_unref (server);
}

JsonNode *
ai_test_request_json (SoupServerMessage *message)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (message));
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                   (gssize) g_bytes_get_size (body), NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

char *
ai_test_json_get (JsonNode   *node,
                  const char *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);

  for (guint i = 0; node != NULL && steps[i] != NULL; i++)
    {
      guint64 index;

      if (JSON_NODE_HOLDS_OBJECT (node))
        node = json_object_get_member (json_node_get_object (node), steps[i]);
      else if (JSON_NODE_HOLDS_ARRAY (node) &&
               g_ascii_string_to_unsigned (steps[i], 10, 0, G_MAXUINT, &index, NULL) &&
               index < json_array_get_length (json_node_get_array (node)))
        node = json_array_get_element (json_node_get_array (node), (guint) index);
      else
        node = NULL;
    }
  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  return json_to_string (node, FALSE);
}
