/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The "openai" provider when things go wrong: truncated and broken streams, invalid JSON,
 * 429 with Retry-After, 5xx until the retries run out, stalls, and cancelling. */
#include <string.h>
#include "openai-fake.h"
#include "openai-test-util.h"

static const char *deltas[] = { "こんにち", "は", NULL };

typedef struct {
  OpenaiFake       *fake;
  TayoriAiEndpoint *endpoint;
  TayoriAiProvider *provider;
  GString          *deltas;
  TestDeltas  seen;
} Fixture;

/* @data: endpoint keys; by default two retries, quick with TAYORI_AI_BACKOFF_SCALE. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *extra = g_strconcat ("auth=none\n",
                                        data != NULL ? (const char *) data : "max-retries=2",
                                        NULL);
  g_autoptr(GError) error = NULL;

  fixture->fake = openai_fake_new ();
  fixture->endpoint = test_endpoint ("local", "openai", openai_fake_get_url (fixture->fake), extra);
  fixture->provider = tayori_ai_provider_new_for_endpoint (fixture->endpoint, &error);
  g_assert_no_error (error);
  fixture->deltas = g_string_new (NULL);
  fixture->seen.text = fixture->deltas;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_object_unref (fixture->provider);
  g_object_unref (fixture->endpoint);
  openai_fake_free (fixture->fake);
  g_string_free (fixture->deltas, TRUE);
}

static TayoriAiChatResponse *
chat (Fixture       *fixture,
      gboolean       stream,
      GCancellable  *cancellable,
      GError       **error)
{
  TayoriAiChatRequest request = { .prompt = "要約", .temperature = -1, .stream = stream };

  return test_chat (fixture->provider, &request, &fixture->seen, cancellable, error);
}

static void
test_truncated_stream (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *stream = openai_test_stream (deltas, 0);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stream (fixture->fake, stream, 7, FALSE);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
  /* What came before the cut was shown, and the call was not repeated. */
  g_assert_cmpstr (fixture->deltas->str, ==, "こんにちは");
  g_assert_cmpuint (openai_fake_get_n_requests (fixture->fake), ==, 1);
}

static void
test_stream_not_json (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stream (fixture->fake,
                            "data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\n"
                            "data: {\"choices\":[{\"delta\":{\"content\":\n\n"
                            "data: [DONE]\n\n", 5, FALSE);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
  g_assert_cmpstr (fixture->deltas->str, ==, "a");
}

/* OpenAI reports a failure in the middle of a stream as an error object. */
static void
test_stream_error_event (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stream (fixture->fake,
                            "data: {\"choices\":[{\"delta\":{\"content\":\"途中\"}}]}\n\n"
                            "data: {\"error\":{\"message\":\"The server had an error while "
                            "processing your request\",\"type\":\"server_error\"}}\n\n", 0, FALSE);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "while processing your request"));
  g_assert_null (response);
}

static void
test_invalid_json (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply (fixture->fake, 200, "{\"choices\":[{\"message\":", NULL);
  response = chat (fixture, FALSE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
}

static void
test_no_choices (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply (fixture->fake, 200, "{\"id\":\"x\",\"choices\":[]}", NULL);
  response = chat (fixture, FALSE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED);
  g_assert_null (response);
}

static void
test_rate_limited_then_ok (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *stream = openai_test_stream (deltas, STREAM_FULL);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply (fixture->fake, 429, "{\"error\":{\"message\":\"Rate limit reached\","
                                         "\"type\":\"requests\"}}", "1");
  openai_fake_reply_stream (fixture->fake, stream, 11, FALSE);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "こんにちは");
  g_assert_cmpstr (fixture->deltas->str, ==, "こんにちは");
  g_assert_cmpuint (openai_fake_get_n_requests (fixture->fake), ==, 2);
}

static void
test_server_error_after_retries (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply (fixture->fake, 500, "{\"error\":{\"message\":\"Internal error\"}}", NULL);
  response = chat (fixture, FALSE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_SERVER);
  g_assert_null (response);
  /* The first try and max-retries=2 more. */
  g_assert_cmpuint (openai_fake_get_n_requests (fixture->fake), ==, 3);
}

static void
test_bad_request_not_retried (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply (fixture->fake, 400, "{\"error\":{\"message\":\"Invalid value for "
                                         "'temperature'\",\"type\":\"invalid_request_error\"}}",
                     NULL);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "Invalid value for 'temperature'"));
  g_assert_cmpuint (openai_fake_get_n_requests (fixture->fake), ==, 1);
}

static void
test_stall (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stall (fixture->fake);
  response = chat (fixture, FALSE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NETWORK);
  g_assert_null (response);
}

/* A stream that stops moving times out; what it had sent is not sent again. */
static void
test_stall_in_stream (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *stream = openai_test_stream (deltas, 0);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stream (fixture->fake, stream, 0, TRUE);
  response = chat (fixture, TRUE, NULL, &error);
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NETWORK);
  g_assert_null (response);
  g_assert_cmpstr (fixture->deltas->str, ==, "こんにちは");
  g_assert_cmpuint (openai_fake_get_n_requests (fixture->fake), ==, 1);
}

/* Cancelling at the first delta ends a stream that would otherwise wait for minutes; no
 * delta is delivered after the cancel. */
static void
test_cancel_in_stream (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *stream = openai_test_stream (deltas, 0);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  fixture->seen.cancel_on_delta = cancellable;
  openai_fake_reply_stream (fixture->fake, stream, 0, TRUE);
  response = chat (fixture, TRUE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
  g_assert_cmpuint (fixture->seen.n_deltas, ==, 1);
}

static void
test_cancel_before (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  openai_fake_reply_stall (fixture->fake);
  g_cancellable_cancel (cancellable);
  response = chat (fixture, FALSE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (response);
}

int
main (int   argc,
      char *argv[])
{
  static const char short_timeout[] = "timeout=1\nmax-retries=0";
  static const char long_timeout[] = "timeout=600\nmax-retries=2";

  g_test_init (&argc, &argv, NULL);
  g_setenv ("TAYORI_AI_BACKOFF_SCALE", "0.01", TRUE);

#define ADD(path, func, data) \
  g_test_add ("/tayori/ai/openai/faults/" path, Fixture, data, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("truncated-stream", test_truncated_stream, NULL);
  ADD ("stream-not-json", test_stream_not_json, NULL);
  ADD ("stream-error-event", test_stream_error_event, NULL);
  ADD ("invalid-json", test_invalid_json, NULL);
  ADD ("no-choices", test_no_choices, NULL);
  ADD ("rate-limited-then-ok", test_rate_limited_then_ok, NULL);
  ADD ("server-error-after-retries", test_server_error_after_retries, NULL);
  ADD ("bad-request-not-retried", test_bad_request_not_retried, NULL);
  ADD ("stall", test_stall, short_timeout);
  ADD ("stall-in-stream", test_stall_in_stream, short_timeout);
  ADD ("cancel-in-stream", test_cancel_in_stream, long_timeout);
  ADD ("cancel-before", test_cancel_before, long_timeout);
#undef ADD

  return g_test_run ();
}
