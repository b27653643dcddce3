/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One Chat Completions call of the "openai" provider: the request body, then on a worker
 * thread the call itself, the event stream or the whole answer read, and the deltas handed to
 * the caller's main context in order. */
#include <glib/gi18n.h>
#include "tayori-ai-openai-private.h"
#include "tayori-ai-provider-common.h"

struct _TayoriAiOpenaiChat
{
  TayoriAiEndpoint   *endpoint;
  TayoriAiOpenaiRoute route;
  JsonNode           *body;
  gboolean            stream;
  gboolean            structured;
  TayoriAiDeltaSink  *deltas;

  /* What the stream has said so far (worker thread only). */
  GString            *text;
  GString            *refusal;
  char               *model;
  char               *finish_reason;
  guint               input_tokens;
  guint               output_tokens;
  gboolean            done;
  GError             *stream_error;
};

void
tayori_ai_openai_chat_free (TayoriAiOpenaiChat *call)
{
  g_clear_object (&call->endpoint);
  tayori_ai_openai_route_clear (&call->route);
  g_clear_pointer (&call->body, json_node_unref);
  tayori_ai_delta_sink_free (call->deltas);
  g_string_free (call->text, TRUE);
  g_string_free (call->refusal, TRUE);
  g_free (call->model);
  g_free (call->finish_reason);
  g_clear_error (&call->stream_error);
  g_free (call);
}

/* OpenAI itself has renamed max_tokens to max_completion_tokens (its reasoning models refuse
 * the old name); Azure's GA api-version and the local servers know only max_tokens. */
static const char *
max_tokens_key (TayoriAiEndpoint *endpoint)
{
  const char *host = tayori_ai_endpoint_get_host (endpoint);

  if (tayori_ai_endpoint_get_azure_deployment (endpoint) == NULL &&
      host != NULL && g_ascii_strcasecmp (host, "api.openai.com") == 0)
    return "max_completion_tokens";
  return "max_tokens";
}

static void
add_message (JsonBuilder *builder,
             const char  *role,
             const char  *content)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
}

static JsonNode *
build_chat_body (TayoriAiEndpoint          *endpoint,
                 const TayoriAiChatRequest *request)
{
  g_autoptr(JsonBuilder) builder = tayori_ai_json_body_new (endpoint);

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  if (request->system != NULL)
    add_message (builder, "system", request->system);
  add_message (builder, "user", request->prompt);
  json_builder_end_array (builder);

  if (request->max_tokens > 0)
    {
      json_builder_set_member_name (builder, max_tokens_key (endpoint));
      json_builder_add_int_value (builder, request->max_tokens);
    }
  if (request->temperature >= 0)
    {
      json_builder_set_member_name (builder, "temperature");
      json_builder_add_double_value (builder, request->temperature);
    }
  if (request->schema != NULL)
    {
      json_builder_set_member_name (builder, "response_format");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "json_schema");
      json_builder_set_member_name (builder, "json_schema");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, request->schema_name != NULL ? request->schema_name
                                                                          : "answer");
      json_builder_set_member_name (builder, "schema");
      json_builder_add_value (builder, json_node_copy (request->schema));
      json_builder_set_member_name (builder, "strict");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  if (request->stream)
    {
      json_builder_set_member_name (builder, "stream");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_set_member_name (builder, "stream_options");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "include_usage");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonObject *
first_choice (JsonObject *object)
{
  JsonArray *choices = tayori_ai_json_array (object, "choices");
  JsonNode *node;

  if (choices == NULL || json_array_get_length (choices) == 0)
    return NULL;
  node = json_array_get_element (choices, 0);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* Fields every answer and every stream chunk may carry. */
static void
note_model_and_usage (TayoriAiOpenaiChat *call,
                      JsonObject         *object)
{
  JsonObject *usage = tayori_ai_json_object (object, "usage");
  const char *model = tayori_ai_json_string (object, "model");

  if (model != NULL && call->model == NULL)
    call->model = g_strdup (model);
  if (usage != NULL)
    {
      call->input_tokens = tayori_ai_json_count (usage, "prompt_tokens");
      call->output_tokens = tayori_ai_json_count (usage, "completion_tokens");
    }
}

static void
note_finish_reason (TayoriAiOpenaiChat *call,
                    JsonObject         *choice)
{
  const char *reason = tayori_ai_json_string (choice, "finish_reason");

  if (reason != NULL)
    {
      g_free (call->finish_reason);
      call->finish_reason = g_strdup (reason);
    }
}

static void
set_server_error (TayoriAiOpenaiChat *call,
                  JsonObject         *error)
{
  const char *message = tayori_ai_json_string (error, "message");

  g_clear_error (&call->stream_error);
  g_set_error (&call->stream_error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_SERVER,
               _("The AI service “%s” stopped with an error: %s"),
               tayori_ai_endpoint_get_label (call->endpoint),
               message != NULL ? message : _("no reason given"));
}

/* One SSE event of a streamed answer, on the worker thread. */
static gboolean
on_stream_event (const char *event,
                 const char *data,
                 gpointer    user_data)
{
  TayoriAiOpenaiChat *call = user_data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object, *choice, *delta;
  const char *content, *refusal;

  if (g_str_equal (data, "[DONE]"))
    {
      call->done = TRUE;
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      tayori_ai_openai_set_malformed (&call->stream_error, call->endpoint,
                                      _("a part of the stream is not JSON"));
      return FALSE;
    }
  object = json_node_get_object (json_parser_get_root (parser));
  if (g_str_equal (event, "error") || tayori_ai_json_object (object, "error") != NULL)
    {
      set_server_error (call, tayori_ai_json_object (object, "error"));
      return FALSE;
    }

  note_model_and_usage (call, object);
  choice = first_choice (object);
  if (choice == NULL)
    return TRUE;
  delta = tayori_ai_json_object (choice, "delta");
  content = tayori_ai_json_string (delta, "content");
  if (content != NULL && content[0] != '\0')
    {
      g_string_append (call->text, content);
      tayori_ai_delta_sink_post (call->deltas, content);
    }
  refusal = tayori_ai_json_string (delta, "refusal");
  if (refusal != NULL)
    g_string_append (call->refusal, refusal);
  note_finish_reason (call, choice);
  return TRUE;
}

static gboolean
read_whole_answer (TayoriAiOpenaiChat  *call,
                   JsonNode            *root,
                   GError             **error)
{
  JsonObject *object, *choice, *message;
  const char *content, *refusal;

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      (choice = first_choice (json_node_get_object (root))) == NULL ||
      (message = tayori_ai_json_object (choice, "message")) == NULL)
    {
      tayori_ai_openai_set_malformed (error, call->endpoint, _("it has no message"));
      return FALSE;
    }
  object = json_node_get_object (root);
  note_model_and_usage (call, object);
  note_finish_reason (call, choice);
  content = tayori_ai_json_string (message, "content");
  refusal = tayori_ai_json_string (message, "refusal");
  if (content != NULL)
    g_string_append (call->text, content);
  if (refusal != NULL)
    g_string_append (call->refusal, refusal);
  return TRUE;
}

/* What every answer must satisfy, streamed or not. */
static gboolean
check_answer (TayoriAiOpenaiChat  *call,
              GError             **error)
{
  if (call->text->len == 0 && call->refusal->len > 0)
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST,
                   _("The AI service “%s” declined the request: %s"),
                   tayori_ai_endpoint_get_label (call->endpoint), call->refusal->str);
      return FALSE;
    }
  if (call->structured)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, call->text->str, call->text->len, NULL))
        {
          tayori_ai_openai_set_malformed (error, call->endpoint,
                                          g_strcmp0 (call->finish_reason, "length") == 0
                                          ? _("the structured answer was cut off at the length limit")
                                          : _("the structured answer is not JSON"));
          return FALSE;
        }
    }
  return TRUE;
}

void
tayori_ai_openai_chat_thread (GTask        *task,
                              gpointer      source_object,
                              gpointer      task_data,
                              GCancellable *cancellable)
{
  TayoriAiOpenaiChat *call = task_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiHttpCall http = tayori_ai_openai_route_post (&call->route, call->body);
  TayoriAiChatResponse *response;

  if (call->stream)
    {
      http.on_event = on_stream_event;
      http.event_data = call;
    }
  root = tayori_ai_http_call (call->endpoint, &http, cancellable, &error);
  if (error == NULL && call->stream_error != NULL)
    error = g_steal_pointer (&call->stream_error);
  if (error == NULL && call->stream && !call->done && call->finish_reason == NULL)
    tayori_ai_openai_set_malformed (&error, call->endpoint,
                                    _("the stream ended before the answer was complete"));
  if (error == NULL && !call->stream)
    read_whole_answer (call, root, &error);
  if (error == NULL)
    check_answer (call, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  response = g_new0 (TayoriAiChatResponse, 1);
  response->text = g_strdup (call->text->str);
  response->model = g_steal_pointer (&call->model);
  response->finish_reason = g_steal_pointer (&call->finish_reason);
  response->input_tokens = call->input_tokens;
  response->output_tokens = call->output_tokens;
  g_task_return_pointer (task, response, (GDestroyNotify) tayori_ai_chat_response_free);
}

TayoriAiOpenaiChat *
tayori_ai_openai_chat_new (TayoriAiEndpoint          *endpoint,
                           const TayoriAiChatRequest *request,
                           TayoriAiDeltaFunc          on_delta,
                           gpointer                   delta_data,
                           GCancellable              *cancellable)
{
  TayoriAiOpenaiChat *call = g_new0 (TayoriAiOpenaiChat, 1);

  call->endpoint = g_object_ref (endpoint);
  tayori_ai_openai_route_init (&call->route, endpoint,
                               tayori_ai_endpoint_get_azure_deployment (endpoint),
                               "chat/completions");
  call->body = build_chat_body (endpoint, request);
  call->stream = request->stream;
  call->structured = request->schema != NULL;
  call->deltas = tayori_ai_delta_sink_new (on_delta, delta_data, cancellable);
  call->text = g_string_new (NULL);
  call->refusal = g_string_new (NULL);
  return call;
}
