/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiAnthropic: the "anthropic" provider, the Messages API (POST /v1/messages) streamed
 * over SSE or in one answer. The API has no response format: structured output is asked for as
 * a forced tool whose input schema is the JSON schema. No images. */
#include "tayori-ai-anthropic-private.h"
#include "tayori-ai-endpoint-private.h"
#include "tayori-ai-http.h"
#include "tayori-ai-provider-common.h"

#define ANTHROPIC_VERSION  "2023-06-01"
#define DEFAULT_MAX_TOKENS 4096
#define DEFAULT_TOOL_NAME  "answer"
#define MAX_TOOL_NAME      64

#define TAYORI_TYPE_AI_ANTHROPIC (tayori_ai_anthropic_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiAnthropic, tayori_ai_anthropic, TAYORI, AI_ANTHROPIC, GObject)

struct _TayoriAiAnthropic
{
  GObject           parent_instance;
  TayoriAiEndpoint *endpoint;
};

static void provider_iface_init (TayoriAiProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriAiAnthropic, tayori_ai_anthropic, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_AI_PROVIDER, provider_iface_init))

/* One chat request: built on the caller's thread, sent and read on a worker. */
typedef struct {
  TayoriAiEndpoint        *endpoint;   /* the provider's, with the anthropic-version header */
  const char              *path;
  JsonNode                *body;
  gboolean                 stream;
  TayoriAiAnthropicAnswer  answer;
} ChatCall;

static void
chat_call_free (ChatCall *call)
{
  g_clear_object (&call->endpoint);
  g_clear_pointer (&call->body, json_node_unref);
  tayori_ai_anthropic_answer_clear (&call->answer);
  g_free (call);
}

/* The API refuses requests without an anthropic-version header. The endpoint has no setter for
 * headers, so the call uses a copy made through its keyfile form; a version the organisation
 * set in "headers=" is kept as it is. */
static TayoriAiEndpoint *
endpoint_with_version (TayoriAiEndpoint  *endpoint,
                       GError           **error)
{
  const char * const *headers = tayori_ai_endpoint_get_headers (endpoint);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *group = NULL;
  g_auto(GStrv) with_version = NULL;
  g_autoptr(GError) local_error = NULL;
  TayoriAiEndpoint *copy;

  for (guint i = 0; headers[i] != NULL; i++)
    if (g_ascii_strncasecmp (headers[i], "anthropic-version:", strlen ("anthropic-version:")) == 0)
      return g_object_ref (endpoint);

  tayori_ai_endpoint_to_keyfile (endpoint, keyfile);
  g_strv_builder_addv (builder, (const char **) headers);
  g_strv_builder_add (builder, "anthropic-version: " ANTHROPIC_VERSION);
  with_version = g_strv_builder_end (builder);
  group = g_strconcat (TAYORI_AI_ENDPOINT_GROUP_PREFIX, tayori_ai_endpoint_get_name (endpoint),
                       NULL);
  g_key_file_set_string_list (keyfile, group, "headers", (const char * const *) with_version,
                              g_strv_length (with_version));
  copy = tayori_ai_endpoint_new_from_keyfile (keyfile, group, &local_error);
  if (copy == NULL)
    g_set_error_literal (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_BAD_REQUEST,
                         local_error->message);
  return copy;
}

/* Whether the base URL already names the API version ("https://host/v1"), as OpenAI-style
 * configurations often do. */
static const char *
messages_path (TayoriAiEndpoint *endpoint)
{
  const char *base_url = tayori_ai_endpoint_get_base_url (endpoint);

  return base_url != NULL && g_str_has_suffix (base_url, "/v1") ? "/messages" : "/v1/messages";
}

/* Tool names are limited to [a-zA-Z0-9_-]{1,64}. */
static char *
tool_name (const char *schema_name)
{
  GString *name = g_string_new (NULL);

  for (const char *p = schema_name; p != NULL && *p != '\0' && name->len < MAX_TOOL_NAME; p++)
    g_string_append_c (name, g_ascii_isalnum (*p) || *p == '_' || *p == '-' ? *p : '_');
  if (name->len == 0)
    g_string_append (name, DEFAULT_TOOL_NAME);
  return g_string_free (name, FALSE);
}

/* Tool input is always an object. */
static gboolean
describes_object (JsonNode *schema)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (schema) ? json_node_get_object (schema) : NULL;

  return g_strcmp0 (tayori_ai_json_string (object, "type"), "object") == 0;
}

static void
add_input_schema (JsonBuilder *builder,
                  JsonNode    *schema,
                  gboolean     wrapped)
{
  json_builder_set_member_name (builder, "input_schema");
  if (!wrapped)
    {
      json_builder_add_value (builder, json_node_copy (schema));
      return;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "object");
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, TAYORI_AI_ANTHROPIC_WRAP_MEMBER);
  json_builder_add_value (builder, json_node_copy (schema));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "required");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, TAYORI_AI_ANTHROPIC_WRAP_MEMBER);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_forced_tool (JsonBuilder *builder,
                 const char  *tool,
                 JsonNode    *schema,
                 gboolean     wrapped)
{
  json_builder_set_member_name (builder, "tools");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, tool);
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, "Give the whole answer through this tool.");
  add_input_schema (builder, schema, wrapped);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "tool_choice");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "tool");
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, tool);
  json_builder_end_object (builder);
}

