/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the HTTP provider implementations share: handing streamed deltas from the worker thread
 * to the caller's main context, and reading members of an answer's JSON without trusting its
 * shape. Private to src/core/ai. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "tayori-ai-provider.h"

G_BEGIN_DECLS

typedef struct _TayoriAiDeltaSink TayoriAiDeltaSink;

/* Takes the thread-default main context of the caller. @func may be NULL (nothing posted);
 * deltas still queued when @cancellable fires are dropped. */
TayoriAiDeltaSink *tayori_ai_delta_sink_new  (TayoriAiDeltaFunc  func,
                                              gpointer           data,
                                              GCancellable      *cancellable);
/* From any thread; in order, and before the completion of a GTask returned afterwards. */
void               tayori_ai_delta_sink_post (TayoriAiDeltaSink *self,
                                              const char        *text);
void               tayori_ai_delta_sink_free (TayoriAiDeltaSink *self);

/* NULL (or 0) when @object is NULL, the member is missing or of another type. */
const char *tayori_ai_json_string (JsonObject *object,
                                   const char *name);
JsonObject *tayori_ai_json_object (JsonObject *object,
                                   const char *name);
JsonArray  *tayori_ai_json_array  (JsonObject *object,
                                   const char *name);
/* A token count: a positive integer that fits a guint, else 0. */
guint       tayori_ai_json_count  (JsonObject *object,
                                   const char *name);
/* The root object of @text (json_object_unref it), or NULL when it is not a JSON object. */
JsonObject *tayori_ai_json_parse_object (const char *text,
                                         gssize      length);

/* A builder inside a request body's object, with its "model" member when @endpoint names one. */
JsonBuilder *tayori_ai_json_body_new (TayoriAiEndpoint *endpoint);

/* The "endpoint" property every HTTP provider overrides, its only property. Each keeps the
 * endpoint in a field and calls these from its own GObject vfuncs. */
enum { TAYORI_AI_PROVIDER_PROP_ENDPOINT = 1 };

void tayori_ai_provider_class_override_endpoint (GObjectClass *object_class);
void tayori_ai_provider_get_endpoint_property   (GObject           *object,
                                                 TayoriAiEndpoint  *endpoint,
                                                 guint              prop_id,
                                                 GValue            *value,
                                                 GParamSpec        *pspec);
void tayori_ai_provider_set_endpoint_property   (GObject           *object,
                                                 TayoriAiEndpoint **endpoint,
                                                 guint              prop_id,
                                                 const GValue      *value,
                                                 GParamSpec        *pspec);

G_END_DECLS
