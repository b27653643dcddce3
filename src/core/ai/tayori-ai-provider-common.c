/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the HTTP providers. Each delta is an idle source of default priority on the
 * caller's context: sources of one priority run in the order they were attached, and GTask
 * attaches its completion source only when the worker returns, so deltas arrive in order and
 * before the callback. */
#include "tayori-ai-provider-common.h"

struct _TayoriAiDeltaSink
{
  GMainContext      *context;
  TayoriAiDeltaFunc  func;
  gpointer           data;
  GCancellable      *cancellable;
};

typedef struct {
  TayoriAiDeltaFunc  func;
  gpointer           data;
  GCancellable      *cancellable;
  char              *text;
} Delta;

TayoriAiDeltaSink *
tayori_ai_delta_sink_new (TayoriAiDeltaFunc  func,
                          gpointer           data,
                          GCancellable      *cancellable)
{
  TayoriAiDeltaSink *self = g_new0 (TayoriAiDeltaSink, 1);

  self->context = g_main_context_ref_thread_default ();
  self->func = func;
  self->data = data;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

void
tayori_ai_delta_sink_free (TayoriAiDeltaSink *self)
{
  if (self == NULL)
    return;
  g_main_context_unref (self->context);
  g_clear_object (&self->cancellable);
  g_free (self);
}

static void
delta_free (gpointer data)
{
  Delta *delta = data;

  g_clear_object (&delta->cancellable);
  g_free (delta->text);
  g_free (delta);
}

static gboolean
deliver (gpointer data)
{
  Delta *delta = data;

  if (!g_cancellable_is_cancelled (delta->cancellable))
    delta->func (delta->text, delta->data);
  return G_SOURCE_REMOVE;
}

void
tayori_ai_delta_sink_post (TayoriAiDeltaSink *self,
                           const char        *text)
{
  g_autoptr(GSource) source = NULL;
  Delta *delta;

  if (self->func == NULL || text == NULL || text[0] == '\0')
    return;
  delta = g_new0 (Delta, 1);
  delta->func = self->func;
  delta->data = self->data;
  delta->cancellable = self->cancellable != NULL ? g_object_ref (self->cancellable) : NULL;
  delta->text = g_strdup (text);
  /* Not g_main_context_invoke (): on a thread without a context of its own it may run the
   * function right there, on the worker, while the caller's thread is between iterations. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, delta, delta_free);
  g_source_attach (source, self->context);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

const char *
tayori_ai_json_string (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
tayori_ai_json_object (JsonObject *object,
                       const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
tayori_ai_json_array (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

guint
tayori_ai_json_count (JsonObject *object,
                      const char *name)
{
  JsonNode *node = member (object, name);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  value = json_node_get_int (node);
  return value > 0 && value <= G_MAXUINT ? (guint) value : 0;
}

JsonObject *
tayori_ai_json_parse_object (const char *text,
                             gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

JsonBuilder *
tayori_ai_json_body_new (TayoriAiEndpoint *endpoint)
{
  JsonBuilder *builder = json_builder_new ();
  const char *model = tayori_ai_endpoint_get_model (endpoint);

  json_builder_begin_object (builder);
  if (model != NULL)
    {
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, model);
    }
  return builder;
}

void
tayori_ai_provider_class_override_endpoint (GObjectClass *object_class)
{
  g_object_class_override_property (object_class, TAYORI_AI_PROVIDER_PROP_ENDPOINT, "endpoint");
}

void
tayori_ai_provider_get_endpoint_property (GObject          *object,
                                          TayoriAiEndpoint *endpoint,
                                          guint             prop_id,
                                          GValue           *value,
                                          GParamSpec       *pspec)
{
  if (prop_id == TAYORI_AI_PROVIDER_PROP_ENDPOINT)
    g_value_set_object (value, endpoint);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

void
tayori_ai_provider_set_endpoint_property (GObject           *object,
                                          TayoriAiEndpoint **endpoint,
                                          guint              prop_id,
                                          const GValue      *value,
                                          GParamSpec        *pspec)
{
  if (prop_id == TAYORI_AI_PROVIDER_PROP_ENDPOINT)
    *endpoint = g_value_dup_object (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}
