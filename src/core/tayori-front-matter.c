/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown files with a YAML front matter block: the key table, and the reader, which uses
 * libyaml's document loader so errors carry line numbers (the writer is in -write.c). */
#include <glib/gi18n.h>
#include <string.h>
#include <yaml.h>

#include "tayori-front-matter-private.h"

G_DEFINE_QUARK (tayori-front-matter-error-quark, tayori_front_matter_error)

/* The YAML block starts on the second line of the file, after the opening "---". */
#define YAML_FIRST_LINE 2

/* One table drives both directions; it is also the key order of written files. */
const FrontMatterField tayori_front_matter_fields[] = {
  { "title", KIND_TEXT, "title" },
  { "category", KIND_TEXT, "category" },
  { "categories", KIND_LIST, "categories" },
  { "summary", KIND_TEXT, "summary" },
  { "audiences", KIND_LIST, "audiences" },
  { "ward", KIND_TEXT, "ward" },
  { "department", KIND_TEXT, "department" },
  { "contact", KIND_CONTACT, NULL },
  { "publish_start", KIND_DATE, "publish-start" },
  { "publish_end", KIND_DATE, "publish-end" },
  { "emergency", KIND_BOOL, "emergency" },
  { "thumbnail", KIND_TEXT, "thumbnail" },
  { "thumbnail_alt", KIND_TEXT, "thumbnail-alt" },
  { "language", KIND_LANGUAGE, "language" },
  { "status", KIND_STATUS, "status" },
  { "links", KIND_LINKS, NULL },
  { "attachments", KIND_ATTACHMENTS, NULL },
  { "dismissed", KIND_DISMISSALS, NULL },
  { "ai_provenance", KIND_AI_PROVENANCE, NULL },
  { "author", KIND_TEXT, "author" },
  { "translation_group", KIND_TEXT, "translation-group" },
  { "id", KIND_ID, NULL },
};
const guint tayori_front_matter_n_fields = G_N_ELEMENTS (tayori_front_matter_fields);

const char * const tayori_front_matter_contact_keys[TAYORI_FRONT_MATTER_N_CONTACT_KEYS + 1] = {
  "section", "phone", "fax", "email", "address", NULL
};

const RecordField tayori_front_matter_link_fields[] = {
  { "title", G_STRUCT_OFFSET (TayoriLink, title), RECORD_TEXT },
  { "url", G_STRUCT_OFFSET (TayoriLink, url), RECORD_TEXT },
  { NULL },
};

const RecordField tayori_front_matter_attachment_fields[] = {
  { "name", G_STRUCT_OFFSET (TayoriAttachment, name), RECORD_TEXT },
  { "hash", G_STRUCT_OFFSET (TayoriAttachment, hash), RECORD_TEXT },
  { "mime_type", G_STRUCT_OFFSET (TayoriAttachment, mime_type), RECORD_TEXT },
  { "size", G_STRUCT_OFFSET (TayoriAttachment, size), RECORD_SIZE },
  { NULL },
};

const RecordField tayori_front_matter_dismissal_fields[] = {
  { "rule", G_STRUCT_OFFSET (TayoriDismissal, rule_id), RECORD_TEXT },
  { "field", G_STRUCT_OFFSET (TayoriDismissal, field), RECORD_TEXT },
  { "span", G_STRUCT_OFFSET (TayoriDismissal, span), RECORD_TEXT },
  { "reason", G_STRUCT_OFFSET (TayoriDismissal, reason), RECORD_TEXT },
  { "author", G_STRUCT_OFFSET (TayoriDismissal, author), RECORD_TEXT },
  { "time", G_STRUCT_OFFSET (TayoriDismissal, time), RECORD_TEXT },
  { NULL },
};

const RecordField tayori_front_matter_ai_provenance_fields[] = {
  { "field", G_STRUCT_OFFSET (TayoriAiProvenance, field), RECORD_TEXT },
  { "paragraph", G_STRUCT_OFFSET (TayoriAiProvenance, paragraph), RECORD_TEXT },
  { "provider", G_STRUCT_OFFSET (TayoriAiProvenance, provider), RECORD_TEXT },
  { "model", G_STRUCT_OFFSET (TayoriAiProvenance, model), RECORD_TEXT },
  { "template_id", G_STRUCT_OFFSET (TayoriAiProvenance, template_id), RECORD_TEXT },
  { "template_version", G_STRUCT_OFFSET (TayoriAiProvenance, template_version), RECORD_TEXT },
  { "time", G_STRUCT_OFFSET (TayoriAiProvenance, time), RECORD_TEXT },
  { "output_hash", G_STRUCT_OFFSET (TayoriAiProvenance, output_hash), RECORD_TEXT },
  { "edited", G_STRUCT_OFFSET (TayoriAiProvenance, edited), RECORD_BOOL },
  { NULL },
};

