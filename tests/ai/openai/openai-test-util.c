/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Chat Completions event streams for the OpenAI provider's tests (see openai-test-util.h). */
#include "openai-test-util.h"

static void
add_event (GString     *stream,
           JsonBuilder *builder,
           const char  *eol)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *data = json_to_string (root, FALSE);

  g_string_append_printf (stream, "data: %s%s%s", data, eol, eol);
}

static JsonBuilder *
begin_chunk (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "chatcmpl-1");
  json_builder_set_member_name (builder, "object");
  json_builder_add_string_value (builder, "chat.completion.chunk");
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, "test-model");
  return builder;
}

static void
add_choice_chunk (GString    *stream,
                  const char *role,
                  const char *content,
                  const char *finish_reason,
                  const char *eol)
{
  g_autoptr(JsonBuilder) builder = begin_chunk ();

  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "delta");
  json_builder_begin_object (builder);
  if (role != NULL)
    {
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, role);
    }
  if (content != NULL)
    {
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, content);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "finish_reason");
  if (finish_reason != NULL)
    json_builder_add_string_value (builder, finish_reason);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  add_event (stream, builder, eol);
}

char *
openai_test_stream (const char * const *deltas,
                    StreamFlags         flags)
{
  const char *eol = (flags & STREAM_CRLF) ? "\r\n" : "\n";
  GString *stream = g_string_new (NULL);

  g_string_append_printf (stream, ": keep-alive%s%s", eol, eol);
  add_choice_chunk (stream, "assistant", "", NULL, eol);
  for (guint i = 0; deltas[i] != NULL; i++)
    add_choice_chunk (stream, NULL, deltas[i], NULL, eol);
  if (flags & STREAM_FINISH)
    add_choice_chunk (stream, NULL, NULL, "stop", eol);
  if (flags & STREAM_USAGE)
    {
      g_autoptr(JsonBuilder) builder = begin_chunk ();

      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "usage");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "prompt_tokens");
      json_builder_add_int_value (builder, 21);
      json_builder_set_member_name (builder, "completion_tokens");
      json_builder_add_int_value (builder, 8);
      json_builder_set_member_name (builder, "total_tokens");
      json_builder_add_int_value (builder, 29);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      add_event (stream, builder, eol);
    }
  if (flags & STREAM_DONE)
    g_string_append_printf (stream, "data: [DONE]%s%s", eol, eol);
  return g_string_free (stream, FALSE);
}