static JsonNode *
build_body (TayoriAiEndpoint          *endpoint,
            const TayoriAiChatRequest *request,
            const char                *tool,
            gboolean                   wrapped)
{
  g_autoptr(JsonBuilder) builder = tayori_ai_json_body_new (endpoint);

  json_builder_set_member_name (builder, "max_tokens");
  json_builder_add_int_value (builder, request->max_tokens > 0 ? request->max_tokens
                                                               : DEFAULT_MAX_TOKENS);
  if (request->system != NULL)
    {
      json_builder_set_member_name (builder, "system");
      json_builder_add_string_value (builder, request->system);
    }
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "user");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, request->prompt);
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  if (request->temperature >= 0)
    {
      json_builder_set_member_name (builder, "temperature");
      json_builder_add_double_value (builder, request->temperature);
    }
  if (tool != NULL)
    add_forced_tool (builder, tool, request->schema, wrapped);
  if (request->stream)
    {
      json_builder_set_member_name (builder, "stream");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
chat_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ChatCall *call = task_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiHttpCall http = {
    .method = "POST",
    .path = call->path,
    .body = call->body,
    .on_event = call->stream ? tayori_ai_anthropic_answer_on_event : NULL,
    .event_data = &call->answer,
  };
  TayoriAiChatResponse *response = NULL;

  root = tayori_ai_http_call (call->endpoint, &http, cancellable, &error);
  /* An error event stops the stream: it explains the failure better than the transfer does. */
  if (call->answer.error != NULL)
    g_clear_error (&error);
  if (error == NULL && (call->stream || tayori_ai_anthropic_answer_read (&call->answer, root, &error)))
    response = tayori_ai_anthropic_answer_finish (&call->answer, call->stream, &error);
  if (response == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, response, (GDestroyNotify) tayori_ai_chat_response_free);
}

static void
tayori_ai_anthropic_chat_async (TayoriAiProvider          *provider,
                                const TayoriAiChatRequest *request,
                                TayoriAiDeltaFunc          on_delta,
                                gpointer                   delta_data,
                                GCancellable              *cancellable,
                                GAsyncReadyCallback        callback,
                                gpointer                   user_data)
{
  TayoriAiAnthropic *self = TAYORI_AI_ANTHROPIC (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = NULL;
  gboolean wrapped = FALSE;
  ChatCall *call;

  g_task_set_source_tag (task, tayori_ai_anthropic_chat_async);
  if (request->schema != NULL)
    {
      tool = tool_name (request->schema_name);
      wrapped = !describes_object (request->schema);
    }

  call = g_new0 (ChatCall, 1);
  g_task_set_task_data (task, call, (GDestroyNotify) chat_call_free);
  tayori_ai_anthropic_answer_init (&call->answer, self->endpoint, tool, wrapped,
                                   request->stream
                                   ? tayori_ai_delta_sink_new (on_delta, delta_data, cancellable)
                                   : NULL);
  call->endpoint = endpoint_with_version (self->endpoint, &error);
  if (call->endpoint == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  call->path = messages_path (call->endpoint);
  call->body = build_body (call->endpoint, request, tool, wrapped);
  call->stream = request->stream;
  g_task_run_in_thread (task, chat_thread);
}

static TayoriAiChatResponse *
tayori_ai_anthropic_chat_finish (TayoriAiProvider  *provider,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
provider_iface_init (TayoriAiProviderInterface *iface)
{
  /* No image functions: tayori_ai_provider_image_async () answers NOT_SUPPORTED. */
  iface->chat_async = tayori_ai_anthropic_chat_async;
  iface->chat_finish = tayori_ai_anthropic_chat_finish;
}

static void
tayori_ai_anthropic_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TayoriAiAnthropic *self = TAYORI_AI_ANTHROPIC (object);

  tayori_ai_provider_get_endpoint_property (object, self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_anthropic_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TayoriAiAnthropic *self = TAYORI_AI_ANTHROPIC (object);

  tayori_ai_provider_set_endpoint_property (object, &self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_anthropic_dispose (GObject *object)
{
  TayoriAiAnthropic *self = TAYORI_AI_ANTHROPIC (object);

  g_clear_object (&self->endpoint);
  G_OBJECT_CLASS (tayori_ai_anthropic_parent_class)->dispose (object);
}

static void
tayori_ai_anthropic_class_init (TayoriAiAnthropicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tayori_ai_anthropic_get_property;
  object_class->set_property = tayori_ai_anthropic_set_property;
  object_class->dispose = tayori_ai_anthropic_dispose;
  tayori_ai_provider_class_override_endpoint (object_class);
}

static void
tayori_ai_anthropic_init (TayoriAiAnthropic *self)
{
}

TayoriAiProvider *
tayori_ai_anthropic_new (TayoriAiEndpoint *endpoint)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), NULL);

  return g_object_new (TAYORI_TYPE_AI_ANTHROPIC, "endpoint", endpoint, NULL);
}