/* Reading */

typedef struct {
  yaml_document_t *document;
  const char *filename;
} Reader;

static void G_GNUC_PRINTF (4, 5)
set_value_error (Reader       *reader,
                 yaml_node_t  *node,
                 GError      **error,
                 const char   *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE,
               "%s:%zu: %s", reader->filename, node->start_mark.line + YAML_FIRST_LINE, message);
}

static yaml_node_t *
node_at (Reader           *reader,
         yaml_node_item_t  index)
{
  return yaml_document_get_node (reader->document, index);
}

static gboolean
is_null (yaml_node_t *node)
{
  const char *value;

  if (node->type != YAML_SCALAR_NODE || node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;
  value = (const char *) node->data.scalar.value;
  return value[0] == '\0' || g_str_equal (value, "~") || g_str_equal (value, "null") ||
         g_str_equal (value, "Null") || g_str_equal (value, "NULL");
}

/* *out is NULL for a YAML null */
static gboolean
read_text (Reader       *reader,
           yaml_node_t  *node,
           const char   *key,
           const char  **out,
           GError      **error)
{
  if (node->type != YAML_SCALAR_NODE)
    {
      set_value_error (reader, node, error, _("“%s” must be text"), key);
      return FALSE;
    }
  *out = is_null (node) ? NULL : (const char *) node->data.scalar.value;
  return TRUE;
}

/* "2026-12-01", checked for a real calendar day (the plan's own mock shows "2023.2.30") */
static gboolean
is_valid_plain_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  for (guint i = 0; i < sizeof pattern - 1; i++)
    if (text[i] == '\0' || (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != '-'))
      return FALSE;
  return text[sizeof pattern - 1] == '\0' &&
         g_date_valid_dmy (g_ascii_strtoull (text + 8, NULL, 10),
                           g_ascii_strtoull (text + 5, NULL, 10),
                           g_ascii_strtoull (text, NULL, 10));
}

static gboolean
read_date (Reader       *reader,
           yaml_node_t  *node,
           const char   *key,
           const char  **out,
           GError      **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) date_time = NULL;

  if (!read_text (reader, node, key, out, error))
    return FALSE;
  if (*out == NULL || is_valid_plain_date (*out))
    return TRUE;
  date_time = g_date_time_new_from_iso8601 (*out, local);
  if (date_time != NULL)
    return TRUE;
  set_value_error (reader, node, error,
                   _("“%s” is not a valid date (2026-12-01) or date and time (2026-12-01T09:00:00+09:00)"),
                   key);
  return FALSE;
}

/* A single text is taken as a list of one, as people write "audiences: 高齢者". */
static gboolean
read_list (Reader       *reader,
           yaml_node_t  *node,
           const char   *key,
           GStrvBuilder *builder,
           GError      **error)
{
  yaml_node_t *bad = node;

  if (node->type == YAML_SCALAR_NODE)
    {
      if (!is_null (node))
        g_strv_builder_add (builder, (const char *) node->data.scalar.value);
      return TRUE;
    }
  if (node->type == YAML_SEQUENCE_NODE)
    {
      bad = NULL;
      for (yaml_node_item_t *item = node->data.sequence.items.start;
           bad == NULL && item < node->data.sequence.items.top; item++)
        {
          yaml_node_t *child = node_at (reader, *item);

          if (child->type == YAML_SCALAR_NODE && !is_null (child))
            g_strv_builder_add (builder, (const char *) child->data.scalar.value);
          else
            bad = child;
        }
      if (bad == NULL)
        return TRUE;
    }
  set_value_error (reader, bad, error, _("“%s” must be a list of text items"), key);
  return FALSE;
}

