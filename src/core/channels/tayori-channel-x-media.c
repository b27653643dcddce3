/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Images for X posts: the v2 media upload (multipart, media_category tweet_image) and the alt
 * text through the v2 media metadata endpoint. */
#include <glib/gi18n.h>

#include "tayori-channel-x-private.h"
#include "tayori-channel-match.h"

static gboolean
set_alt_text (TayoriChannelSession  *session,
              const char            *media_id,
              const char            *alt,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, media_id);
  json_builder_set_member_name (builder, "metadata");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "alt_text");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, alt);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  body = tayori_channel_http_json_body (root);

  answer = tayori_x_session_call (session, "POST", "/2/media/metadata", body,
                                  "application/json", cancellable, error);
  if (answer == NULL)
    tayori_channel_error_nothing_posted (error, FALSE);
  return answer != NULL;
}

char *
tayori_x_media_upload (TayoriChannelSession      *session,
                       const TayoriChannelImage  *image,
                       GCancellable              *cancellable,
                       GError                   **error)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new ("multipart/form-data");
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  const char *media_id;

  soup_multipart_append_form_string (multipart, "media_category", "tweet_image");
  soup_multipart_append_form_string (multipart, "media_type", image->mime_type);
  soup_multipart_append_form_file (multipart, "media", "image", image->mime_type, image->data);
  body = tayori_channel_http_multipart (multipart, &content_type);

  answer = tayori_x_session_call (session, "POST", "/2/media/upload", body, content_type,
                                  cancellable, error);
  if (answer == NULL)
    {
      tayori_channel_error_nothing_posted (error, FALSE);
      return NULL;
    }
  media_id = tayori_channel_json_string (tayori_channel_json_object (answer, "data"), "id");
  if (media_id == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER,
                           _("X did not return an id for the uploaded image."));
      return NULL;
    }
  if (!set_alt_text (session, media_id, image->alt, cancellable, error))
    return NULL;
  return g_strdup (media_id);
}
