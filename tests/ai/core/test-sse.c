/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests of the SSE parser: the same events whatever the chunking (every split point, byte by
 * byte, random), line ends split across chunks, comments, multi-line data, size limit. */
#include "tayori-sse.h"
#include "tayori-ai-provider.h"

typedef struct {
  GPtrArray *events;  /* "event|data" */
  guint      stop_after;
} Collector;

static gboolean
collect (const char *event,
         const char *data,
         gpointer    user_data)
{
  Collector *collector = user_data;

  g_ptr_array_add (collector->events, g_strdup_printf ("%s|%s", event, data));
  return collector->stop_after == 0 || collector->events->len < collector->stop_after;
}

/* Feeds @stream cut at @cuts (offsets, ascending, ending with the length) and returns the
 * events as one string, each followed by "\n\n". */
static char *
parse_cut (const char *stream,
           gsize       length,
           GArray     *cuts)
{
  Collector collector = { g_ptr_array_new_with_free_func (g_free), 0 };
  g_autoptr(TayoriSseParser) parser = tayori_sse_parser_new (4096, collect, &collector);
  g_autoptr(GString) out = g_string_new (NULL);
  gsize from = 0;

  for (guint i = 0; i < cuts->len; i++)
    {
      gsize to = g_array_index (cuts, gsize, i);
      g_autoptr(GError) error = NULL;

      g_assert_true (tayori_sse_parser_feed (parser, stream + from, to - from, &error));
      g_assert_no_error (error);
      from = to;
    }
  g_assert_cmpuint (from, ==, length);
  for (guint i = 0; i < collector.events->len; i++)
    g_string_append_printf (out, "%s\n\n", (char *) collector.events->pdata[i]);
  g_ptr_array_unref (collector.events);
  return g_strdup (out->str);
}

static char *
parse_whole (const char *stream)
{
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize length = strlen (stream);

  g_array_append_val (cuts, length);
  return parse_cut (stream, length, cuts);
}

/* Sample streams and the events each must give. */
static const struct {
  const char *stream;
  const char *events;
} samples[] = {
  /* OpenAI-style chat deltas, LF line ends */
  { "data: {\"choices\":[{\"delta\":{\"content\":\"こんにちは\"}}]}\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"、市民の皆さん\"}}]}\n\n"
    "data: [DONE]\n\n",
    "message|{\"choices\":[{\"delta\":{\"content\":\"こんにちは\"}}]}\n\n"
    "message|{\"choices\":[{\"delta\":{\"content\":\"、市民の皆さん\"}}]}\n\n"
    "message|[DONE]\n\n" },
  /* Anthropic-style named events, CRLF line ends, a comment and an id */
  { ": keep-alive\r\n\r\n"
    "event: message_start\r\ndata: {\"type\":\"message_start\"}\r\n\r\n"
    "id: 7\r\nevent: content_block_delta\r\ndata: {\"text\":\"お知らせ\"}\r\n\r\n"
    "event: message_stop\r\ndata: {}\r\n\r\n",
    "message_start|{\"type\":\"message_start\"}\n\n"
    "content_block_delta|{\"text\":\"お知らせ\"}\n\n"
    "message_stop|{}\n\n" },
  /* BOM, CR line ends, multi-line data, a field without colon, one space stripped */
  { "\xEF\xBB\xBF" "data:first\rdata:  second\rdata\r\r"
    "event: ping\rdata: x\r\r"
    "data: after a named event\r\r",
    "message|first\n second\n\n\n"
    "ping|x\n\n"
    "message|after a named event\n\n" },
  /* Mixed line ends, events without data are not dispatched, a trailing half event is not */
  { "event: empty\n\r\ndata: a\r\n\ndata: b\r\rretry: 10\ndata: half",
    "message|a\n\nmessage|b\n\n" },
};

static void
test_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *events = parse_whole (samples[i].stream);

      g_assert_cmpstr (events, ==, samples[i].events);
    }
}

static void
test_every_split_point (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gsize length = strlen (samples[i].stream);

      for (gsize a = 0; a <= length; a++)
        for (gsize b = a; b <= length; b += 3)
          {
            g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
            g_autofree char *events = NULL;

            g_array_append_val (cuts, a);
            g_array_append_val (cuts, b);
            g_array_append_val (cuts, length);
            events = parse_cut (samples[i].stream, length, cuts);
            g_assert_cmpstr (events, ==, samples[i].events);
          }
    }
}

static void
test_byte_by_byte_and_random (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      gsize length = strlen (samples[i].stream);
      g_autoptr(GArray) bytes = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_autofree char *byte_events = NULL;

      for (gsize at = 1; at <= length; at++)
        g_array_append_val (bytes, at);
      byte_events = parse_cut (samples[i].stream, length, bytes);
      g_assert_cmpstr (byte_events, ==, samples[i].events);

      for (guint round = 0; round < 200; round++)
        {
          g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
          g_autofree char *events = NULL;
          gsize at = 0;

          while (at < length)
            {
              /* One draw: MIN () would evaluate a call in its arguments twice. */
              gsize step = (gsize) g_test_rand_int_range (0, 12);

              at = MIN (length, at + step);
              g_array_append_val (cuts, at);
            }
          g_array_append_val (cuts, length);
          events = parse_cut (samples[i].stream, length, cuts);
          g_assert_cmpstr (events, ==, samples[i].events);
        }
    }
}

