/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads a Messages API answer: the events of a stream (message_start, content_block_start,
 * content_block_delta, message_delta, message_stop, ping, error) as they come, or the whole
 * message, keeping the text, the forced tool's input, the model, the usage and the stop reason. */
#include <glib/gi18n.h>
#include "tayori-ai-anthropic-private.h"

/* The error types of the API, as documented, and what they mean to Tayori. */
static const struct {
  const char    *type;
  TayoriAiError  code;
} error_types[] = {
  { "invalid_request_error", TAYORI_AI_ERROR_BAD_REQUEST },
  { "not_found_error",       TAYORI_AI_ERROR_BAD_REQUEST },
  { "authentication_error",  TAYORI_AI_ERROR_AUTH },
  { "permission_error",      TAYORI_AI_ERROR_AUTH },
  { "rate_limit_error",      TAYORI_AI_ERROR_RATE_LIMITED },
  { "request_too_large",     TAYORI_AI_ERROR_TOO_LARGE },
  { "overloaded_error",      TAYORI_AI_ERROR_SERVER },
  { "api_error",             TAYORI_AI_ERROR_SERVER },
};

void
tayori_ai_anthropic_answer_init (TayoriAiAnthropicAnswer *answer,
                                 TayoriAiEndpoint        *endpoint,
                                 const char              *tool,
                                 gboolean                 wrapped,
                                 TayoriAiDeltaSink       *sink)
{
  memset (answer, 0, sizeof *answer);
  answer->endpoint = g_object_ref (endpoint);
  answer->tool = g_strdup (tool);
  answer->wrapped = wrapped;
  answer->sink = sink;
  answer->text = g_string_new (NULL);
  answer->tool_input = g_string_new (NULL);
  answer->tool_block = -1;
}

void
tayori_ai_anthropic_answer_clear (TayoriAiAnthropicAnswer *answer)
{
  g_clear_object (&answer->endpoint);
  g_clear_pointer (&answer->tool, g_free);
  g_clear_pointer (&answer->sink, tayori_ai_delta_sink_free);
  if (answer->text != NULL)
    g_string_free (g_steal_pointer (&answer->text), TRUE);
  if (answer->tool_input != NULL)
    g_string_free (g_steal_pointer (&answer->tool_input), TRUE);
  g_clear_pointer (&answer->model, g_free);
  g_clear_pointer (&answer->stop_reason, g_free);
  g_clear_error (&answer->error);
}

static void
set_malformed (TayoriAiAnthropicAnswer  *answer,
               GError                  **error,
               const char               *what)
{
  g_clear_error (error);
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
               _("The answer of the AI service “%s” cannot be used: %s"),
               tayori_ai_endpoint_get_label (answer->endpoint), what);
}

static void
set_service_error (TayoriAiAnthropicAnswer *answer,
                   JsonObject              *object)
{
  JsonObject *error = tayori_ai_json_object (object, "error");
  const char *type = tayori_ai_json_string (error, "type");
  const char *message = tayori_ai_json_string (error, "message");
  TayoriAiError code = TAYORI_AI_ERROR_SERVER;

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (error_types); i++)
    if (g_str_equal (type, error_types[i].type))
      code = error_types[i].code;
  g_clear_error (&answer->error);
  g_set_error (&answer->error, TAYORI_AI_ERROR, code,
               _("The AI service “%s” stopped with an error: %s"),
               tayori_ai_endpoint_get_label (answer->endpoint),
               message != NULL ? message : type != NULL ? type : _("no reason given"));
}

/* message_delta carries the output count so far; message_start the input count. */
static void
note_usage (TayoriAiAnthropicAnswer *answer,
            JsonObject              *usage)
{
  guint input = tayori_ai_json_count (usage, "input_tokens");
  guint output = tayori_ai_json_count (usage, "output_tokens");

  if (input > 0)
    answer->input_tokens = input;
  if (output > 0)
    answer->output_tokens = output;
}

