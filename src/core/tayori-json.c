/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON members shared by the store's article snapshots (tayori-store-json.c) and
 * tayori-cli's output, so both spell an article's parts the same way. */
#include "tayori-json.h"

/* The text members of a link, a dismissal or an attachment, by key */
typedef struct {
  const char *key;
  gsize       offset;
} TextMember;

static const TextMember link_members[] = {
  { "title", G_STRUCT_OFFSET (TayoriLink, title) },
  { "url", G_STRUCT_OFFSET (TayoriLink, url) },
  { NULL, 0 },
};

static const TextMember dismissal_members[] = {
  { "rule", G_STRUCT_OFFSET (TayoriDismissal, rule_id) },
  { "field", G_STRUCT_OFFSET (TayoriDismissal, field) },
  { "span", G_STRUCT_OFFSET (TayoriDismissal, span) },
  { "reason", G_STRUCT_OFFSET (TayoriDismissal, reason) },
  { "author", G_STRUCT_OFFSET (TayoriDismissal, author) },
  { "time", G_STRUCT_OFFSET (TayoriDismissal, time) },
  { NULL, 0 },
};

static const TextMember attachment_members[] = {
  { "name", G_STRUCT_OFFSET (TayoriAttachment, name) },
  { "hash", G_STRUCT_OFFSET (TayoriAttachment, hash) },
  { "mime_type", G_STRUCT_OFFSET (TayoriAttachment, mime_type) },
  { NULL, 0 },
};

void
tayori_json_add_string (JsonBuilder *builder,
                        const char  *key,
                        const char  *value)
{
  json_builder_set_member_name (builder, key);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
tayori_json_add_strv (JsonBuilder        *builder,
                      const char         *key,
                      const char * const *values)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_size (JsonBuilder            *builder,
          const TayoriAttachment *attachment,
          gboolean                described)
{
  json_builder_set_member_name (builder, "size");
  if (described)
    {
      g_autofree char *description = tayori_attachment_describe (attachment);

      json_builder_add_int_value (builder, (gint64) MIN (attachment->size, (guint64) G_MAXINT64));
      tayori_json_add_string (builder, "description", description);
    }
  else
    json_builder_add_int_value (builder, (gint64) attachment->size);
}

/* @key: an array with one object per element of @items (NULL = empty); attachments also
 * get their size (and description) after the text members */
static void
add_records (JsonBuilder      *builder,
             const char       *key,
             GPtrArray        *items,
             const TextMember *members,
             gboolean          described)
{
  json_builder_set_member_name (builder, key);
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      gconstpointer item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      for (const TextMember *member = members; member->key != NULL; member++)
        tayori_json_add_string (builder, member->key,
                                G_STRUCT_MEMBER (const char *, item, member->offset));
      if (members == attachment_members)
        add_size (builder, item, described);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

void
tayori_json_add_links (JsonBuilder *builder,
                       GPtrArray   *links)
{
  add_records (builder, "links", links, link_members, FALSE);
}

void
tayori_json_add_attachments (JsonBuilder *builder,
                             GPtrArray   *attachments,
                             gboolean     described)
{
  add_records (builder, "attachments", attachments, attachment_members, described);
}

void
tayori_json_add_dismissals (JsonBuilder *builder,
                            const char  *key,
                            GPtrArray   *dismissals)
{
  add_records (builder, key, dismissals, dismissal_members, FALSE);
}

JsonObject *
tayori_json_parse_object (JsonParser *parser,
                          const char *text)
{
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}
