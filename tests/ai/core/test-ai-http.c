/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the AI HTTP layer against a local SoupServer: auth and extra headers, retries on
 * 503 and 429 (Retry-After), status mapping with the server's message but never the key,
 * invalid JSON, the size limit, streaming in order, cancellation mid-stream. Runs inside
 * tests/ai/keyring-wrapper.sh: the key comes from a private keyring. */
#include <libsoup/soup.h>
#include "tayori-ai-http.h"
#include "tayori-ai-provider.h"
#include "tayori-secret.h"

#define KEY "sk-tayori-SECRET-0123456789abcdef"

typedef struct {
  SoupServer *server;
  char       *base;
  GHashTable *attempts;   /* path → count */
  GPtrArray  *streamers;
} Fixture;

typedef struct {
  SoupServerMessage *msg;
  const char * const *pieces;
  guint              next;
  gboolean           stall;  /* stop after the first piece, never finish */
} Streamer;

typedef struct {
  TayoriAiEndpoint *endpoint;
  TayoriAiHttpCall  call;
  JsonNode         *result;
  GError           *error;
  GPtrArray        *events;
  gint              n_events;
  gboolean          done;
} Run;

static const char * const stream_pieces[] = {
  "data: {\"n\":1}\n\nda", "ta: {\"n\":2}\r", "\n\r\n", ": ping\n\ndata: {\"n\":3}\n\n",
  "event: done\ndata: [DONE]\n\n", NULL,
};

static void
streamer_free (Streamer *streamer)
{
  g_object_unref (streamer->msg);
  g_free (streamer);
}

static gboolean
send_next_piece (gpointer data)
{
  Streamer *streamer = data;
  SoupMessageBody *body = soup_server_message_get_response_body (streamer->msg);
  const char *piece = streamer->pieces[streamer->next++];

  soup_message_body_append (body, SOUP_MEMORY_COPY, piece, strlen (piece));
  if (streamer->pieces[streamer->next] == NULL)
    soup_message_body_complete (body);
  soup_server_message_unpause (streamer->msg);
  return !streamer->stall && streamer->pieces[streamer->next] != NULL;
}

