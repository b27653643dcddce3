/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Anthropic provider against a fake Messages API: the request it sends (headers, body,
 * the forced tool of structured output), streams cut at every kind of boundary, whole answers,
 * retries, error events, truncated and unreadable answers. */
#include "fake-server.h"
#include "ai-test-util.h"

#define KEY "sk-ant-test-0123456789abcdef"

static const char * const deltas[] = {
  "お知らせ：", "市役所の窓口は", "12月29日から1月3日まで", "お休みです。\n",
  "\"急ぎ\"の届出は🎍", "夜間窓口へ。", NULL,
};

static char *
quote (const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  return json_to_string (node, FALSE);
}

static void
add_event (GString    *stream,
           const char *name,
           const char *data)
{
  g_string_append_printf (stream, "event: %s\ndata: %s\n\n", name, data);
}

static void
stream_begin (GString *stream)
{
  add_event (stream, "message_start",
             "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
             "\"role\":\"assistant\",\"content\":[],\"model\":\"claude-test\","
             "\"stop_reason\":null,\"stop_sequence\":null,"
             "\"usage\":{\"input_tokens\":25,\"output_tokens\":1}}}");
}

static void
stream_text (GString            *stream,
             const char * const *pieces)
{
  add_event (stream, "content_block_start",
             "{\"type\":\"content_block_start\",\"index\":0,"
             "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
  add_event (stream, "ping", "{\"type\": \"ping\"}");
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *text = quote (pieces[i]);
      g_autofree char *data = g_strdup_printf ("{\"type\":\"content_block_delta\",\"index\":0,"
                                               "\"delta\":{\"type\":\"text_delta\",\"text\":%s}}",
                                               text);
      add_event (stream, "content_block_delta", data);
    }
  add_event (stream, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
}

static void
stream_end (GString    *stream,
            const char *stop_reason)
{
  g_autofree char *data = g_strdup_printf ("{\"type\":\"message_delta\",\"delta\":"
                                           "{\"stop_reason\":\"%s\",\"stop_sequence\":null},"
                                           "\"usage\":{\"output_tokens\":15}}", stop_reason);

  add_event (stream, "message_delta", data);
  add_event (stream, "message_stop", "{\"type\":\"message_stop\"}");
}

static char *
text_stream (gboolean crlf)
{
  GString *stream = g_string_new (NULL);

  stream_begin (stream);
  stream_text (stream, deltas);
  stream_end (stream, "end_turn");
  if (crlf)
    g_string_replace (stream, "\n", "\r\n", 0);
  return g_string_free (stream, FALSE);
}

/* Cuts every @step bytes, or with @step 0 at the awkward places: inside every multibyte
 * character, between every "event:" line and its "data:" line, between the two line ends that
 * close an event, and between CR and LF. */
static GArray *
make_cuts (const char *stream,
           gsize       step)
{
  GArray *cuts = g_array_new (TRUE, TRUE, sizeof (gsize));
  gsize length = strlen (stream);

  for (gsize i = 1; i < length; i++)
    {
      guchar c = (guchar) stream[i];
      gboolean awkward = (c & 0xc0) == 0x80 || g_str_has_prefix (stream + i, "data:") ||
                         (stream[i - 1] == '\n' && (c == '\n' || c == '\r')) ||
                         (stream[i - 1] == '\r' && c == '\n');

      if (step != 0 ? i % step == 0 : awkward)
        g_array_append_val (cuts, i);
    }
  return cuts;
}

static char *
expected_text (void)
{
  return g_strjoinv ("", (char **) deltas);
}

static TayoriAiProvider *
make_provider (FakeServer *fake,
               const char *extra)
{
  g_autoptr(TayoriAiEndpoint) endpoint = test_endpoint ("claude", "anthropic",
                                                        fake_server_get_url (fake), extra);

  return tayori_ai_anthropic_new (endpoint);
}

static void
test_stream_splits (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=claude-test-model");
  g_autofree char *expected = expected_text ();
  TayoriAiChatRequest request = { .prompt = "窓口の休みを知らせて", .temperature = -1,
                                  .stream = TRUE };
  const gsize steps[] = { 0, 1, 2, 3, 5, 7, 64 };

  test_store_key ("claude", KEY);
  for (guint crlf = 0; crlf < 2; crlf++)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        g_autofree char *stream = text_stream (crlf);
        g_autoptr(GArray) cuts = make_cuts (stream, steps[s]);
        g_autoptr(TayoriAiChatResponse) response = NULL;
        g_autoptr(GError) error = NULL;
        TestDeltas got;

        g_test_message ("%s, cut %s%" G_GSIZE_FORMAT, crlf ? "CRLF" : "LF",
                        steps[s] == 0 ? "at the awkward places" : "every ", steps[s]);
        fake_server_reply_stream (fake, stream, (const gsize *) cuts->data);
        test_deltas_init (&got);
        response = test_chat (provider, &request, &got, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (response->text, ==, expected);
        g_assert_cmpstr (got.text->str, ==, expected);
        g_assert_cmpuint (got.n_deltas, ==, g_strv_length ((char **) deltas));
        g_assert_cmpuint (got.n_before_done, ==, got.n_deltas);
        g_assert_false (got.off_main);
        g_assert_cmpstr (response->model, ==, "claude-test");
        g_assert_cmpuint (response->input_tokens, ==, 25);
        g_assert_cmpuint (response->output_tokens, ==, 15);
        g_assert_cmpstr (response->finish_reason, ==, "stop");
        test_deltas_clear (&got);
      }
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 2 * G_N_ELEMENTS (steps));
}

