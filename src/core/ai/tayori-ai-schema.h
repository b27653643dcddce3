/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small JSON-schema validator for the subset the task schemas use (type object, array,
 * string, number, integer, boolean; properties, required, additionalProperties: false, items,
 * minItems, maxItems, maxLength, enum), so a structured answer is checked before it is used. */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* FALSE with TAYORI_AI_ERROR_MALFORMED naming the first place that does not match. */
gboolean tayori_ai_schema_validate (JsonNode  *schema,
                                   JsonNode  *instance,
                                   GError   **error);

G_END_DECLS