static void
start_stream (Fixture           *fixture,
              SoupServerMessage *msg,
              gboolean           stall)
{
  Streamer *streamer = g_new0 (Streamer, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  streamer->msg = g_object_ref (msg);
  streamer->pieces = stream_pieces;
  streamer->stall = stall;
  g_ptr_array_add (fixture->streamers, streamer);
  soup_server_message_set_status (msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_server_message_pause (msg);
  g_timeout_add (20, send_next_piece, streamer);
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         const char        *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
}

static char *
echo_body (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *names[] = { "Authorization", "api-key", "x-api-key", "X-Tayori-Test", "Content-Type", "Accept" };
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *value = soup_message_headers_get_one (headers, names[i]);

      json_builder_set_member_name (builder, names[i]);
      json_builder_add_string_value (builder, value != NULL ? value : "");
    }
  json_builder_set_member_name (builder, "query");
  json_builder_add_string_value (builder, g_uri_get_query (soup_server_message_get_uri (msg)));
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, g_bytes_get_size (body) > 0 ? g_bytes_get_data (body, NULL) : "");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (msg);
  guint attempt = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->attempts, path)) + 1;

  g_hash_table_replace (fixture->attempts, g_strdup (path), GUINT_TO_POINTER (attempt));

  if (g_str_equal (path, "/v1/echo"))
    {
      g_autofree char *body = echo_body (msg);

      respond (msg, 200, body);
    }
  else if (g_str_equal (path, "/v1/unauthorized"))
    respond (msg, 401, "{\"error\":{\"message\":\"Incorrect API key provided: " KEY ". Check it.\","
                       "\"type\":\"invalid_request_error\"}}");
  else if (g_str_equal (path, "/v1/flaky"))
    {
      if (attempt <= 2)
        respond (msg, attempt == 1 ? 503 : 529, "{\"error\":{\"message\":\"overloaded\"}}");
      else
        respond (msg, 200, "{\"ok\":true}");
    }
  else if (g_str_has_prefix (path, "/v1/rate"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) soon = g_date_time_add_seconds (now, 2);
      g_autofree char *date = g_date_time_format (soon, "%a, %d %b %Y %H:%M:%S GMT");

      if (attempt == 1 || g_str_equal (path, "/v1/rate-long"))
        {
          soup_message_headers_replace (response_headers, "Retry-After",
                                        g_str_equal (path, "/v1/rate") ? "1" :
                                        g_str_equal (path, "/v1/rate-long") ? "3600" : date);
          respond (msg, 429, "{\"error\":{\"message\":\"Rate limit reached\"}}");
        }
      else
        respond (msg, 200, "{\"ok\":true}");
    }
  else if (g_str_equal (path, "/v1/down"))
    respond (msg, 503, "{\"error\":{\"message\":\"The engine is currently overloaded\"}}");
  else if (g_str_equal (path, "/v1/invalid"))
    respond (msg, 422, "{\"error\":{\"message\":\"max_tokens is too large (key " KEY ")\"}}");
  else if (g_str_equal (path, "/v1/anthropic"))
    respond (msg, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                       "\"message\":\"messages: field required\"}}");
  else if (g_str_equal (path, "/v1/not-json"))
    respond (msg, 200, "<html>Gateway says hello</html>");
  else if (g_str_equal (path, "/v1/big"))
    {
      g_autofree char *padding = g_strnfill (4096, 'a');
      g_autofree char *body = g_strdup_printf ("{\"text\":\"%s\"}", padding);

      respond (msg, 200, body);
    }
  else if (g_str_equal (path, "/v1/stream-busy") && attempt == 1)
    respond (msg, 503, "{\"error\":{\"message\":\"busy\"}}");
  else if (g_str_has_prefix (path, "/v1/stream"))
    start_stream (fixture, msg, FALSE);
  else if (g_str_equal (path, "/v1/stall"))
    start_stream (fixture, msg, TRUE);
  else
    respond (msg, 404, "{\"error\":{\"message\":\"no such path\"}}");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *uri = NULL;

  fixture->server = soup_server_new (NULL, NULL);
  fixture->attempts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->streamers = g_ptr_array_new_with_free_func ((GDestroyNotify) streamer_free);
  soup_server_add_handler (fixture->server, NULL, handle, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fixture->server);
  uri = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  /* g_uri_to_string () ends with "/"; endpoints drop it anyway. */
  fixture->base = g_strconcat (uri, "v1", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  soup_server_disconnect (fixture->server);
  g_ptr_array_unref (fixture->streamers);
  g_clear_object (&fixture->server);
  g_hash_table_unref (fixture->attempts);
  g_free (fixture->base);
}

static guint
attempts (Fixture    *fixture,
          const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->attempts, path));
}

static TayoriAiEndpoint *
make_endpoint (Fixture    *fixture,
               const char *name,
               const char *extra)
{
  g_autofree char *text = g_strdup_printf ("[ai-endpoint:%s]\ntype=openai\nbase-url=%s\n"
                                           "connect-timeout=5\ntimeout=20\n"
                                           "headers=X-Tayori-Test: yes\n%s",
                                           name, fixture->base, extra);
  g_autofree char *group = g_strconcat ("ai-endpoint:", name, NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  TayoriAiEndpoint *endpoint;

  g_assert_true (g_key_file_load_from_data (keyfile, text, -1, G_KEY_FILE_NONE, NULL));
  endpoint = tayori_ai_endpoint_new_from_keyfile (keyfile, group, &error);
  g_assert_no_error (error);
  return endpoint;
}

static gboolean
collect_event (const char *event,
               const char *data,
               gpointer    user_data)
{
  Run *run = user_data;

  g_ptr_array_add (run->events, g_strdup_printf ("%s|%s", event, data));
  g_atomic_int_inc (&run->n_events);
  /* run_call () may be waiting on the main context for something else to happen. */
  g_main_context_wakeup (NULL);
  return TRUE;
}

static void
call_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Run *run = task_data;

  run->result = tayori_ai_http_call (run->endpoint, &run->call, cancellable, &run->error);
  g_task_return_boolean (task, TRUE);
}

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;

  run->done = TRUE;
}