static gboolean
read_bool (Reader       *reader,
           yaml_node_t  *node,
           const char   *key,
           gboolean     *out,
           GError      **error)
{
  static const char * const yes[] = { "true", "yes", "on", NULL };
  static const char * const no[] = { "false", "no", "off", NULL };
  g_autofree char *lower = NULL;

  if (node->type == YAML_SCALAR_NODE)
    {
      lower = g_ascii_strdown ((const char *) node->data.scalar.value, -1);
      if (g_strv_contains (yes, lower) || g_strv_contains (no, lower))
        {
          *out = g_strv_contains (yes, lower);
          return TRUE;
        }
    }
  set_value_error (reader, node, error, _("“%s” must be true or false"), key);
  return FALSE;
}

static gboolean
read_enum (Reader       *reader,
           yaml_node_t  *node,
           const char   *key,
           GType         enum_type,
           int          *out,
           GError      **error)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  g_autoptr(GString) keys = g_string_new (NULL);

  for (guint i = 0; node->type == YAML_SCALAR_NODE && i < enum_class->n_values; i++)
    {
      if (g_str_equal (enum_class->values[i].value_nick, (const char *) node->data.scalar.value))
        {
          *out = enum_class->values[i].value;
          return TRUE;
        }
    }
  for (guint i = 0; i < enum_class->n_values; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", enum_class->values[i].value_nick);
  set_value_error (reader, node, error, _("“%s” must be one of: %s"), key, keys->str);
  return FALSE;
}

/* Calls @read_pair for each "key: value" of a mapping node whose keys are text. */
typedef gboolean (*ReadPair) (Reader *reader, const char *key, yaml_node_t *value,
                              gpointer data, GError **error);

