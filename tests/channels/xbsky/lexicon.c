/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validating JSON against AT Protocol lexicons, as much of the language as Tayori's records and
 * requests touch: object, string (maxLength in UTF-8 bytes, maxGraphemes, formats), integer,
 * boolean, array, ref, union, blob, unknown. Unknown object members are refused too, so a
 * misspelt field fails the test instead of being ignored by a lenient server. */
#include "lexicon.h"
#include "tayori-post-counter.h"

struct _Lexicons
{
  GHashTable *docs;   /* id → JsonObject (the "defs" member) */
  GPtrArray  *parsers;
};

typedef struct {
  Lexicons *lexicons;
  GString  *path;
  char     *problem;
} Check;

static gboolean check_value (Check *check, const char *lexicon, JsonObject *def, JsonNode *value);

static gboolean
fail (Check      *check,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (check->problem == NULL)
    check->problem = g_strdup_printf ("%s: %s", check->path->len > 0 ? check->path->str : "(root)",
                                      message);
  return FALSE;
}

static void
load_dir (Lexicons    *lexicons,
          const char  *dir,
          GError     **error)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, error);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL && *error == NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      JsonParser *parser;
      JsonObject *root;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          load_dir (lexicons, path, error);
          continue;
        }
      if (!g_str_has_suffix (name, ".json"))
        continue;
      parser = json_parser_new ();
      g_ptr_array_add (lexicons->parsers, parser);
      if (!json_parser_load_from_file (parser, path, error))
        return;
      root = json_node_get_object (json_parser_get_root (parser));
      g_hash_table_insert (lexicons->docs, g_strdup (json_object_get_string_member (root, "id")),
                           json_object_get_object_member (root, "defs"));
    }
}

Lexicons *
lexicons_load (const char  *dir,
               GError     **error)
{
  Lexicons *lexicons = g_new0 (Lexicons, 1);
  GError *local_error = NULL;

  lexicons->docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicons->parsers = g_ptr_array_new_with_free_func (g_object_unref);
  load_dir (lexicons, dir, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      lexicons_free (lexicons);
      return NULL;
    }
  return lexicons;
}

void
lexicons_free (Lexicons *lexicons)
{
  g_hash_table_unref (lexicons->docs);
  g_ptr_array_unref (lexicons->parsers);
  g_free (lexicons);
}

/* "#image" in @lexicon, "app.bsky.embed.images" (its main) or "lexicon#def": the definition,
 * and *@owner the lexicon it is in. */
static JsonObject *
resolve (Lexicons    *lexicons,
         const char  *lexicon,
         const char  *ref,
         char       **owner)
{
  const char *hash = strchr (ref, '#');
  g_autofree char *id = hash == ref ? g_strdup (lexicon)
                        : hash != NULL ? g_strndup (ref, hash - ref) : g_strdup (ref);
  JsonObject *defs = g_hash_table_lookup (lexicons->docs, id);
  const char *name = hash != NULL ? hash + 1 : "main";

  *owner = g_steal_pointer (&id);
  return defs != NULL && json_object_has_member (defs, name)
         ? json_object_get_object_member (defs, name) : NULL;
}

static gboolean
is_datetime (const char *text)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  /* RFC 3339: a "T", seconds, and a time zone (Z or an offset) are all required. */
  return time != NULL &&
         g_regex_match_simple ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?"
                               "(Z|[+-]\\d{2}:\\d{2})$", text, 0, 0);
}

static gboolean
check_format (Check      *check,
              const char *format,
              const char *text)
{
  static const struct {
    const char *format;
    const char *pattern;
  } patterns[] = {
    { "at-uri",        "^at://[a-zA-Z0-9._:%-]+(/[a-zA-Z0-9.-]+(/[a-zA-Z0-9._~:-]+)?)?$" },
    { "did",           "^did:[a-z]+:[a-zA-Z0-9._:%-]*[a-zA-Z0-9._-]$" },
    { "handle",        "^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z]"
                       "([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$" },
    { "nsid",          "^[a-zA-Z]([a-zA-Z0-9-]*)(\\.[a-zA-Z0-9-]+)+(\\.[a-zA-Z][a-zA-Z0-9]*)$" },
    { "record-key",    "^[a-zA-Z0-9_~.:-]{1,512}$" },
    { "cid",           "^[a-zA-Z0-9+=]{8,256}$" },
    { "language",      "^(i|[a-z]{2,3})(-[a-zA-Z0-9]+)*$" },
  };

  if (g_strcmp0 (format, "datetime") == 0)
    return is_datetime (text) ? TRUE : fail (check, "“%s” is not an RFC 3339 datetime", text);
  if (g_strcmp0 (format, "uri") == 0)
    return g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) && strchr (text, ' ') == NULL
           ? TRUE : fail (check, "“%s” is not a URI", text);
  if (g_strcmp0 (format, "at-identifier") == 0)
    return check_format (check, g_str_has_prefix (text, "did:") ? "did" : "handle", text);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    if (g_strcmp0 (format, patterns[i].format) == 0)
      return g_regex_match_simple (patterns[i].pattern, text, 0, 0)
             ? TRUE : fail (check, "“%s” is not a valid %s", text, format);
  return fail (check, "the validator does not know the format %s", format);
}