static void
test_request (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=claude-test-model");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .system = "あなたは市役所の広報担当です。",
                                  .prompt = "要約してください", .max_tokens = 300,
                                  .temperature = 0.25 };
  const FakeRequest *sent;

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200,
                     "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
                     "\"model\":\"claude-test\",\"content\":[{\"type\":\"text\",\"text\":\"市の\"},"
                     "{\"type\":\"text\",\"text\":\"お知らせ\"}],\"stop_reason\":\"max_tokens\","
                     "\"stop_sequence\":null,\"usage\":{\"input_tokens\":12,\"output_tokens\":300}}",
                     NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "市のお知らせ");
  g_assert_cmpstr (response->model, ==, "claude-test");
  g_assert_cmpuint (response->input_tokens, ==, 12);
  g_assert_cmpuint (response->output_tokens, ==, 300);
  g_assert_cmpstr (response->finish_reason, ==, "length");

  sent = fake_server_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/v1/messages");
  g_assert_cmpstr (sent->api_key, ==, KEY);
  g_assert_cmpstr (sent->version, ==, "2023-06-01");
  g_assert_cmpstr (sent->content_type, ==, "application/json");
  g_assert_null (sent->authorization);
  fake_request_assert (sent, "model", "claude-test-model");
  fake_request_assert (sent, "max_tokens", "300");
  fake_request_assert (sent, "system", request.system);
  fake_request_assert (sent, "messages/0/role", "user");
  fake_request_assert (sent, "messages/0/content", request.prompt);
  fake_request_assert (sent, "temperature", "0.25");
  fake_request_assert (sent, "messages/1", NULL);
  fake_request_assert (sent, "stream", NULL);
  fake_request_assert (sent, "tools", NULL);
}

/* An organisation may pin another API version; a base URL may already end in /v1. */
static void
test_request_configured (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autofree char *base = g_strconcat (fake_server_get_url (fake), "/v1", NULL);
  g_autoptr(TayoriAiEndpoint) endpoint =
    test_endpoint ("claude", "anthropic", base, "model=m\nheaders=Anthropic-Version: 2099-01-01;");
  g_autoptr(TayoriAiProvider) provider = tayori_ai_anthropic_new (endpoint);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *max_tokens = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };
  const FakeRequest *sent;

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"はい\"}]}",
                     NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "はい");
  g_assert_null (response->finish_reason);
  g_assert_cmpuint (response->input_tokens, ==, 0);
  sent = fake_server_get_request (fake, 0);
  g_assert_cmpstr (sent->path, ==, "/v1/messages");
  g_assert_cmpstr (sent->version, ==, "2099-01-01");
  /* max_tokens is required by the API: a default is sent when the caller has none. */
  max_tokens = fake_request_get (sent, "max_tokens");
  g_assert_nonnull (max_tokens);
  g_assert_cmpint (atoi (max_tokens), >, 0);
  fake_request_assert (sent, "temperature", NULL);
  g_assert_true (tayori_ai_provider_get_endpoint (provider) == endpoint);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