static void
note_stop_reason (TayoriAiAnthropicAnswer *answer,
                  JsonObject              *object)
{
  const char *reason = tayori_ai_json_string (object, "stop_reason");

  if (reason != NULL)
    {
      g_free (answer->stop_reason);
      answer->stop_reason = g_strdup (reason);
    }
}

/* The message itself: whole, or the skeleton of message_start. */
static void
note_message (TayoriAiAnthropicAnswer *answer,
              JsonObject              *message)
{
  const char *model = tayori_ai_json_string (message, "model");

  if (model != NULL && answer->model == NULL)
    answer->model = g_strdup (model);
  note_usage (answer, tayori_ai_json_object (message, "usage"));
  note_stop_reason (answer, message);
}

static gboolean
is_forced_tool (TayoriAiAnthropicAnswer *answer,
                JsonObject              *block)
{
  return answer->tool != NULL &&
         g_strcmp0 (tayori_ai_json_string (block, "type"), "tool_use") == 0 &&
         g_strcmp0 (tayori_ai_json_string (block, "name"), answer->tool) == 0;
}

static void
start_block (TayoriAiAnthropicAnswer *answer,
             JsonObject              *event)
{
  JsonObject *block = tayori_ai_json_object (event, "content_block");
  const char *text = tayori_ai_json_string (block, "text");

  if (is_forced_tool (answer, block) && !answer->has_tool)
    {
      JsonNode *index = json_object_get_member (event, "index");

      answer->has_tool = TRUE;
      answer->tool_block = index != NULL && JSON_NODE_HOLDS_VALUE (index)
                           ? json_node_get_int (index) : 0;
    }
  else if (text != NULL && g_strcmp0 (tayori_ai_json_string (block, "type"), "text") == 0)
    {
      g_string_append (answer->text, text);
      if (answer->sink != NULL)
        tayori_ai_delta_sink_post (answer->sink, text);
    }
}

static void
add_delta (TayoriAiAnthropicAnswer *answer,
           JsonObject              *event)
{
  JsonObject *delta = tayori_ai_json_object (event, "delta");
  const char *type = tayori_ai_json_string (delta, "type");
  JsonNode *index = json_object_get_member (event, "index");
  const char *text;

  if (g_strcmp0 (type, "text_delta") == 0 && (text = tayori_ai_json_string (delta, "text")) != NULL)
    {
      g_string_append (answer->text, text);
      if (answer->sink != NULL)
        tayori_ai_delta_sink_post (answer->sink, text);
    }
  else if (g_strcmp0 (type, "input_json_delta") == 0 && answer->has_tool &&
           index != NULL && JSON_NODE_HOLDS_VALUE (index) &&
           json_node_get_int (index) == answer->tool_block &&
           (text = tayori_ai_json_string (delta, "partial_json")) != NULL)
    g_string_append (answer->tool_input, text);
}

gboolean
tayori_ai_anthropic_answer_on_event (const char *event,
                                     const char *data,
                                     gpointer    user_data)
{
  TayoriAiAnthropicAnswer *answer = user_data;
  g_autoptr(JsonObject) object = tayori_ai_json_parse_object (data, -1);
  const char *type;

  if (object == NULL)
    {
      set_malformed (answer, &answer->error, _("a part of the stream is not JSON"));
      return FALSE;
    }
  type = tayori_ai_json_string (object, "type");
  if (type == NULL)
    type = event;

  if (g_str_equal (type, "error"))
    {
      set_service_error (answer, object);
      return FALSE;
    }
  if (g_str_equal (type, "message_start"))
    note_message (answer, tayori_ai_json_object (object, "message"));
  else if (g_str_equal (type, "content_block_start"))
    start_block (answer, object);
  else if (g_str_equal (type, "content_block_delta"))
    add_delta (answer, object);
  else if (g_str_equal (type, "message_delta"))
    {
      note_stop_reason (answer, tayori_ai_json_object (object, "delta"));
      note_usage (answer, tayori_ai_json_object (object, "usage"));
    }
  else if (g_str_equal (type, "message_stop"))
    {
      answer->stopped = TRUE;
      return FALSE;
    }
  /* ping, content_block_stop and event types added later carry nothing Tayori needs. */
  return TRUE;
}