static gboolean
check_string (Check      *check,
              JsonObject *def,
              JsonNode   *value)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING)
    return fail (check, "not a string");
  text = json_node_get_string (value);
  if (json_object_has_member (def, "maxLength") &&
      (gint64) strlen (text) > json_object_get_int_member (def, "maxLength"))
    return fail (check, "longer than %" G_GINT64_FORMAT " bytes",
                 json_object_get_int_member (def, "maxLength"));
  if (json_object_has_member (def, "minLength") &&
      (gint64) strlen (text) < json_object_get_int_member (def, "minLength"))
    return fail (check, "shorter than its minLength");
  if (json_object_has_member (def, "maxGraphemes") &&
      tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, text) >
      json_object_get_int_member (def, "maxGraphemes"))
    return fail (check, "more than %" G_GINT64_FORMAT " graphemes",
                 json_object_get_int_member (def, "maxGraphemes"));
  if (json_object_has_member (def, "format"))
    return check_format (check, json_object_get_string_member (def, "format"), text);
  return TRUE;
}

static gboolean
check_integer (Check      *check,
               JsonObject *def,
               JsonNode   *value)
{
  gint64 n;

  if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_INT64)
    return fail (check, "not an integer");
  n = json_node_get_int (value);
  if (json_object_has_member (def, "minimum") && n < json_object_get_int_member (def, "minimum"))
    return fail (check, "%" G_GINT64_FORMAT " is below the minimum", n);
  if (json_object_has_member (def, "maximum") && n > json_object_get_int_member (def, "maximum"))
    return fail (check, "%" G_GINT64_FORMAT " is above the maximum", n);
  return TRUE;
}

static gboolean
accepts (JsonObject *def,
         const char *mime_type)
{
  JsonArray *accept = json_object_has_member (def, "accept")
                      ? json_object_get_array_member (def, "accept") : NULL;

  for (guint i = 0; accept != NULL && i < json_array_get_length (accept); i++)
    {
      const char *pattern = json_array_get_string_element (accept, i);

      if (g_str_equal (pattern, "*/*") || g_strcmp0 (pattern, mime_type) == 0 ||
          (g_str_has_suffix (pattern, "/*") &&
           strncmp (mime_type, pattern, strlen (pattern) - 1) == 0))
        return TRUE;
    }
  return accept == NULL;
}

static gboolean
check_blob (Check      *check,
            JsonObject *def,
            JsonNode   *value)
{
  JsonObject *blob = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
  JsonObject *ref = blob != NULL && json_object_has_member (blob, "ref")
                    ? json_object_get_object_member (blob, "ref") : NULL;
  const char *mime_type;

  if (blob == NULL || g_strcmp0 (json_object_get_string_member_with_default (blob, "$type", ""),
                                 "blob") != 0 ||
      ref == NULL || !json_object_has_member (ref, "$link") ||
      !json_object_has_member (blob, "mimeType") || !json_object_has_member (blob, "size"))
    return fail (check, "not a blob reference ($type blob, ref.$link, mimeType, size)");
  mime_type = json_object_get_string_member (blob, "mimeType");
  if (!accepts (def, mime_type))
    return fail (check, "a blob of type %s is not accepted", mime_type);
  if (json_object_has_member (def, "maxSize") &&
      json_object_get_int_member (blob, "size") > json_object_get_int_member (def, "maxSize"))
    return fail (check, "a blob of %" G_GINT64_FORMAT " bytes is over the maxSize",
                 json_object_get_int_member (blob, "size"));
  return TRUE;
}

static gboolean
check_member (Check      *check,
              const char *lexicon,
              const char *name,
              JsonObject *def,
              JsonNode   *value)
{
  gsize mark = check->path->len;
  gboolean ok;

  g_string_append_printf (check->path, "%s%s", mark > 0 && *name != '[' ? "." : "", name);
  ok = check_value (check, lexicon, def, value);
  g_string_truncate (check->path, mark);
  return ok;
}

static gboolean
check_object (Check      *check,
              const char *lexicon,
              JsonObject *def,
              JsonNode   *value)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
  JsonObject *properties = json_object_has_member (def, "properties")
                           ? json_object_get_object_member (def, "properties") : NULL;
  JsonArray *required = json_object_has_member (def, "required")
                        ? json_object_get_array_member (def, "required") : NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (object == NULL)
    return fail (check, "not an object");
  for (guint i = 0; required != NULL && i < json_array_get_length (required); i++)
    if (!json_object_has_member (object, json_array_get_string_element (required, i)))
      return fail (check, "“%s” is required", json_array_get_string_element (required, i));
  json_object_iter_init (&iter, object);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (g_str_equal (name, "$type"))
        continue;
      if (properties == NULL || !json_object_has_member (properties, name))
        return fail (check, "“%s” is not in the lexicon", name);
      if (!check_member (check, lexicon, name, json_object_get_object_member (properties, name),
                         member))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_array (Check      *check,
             const char *lexicon,
             JsonObject *def,
             JsonNode   *value)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  if (array == NULL)
    return fail (check, "not an array");
  if (json_object_has_member (def, "maxLength") &&
      json_array_get_length (array) > json_object_get_int_member (def, "maxLength"))
    return fail (check, "more than %" G_GINT64_FORMAT " items",
                 json_object_get_int_member (def, "maxLength"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *index = g_strdup_printf ("[%u]", i);

      if (!check_member (check, lexicon, index, json_object_get_object_member (def, "items"),
                         json_array_get_element (array, i)))
        return FALSE;
    }
  return TRUE;
}