#define CATEGORY_SCHEMA \
  "{\"type\":\"object\",\"properties\":{\"suggestions\":{\"type\":\"array\",\"items\":" \
  "{\"type\":\"object\",\"properties\":{\"category\":{\"type\":\"string\",\"enum\":" \
  "[\"子育て\",\"防災\"]},\"score\":{\"type\":\"number\"}},\"required\":[\"category\",\"score\"]}}}," \
  "\"required\":[\"suggestions\"]}"
#define CATEGORY_ANSWER "{\"suggestions\":[{\"category\":\"防災\",\"score\":0.8}]}"

static void
assert_json_equal (const char *text,
                   const char *expected)
{
  g_autoptr(JsonNode) a = parse (text);
  g_autoptr(JsonNode) b = parse (expected);

  g_assert_true (json_node_equal (a, b));
}

static void
test_structured (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=claude-test-model");
  g_autoptr(JsonNode) schema = parse (CATEGORY_SCHEMA);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "分類して", .schema = schema,
                                  .schema_name = "category_suggestions", .temperature = -1 };
  g_autofree char *input_schema = NULL;
  const FakeRequest *sent;

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200,
                     "{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-test\","
                     "\"content\":[{\"type\":\"text\",\"text\":\"分類します。\"},"
                     "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"category_suggestions\","
                     "\"input\":" CATEGORY_ANSWER "}],\"stop_reason\":\"tool_use\","
                     "\"usage\":{\"input_tokens\":40,\"output_tokens\":20}}", NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_json_equal (response->text, CATEGORY_ANSWER);
  g_assert_cmpstr (response->finish_reason, ==, "stop");
  g_assert_cmpuint (response->output_tokens, ==, 20);

  sent = fake_server_get_request (fake, 0);
  fake_request_assert (sent, "tools/0/name", "category_suggestions");
  fake_request_assert (sent, "tool_choice/type", "tool");
  fake_request_assert (sent, "tool_choice/name", "category_suggestions");
  input_schema = fake_request_get (sent, "tools/0/input_schema");
  assert_json_equal (input_schema, CATEGORY_SCHEMA);
  fake_request_assert (sent, "response_format", NULL);
}

static void
test_structured_stream (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=claude-test-model");
  g_autoptr(JsonNode) schema = parse (CATEGORY_SCHEMA);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) stream = g_string_new (NULL);
  g_autoptr(GArray) cuts = NULL;
  TayoriAiChatRequest request = { .prompt = "分類して", .schema = schema,
                                  .schema_name = "category suggestions!", .temperature = -1,
                                  .stream = TRUE };
  const char * const pieces[] = { "{\"suggestions\": [{\"cat", "egory\": \"防", "災\", \"sco",
                                  "re\": 0.8}]}" };
  TestDeltas got;

  stream_begin (stream);
  /* The tool name is sanitised to what the API allows. */
  add_event (stream, "content_block_start",
             "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":"
             "\"tool_use\",\"id\":\"toolu_1\",\"name\":\"category_suggestions_\",\"input\":{}}}");
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *json = quote (pieces[i]);
      g_autofree char *data = g_strdup_printf ("{\"type\":\"content_block_delta\",\"index\":0,"
                                               "\"delta\":{\"type\":\"input_json_delta\","
                                               "\"partial_json\":%s}}", json);
      add_event (stream, "content_block_delta", data);
    }
  add_event (stream, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
  stream_end (stream, "tool_use");
  cuts = make_cuts (stream->str, 0);

  test_store_key ("claude", KEY);
  fake_server_reply_stream (fake, stream->str, (const gsize *) cuts->data);
  test_deltas_init (&got);
  response = test_chat (provider, &request, &got, NULL, &error);
  g_assert_no_error (error);
  assert_json_equal (response->text, CATEGORY_ANSWER);
  g_assert_cmpstr (response->finish_reason, ==, "stop");
  test_deltas_clear (&got);
}

