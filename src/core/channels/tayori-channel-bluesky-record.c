/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app.bsky.feed.post record Tayori creates: text with facets, Japanese as its language,
 * and either images with alt text (uploadBlob) or the article's external link card. */
#include <glib/gi18n.h>

#include "tayori-channel-bluesky-private.h"
#include "tayori-channel-match.h"

/* From the lexicons: app.bsky.feed.post, app.bsky.embed.images and app.bsky.embed.external. */
#define MAX_TEXT_BYTES   3000
#define MAX_IMAGES       4
#define MAX_IMAGE_BYTES  2000000
#define MAX_THUMB_BYTES  1000000

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT, message);
  return FALSE;
}

/* Refuses before anything is sent what the PDS would refuse. */
static gboolean
validate (const TayoriChannelPost  *post,
          GError                  **error)
{
  guint limit = tayori_post_default_limit (TAYORI_POST_NETWORK_BLUESKY);
  guint images = post->images != NULL ? post->images->len : 0;

  if (tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, post->text) > limit ||
      strlen (post->text) > MAX_TEXT_BYTES)
    return refuse (error, _("The post is longer than Bluesky allows (300 characters)."));
  if (images > MAX_IMAGES)
    return refuse (error, _("Bluesky takes at most four images per post."));
  for (guint i = 0; i < images; i++)
    {
      const TayoriChannelImage *image = g_ptr_array_index (post->images, i);

      if (tayori_channel_text_is_blank (image->alt))
        return refuse (error, _("Every image needs alt text."));
      if (g_bytes_get_size (image->data) > MAX_IMAGE_BYTES)
        return refuse (error, _("An image is larger than Bluesky allows (2 MB)."));
    }
  if (images == 0 && post->link_url != NULL && post->link_thumb != NULL &&
      g_bytes_get_size (post->link_thumb->data) > MAX_THUMB_BYTES)
    return refuse (error, _("The link card image is larger than Bluesky allows (1 MB)."));
  return TRUE;
}

/* uploadBlob; the blob reference to put in the record. */
static JsonNode *
upload_blob (TayoriChannelSession      *session,
             const TayoriChannelImage  *image,
             GCancellable              *cancellable,
             GError                   **error)
{
  g_autoptr(JsonObject) answer = NULL;
  JsonNode *blob;

  answer = tayori_bluesky_session_call (session, "POST", "com.atproto.repo.uploadBlob", NULL,
                                        image->data, image->mime_type, cancellable, error);
  if (answer == NULL)
    {
      /* A blob nobody references posts nothing. */
      tayori_channel_error_nothing_posted (error, FALSE);
      return NULL;
    }
  blob = json_object_get_member (answer, "blob");
  if (blob == NULL || !JSON_NODE_HOLDS_OBJECT (blob))
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER,
                           _("Bluesky did not return the uploaded image."));
      return NULL;
    }
  return json_node_copy (blob);
}

static gboolean
add_images (JsonBuilder              *builder,
            TayoriChannelSession     *session,
            const TayoriChannelPost  *post,
            GCancellable             *cancellable,
            GError                  **error)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.images");
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; i < post->images->len; i++)
    {
      const TayoriChannelImage *image = g_ptr_array_index (post->images, i);
      JsonNode *blob = upload_blob (session, image, cancellable, error);

      if (blob == NULL)
        return FALSE;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "image");
      json_builder_add_value (builder, blob);
      json_builder_set_member_name (builder, "alt");
      json_builder_add_string_value (builder, image->alt);
      if (image->width > 0 && image->height > 0)
        {
          json_builder_set_member_name (builder, "aspectRatio");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "width");
          json_builder_add_int_value (builder, image->width);
          json_builder_set_member_name (builder, "height");
          json_builder_add_int_value (builder, image->height);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_link_card (JsonBuilder              *builder,
               TayoriChannelSession     *session,
               const TayoriChannelPost  *post,
               GCancellable             *cancellable,
               GError                  **error)
{
  JsonNode *thumb = NULL;

  if (post->link_thumb != NULL)
    {
      thumb = upload_blob (session, post->link_thumb, cancellable, error);
      if (thumb == NULL)
        return FALSE;
    }
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, "app.bsky.embed.external");
  json_builder_set_member_name (builder, "external");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  json_builder_add_string_value (builder, post->link_url);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, post->link_title != NULL ? post->link_title : "");
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder,
                                 post->link_description != NULL ? post->link_description : "");
  if (thumb != NULL)
    {
      json_builder_set_member_name (builder, "thumb");
      json_builder_add_value (builder, thumb);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static char *
format_datetime (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

JsonNode *
tayori_bluesky_post_record (TayoriChannelSession     *session,
                            const TayoriChannelPost  *post,
                            GDateTime                *now,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created_at = format_datetime (now);
  JsonNode *facets;

  if (!validate (post, error))
    return NULL;
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "$type");
  json_builder_add_string_value (builder, TAYORI_BLUESKY_POST_COLLECTION);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, post->text);
  json_builder_set_member_name (builder, "createdAt");
  json_builder_add_string_value (builder, created_at);
  json_builder_set_member_name (builder, "langs");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "ja");
  json_builder_end_array (builder);
  facets = tayori_bluesky_facets (post->text);
  if (facets != NULL)
    {
      json_builder_set_member_name (builder, "facets");
      json_builder_add_value (builder, facets);
    }
  if (post->images != NULL && post->images->len > 0)
    {
      json_builder_set_member_name (builder, "embed");
      if (!add_images (builder, session, post, cancellable, error))
        return NULL;
    }
  else if (post->link_url != NULL)
    {
      json_builder_set_member_name (builder, "embed");
      if (!add_link_card (builder, session, post, cancellable, error))
        return NULL;
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