/* The object's "$type" names one of the union's refs; it is then checked against it. */
static gboolean
check_union (Check      *check,
             const char *lexicon,
             JsonObject *def,
             JsonNode   *value)
{
  JsonArray *refs = json_object_get_array_member (def, "refs");
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (value) ? json_node_get_object (value) : NULL;
  const char *type = object != NULL
                     ? json_object_get_string_member_with_default (object, "$type", NULL) : NULL;

  if (type == NULL)
    return fail (check, "a union member needs a $type");
  for (guint i = 0; i < json_array_get_length (refs); i++)
    {
      const char *ref = json_array_get_string_element (refs, i);
      g_autofree char *full = *ref == '#' ? g_strconcat (lexicon, ref, NULL) : g_strdup (ref);
      g_autofree char *owner = NULL;
      JsonObject *target;

      if (g_strcmp0 (full, type) != 0 &&
          !(g_str_has_suffix (full, "#main") && strlen (type) + 5 == strlen (full) &&
            g_str_has_prefix (full, type)))
        continue;
      target = resolve (check->lexicons, lexicon, ref, &owner);
      if (target == NULL)
        return fail (check, "the lexicon of %s is not loaded", type);
      return check_value (check, owner, target, value);
    }
  return fail (check, "$type %s is not one of the union's", type);
}

static gboolean
check_value (Check      *check,
             const char *lexicon,
             JsonObject *def,
             JsonNode   *value)
{
  const char *type = json_object_get_string_member (def, "type");

  if (g_str_equal (type, "ref"))
    {
      g_autofree char *owner = NULL;
      JsonObject *target = resolve (check->lexicons, lexicon,
                                    json_object_get_string_member (def, "ref"), &owner);

      if (target == NULL)
        return fail (check, "the lexicon of %s is not loaded",
                     json_object_get_string_member (def, "ref"));
      return check_value (check, owner, target, value);
    }
  if (g_str_equal (type, "object"))
    return check_object (check, lexicon, def, value);
  if (g_str_equal (type, "string"))
    return check_string (check, def, value);
  if (g_str_equal (type, "integer"))
    return check_integer (check, def, value);
  if (g_str_equal (type, "boolean"))
    return JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN
           ? TRUE : fail (check, "not a boolean");
  if (g_str_equal (type, "array"))
    return check_array (check, lexicon, def, value);
  if (g_str_equal (type, "union"))
    return check_union (check, lexicon, def, value);
  if (g_str_equal (type, "blob"))
    return check_blob (check, def, value);
  if (g_str_equal (type, "unknown"))
    return JSON_NODE_HOLDS_OBJECT (value) ? TRUE : fail (check, "not an object");
  return fail (check, "the validator does not know the type %s", type);
}

static gboolean
finish (Check   *check,
        gboolean ok,
        char   **problem)
{
  g_string_free (check->path, TRUE);
  if (problem != NULL)
    *problem = check->problem;
  else
    g_free (check->problem);
  return ok;
}

gboolean
lexicons_check_record (Lexicons    *lexicons,
                       const char  *nsid,
                       JsonNode    *record,
                       char       **problem)
{
  Check check = { lexicons, g_string_new ("record"), NULL };
  g_autofree char *owner = NULL;
  JsonObject *def = resolve (lexicons, nsid, nsid, &owner);
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (record) ? json_node_get_object (record) : NULL;

  if (def == NULL || g_strcmp0 (json_object_get_string_member (def, "type"), "record") != 0)
    return finish (&check, fail (&check, "%s is not a record lexicon", nsid), problem);
  if (object == NULL ||
      g_strcmp0 (json_object_get_string_member_with_default (object, "$type", ""), nsid) != 0)
    return finish (&check, fail (&check, "$type must be %s", nsid), problem);
  return finish (&check, check_value (&check, nsid, json_object_get_object_member (def, "record"),
                                      record), problem);
}

gboolean
lexicons_check_input (Lexicons    *lexicons,
                      const char  *nsid,
                      JsonNode    *input,
                      char       **problem)
{
  Check check = { lexicons, g_string_new ("input"), NULL };
  g_autofree char *owner = NULL;
  JsonObject *def = resolve (lexicons, nsid, nsid, &owner);
  JsonObject *schema;

  if (def == NULL || !json_object_has_member (def, "input"))
    return finish (&check, fail (&check, "%s is not a procedure with an input", nsid), problem);
  schema = json_object_get_object_member (json_object_get_object_member (def, "input"), "schema");
  return finish (&check, check_value (&check, nsid, schema, input), problem);
}