gboolean
tayori_ai_anthropic_answer_read (TayoriAiAnthropicAnswer  *answer,
                                 JsonNode                 *message,
                                 GError                  **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (message) ? json_node_get_object (message) : NULL;
  JsonArray *content = tayori_ai_json_array (object, "content");

  if (content == NULL)
    {
      set_malformed (answer, error, _("it has no content"));
      return FALSE;
    }
  note_message (answer, object);
  for (guint i = 0; i < json_array_get_length (content); i++)
    {
      JsonNode *node = json_array_get_element (content, i);
      JsonObject *block = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *text = tayori_ai_json_string (block, "text");
      JsonNode *input = block != NULL ? json_object_get_member (block, "input") : NULL;

      if (is_forced_tool (answer, block) && !answer->has_tool && input != NULL)
        {
          g_autofree char *json = json_to_string (input, FALSE);

          answer->has_tool = TRUE;
          g_string_append (answer->tool_input, json);
        }
      else if (text != NULL && g_strcmp0 (tayori_ai_json_string (block, "type"), "text") == 0)
        g_string_append (answer->text, text);
    }
  return TRUE;
}

/* The structured answer as JSON text: the tool's input, unwrapped when the schema was. */
static char *
structured_text (TayoriAiAnthropicAnswer  *answer,
                 GError                  **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  /* A tool that takes no argument streams no input_json_delta at all. */
  const char *input = answer->tool_input->len > 0 ? answer->tool_input->str : "{}";
  JsonNode *root;

  if (!answer->has_tool)
    {
      set_malformed (answer, error, _("it does not contain the structured answer that was asked for"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, input, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_malformed (answer, error, g_strcmp0 (answer->stop_reason, "max_tokens") == 0
                                    ? _("the structured answer was cut off at the length limit")
                                    : _("the structured answer is not JSON"));
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (answer->wrapped)
    {
      root = json_object_get_member (json_node_get_object (root), TAYORI_AI_ANTHROPIC_WRAP_MEMBER);
      if (root == NULL)
        {
          set_malformed (answer, error, _("the structured answer is not JSON"));
          return NULL;
        }
    }
  return json_to_string (root, FALSE);
}

/* The OpenAI names the rest of Tayori uses. */
static char *
finish_reason (const char *stop_reason,
               gboolean    structured)
{
  if (stop_reason == NULL)
    return NULL;
  if (g_str_equal (stop_reason, "end_turn") || g_str_equal (stop_reason, "stop_sequence") ||
      (structured && g_str_equal (stop_reason, "tool_use")))
    return g_strdup ("stop");
  if (g_str_equal (stop_reason, "max_tokens"))
    return g_strdup ("length");
  if (g_str_equal (stop_reason, "refusal"))
    return g_strdup ("content_filter");
  return g_strdup (stop_reason);
}

TayoriAiChatResponse *
tayori_ai_anthropic_answer_finish (TayoriAiAnthropicAnswer  *answer,
                                   gboolean                  streamed,
                                   GError                  **error)
{
  g_autofree char *text = NULL;
  TayoriAiChatResponse *response;

  if (answer->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&answer->error));
      return NULL;
    }
  if (streamed && !answer->stopped)
    {
      set_malformed (answer, error, _("the stream ended before the answer was complete"));
      return NULL;
    }
  if (answer->tool != NULL && (text = structured_text (answer, error)) == NULL)
    return NULL;

  response = g_new0 (TayoriAiChatResponse, 1);
  response->text = text != NULL ? g_steal_pointer (&text) : g_strdup (answer->text->str);
  response->model = g_steal_pointer (&answer->model);
  response->input_tokens = answer->input_tokens;
  response->output_tokens = answer->output_tokens;
  response->finish_reason = finish_reason (answer->stop_reason, answer->tool != NULL);
  return response;
}