/* Runs the call on a worker thread, as providers do, while this thread serves the requests.
 * With @cancellable, cancels it once the first event has arrived. */
static void
run_call (Run          *run,
          GCancellable *cancellable)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_call_done, run);

  run->events = g_ptr_array_new_with_free_func (g_free);
  g_task_set_task_data (task, run, NULL);
  g_task_run_in_thread (task, call_in_thread);
  while (!run->done)
    {
      g_main_context_iteration (NULL, TRUE);
      if (cancellable != NULL && g_atomic_int_get (&run->n_events) > 0)
        g_cancellable_cancel (cancellable);
    }
}

static void
run_clear (Run *run)
{
  g_clear_object (&run->endpoint);
  g_clear_pointer (&run->result, json_node_unref);
  g_clear_error (&run->error);
  g_clear_pointer (&run->events, g_ptr_array_unref);
}

static Run
get (TayoriAiEndpoint *endpoint,
     const char       *path)
{
  Run run = { endpoint, { "GET", path, NULL, NULL, NULL, NULL, 0 }, NULL, NULL, NULL, 0, FALSE };

  run_call (&run, NULL);
  return run;
}

static const char *
member (JsonNode   *node,
        const char *name)
{
  return json_object_get_string_member (json_node_get_object (node), name);
}

static void
test_auth_and_headers (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *query[] = { "api-version=2024-06-01", "q=a b", NULL };
  g_autoptr(JsonNode) body = json_from_string ("{\"model\":\"m\",\"messages\":[]}", NULL);
  Run post = { make_endpoint (fixture, "test", ""),
               { "POST", "/echo", query, body, NULL, NULL, 0 }, NULL, NULL, NULL, 0, FALSE };
  Run azure = get (make_endpoint (fixture, "test", "azure-deployment=chat\n"), "/echo");
  Run none = get (make_endpoint (fixture, "test", "auth=none\n"), "/echo");
  Run nokey = get (make_endpoint (fixture, "nokey", ""), "/echo");

  run_call (&post, NULL);
  g_assert_no_error (post.error);
  g_assert_cmpstr (member (post.result, "Authorization"), ==, "Bearer " KEY);
  g_assert_cmpstr (member (post.result, "X-Tayori-Test"), ==, "yes");
  g_assert_cmpstr (member (post.result, "Content-Type"), ==, "application/json");
  g_assert_cmpstr (member (post.result, "Accept"), ==, "application/json");
  g_assert_cmpstr (member (post.result, "query"), ==, "api-version=2024-06-01&q=a%20b");
  g_assert_cmpstr (member (post.result, "body"), ==, "{\"model\":\"m\",\"messages\":[]}");

  g_assert_no_error (azure.error);
  g_assert_cmpstr (member (azure.result, "api-key"), ==, KEY);
  g_assert_cmpstr (member (azure.result, "Authorization"), ==, "");
  g_assert_no_error (none.error);
  g_assert_cmpstr (member (none.result, "Authorization"), ==, "");
  g_assert_cmpstr (member (none.result, "X-Tayori-Test"), ==, "yes");
  g_assert_no_error (nokey.error);
  g_assert_cmpstr (member (nokey.result, "Authorization"), ==, "");

  run_clear (&post);
  run_clear (&azure);
  run_clear (&none);
  run_clear (&nokey);
}

