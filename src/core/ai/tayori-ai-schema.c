/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Checks a structured answer against the task's JSON schema (the subset in tayori-ai-schema.h).
 * Keywords outside the subset are not used by our schemas and are ignored. */

#include <glib/gi18n.h>
#include "tayori-ai-provider.h"
#include "tayori-ai-schema.h"

static gboolean validate (JsonObject *schema, JsonNode *instance, GString *path, GError **error);

/* The object member @name, or NULL when it is absent or not an object. */
static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
mismatch (GError     **error,
          GString     *path,
          const char  *what)
{
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
               _("The AI service’s answer does not have the expected form: %s at %s"),
               what, path->str);
  return FALSE;
}

static gboolean
has_type (JsonNode   *instance,
          const char *type)
{
  GType value_type;

  if (g_str_equal (type, "object"))
    return JSON_NODE_HOLDS_OBJECT (instance);
  if (g_str_equal (type, "array"))
    return JSON_NODE_HOLDS_ARRAY (instance);
  if (g_str_equal (type, "null"))
    return JSON_NODE_HOLDS_NULL (instance);
  if (!JSON_NODE_HOLDS_VALUE (instance))
    return FALSE;

  value_type = json_node_get_value_type (instance);
  if (g_str_equal (type, "string"))
    return value_type == G_TYPE_STRING;
  if (g_str_equal (type, "boolean"))
    return value_type == G_TYPE_BOOLEAN;
  if (g_str_equal (type, "integer"))
    return value_type == G_TYPE_INT64;
  if (g_str_equal (type, "number"))
    return value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE;
  return FALSE;
}

static gboolean
in_enum (JsonArray *values,
         JsonNode  *instance)
{
  for (guint i = 0; i < json_array_get_length (values); i++)
    if (json_node_equal (json_array_get_element (values, i), instance))
      return TRUE;
  return FALSE;
}

static gboolean
validate_object (JsonObject *schema,
                 JsonObject *object,
                 GString    *path,
                 GError    **error)
{
  JsonObject *properties = member_object (schema, "properties");
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gsize length = path->len;

  if (json_object_has_member (schema, "required"))
    {
      JsonArray *required = json_object_get_array_member (schema, "required");

      for (guint i = 0; i < json_array_get_length (required); i++)
        {
          const char *name = json_array_get_string_element (required, i);

          if (!json_object_has_member (object, name))
            {
              g_autofree char *what = g_strdup_printf (_("“%s” is missing"), name);

              return mismatch (error, path, what);
            }
        }
    }

  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      JsonObject *member_schema = properties != NULL ? member_object (properties, name) : NULL;

      if (member_schema == NULL)
        {
          if (json_object_has_member (schema, "additionalProperties")
              && !json_object_get_boolean_member (schema, "additionalProperties"))
            {
              g_autofree char *what = g_strdup_printf (_("unexpected “%s”"), name);

              return mismatch (error, path, what);
            }
          continue;
        }

      g_string_append_printf (path, ".%s", name);
      if (!validate (member_schema, member, path, error))
        return FALSE;
      g_string_truncate (path, length);
    }
  return TRUE;
}

static gboolean
validate_array (JsonObject *schema,
                JsonArray  *array,
                GString    *path,
                GError    **error)
{
  guint n = json_array_get_length (array);
  JsonObject *items = member_object (schema, "items");
  gsize length = path->len;

  if (json_object_has_member (schema, "maxItems")
      && n > json_object_get_int_member (schema, "maxItems"))
    return mismatch (error, path, _("too many items"));
  if (json_object_has_member (schema, "minItems")
      && n < json_object_get_int_member (schema, "minItems"))
    return mismatch (error, path, _("too few items"));

  for (guint i = 0; items != NULL && i < n; i++)
    {
      g_string_append_printf (path, "[%u]", i);
      if (!validate (items, json_array_get_element (array, i), path, error))
        return FALSE;
      g_string_truncate (path, length);
    }
  return TRUE;
}

static gboolean
validate (JsonObject *schema,
          JsonNode   *instance,
          GString    *path,
          GError    **error)
{
  const char *type = json_object_get_string_member_with_default (schema, "type", NULL);

  if (type != NULL && !has_type (instance, type))
    {
      g_autofree char *what = g_strdup_printf (_("not of type %s"), type);

      return mismatch (error, path, what);
    }

  if (json_object_has_member (schema, "enum")
      && !in_enum (json_object_get_array_member (schema, "enum"), instance))
    return mismatch (error, path, _("a value outside the allowed list"));

  if (JSON_NODE_HOLDS_VALUE (instance) && json_node_get_value_type (instance) == G_TYPE_STRING
      && json_object_has_member (schema, "maxLength")
      && g_utf8_strlen (json_node_get_string (instance), -1)
         > json_object_get_int_member (schema, "maxLength"))
    return mismatch (error, path, _("text too long"));

  if (JSON_NODE_HOLDS_OBJECT (instance))
    return validate_object (schema, json_node_get_object (instance), path, error);
  if (JSON_NODE_HOLDS_ARRAY (instance))
    return validate_array (schema, json_node_get_array (instance), path, error);
  return TRUE;
}

gboolean
tayori_ai_schema_validate (JsonNode  *schema,
                           JsonNode  *instance,
                           GError   **error)
{
  g_autoptr(GString) path = g_string_new ("$");

  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (schema), FALSE);
  g_return_val_if_fail (instance != NULL, FALSE);

  return validate (json_node_get_object (schema), instance, path, error);
}