static gboolean
read_mapping (Reader       *reader,
              yaml_node_t  *node,
              const char   *key,
              ReadPair      read_pair,
              gpointer      data,
              GError      **error)
{
  if (node->type != YAML_MAPPING_NODE)
    {
      set_value_error (reader, node, error, _("“%s” must be a set of “key: value” lines"), key);
      return FALSE;
    }
  for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
       pair < node->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = node_at (reader, pair->key);

      if (key_node->type != YAML_SCALAR_NODE)
        {
          set_value_error (reader, key_node, error, _("“%s” has a key that is not text"), key);
          return FALSE;
        }
      if (!read_pair (reader, (const char *) key_node->data.scalar.value,
                      node_at (reader, pair->value), data, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_contact_pair (Reader       *reader,
                   const char   *key,
                   yaml_node_t  *value,
                   gpointer      data,
                   GError      **error)
{
  g_autofree char *path = g_strconcat ("contact.", key, NULL);
  g_autofree char *property = g_strconcat ("contact-", key, NULL);
  const char *text;

  if (!g_strv_contains (tayori_front_matter_contact_keys, key))
    return TRUE;
  if (!read_text (reader, value, path, &text, error))
    return FALSE;
  g_object_set (data, property, text, NULL);
  return TRUE;
}

typedef struct {
  const char *list_key;
  const RecordField *fields;
  gpointer record;
} RecordTarget;

static gboolean
read_record_pair (Reader       *reader,
                  const char   *key,
                  yaml_node_t  *value,
                  gpointer      data,
                  GError      **error)
{
  RecordTarget *target = data;
  g_autofree char *path = g_strconcat (target->list_key, ".", key, NULL);
  const RecordField *field;
  gpointer member;
  const char *text;

  for (field = target->fields; field->key != NULL && !g_str_equal (field->key, key); field++)
    ;
  if (field->key == NULL)
    return TRUE;
  member = G_STRUCT_MEMBER_P (target->record, field->offset);
  if (field->kind == RECORD_BOOL)
    return read_bool (reader, value, path, member, error);
  if (field->kind == RECORD_SIZE)
    {
      if (value->type == YAML_SCALAR_NODE &&
          g_ascii_string_to_unsigned ((const char *) value->data.scalar.value, 10, 0,
                                      G_MAXUINT64, member, NULL))
        return TRUE;
      set_value_error (reader, value, error, _("“%s” must be a number of bytes"), path);
      return FALSE;
    }
  if (!read_text (reader, value, path, &text, error))
    return FALSE;
  g_free (*(char **) member);
  *(char **) member = g_strdup (text);
  return TRUE;
}

/* Reads a list of records (links, attachments…) into @items, one new_item() per element. */
static gboolean
read_records (Reader             *reader,
              yaml_node_t        *node,
              const char         *key,
              const RecordField  *fields,
              gpointer          (*new_item) (void),
              GPtrArray          *items,
              GError            **error)
{
  if (node->type != YAML_SEQUENCE_NODE && !is_null (node))
    {
      set_value_error (reader, node, error, _("“%s” must be a list"), key);
      return FALSE;
    }
  for (yaml_node_item_t *item = node->type == YAML_SEQUENCE_NODE ? node->data.sequence.items.start : NULL;
       item != NULL && item < node->data.sequence.items.top; item++)
    {
      RecordTarget target = { key, fields, new_item () };

      g_ptr_array_add (items, target.record);
      if (!read_mapping (reader, node_at (reader, *item), key, read_record_pair, &target, error))
        return FALSE;
    }
  return TRUE;
}

static gpointer
new_link (void)
{
  return tayori_link_new (NULL, NULL);
}

static gpointer
new_attachment (void)
{
  return tayori_attachment_new (NULL, NULL, NULL, 0);
}

static gpointer
new_dismissal (void)
{
  return tayori_dismissal_new ("", "", NULL, NULL, NULL, NULL);
}

static gpointer
new_ai_provenance (void)
{
  return g_new0 (TayoriAiProvenance, 1);
}

static gboolean
read_field (Reader       *reader,
            const char   *key,
            yaml_node_t  *value,
            gpointer      data,
            GError      **error)
{
  TayoriArticle *article = data;
  guint i;

  for (i = 0; i < tayori_front_matter_n_fields && !g_str_equal (tayori_front_matter_fields[i].key, key); i++)
    ;
  if (i == tayori_front_matter_n_fields)
    return TRUE;

  switch (tayori_front_matter_fields[i].kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
      {
        const char *text;

        if (!(tayori_front_matter_fields[i].kind == KIND_TEXT ? read_text : read_date) (reader, value, key, &text, error))
          return FALSE;
        g_object_set (article, tayori_front_matter_fields[i].property, text, NULL);
        return TRUE;
      }
    case KIND_LIST:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) list = NULL;

        if (!read_list (reader, value, key, builder, error))
          return FALSE;
        list = g_strv_builder_end (builder);
        g_object_set (article, tayori_front_matter_fields[i].property, list, NULL);
        return TRUE;
      }
    case KIND_BOOL:
      {
        gboolean flag;

        if (!read_bool (reader, value, key, &flag, error))
          return FALSE;
        g_object_set (article, tayori_front_matter_fields[i].property, flag, NULL);
        return TRUE;
      }
    case KIND_LANGUAGE:
    case KIND_STATUS:
      {
        GType type = tayori_front_matter_fields[i].kind == KIND_STATUS ? TAYORI_TYPE_ARTICLE_STATUS : TAYORI_TYPE_LANGUAGE;
        int number;

        if (!read_enum (reader, value, key, type, &number, error))
          return FALSE;
        g_object_set (article, tayori_front_matter_fields[i].property, number, NULL);
        return TRUE;
      }
    case KIND_CONTACT:
      return is_null (value) || read_mapping (reader, value, key, read_contact_pair, article, error);
    case KIND_LINKS:
      {
        g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);

        if (!read_records (reader, value, key, tayori_front_matter_link_fields, new_link, links, error))
          return FALSE;
        tayori_article_set_links (article, links);
        return TRUE;
      }
    case KIND_ATTACHMENTS:
      {
        g_autoptr(GPtrArray) attachments =
          g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);

        if (!read_records (reader, value, key, tayori_front_matter_attachment_fields, new_attachment, attachments, error))
          return FALSE;
        tayori_article_set_attachments (article, attachments);
        return TRUE;
      }
    case KIND_DISMISSALS:
      {
        g_autoptr(GPtrArray) dismissals =
          g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_dismissal_free);

        if (!read_records (reader, value, key, tayori_front_matter_dismissal_fields, new_dismissal, dismissals, error))
          return FALSE;
        tayori_article_set_dismissals (article, dismissals);
        return TRUE;
      }
    case KIND_AI_PROVENANCE:
      {
        g_autoptr(GPtrArray) records =
          g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_ai_provenance_free);

        if (!read_records (reader, value, key, tayori_front_matter_ai_provenance_fields, new_ai_provenance, records, error))
          return FALSE;
        tayori_article_set_ai_provenance (article, records);
        return TRUE;
      }
    case KIND_ID:
      /* ids belong to the store that imports the file */
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
parse_yaml (TayoriArticle  *article,
            const char     *yaml,
            gsize           length,
            const char     *filename,
            GError        **error)
{
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_node_t *root;
  Reader reader = { &document, filename };
  gboolean ok;

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, length);
  if (!yaml_parser_load (&parser, &document))
    {
      if (parser.context != NULL)
        g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_SYNTAX,
                     /* Translators: the last %s is libyaml's English context, "while parsing a block mapping" */
                     _("%s:%zu: invalid YAML: %s (%s on line %zu)"), filename,
                     parser.problem_mark.line + YAML_FIRST_LINE, parser.problem,
                     parser.context, parser.context_mark.line + YAML_FIRST_LINE);
      else
        g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_SYNTAX,
                     _("%s:%zu: invalid YAML: %s"), filename,
                     parser.problem_mark.line + YAML_FIRST_LINE, parser.problem);
      yaml_parser_delete (&parser);
      return FALSE;
    }
  yaml_parser_delete (&parser);

  root = yaml_document_get_root_node (&document);
  if (root == NULL || is_null (root))
    ok = TRUE;
  else if (root->type != YAML_MAPPING_NODE)
    {
      g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_INVALID_VALUE,
                   _("%s:%zu: the front matter must be a set of “key: value” lines"),
                   filename, root->start_mark.line + YAML_FIRST_LINE);
      ok = FALSE;
    }
  else
    ok = read_mapping (&reader, root, "front matter", read_field, article, error);
  yaml_document_delete (&document);
  return ok;
}

