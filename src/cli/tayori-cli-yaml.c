/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where a front-matter value sits in the YAML text, so a finding in a field (title, contact
 * phone, a related link's title…) can be pointed at, and fixed, in the file itself. */

#include <string.h>
#include <yaml.h>
#include "tayori-cli.h"

/* Byte offset of a libyaml mark (0-based line, column in characters) in @yaml. */
static gsize
mark_offset (const char       *yaml,
             gsize             length,
             const yaml_mark_t *mark)
{
  const char *p = yaml, *end = yaml + length;

  for (gsize line = 0; line < mark->line && p < end; line++)
    {
      const char *newline = memchr (p, '\n', end - p);

      p = newline != NULL ? newline + 1 : end;
    }
  for (gsize column = 0; column < mark->column && p < end && *p != '\n'; column++)
    p = g_utf8_next_char (p);
  return p - yaml;
}

static yaml_node_t *
mapping_lookup (yaml_document_t *document,
                yaml_node_t     *mapping,
                const char      *key,
                yaml_node_t    **out_key)
{
  if (mapping == NULL || mapping->type != YAML_MAPPING_NODE)
    return NULL;

  for (yaml_node_pair_t *pair = mapping->data.mapping.pairs.start;
       pair < mapping->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (document, pair->key);

      if (key_node != NULL && key_node->type == YAML_SCALAR_NODE &&
          g_str_equal ((const char *) key_node->data.scalar.value, key))
        {
          *out_key = key_node;
          return yaml_document_get_node (document, pair->value);
        }
    }
  return NULL;
}

static yaml_node_t *
sequence_item (yaml_document_t *document,
               yaml_node_t     *sequence,
               guint64          index)
{
  if (sequence == NULL || sequence->type != YAML_SEQUENCE_NODE ||
      index >= (guint64) (sequence->data.sequence.items.top - sequence->data.sequence.items.start))
    return NULL;
  return yaml_document_get_node (document, sequence->data.sequence.items.start[index]);
}

/* The characters of a scalar in the text: inside the quotes, below a block scalar's header. */
static void
set_value_region (const char       *yaml,
                  gsize             length,
                  yaml_node_t      *node,
                  TayoriCliYamlValue *out)
{
  gsize start = mark_offset (yaml, length, &node->start_mark);
  gsize end = mark_offset (yaml, length, &node->end_mark);

  switch (node->data.scalar.style)
    {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      start = MIN (start + 1, end);
      end = MAX (end - 1, start);
      break;
    case YAML_LITERAL_SCALAR_STYLE:
    case YAML_FOLDED_SCALAR_STYLE:
      {
        const char *newline = memchr (yaml + start, '\n', end - start);

        start = newline != NULL ? (gsize) (newline + 1 - yaml) : end;
      }
      break;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
    default:
      break;
    }
  out->value_start = start;
  out->value_end = end;
}

gboolean
tayori_cli_yaml_find (const char         *yaml,
                      gsize               length,
                      const char * const *path,
                      TayoriCliYamlValue *out)
{
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_node_t *node, *key = NULL;
  gboolean found = FALSE;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, length);
  if (!yaml_parser_load (&parser, &document))
    {
      yaml_parser_delete (&parser);
      return FALSE;
    }
  yaml_parser_delete (&parser);

  node = yaml_document_get_root_node (&document);
  for (guint i = 0; node != NULL && path[i] != NULL; i++)
    {
      guint64 index;

      if (node->type == YAML_SEQUENCE_NODE && g_ascii_string_to_unsigned (path[i], 10, 0, G_MAXUINT,
                                                                          &index, NULL))
        node = sequence_item (&document, node, index);
      else
        node = mapping_lookup (&document, node, path[i], &key);
    }

  if (node != NULL && key != NULL)
    {
      out->key_start = mark_offset (yaml, length, &key->start_mark);
      out->scalar = node->type == YAML_SCALAR_NODE;
      out->value_start = out->value_end = out->key_start;
      if (out->scalar)
        set_value_region (yaml, length, node, out);
      found = TRUE;
    }

  yaml_document_delete (&document);
  return found;
}

/* Characters YAML adds around a value's own text: quotes, escapes of quotes, and the line
 * breaks and indentation of values spread over several lines. */
static gboolean
is_markup (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\'' || c == '"';
}

gboolean
tayori_cli_yaml_map_offset (const char               *yaml,
                            const TayoriCliYamlValue *value,
                            const char               *text,
                            gsize                     offset,
                            gsize                    *out)
{
  gsize length = strlen (text);
  gsize j = value->value_start;

  g_return_val_if_fail (offset <= length, FALSE);

  /* Byte i of the value is the next equal byte of the text, after any YAML markup. */
  for (gsize i = 0; i <= offset && i < length; i++)
    {
      while (j < value->value_end && yaml[j] != text[i] && is_markup (yaml[j]))
        j++;
      if (j >= value->value_end || yaml[j] != text[i])
        return FALSE;
      if (i == offset)
        {
          *out = j;
          return TRUE;
        }
      j++;
    }

  /* The end of the value: just past its last byte. */
  *out = j;
  return TRUE;
}