/* Tool input is always an object: another schema travels wrapped and comes back unwrapped. */
static void
test_structured_wrapped (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=claude-test-model");
  g_autoptr(JsonNode) schema = parse ("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *inner = NULL;
  TayoriAiChatRequest request = { .prompt = "題名を三つ", .schema = schema,
                                  .temperature = -1 };
  const FakeRequest *sent;

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200,
                     "{\"type\":\"message\",\"content\":[{\"type\":\"tool_use\",\"id\":\"t\","
                     "\"name\":\"answer\",\"input\":{\"value\":[\"案1\",\"案2\",\"案3\"]}}],"
                     "\"stop_reason\":\"tool_use\"}", NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_json_equal (response->text, "[\"案1\",\"案2\",\"案3\"]");
  sent = fake_server_get_request (fake, 0);
  inner = fake_request_get (sent, "tools/0/input_schema/properties/value");
  fake_request_assert (sent, "tools/0/input_schema/type", "object");
  fake_request_assert (sent, "tool_choice/name", "answer");
  assert_json_equal (inner, "{\"type\":\"array\",\"items\":{\"type\":\"string\"}}");
}

static void
expect_error (FakeServer                *fake,
              TayoriAiProvider          *provider,
              const TayoriAiChatRequest *request,
              TayoriAiError              code,
              const char                *in_message)
{
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;

  response = test_chat (provider, request, NULL, NULL, &error);
  g_assert_null (response);
  g_assert_error (error, TAYORI_AI_ERROR, (gint) code);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_null (strstr (error->message, KEY));
}

static void
test_structured_missing (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  g_autoptr(JsonNode) schema = parse (CATEGORY_SCHEMA);
  TayoriAiChatRequest request = { .prompt = "分類して", .schema = schema,
                                  .schema_name = "category_suggestions", .temperature = -1 };

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\","
                     "\"text\":\"分類できません\"}],\"stop_reason\":\"end_turn\"}", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);
}

static void
test_retry_after (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m\nmax-retries=3");
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };
  const char *limited = "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\","
                        "\"message\":\"Number of request tokens has exceeded your rate limit\"}}";

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 429, limited, "2");
  fake_server_reply (fake, 200, "{\"type\":\"message\",\"content\":[{\"type\":\"text\","
                     "\"text\":\"はい\"}],\"stop_reason\":\"end_turn\"}", NULL);
  response = test_chat (provider, &request, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (response->text, ==, "はい");
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 2);

  /* Asked to come back later than Tayori waits: no early retry, the limit is reported. */
  fake_server_reply (fake, 429, limited, "86400");
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_RATE_LIMITED, "rate limit");
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 3);
}

static void
test_overloaded (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m\nmax-retries=2");
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1, .stream = TRUE };

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\","
                     "\"message\":\"Overloaded\"}}", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_SERVER, "Overloaded");
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 3);
}

static void
test_status_errors (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                     "\"message\":\"messages: roles must alternate\"}}", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_BAD_REQUEST, "roles must alternate");
  /* A server that echoes the key: it must not reach the message. */
  fake_server_reply (fake, 401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                     "\"message\":\"invalid x-api-key " KEY "\"}}", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_AUTH, "invalid x-api-key");
}

/* No key in the keyring: the request goes without one and the service's refusal is AUTH. */
static void
test_missing_key (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiEndpoint) endpoint = test_endpoint ("claude-without-key", "anthropic",
                                                        fake_server_get_url (fake), "model=m");
  g_autoptr(TayoriAiProvider) provider = tayori_ai_anthropic_new (endpoint);
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  expect_error (fake, provider, &request, TAYORI_AI_ERROR_AUTH, "x-api-key");
  g_assert_null (fake_server_get_request (fake, 0)->api_key);
  g_assert_cmpuint (fake_server_get_n_requests (fake), ==, 1);
}

static void
test_error_event (void)
{
  const struct {
    const char    *type;
    TayoriAiError  code;
  } cases[] = {
    { "overloaded_error", TAYORI_AI_ERROR_SERVER },
    { "api_error", TAYORI_AI_ERROR_SERVER },
    { "rate_limit_error", TAYORI_AI_ERROR_RATE_LIMITED },
    { "invalid_request_error", TAYORI_AI_ERROR_BAD_REQUEST },
    { "something_new", TAYORI_AI_ERROR_SERVER },
  };
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m\nmax-retries=2");
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1, .stream = TRUE };

  test_store_key ("claude", KEY);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) stream = g_string_new (NULL);
      g_autofree char *data = g_strdup_printf ("{\"type\":\"error\",\"error\":{\"type\":\"%s\","
                                               "\"message\":\"Stopped: %s\"}}", cases[i].type,
                                               cases[i].type);
      g_autoptr(TayoriAiChatResponse) response = NULL;
      g_autoptr(GError) error = NULL;
      TestDeltas got;

      stream_begin (stream);
      stream_text (stream, deltas);
      add_event (stream, "error", data);
      fake_server_reply_stream (fake, stream->str, NULL);
      test_deltas_init (&got);
      response = test_chat (provider, &request, &got, NULL, &error);
      g_assert_null (response);
      g_assert_error (error, TAYORI_AI_ERROR, (gint) cases[i].code);
      g_assert_nonnull (strstr (error->message, "Stopped: "));
      g_assert_nonnull (strstr (error->message, cases[i].type));
      /* The text so far was delivered; an answer already under way is not sent again. */
      g_assert_cmpuint (got.n_deltas, ==, g_strv_length ((char **) deltas));
      g_assert_cmpuint (fake_server_get_n_requests (fake), ==, i + 1);
      test_deltas_clear (&got);
    }
}

