/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The OAuth loopback redirect: PKCE values as RFC 7636 defines them, the one redirect taken with
 * its state checked, the browser answered, refusals, time-outs and cancelling. */
#include <libsoup/soup.h>

#include "tayori-oauth-loopback.h"

typedef struct {
  GMainLoop *loop;
  char      *code;
  GError    *error;
  gboolean   done;
} Wait;

static void
on_waited (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->code = tayori_oauth_loopback_wait_finish (TAYORI_OAUTH_LOOPBACK (source), result,
                                                  &wait->error);
  wait->done = TRUE;
}

static void
run_until_done (Wait *wait)
{
  GMainContext *context = g_main_context_default ();

  while (!wait->done)
    g_main_context_iteration (context, TRUE);
}

static void
wait_clear (Wait *wait)
{
  g_clear_pointer (&wait->code, g_free);
  g_clear_error (&wait->error);
}

typedef struct {
  guint    status;
  char    *content_type;
  char    *body;
  char    *csp;
  GError  *error;
  gboolean done;
} Answer;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Answer *answer = user_data;
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (source), result);
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                              &answer->error);

  if (body != NULL)
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (msg);

      answer->status = soup_message_get_status (msg);
      answer->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
      answer->csp = g_strdup (soup_message_headers_get_one (headers, "Content-Security-Policy"));
      answer->body = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
    }
  answer->done = TRUE;
}

/* Plays the browser: fetches @uri on the main loop (the loopback answers on the same one). */
static void
browse (const char *uri,
        Answer     *answer)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);

  memset (answer, 0, sizeof *answer);
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, on_sent, answer);
  while (!answer->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
answer_clear (Answer *answer)
{
  g_clear_pointer (&answer->content_type, g_free);
  g_clear_pointer (&answer->body, g_free);
  g_clear_pointer (&answer->csp, g_free);
  g_clear_error (&answer->error);
}

static char *
redirect_with (TayoriOAuthLoopback *loopback,
               const char          *query)
{
  return g_strdup_printf ("%s?%s", tayori_oauth_loopback_get_redirect_uri (loopback), query);
}

static TayoriOAuthLoopback *
new_loopback (void)
{
  g_autoptr(GError) error = NULL;
  TayoriOAuthLoopback *loopback = tayori_oauth_loopback_new (&error);

  g_assert_no_error (error);
  return loopback;
}

/* Waits for the code while the browser follows the redirect with the query @query_format
 * (its %s: @state), until both have ended; returns the address browsed. */
static char *
redirect_and_wait (TayoriOAuthLoopback *loopback,
                   const char          *query_format,
                   const char          *state,
                   Wait                *wait,
                   Answer              *answer)
{
  g_autofree char *query = g_strdup_printf (query_format, state);
  char *uri = redirect_with (loopback, query);

  tayori_oauth_loopback_wait_async (loopback, 60, NULL, on_waited, wait);
  browse (uri, answer);
  run_until_done (wait);
  return uri;
}

static gboolean
is_base64url (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return TRUE;
}

static void
test_pkce (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriOAuthLoopback) a = tayori_oauth_loopback_new (&error);
  g_autoptr(TayoriOAuthLoopback) b = tayori_oauth_loopback_new (&error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GUri) uri = NULL;
  const char *verifier;
  guint8 digest[32];
  gsize length = sizeof digest;
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  verifier = tayori_oauth_loopback_get_verifier (a);
  /* 32 random bytes in base64url: 43 characters (RFC 7636 §4.1). */
  g_assert_cmpuint (strlen (verifier), ==, 43);
  g_assert_true (is_base64url (verifier));
  g_assert_true (is_base64url (tayori_oauth_loopback_get_state (a)));
  g_assert_cmpuint (strlen (tayori_oauth_loopback_get_state (a)), >=, 22);
  g_assert_cmpstr (verifier, !=, tayori_oauth_loopback_get_verifier (b));
  g_assert_cmpstr (tayori_oauth_loopback_get_state (a), !=, tayori_oauth_loopback_get_state (b));

  /* S256: BASE64URL(SHA256(ASCII(verifier))) without padding. */
  g_checksum_update (checksum, (const guchar *) verifier, -1);
  g_checksum_get_digest (checksum, digest, &length);
  expected = g_base64_encode (digest, length);
  g_strdelimit (expected, "+", '-');
  g_strdelimit (expected, "/", '_');
  g_assert_true (g_str_has_suffix (expected, "="));
  expected[strlen (expected) - 1] = '\0';
  g_assert_cmpstr (tayori_oauth_loopback_get_challenge (a), ==, expected);

  /* A literal 127.0.0.1, a real port, the /callback path; two flows never share a port. */
  uri = g_uri_parse (tayori_oauth_loopback_get_redirect_uri (a), G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "http");
  g_assert_cmpstr (g_uri_get_host (uri), ==, "127.0.0.1");
  g_assert_cmpint (g_uri_get_port (uri), >, 0);
  g_assert_cmpstr (g_uri_get_path (uri), ==, "/callback");
  g_assert_cmpstr (tayori_oauth_loopback_get_redirect_uri (a), !=,
                   tayori_oauth_loopback_get_redirect_uri (b));
}

