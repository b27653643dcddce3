/* SPDX-License-Identifier: GPL-3.0-or-later */
/* axe-core results as findings: severity by impact (incomplete = notice), WCAG criteria from
 * axe's tags, its ACT ids, its help text in both languages, and where the node is: a range
 * of the body source, or the page around it. */

#include "tayori-axe-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tayori-finding.h"

/* "wcag111" → "1.1.1", "wcag1410" → "1.4.10"; NULL for level tags ("wcag2a", "wcag21aa") and
 * anything else. Principles and guidelines have one digit, success criteria one or two. */
static char *
criterion_from_tag (const char *tag)
{
  const char *digits;
  gsize length;

  if (!g_str_has_prefix (tag, "wcag"))
    return NULL;

  digits = tag + strlen ("wcag");
  length = strlen (digits);
  if (length < 3 || length > 4)
    return NULL;
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (digits[i]))
        return NULL;
    }
  return g_strdup_printf ("%c.%c.%s", digits[0], digits[1], digits + 2);
}

static TayoriSeverity
severity_for (const char *kind,
              const char *impact)
{
  if (g_strcmp0 (kind, "incomplete") == 0)
    return TAYORI_SEVERITY_NOTICE;
  if (g_strcmp0 (impact, "critical") == 0 || g_strcmp0 (impact, "serious") == 0)
    return TAYORI_SEVERITY_ERROR;
  return TAYORI_SEVERITY_WARNING;
}

/* The array member @name of @object, NULL when it is absent or not an array. */
static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A NULL-terminated copy of the strings of @array (NULL when absent). */
static GStrv
strings_of (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      const char *text = json_node_get_string (json_array_get_element (array, i));

      if (text != NULL)
        g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

static GStrv
criteria_of (JsonArray *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = strings_of (tags);

  for (guint i = 0; all[i] != NULL; i++)
    {
      g_autofree char *criterion = criterion_from_tag (all[i]);

      if (criterion != NULL)
        g_strv_builder_add (builder, criterion);
    }
  return g_strv_builder_end (builder);
}

/* The body range of a node: through the element mark of HTML input, or through the closest
 * data-sourcepos of a Markdown body; FALSE when the node is outside the body. */
static gboolean
locate (JsonObject          *node,
        TayoriCheckDocument *document,
        gsize               *start,
        gsize               *end)
{
  TayoriCheckSourceKind kind = tayori_check_document_get_kind (document);
  const char *sourcepos;

  if (kind == TAYORI_CHECK_SOURCE_HTML && json_object_has_member (node, "at"))
    {
      gint64 index = json_object_get_int_member_with_default (node, "at", -1);
      const TayoriCheckElement *element;

      if (index < 0 || index >= tayori_check_document_get_n_elements (document))
        return FALSE;
      element = tayori_check_document_get_element (document, index);
      *start = element->source_start;
      *end = element->source_end;
      return TRUE;
    }

  sourcepos = json_object_get_string_member_with_default (node, "sourcepos", NULL);
  if (kind == TAYORI_CHECK_SOURCE_MARKDOWN && sourcepos != NULL)
    return tayori_check_document_sourcepos_to_range (document, sourcepos, start, end);

  return FALSE;
}

static TayoriFinding *
finding_new (JsonObject          *rule,
             JsonObject          *node,
             const char * const  *criteria,
             const char * const  *act,
             TayoriCheckDocument *document)
{
  g_autofree char *rule_id = g_strconcat ("axe/", json_object_get_string_member (rule, "id"),
                                          NULL);
  const char *impact = json_object_get_string_member_with_default (node, "impact", "");
  gsize start = 0, end = 0;
  gboolean in_body = locate (node, document, &start, &end);
  TayoriFinding *finding = tayori_finding_new (rule_id, in_body ? "body" : "page", start, end);

  tayori_finding_set_severity (finding,
                               severity_for (json_object_get_string_member (rule, "kind"),
                                             impact));
  tayori_finding_set_selector (finding, json_object_get_string_member (node, "selector"));
  tayori_finding_set_wcag (finding, criteria);
  tayori_finding_set_act (finding, act);
  tayori_finding_set_messages (finding, json_object_get_string_member (rule, "help"),
                               json_object_get_string_member (rule, "helpEn"));
  return finding;
}

static gboolean
is_rule (JsonNode *node)
{
  static const char * const members[] = { "id", "kind", "help", "helpEn" };
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (object == NULL || array_member (object, "nodes") == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
    {
      if (json_object_get_string_member_with_default (object, members[i], NULL) == NULL)
        return FALSE;
    }
  return TRUE;
}

GPtrArray *
_tayori_axe_findings_parse (const char           *json,
                            TayoriCheckDocument  *document,
                            GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  JsonArray *rules;

  if (!json_parser_load_from_data (parser, json, -1, &parse_error) ||
      !JSON_NODE_HOLDS_OBJECT ((root = json_parser_get_root (parser))) ||
      (rules = array_member (json_node_get_object (root), "rules")) == NULL)
    {
      g_set_error (error, TAYORI_AXE_ERROR, TAYORI_AXE_ERROR_FAILED,
                   _("axe-core returned results Tayori cannot read: %s"),
                   parse_error != NULL ? parse_error->message : _("no list of rules"));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule;
      JsonArray *nodes;
      g_auto(GStrv) criteria = NULL;
      g_auto(GStrv) act = NULL;

      if (!is_rule (json_array_get_element (rules, i)))
        continue;
      rule = json_array_get_object_element (rules, i);
      nodes = array_member (rule, "nodes");
      criteria = criteria_of (array_member (rule, "tags"));
      act = strings_of (array_member (rule, "actIds"));

      for (guint j = 0; j < json_array_get_length (nodes); j++)
        {
          JsonNode *node = json_array_get_element (nodes, j);

          if (!JSON_NODE_HOLDS_OBJECT (node) ||
              json_object_get_string_member_with_default (json_node_get_object (node),
                                                          "selector", NULL) == NULL)
            continue;
          g_ptr_array_add (findings, finding_new (rule, json_node_get_object (node),
                                                  (const char * const *) criteria,
                                                  (const char * const *) act, document));
        }
    }
  return g_steal_pointer (&findings);
}
