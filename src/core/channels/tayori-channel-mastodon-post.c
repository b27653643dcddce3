/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Posting to Mastodon: each image uploaded with its description and awaited until processed,
 * then one status with an Idempotency-Key, natively scheduled when asked. Nothing is visible
 * before the status itself, so failures up to then are always safe to retry. */
#include <glib/gi18n.h>

#include "tayori-channel-mastodon-private.h"

#define MIN_SCHEDULE_AHEAD (5 * G_TIME_SPAN_MINUTE)
#define MAX_MEDIA_WAIT     8000

static guint media_first_wait_ms = 500;
static guint media_max_total_ms = 60000;

void
tayori_channel_mastodon_set_media_timing (guint first_wait_ms,
                                          guint max_total_ms)
{
  media_first_wait_ms = MAX (first_wait_ms, 1u);
  media_max_total_ms = max_total_ms;
}

/* An unanswered upload leaves at most an unused attachment: never a visible post. */
static void
retry_instead_of_unknown (GError **error)
{
  if (error != NULL && g_error_matches (*error, TAYORI_CHANNEL_ERROR,
                                        TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME))
    {
      GError *retry = tayori_channel_error_new_retry_later (0, (*error)->message);

      g_clear_error (error);
      g_propagate_error (error, retry);
    }
}

/* Polls the attachment until it has a URL (200 instead of 206). */
static gboolean
wait_processed (const TayoriChannelApi  *api,
                const char               *id,
                GCancellable             *cancellable,
                GError                  **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/media/%s", id);
  g_autofree char *url = tayori_channel_http_url (api->base_url, path);
  TayoriChannelRequest request = { .method = "GET", .url = url, .token = api->token };
  guint wait_ms = media_first_wait_ms;
  guint waited_ms = 0;

  while (waited_ms < media_max_total_ms)
    {
      g_autoptr(TayoriHttpResponse) response = NULL;

      wait_ms = MIN (wait_ms, media_max_total_ms - waited_ms);
      if (!tayori_channel_http_sleep (wait_ms, cancellable, error))
        return FALSE;
      waited_ms += wait_ms;
      wait_ms = MIN (wait_ms * 2, MAX_MEDIA_WAIT);
      response = tayori_channel_http_send (api->client, &request, cancellable, error);
      if (response == NULL)
        return FALSE;
      if (response->status != 206)
        return TRUE;
    }
  g_propagate_error (error, tayori_channel_error_new_retry_later (
                       0, _("The instance is still processing the images.")));
  return FALSE;
}

static char *
upload_image (const TayoriChannelApi   *api,
              const TayoriChannelImage  *image,
              GCancellable              *cancellable,
              GError                   **error)
{
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autofree char *content_type = NULL;
  g_autofree char *url = tayori_channel_http_url (api->base_url, "/api/v2/media");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(JsonObject) media = NULL;
  TayoriChannelRequest request = { .method = "POST", .url = url, .token = api->token };
  const char *id;

  soup_multipart_append_form_file (multipart, "file",
                                   g_str_equal (image->mime_type, "image/jpeg") ? "image.jpg"
                                                                                : "image.png",
                                   image->mime_type, image->data);
  soup_multipart_append_form_string (multipart, "description", image->alt != NULL ? image->alt
                                                                                   : "");
  body = tayori_channel_http_multipart (multipart, &content_type);
  request.body = body;
  request.content_type = content_type;

  media = tayori_channel_http_send_json (api->client, &request, &response, cancellable, error);
  if (media == NULL)
    {
      retry_instead_of_unknown (error);
      return NULL;
    }
  id = tayori_channel_json_string (media, "id");
  if (id == NULL)
    {
      g_propagate_error (error, tayori_channel_error_new_retry_later (
                           0, _("The instance did not say which image it received.")));
      return NULL;
    }
  if (response->status == 202 && !wait_processed (api, id, cancellable, error))
    {
      retry_instead_of_unknown (error);
      return NULL;
    }
  return g_strdup (id);
}

static JsonNode *
status_body (const TayoriChannelPost *post,
             GPtrArray               *media_ids)
{
  JsonObject *status = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, status);
  json_object_set_string_member (status, "status", post->text);
  json_object_set_string_member (status, "language", "ja");
  json_object_set_string_member (status, "visibility", "public");
  if (media_ids->len > 0)
    {
      JsonArray *ids = json_array_new ();

      for (guint i = 0; i < media_ids->len; i++)
        json_array_add_string_element (ids, g_ptr_array_index (media_ids, i));
      json_object_set_array_member (status, "media_ids", ids);
    }
  if (post->scheduled_at != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      /* Mastodon refuses times less than 5 minutes ahead: those are "now". */
      if (g_date_time_difference (post->scheduled_at, now) >= MIN_SCHEDULE_AHEAD)
        {
          g_autoptr(GDateTime) utc = g_date_time_to_utc (post->scheduled_at);
          g_autofree char *when = g_date_time_format_iso8601 (utc);

          json_object_set_string_member (status, "scheduled_at", when);
        }
    }
  return node;
}

TayoriChannelReceipt *
tayori_mastodon_post (const TayoriChannelApi  *api,
                      const TayoriChannelPost  *post,
                      GCancellable             *cancellable,
                      GError                  **error)
{
  g_autoptr(GPtrArray) media_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *key_header = NULL;
  const char *headers[2] = { NULL, NULL };
  TayoriChannelReceipt *receipt;
  const char *id;

  g_return_val_if_fail (post->idempotency_key != NULL, NULL);

  for (guint i = 0; i < post->images->len; i++)
    {
      char *media_id = upload_image (api, g_ptr_array_index (post->images, i), cancellable,
                                     error);

      if (media_id == NULL)
        return NULL;
      g_ptr_array_add (media_ids, media_id);
    }

  body = status_body (post, media_ids);
  key_header = g_strdup_printf ("Idempotency-Key: %s", post->idempotency_key);
  headers[0] = key_header;
  status = tayori_channel_api_call (api, "POST", "/api/v1/statuses", body, headers, NULL,
                                    cancellable, error);
  if (status == NULL)
    return NULL;
  id = tayori_channel_json_string (status, "id");
  if (id == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
                   _("The instance accepted the post but did not say its id."));
      return NULL;
    }
  receipt = g_new0 (TayoriChannelReceipt, 1);
  receipt->remote_id = g_strdup (id);
  /* A scheduled status has no public address until it is published. */
  if (tayori_channel_json_object (status, "params") == NULL)
    receipt->remote_url = g_strdup (tayori_channel_json_string (status, "url") != NULL
                                    ? tayori_channel_json_string (status, "url")
                                    : tayori_channel_json_string (status, "uri"));
  return receipt;
}
