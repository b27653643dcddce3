/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LINE message bodies: the text with the account's footer, images by their public URL, the
 * Flex bubble card for the article, and the narrowcast recipient. */
#include <glib/gi18n.h>

#include "tayori-channel-line-private.h"

#define MAX_MESSAGES 5
#define MAX_ALT_TEXT 400

char *
tayori_channel_line_text_with_footer (const char *text,
                                      const char *footer)
{
  if (footer == NULL || footer[0] == '\0' || g_str_has_suffix (text, footer))
    return g_strdup (text);
  return g_strconcat (text, "\n", footer, NULL);
}

static JsonNode *
text_message (const char *text,
              const char *footer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *full = tayori_channel_line_text_with_footer (text, footer);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, full);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
image_message (const TayoriChannelImage *image)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "image");
  json_builder_set_member_name (builder, "originalContentUrl");
  json_builder_add_string_value (builder, image->url);
  json_builder_set_member_name (builder, "previewImageUrl");
  json_builder_add_string_value (builder, image->url);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
add_flex_text (JsonBuilder *builder,
               const char  *text,
               gboolean     heading)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_set_member_name (builder, "wrap");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, heading ? "weight" : "size");
  json_builder_add_string_value (builder, heading ? "bold" : "sm");
  if (!heading)
    {
      json_builder_set_member_name (builder, "maxLines");
      json_builder_add_int_value (builder, 4);
    }
  json_builder_end_object (builder);
}

static void
begin_box (JsonBuilder *builder,
           const char  *name)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "box");
  json_builder_set_member_name (builder, "layout");
  json_builder_add_string_value (builder, "vertical");
  json_builder_set_member_name (builder, "spacing");
  json_builder_add_string_value (builder, "sm");
  json_builder_set_member_name (builder, "contents");
  json_builder_begin_array (builder);
}

static void
end_box (JsonBuilder *builder)
{
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_hero (JsonBuilder              *builder,
          const TayoriChannelImage *thumb,
          const char               *link_url)
{
  json_builder_set_member_name (builder, "hero");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "image");
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, thumb->url);
  json_builder_set_member_name (builder, "size");
  json_builder_add_string_value (builder, "full");
  json_builder_set_member_name (builder, "aspectMode");
  json_builder_add_string_value (builder, "cover");
  json_builder_set_member_name (builder, "aspectRatio");
  json_builder_add_string_value (builder, "20:13");
  json_builder_set_member_name (builder, "action");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "uri");
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, link_url);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_button (JsonBuilder *builder,
            const char  *label,
            const char  *link_url)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "button");
  json_builder_set_member_name (builder, "style");
  json_builder_add_string_value (builder, "primary");
  json_builder_set_member_name (builder, "action");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "uri");
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, label);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, link_url);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* A bubble with the thumbnail as hero, the title and summary, and one button to the article. */
static JsonNode *
card_message (const TayoriChannelPost *post,
              const char              *button_label)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *title = post->link_title != NULL && post->link_title[0] != '\0'
                      ? post->link_title : post->text;
  g_autofree char *alt = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1),
                                                          MAX_ALT_TEXT));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "flex");
  json_builder_set_member_name (builder, "altText");
  json_builder_add_string_value (builder, alt);
  json_builder_set_member_name (builder, "contents");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "bubble");
  if (post->link_thumb != NULL && post->link_thumb->url != NULL)
    add_hero (builder, post->link_thumb, post->link_url);
  begin_box (builder, "body");
  add_flex_text (builder, title, TRUE);
  if (post->link_description != NULL && post->link_description[0] != '\0')
    add_flex_text (builder, post->link_description, FALSE);
  end_box (builder);
  begin_box (builder, "footer");
  add_button (builder, button_label, post->link_url);
  end_box (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tayori_line_build_messages (const TayoriChannelPost *post,
                            const char              *footer,
                            const char              *button_label)
{
  JsonArray *messages = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_array_add_element (messages, text_message (post->text, footer));
  if (post->card && post->link_url != NULL)
    json_array_add_element (messages, card_message (post, button_label));
  else
    for (guint i = 0; i < post->images->len && json_array_get_length (messages) < MAX_MESSAGES;
         i++)
      {
        const TayoriChannelImage *image = g_ptr_array_index (post->images, i);

        /* LINE fetches images itself: only those with a public address can go. */
        if (image->url != NULL)
          json_array_add_element (messages, image_message (image));
      }
  json_node_take_array (node, messages);
  return node;
}

static JsonNode *
audience_recipient (gint64 id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "audience");
  json_builder_set_member_name (builder, "audienceGroupId");
  json_builder_add_int_value (builder, id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Several audiences reach everyone in any of them (an article for parents and for elderly
 * people is for both groups), hence "or". */
JsonNode *
tayori_line_build_recipient (const char * const  *audience_groups,
                             GError             **error)
{
  g_autoptr(JsonArray) any = json_array_new ();
  JsonObject *operator;
  JsonNode *node;

  for (guint i = 0; audience_groups[i] != NULL; i++)
    {
      gint64 id;

      if (!g_ascii_string_to_signed (audience_groups[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                       _("“%s” is not a LINE audience group id."), audience_groups[i]);
          return NULL;
        }
      json_array_add_element (any, audience_recipient (id));
    }
  if (json_array_get_length (any) == 1)
    return json_node_copy (json_array_get_element (any, 0));

  operator = json_object_new ();
  json_object_set_string_member (operator, "type", "operator");
  json_object_set_array_member (operator, "or", g_steal_pointer (&any));
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, operator);
  return node;
}