static void
test_code (void)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  g_autofree char *uri = NULL;
  Wait wait = { 0 };
  Answer answer;

  uri = redirect_and_wait (loopback, "code=c0de%%2Bx&state=%s",
                           tayori_oauth_loopback_get_state (loopback), &wait, &answer);

  g_assert_no_error (wait.error);
  g_assert_cmpstr (wait.code, ==, "c0de+x");
  g_assert_no_error (answer.error);
  g_assert_cmpuint (answer.status, ==, 200);
  g_assert_cmpstr (answer.content_type, ==, "text/html");
  g_assert_nonnull (strstr (answer.body, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (answer.body, "<title>"));
  g_assert_nonnull (strstr (answer.csp, "default-src 'none'"));
  answer_clear (&answer);

  /* Single use: the page is gone, and the server stops once the browser has had it. */
  browse (uri, &answer);
  g_assert_true (answer.error != NULL || answer.status == 410);
  answer_clear (&answer);
  wait_clear (&wait);
}

static void
test_code_before_wait (void)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  g_autofree char *query = NULL;
  g_autofree char *uri = NULL;
  Wait wait = { 0 };
  Answer answer;

  query = g_strdup_printf ("state=%s&code=early", tayori_oauth_loopback_get_state (loopback));
  uri = redirect_with (loopback, query);
  browse (uri, &answer);
  g_assert_cmpuint (answer.status, ==, 200);
  answer_clear (&answer);

  tayori_oauth_loopback_wait_async (loopback, 60, NULL, on_waited, &wait);
  run_until_done (&wait);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (wait.code, ==, "early");
  wait_clear (&wait);
}

static void
check_refused (const char *query_format,
               gboolean    with_state,
               guint       status)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  g_autofree char *uri = NULL;
  Wait wait = { 0 };
  Answer answer;

  uri = redirect_and_wait (loopback, query_format,
                           with_state ? tayori_oauth_loopback_get_state (loopback) : "forged",
                           &wait, &answer);

  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_null (wait.code);
  g_assert_cmpuint (answer.status, ==, status);
  g_assert_cmpstr (answer.content_type, ==, "text/html");
  answer_clear (&answer);
  wait_clear (&wait);
}

static void
test_wrong_state (void)
{
  check_refused ("code=stolen&state=%s", FALSE, 400);
}

static void
test_missing_state (void)
{
  check_refused ("code=stolen%s", FALSE, 400);
}

static void
test_access_denied (void)
{
  check_refused ("error=access_denied&state=%s", TRUE, 200);
}

static void
test_not_callback (void)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  g_autofree char *base = g_strdup (tayori_oauth_loopback_get_redirect_uri (loopback));
  g_autofree char *other = NULL;
  g_autofree char *uri = NULL;
  Wait wait = { 0 };
  Answer answer;

  *strrchr (base, '/') = '\0';
  other = g_strconcat (base, "/favicon.ico", NULL);
  browse (other, &answer);
  g_assert_cmpuint (answer.status, ==, 404);
  answer_clear (&answer);

  /* Another path did not use up the one redirect. */
  uri = redirect_and_wait (loopback, "code=after&state=%s",
                           tayori_oauth_loopback_get_state (loopback), &wait, &answer);
  g_assert_cmpstr (wait.code, ==, "after");
  answer_clear (&answer);
  wait_clear (&wait);
}

static void
test_timeout (void)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  Wait wait = { 0 };
  Answer answer;

  tayori_oauth_loopback_wait_async (loopback, 1, NULL, on_waited, &wait);
  run_until_done (&wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);

  /* It no longer listens. */
  browse (tayori_oauth_loopback_get_redirect_uri (loopback), &answer);
  g_assert_nonnull (answer.error);
  answer_clear (&answer);
  wait_clear (&wait);
}

static gboolean
cancel_soon (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(TayoriOAuthLoopback) loopback = new_loopback ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { 0 };

  tayori_oauth_loopback_wait_async (loopback, 60, cancellable, on_waited, &wait);
  g_idle_add (cancel_soon, cancellable);
  run_until_done (&wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  wait_clear (&wait);
  g_assert_finalize_object (g_steal_pointer (&loopback));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/channels/oauth-loopback/pkce", test_pkce);
  g_test_add_func ("/tayori/channels/oauth-loopback/code", test_code);
  g_test_add_func ("/tayori/channels/oauth-loopback/code-before-wait", test_code_before_wait);
  g_test_add_func ("/tayori/channels/oauth-loopback/wrong-state", test_wrong_state);
  g_test_add_func ("/tayori/channels/oauth-loopback/missing-state", test_missing_state);
  g_test_add_func ("/tayori/channels/oauth-loopback/access-denied", test_access_denied);
  g_test_add_func ("/tayori/channels/oauth-loopback/not-callback", test_not_callback);
  g_test_add_func ("/tayori/channels/oauth-loopback/timeout", test_timeout);
  g_test_add_func ("/tayori/channels/oauth-loopback/cancel", test_cancel);
  return g_test_run ();
}