/* Returns the offset just past a "---" line (trailing blanks allowed) at @pos, or 0. */
static gsize
delimiter_end (const char *text,
               gsize       length,
               gsize       pos)
{
  gsize i = pos + 3;

  if (length - pos < 3 || strncmp (text + pos, "---", 3) != 0)
    return 0;
  while (i < length && (text[i] == ' ' || text[i] == '\t'))
    i++;
  if (i == length)
    return i;
  return text[i] == '\n' ? i + 1 : 0;
}

gboolean
tayori_front_matter_find_block (const char *text,
                                gsize       length,
                                gsize      *yaml_start,
                                gsize      *yaml_end,
                                gsize      *body_start)
{
  gsize start = delimiter_end (text, length, 0);

  for (gsize line = start; start > 0 && line < length; )
    {
      const char *newline = memchr (text + line, '\n', length - line);
      gsize end = delimiter_end (text, length, line);

      if (end > 0)
        {
          *yaml_start = start;
          *yaml_end = line;
          if (body_start != NULL)
            *body_start = end;
          return TRUE;
        }
      line = newline != NULL ? (gsize) (newline + 1 - text) : length;
    }
  return FALSE;
}

TayoriArticle *
tayori_front_matter_parse (const char  *text,
                           gssize       length,
                           const char  *filename,
                           GError     **error)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GString) normalized = NULL;
  gsize yaml_start, yaml_end, body_start = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = _("input");
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_NOT_UTF8,
                   _("%s is not UTF-8 text. Save it with the UTF-8 encoding and try again."),
                   filename);
      return NULL;
    }

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  normalized = g_string_new_len (text, length);
  g_string_replace (normalized, "\r\n", "\n", 0);
  g_string_replace (normalized, "\r", "\n", 0);

  if (tayori_front_matter_find_block (normalized->str, normalized->len, &yaml_start, &yaml_end,
                                      &body_start))
    {
      if (!parse_yaml (article, normalized->str + yaml_start, yaml_end - yaml_start, filename, error))
        return NULL;
      /* The blank line the writer puts after the block is not part of the body */
      if (body_start < normalized->len && normalized->str[body_start] == '\n')
        body_start++;
    }
  else if (delimiter_end (normalized->str, normalized->len, 0) > 0)
    {
      g_set_error (error, TAYORI_FRONT_MATTER_ERROR, TAYORI_FRONT_MATTER_ERROR_SYNTAX,
                   _("%s:1: the front matter opened by “---” is never closed by another “---” line"),
                   filename);
      return NULL;
    }
  tayori_article_set_body (article, normalized->str + body_start);
  return g_steal_pointer (&article);
}