static void
test_truncated (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  g_autoptr(GString) stream = g_string_new (NULL);
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1, .stream = TRUE };

  test_store_key ("claude", KEY);
  stream_begin (stream);
  stream_text (stream, deltas);
  fake_server_reply_stream (fake, stream->str, NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);

  /* Cut in the middle of an event: what came is not an answer either. */
  g_string_truncate (stream, stream->len - 20);
  fake_server_reply_stream (fake, stream->str, NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);
}

static void
test_invalid_json (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  g_autoptr(GString) stream = g_string_new (NULL);
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1 };

  test_store_key ("claude", KEY);
  fake_server_reply (fake, 200, "{\"type\":\"message\",\"content\":[{\"type\":\"te", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);
  fake_server_reply (fake, 200, "{\"type\":\"message\",\"content\":\"not a list\"}", NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);

  request.stream = TRUE;
  stream_begin (stream);
  add_event (stream, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,");
  stream_end (stream, "end_turn");
  fake_server_reply_stream (fake, stream->str, NULL);
  expect_error (fake, provider, &request, TAYORI_AI_ERROR_MALFORMED, NULL);
}

static void
test_cancel (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  g_autofree char *stream = text_stream (FALSE);
  g_autoptr(GArray) cuts = make_cuts (stream, 1);
  g_autoptr(TayoriAiChatResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiChatRequest request = { .prompt = "こんにちは", .temperature = -1, .stream = TRUE };
  TestDeltas got;

  test_store_key ("claude", KEY);
  fake_server_reply_stream (fake, stream, (const gsize *) cuts->data);
  test_deltas_init (&got);
  got.cancel_on_delta = g_cancellable_new ();
  response = test_chat (provider, &request, &got, got.cancel_on_delta, &error);
  g_assert_null (response);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (got.n_deltas, ==, 1);
  test_deltas_clear (&got);
}

static void
test_no_images (void)
{
  g_autoptr(FakeServer) fake = fake_server_new ();
  g_autoptr(TayoriAiProvider) provider = make_provider (fake, "model=m");
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiImageRequest request = { .prompt = "市役所の写真", .width = 1200, .height = 630 };

  g_assert_false (tayori_ai_provider_supports_images (provider));
  image = test_image (provider, &request, &error);
  g_assert_null (image);
  fake_server_assert_not_supported (fake, error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/ai/anthropic/stream/splits", test_stream_splits);
  g_test_add_func ("/tayori/ai/anthropic/request", test_request);
  g_test_add_func ("/tayori/ai/anthropic/request/configured", test_request_configured);
  g_test_add_func ("/tayori/ai/anthropic/structured", test_structured);
  g_test_add_func ("/tayori/ai/anthropic/structured/stream", test_structured_stream);
  g_test_add_func ("/tayori/ai/anthropic/structured/wrapped", test_structured_wrapped);
  g_test_add_func ("/tayori/ai/anthropic/structured/missing", test_structured_missing);
  g_test_add_func ("/tayori/ai/anthropic/retry-after", test_retry_after);
  g_test_add_func ("/tayori/ai/anthropic/overloaded", test_overloaded);
  g_test_add_func ("/tayori/ai/anthropic/status-errors", test_status_errors);
  g_test_add_func ("/tayori/ai/anthropic/missing-key", test_missing_key);
  g_test_add_func ("/tayori/ai/anthropic/stream/error-event", test_error_event);
  g_test_add_func ("/tayori/ai/anthropic/stream/truncated", test_truncated);
  g_test_add_func ("/tayori/ai/anthropic/invalid-json", test_invalid_json);
  g_test_add_func ("/tayori/ai/anthropic/stream/cancel", test_cancel);
  g_test_add_func ("/tayori/ai/anthropic/no-images", test_no_images);
  return g_test_run ();
}