static void
test_crlf_across_chunks (void)
{
  Collector collector = { g_ptr_array_new_with_free_func (g_free), 0 };
  g_autoptr(TayoriSseParser) parser = tayori_sse_parser_new (0, collect, &collector);

  /* The LF after a chunk-final CR belongs to that CR: it must not end a second, blank line. */
  g_assert_true (tayori_sse_parser_feed (parser, "data: a\r", 8, NULL));
  g_assert_true (tayori_sse_parser_feed (parser, "\ndata: b\r", 9, NULL));
  g_assert_cmpuint (collector.events->len, ==, 0);
  g_assert_true (tayori_sse_parser_feed (parser, "\n\r", 2, NULL));
  g_assert_cmpuint (collector.events->len, ==, 1);
  g_assert_cmpstr (collector.events->pdata[0], ==, "message|a\nb");
  g_assert_true (tayori_sse_parser_feed (parser, "\n", 1, NULL));
  g_assert_cmpuint (collector.events->len, ==, 1);
  g_assert_true (tayori_sse_parser_finish (parser));
  g_ptr_array_unref (collector.events);
}

static void
test_comments_and_fields (void)
{
  g_autofree char *events = parse_whole (": comment\n:another\ndata:x\n: between\ndata: y\n"
                                         "unknown: z\nid\nevent:\n\n");

  g_assert_cmpstr (events, ==, "message|x\ny\n\n");
}

static void
test_oversized_event (void)
{
  Collector collector = { g_ptr_array_new_with_free_func (g_free), 0 };
  g_autoptr(TayoriSseParser) parser = tayori_sse_parser_new (16, collect, &collector);
  g_autoptr(TayoriSseParser) line_parser = tayori_sse_parser_new (16, collect, &collector);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) line_error = NULL;

  /* Small events pass; data lines adding up past the limit fail. */
  g_assert_true (tayori_sse_parser_feed (parser, "data: 0123\n\n", 12, NULL));
  g_assert_false (tayori_sse_parser_feed (parser, "data: 0123456789\ndata: 0123456789\n", 34,
                                          &error));
  g_assert_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE);
  g_assert_cmpuint (collector.events->len, ==, 1);
  /* So does one endless line, without waiting for its end. */
  for (guint i = 0; i < 3 && line_error == NULL; i++)
    tayori_sse_parser_feed (line_parser, "data: aaaaaaa", 13, &line_error);
  g_assert_error (line_error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_TOO_LARGE);
  g_ptr_array_unref (collector.events);
}

static void
test_stop_and_finish (void)
{
  Collector collector = { g_ptr_array_new_with_free_func (g_free), 1 };
  g_autoptr(TayoriSseParser) parser = tayori_sse_parser_new (0, collect, &collector);
  g_autoptr(TayoriSseParser) half = tayori_sse_parser_new (0, collect, &collector);
  g_autoptr(GError) error = NULL;

  g_assert_false (tayori_sse_parser_feed (parser, "data: 1\n\ndata: 2\n\n", 18, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (collector.events->len, ==, 1);
  g_assert_false (tayori_sse_parser_feed (parser, "data: 3\n\n", 9, &error));
  g_assert_cmpuint (collector.events->len, ==, 1);

  collector.stop_after = 0;
  g_assert_true (tayori_sse_parser_feed (half, "data: 4\n\ndata: trunc", 21, NULL));
  g_assert_false (tayori_sse_parser_finish (half));
  g_assert_cmpuint (collector.events->len, ==, 2);
  g_assert_true (tayori_sse_parser_feed (half, "data: 5\n\n", 9, NULL));
  g_assert_true (tayori_sse_parser_finish (half));
  g_assert_cmpstr (collector.events->pdata[2], ==, "message|5");
  g_ptr_array_unref (collector.events);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/ai/sse/samples", test_samples);
  g_test_add_func ("/tayori/ai/sse/every-split-point", test_every_split_point);
  g_test_add_func ("/tayori/ai/sse/byte-by-byte-and-random", test_byte_by_byte_and_random);
  g_test_add_func ("/tayori/ai/sse/crlf-across-chunks", test_crlf_across_chunks);
  g_test_add_func ("/tayori/ai/sse/comments-and-fields", test_comments_and_fields);
  g_test_add_func ("/tayori/ai/sse/oversized-event", test_oversized_event);
  g_test_add_func ("/tayori/ai/sse/stop-and-finish", test_stop_and_finish);
  return g_test_run ();
}
