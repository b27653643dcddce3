/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The channels' HTTP helper against the fault server: every status class, Retry-After, the
 * token kept out of messages, and the difference between "never sent" (retry later) and
 * "sent, then the connection dropped or timed out" (unknown outcome). */
#include "tayori-channel-http.h"
#include "fault-server.h"

#define TOKEN "tok-SECRET-7f3a9c2e"

static TayoriHttpResponse *
send_to (FaultServer  *server,
         const char   *method,
         const char   *path,
         GError      **error)
{
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autofree char *url = tayori_channel_http_url (fault_server_get_url (server), path);
  g_autoptr(GBytes) body = g_bytes_new_static ("{\"a\":1}", 7);
  TayoriChannelRequest request = {
    .method = method,
    .url = url,
    .token = TOKEN,
    .body = g_str_equal (method, "GET") ? NULL : body,
    .content_type = g_str_equal (method, "GET") ? NULL : "application/json",
  };

  return tayori_channel_http_send (client, &request, NULL, error);
}

static void
test_statuses (void)
{
  static const struct {
    guint              status;
    TayoriChannelError code;
  } cases[] = {
    { 400, TAYORI_CHANNEL_ERROR_CONTENT },
    { 401, TAYORI_CHANNEL_ERROR_AUTH },
    { 403, TAYORI_CHANNEL_ERROR_FORBIDDEN },
    { 413, TAYORI_CHANNEL_ERROR_CONTENT },
    { 422, TAYORI_CHANNEL_ERROR_CONTENT },
    { 500, TAYORI_CHANNEL_ERROR_RETRY_LATER },
    { 502, TAYORI_CHANNEL_ERROR_RETRY_LATER },
  };
  g_autoptr(FaultServer) server = fault_server_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TayoriHttpResponse) response = NULL;
      g_autoptr(GError) error = NULL;

      fault_server_reply (server, "POST", "/post", cases[i].status,
                          "{\"message\": \"refused for " TOKEN " reasons\"}");
      response = send_to (server, "POST", "/post", &error);
      g_assert_null (response);
      g_assert_error (error, TAYORI_CHANNEL_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, "refused for"));
      g_assert_null (strstr (error->message, TOKEN));
      g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==, 0);
    }
  g_assert_cmpuint (fault_server_count (server, "POST", "/post"), ==, G_N_ELEMENTS (cases));
}

static void
test_retry_after (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 90);
  g_autofree char *date = g_date_time_format (later, "Retry-After: %a, %d %b %Y %H:%M:%S GMT");
  FaultResponse limited = { .status = 429, .headers = { "Retry-After: 30" } };
  FaultResponse unavailable = { .status = 503, .headers = { date } };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  guint seconds;

  fault_server_script (server, "POST", "/post", &limited);
  fault_server_script (server, "POST", "/post", &unavailable);
  response = send_to (server, "POST", "/post", &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  g_assert_cmpuint (tayori_channel_error_get_retry_after (error), ==, 30);
  g_clear_error (&error);

  response = send_to (server, "POST", "/post", &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
  seconds = tayori_channel_error_get_retry_after (error);
  g_assert_cmpuint (seconds, >, 0);
  g_assert_cmpuint (seconds, <=, 90);
}

static void
test_dropped_after_sending (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  FaultResponse drop = { .action = FAULT_DROP };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  /* The server read the whole request: it may have acted on it. */
  fault_server_script (server, "POST", "/post", &drop);
  response = send_to (server, "POST", "/post", &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_assert_cmpuint (fault_server_count (server, "POST", "/post"), ==, 1);
  g_clear_error (&error);

  /* Reading changes nothing: a dropped GET is simply retried later. */
  fault_server_script (server, "GET", "/read", &drop);
  response = send_to (server, "GET", "/read", &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
}

static void
test_timeout_after_sending (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  FaultResponse slow = { .status = 200, .body = "{}", .delay_ms = 3000 };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  tayori_channel_http_set_timeout (1);
  fault_server_script (server, "POST", "/post", &slow);
  response = send_to (server, "POST", "/post", &error);
  tayori_channel_http_set_timeout (0);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);
  g_assert_null (response);
}

static void
test_never_sent (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  TayoriChannelRequest request = { .method = "POST" };

  /* A port that was free a moment ago and has no listener: the connection is refused. */
  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/post",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);
  request.url = url;
  response = tayori_channel_http_send (client, &request, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER);
}

static void
test_json_answers (void)
{
  g_autoptr(FaultServer) server = fault_server_new ();
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autofree char *url = tayori_channel_http_url (fault_server_get_url (server), "/post");
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) unread = NULL;
  g_autoptr(GPtrArray) auth = NULL;
  g_autoptr(GError) error = NULL;
  TayoriChannelRequest request = { .method = "POST", .url = url, .token = TOKEN };

  fault_server_reply (server, "POST", "/post", 200, "{\"id\": \"42\", \"n\": 7, \"o\": {}}");
  fault_server_reply (server, "POST", "/post", 200, "<html>");
  object = tayori_channel_http_send_json (client, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tayori_channel_json_string (object, "id"), ==, "42");
  g_assert_null (tayori_channel_json_string (object, "n"));
  g_assert_cmpint (tayori_channel_json_int (object, "n", -1), ==, 7);
  g_assert_cmpint (tayori_channel_json_int (object, "id", -1), ==, -1);
  g_assert_nonnull (tayori_channel_json_object (object, "o"));
  g_assert_null (tayori_channel_json_object (object, "missing"));

  /* The server acted but its answer cannot be read: reconcile, never resend blindly. */
  unread = tayori_channel_http_send_json (client, &request, NULL, NULL, &error);
  g_assert_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME);

  auth = fault_server_header_values (server, "POST", "/post", "Authorization");
  g_assert_cmpuint (auth->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (auth, 0), ==, "Bearer " TOKEN);
}

static void
test_multipart (void)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autoptr(GBytes) file = g_bytes_new_static ("PNGDATA", 7);
  g_autoptr(GBytes) body = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *text = NULL;

  soup_multipart_append_form_file (multipart, "file", "a.png", "image/png", file);
  soup_multipart_append_form_string (multipart, "description", "代替テキスト");
  body = tayori_channel_http_multipart (multipart, &content_type);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_true (g_str_has_prefix (content_type, "multipart/form-data; boundary="));
  g_assert_nonnull (strstr (text, "PNGDATA"));
  g_assert_nonnull (strstr (text, "代替テキスト"));
  g_assert_nonnull (strstr (text, "name=\"file\"; filename=\"a.png\""));
}

static void
test_url (void)
{
  g_autofree char *plain = tayori_channel_http_url ("https://api.line.me", "/v2/bot/info");
  g_autofree char *slashes = tayori_channel_http_url ("https://m.example//", "/api/v1/apps");

  g_assert_cmpstr (plain, ==, "https://api.line.me/v2/bot/info");
  g_assert_cmpstr (slashes, ==, "https://m.example/api/v1/apps");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/channels/http/statuses", test_statuses);
  g_test_add_func ("/tayori/channels/http/retry-after", test_retry_after);
  g_test_add_func ("/tayori/channels/http/dropped-after-sending", test_dropped_after_sending);
  g_test_add_func ("/tayori/channels/http/timeout-after-sending", test_timeout_after_sending);
  g_test_add_func ("/tayori/channels/http/never-sent", test_never_sent);
  g_test_add_func ("/tayori/channels/http/json-answers", test_json_answers);
  g_test_add_func ("/tayori/channels/http/multipart", test_multipart);
  g_test_add_func ("/tayori/channels/http/url", test_url);
  return g_test_run ();
}