static void
assert_no_key (const char *message)
{
  g_assert_null (strstr (message, KEY));
  for (gsize i = 0; i + 8 <= strlen (KEY); i++)
    {
      g_autofree char *piece = g_strndup (KEY + i, 8);

      g_assert_null (strstr (message, piece));
    }
}

static void
test_status_errors (Fixture       *fixture,
                    gconstpointer  data)
{
  Run unauthorized = get (make_endpoint (fixture, "test", ""), "/unauthorized");
  Run invalid = get (make_endpoint (fixture, "test", ""), "/invalid");
  Run anthropic = get (make_endpoint (fixture, "test", ""), "/anthropic");
  Run missing = get (make_endpoint (fixture, "test", ""), "/missing");

  g_assert_error (unauthorized.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_AUTH);
  g_assert_nonnull (strstr (unauthorized.error->message, "Incorrect API key provided"));
  g_assert_nonnull (strstr (unauthorized.error->message, "401"));
  assert_no_key (unauthorized.error->message);
  g_assert_cmpuint (attempts (fixture, "/v1/unauthorized"), ==, 1);

  g_assert_error (invalid.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (invalid.error->message, "max_tokens is too large"));
  assert_no_key (invalid.error->message);
  g_assert_error (anthropic.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (anthropic.error->message, "messages: field required"));
  g_assert_error (missing.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (missing.error->message, "no such path"));

  run_clear (&unauthorized);
  run_clear (&invalid);
  run_clear (&anthropic);
  run_clear (&missing);
}

static void
test_retries (Fixture       *fixture,
              gconstpointer  data)
{
  Run flaky = get (make_endpoint (fixture, "test", ""), "/flaky");
  Run rate = get (make_endpoint (fixture, "test", ""), "/rate");
  Run rate_date = get (make_endpoint (fixture, "test", ""), "/rate-date");
  Run rate_long = get (make_endpoint (fixture, "test", ""), "/rate-long");
  Run down = get (make_endpoint (fixture, "test", "max-retries=2\n"), "/down");

  g_assert_no_error (flaky.error);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (flaky.result), "ok"));
  g_assert_cmpuint (attempts (fixture, "/v1/flaky"), ==, 3);
  g_assert_no_error (rate.error);
  g_assert_cmpuint (attempts (fixture, "/v1/rate"), ==, 2);
  g_assert_no_error (rate_date.error);
  g_assert_cmpuint (attempts (fixture, "/v1/rate-date"), ==, 2);
  /* A wait longer than Tayori is willing to make is not attempted. */
  g_assert_error (rate_long.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_RATE_LIMITED);
  g_assert_cmpuint (attempts (fixture, "/v1/rate-long"), ==, 1);
  g_assert_error (down.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_SERVER);
  g_assert_nonnull (strstr (down.error->message, "currently overloaded"));
  g_assert_cmpuint (attempts (fixture, "/v1/down"), ==, 3);

  run_clear (&flaky);
  run_clear (&rate);
  run_clear (&rate_date);
  run_clear (&rate_long);
  run_clear (&down);
}

