/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriHttpClient against the fake server: statuses, redirects counted and capped, headers,
 * bodies both ways, the body cap, and the GIOError codes of timeouts, cancellation, refused
 * connections and a certificate that does not verify. */
#include "content-test-util.h"
#include "tayori-http-client.h"
#include "test-server.h"

static TestServer *server;

static TayoriHttpResponse *
send_and_wait (const TayoriHttpRequest  *request,
               GCancellable             *cancellable,
               GError                  **error)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  GAsyncResult *pending = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  tayori_http_client_send_async (client, request, cancellable, content_keep_result, &pending);
  result = content_wait_result (&pending);
  return tayori_http_client_send_finish (client, result, error);
}

static void
test_status_and_body (void)
{
  g_autofree char *ok = test_server_url (server, "/ok");
  g_autofree char *missing = test_server_url (server, "/missing");
  TayoriHttpRequest request = { .method = "GET", .url = ok };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(TayoriHttpResponse) not_found = NULL;
  g_autoptr(GError) error = NULL;

  response = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpuint (response->n_redirects, ==, 0);
  g_assert_cmpstr (response->effective_url, ==, ok);
  g_assert_cmpmem (g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body),
                   "ok", 2);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "content-type"), ==, "text/plain");

  request.url = missing;
  not_found = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (not_found->status, ==, 404);
}

static void
test_redirects (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autofree char *found = test_server_url (server, "/found");
  g_autofree char *ok = test_server_url (server, "/ok");
  g_autofree char *loop = test_server_url (server, "/loop");
  TayoriHttpRequest request = { .method = "HEAD", .url = found, .max_redirects = 5 };
  g_autoptr(TayoriHttpResponse) followed = NULL;
  g_autoptr(TayoriHttpResponse) unfollowed = NULL;
  g_autoptr(TayoriHttpResponse) looped = NULL;
  g_autoptr(GError) error = NULL;

  /* /found → /moved → /ok: two hops, counted, and the final URL reported. */
  followed = tayori_http_client_send (client, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followed->status, ==, 200);
  g_assert_cmpuint (followed->n_redirects, ==, 2);
  g_assert_cmpstr (followed->effective_url, ==, ok);

  request.max_redirects = 0;
  unfollowed = tayori_http_client_send (client, &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unfollowed->status, ==, 302);
  g_assert_cmpuint (unfollowed->n_redirects, ==, 0);
  g_assert_cmpstr (g_hash_table_lookup (unfollowed->headers, "location"), ==, "/moved");

  request.url = loop;
  request.max_redirects = 3;
  looped = tayori_http_client_send (client, &request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (looped);
}

static void
test_post_and_headers (void)
{
  g_autofree char *echo = test_server_url (server, "/echo");
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"a\":1}", 7);
  const char *headers[] = { "Content-Type: application/json", NULL };
  TayoriHttpRequest request = { .method = "POST", .url = echo, .headers = headers, .body = body };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(TayoriHttpResponse) put = NULL;
  g_autoptr(GError) error = NULL;

  response = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpstr (g_hash_table_lookup (response->headers, "x-method"), ==, "POST");
  g_assert_true (g_bytes_equal (response->body, body));

  request.method = "PUT";
  put = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (put->headers, "x-method"), ==, "PUT");
  g_assert_true (g_bytes_equal (put->body, body));
}

static void
test_body_cap (void)
{
  g_autofree char *big = test_server_url (server, "/big");
  TayoriHttpRequest request = { .method = "GET", .url = big, .max_body = 1000 };
  g_autoptr(TayoriHttpResponse) capped = NULL;
  g_autoptr(TayoriHttpResponse) whole = NULL;
  g_autoptr(GError) error = NULL;

  capped = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (capped->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (capped->body), ==, 1000);

  request.max_body = 0;
  whole = send_and_wait (&request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (whole->body), ==, 100000);
}

static void
test_timeout (void)
{
  g_autofree char *slow = test_server_url (server, "/slow");
  TayoriHttpRequest request = { .method = "GET", .url = slow, .timeout = 1 };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = send_and_wait (&request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  g_assert_null (response);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autofree char *slow = test_server_url (server, "/slow");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  TayoriHttpRequest request = { .method = "GET", .url = slow, .timeout = 60 };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(TayoriHttpResponse) never_sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) early_error = NULL;
  guint before = test_server_count (server, "/slow");

  /* Cancelled while the server holds the answer back. */
  g_timeout_add (200, cancel_soon, cancellable);
  response = send_and_wait (&request, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_cmpuint (test_server_count (server, "/slow"), ==, before + 1);

  /* Cancelled before it starts: no request at all. */
  g_cancellable_cancel (cancelled);
  never_sent = send_and_wait (&request, cancelled, &early_error);
  g_assert_error (early_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (never_sent);
  g_assert_cmpuint (test_server_count (server, "/slow"), ==, before + 1);
}

static void
test_refused (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", test_server_closed_port ());
  TayoriHttpRequest request = { .method = "GET", .url = url };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = tayori_http_client_send (client, &request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
  g_assert_null (response);
}

static void
test_host_not_found (void)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  TayoriHttpRequest request = { .method = "GET", .url = "http://no-such-host.invalid/" };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = tayori_http_client_send (client, &request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND);
  g_assert_null (response);
}

static void
test_tls_verification (void)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "test-tls.pem", NULL);
  g_autoptr(TestServer) tls_server = test_server_new (pem);
  g_autofree char *url = test_server_url (tls_server, "/ok");
  TayoriHttpRequest request = { .method = "GET", .url = url };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* A self-signed certificate must never be accepted. */
  g_assert_true (g_str_has_prefix (url, "https://"));
  response = send_and_wait (&request, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_assert_null (response);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_new (NULL);
  g_test_add_func ("/tayori/checks/content/http/status-and-body", test_status_and_body);
  g_test_add_func ("/tayori/checks/content/http/redirects", test_redirects);
  g_test_add_func ("/tayori/checks/content/http/post-and-headers", test_post_and_headers);
  g_test_add_func ("/tayori/checks/content/http/body-cap", test_body_cap);
  g_test_add_func ("/tayori/checks/content/http/timeout", test_timeout);
  g_test_add_func ("/tayori/checks/content/http/cancel", test_cancel);
  g_test_add_func ("/tayori/checks/content/http/refused", test_refused);
  g_test_add_func ("/tayori/checks/content/http/host-not-found", test_host_not_found);
  g_test_add_func ("/tayori/checks/content/http/tls-verification", test_tls_verification);
  status = g_test_run ();
  test_server_free (server);
  return status;
}