static void
test_bad_bodies (Fixture       *fixture,
                 gconstpointer  data)
{
  Run not_json = get (make_endpoint (fixture, "test", ""), "/not-json");
  Run big = { make_endpoint (fixture, "test", ""),
              { "GET", "/big", NULL, NULL, NULL, NULL, 1024 }, NULL, NULL, NULL, 0, FALSE };
  Run big_enough = { make_endpoint (fixture, "test", ""),
                     { "GET", "/big", NULL, NULL, NULL, NULL, 8192 }, NULL, NULL, NULL, 0, FALSE };

  g_assert_error (not_json.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (not_json.result);
  run_call (&big, NULL);
  g_assert_error (big.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE);
  run_call (&big_enough, NULL);
  g_assert_no_error (big_enough.error);
  g_assert_cmpuint (strlen (member (big_enough.result, "text")), ==, 4096);

  run_clear (&not_json);
  run_clear (&big);
  run_clear (&big_enough);
}

static void
test_network_error (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_autofree char *url = NULL;
  Run run = { NULL };

  /* A port that was free a moment ago: nothing answers there. */
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u", port);
  run.endpoint = tayori_ai_endpoint_new ("test", "openai", url, "m");
  run.call.path = "/models";
  run_call (&run, NULL);
  g_assert_error (run.error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NETWORK);
  assert_no_key (run.error->message);
  run_clear (&run);
}

static void
test_streaming (Fixture       *fixture,
                gconstpointer  data)
{
  const char *expected[] = { "message|{\"n\":1}", "message|{\"n\":2}", "message|{\"n\":3}",
                             "done|[DONE]" };
  const char *paths[] = { "/stream", "/stream-busy" };

  for (guint p = 0; p < G_N_ELEMENTS (paths); p++)
    {
      g_autofree char *server_path = g_strconcat ("/v1", paths[p], NULL);
      Run run = { make_endpoint (fixture, "test", ""),
                  { "POST", paths[p], NULL, NULL, collect_event, NULL, 0 },
                  NULL, NULL, NULL, 0, FALSE };

      run.call.event_data = &run;
      run_call (&run, NULL);
      g_assert_no_error (run.error);
      g_assert_null (run.result);
      g_assert_cmpuint (run.events->len, ==, G_N_ELEMENTS (expected));
      for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
        g_assert_cmpstr (run.events->pdata[i], ==, expected[i]);
      /* A refusal before the stream started is retried like any other. */
      g_assert_cmpuint (attempts (fixture, server_path), ==, p == 0 ? 1 : 2);
      run_clear (&run);
    }
}

static void
test_cancel_mid_stream (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Run run = { make_endpoint (fixture, "test", ""),
              { "POST", "/stall", NULL, NULL, collect_event, NULL, 0 },
              NULL, NULL, NULL, 0, FALSE };

  run.call.event_data = &run;
  run_call (&run, cancellable);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.events->len, ==, 1);
  g_assert_cmpstr (run.events->pdata[0], ==, "message|{\"n\":1}");
  g_assert_cmpuint (attempts (fixture, "/v1/stall"), ==, 1);
  run_clear (&run);
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *stored = user_data;
  g_autoptr(GError) error = NULL;

  *stored = tayori_secret_store_finish (result, &error);
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  gboolean stored = FALSE;

  g_setenv ("TAYORI_AI_BACKOFF_SCALE", "0.01", TRUE);
  g_test_init (&argc, &argv, NULL);

  tayori_secret_store_async ("ai-endpoint", "test", NULL, KEY, NULL, on_stored, &stored);
  while (!stored)
    g_main_context_iteration (NULL, TRUE);

  g_test_add ("/tayori/ai/http/auth-and-headers", Fixture, NULL, fixture_set_up, test_auth_and_headers, fixture_tear_down);
  g_test_add ("/tayori/ai/http/status-errors", Fixture, NULL, fixture_set_up, test_status_errors, fixture_tear_down);
  g_test_add ("/tayori/ai/http/retries", Fixture, NULL, fixture_set_up, test_retries, fixture_tear_down);
  g_test_add ("/tayori/ai/http/bad-bodies", Fixture, NULL, fixture_set_up, test_bad_bodies, fixture_tear_down);
  g_test_add ("/tayori/ai/http/network-error", Fixture, NULL, fixture_set_up, test_network_error, fixture_tear_down);
  g_test_add ("/tayori/ai/http/streaming", Fixture, NULL, fixture_set_up, test_streaming, fixture_tear_down);
  g_test_add ("/tayori/ai/http/cancel-mid-stream", Fixture, NULL, fixture_set_up, test_cancel_mid_stream, fixture_tear_down);
  return g_test_run ();
}
