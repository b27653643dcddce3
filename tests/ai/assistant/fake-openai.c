/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake OpenAI-compatible service of the assistant tests (see fake-openai.h). */

#include <string.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include "fake-openai.h"
#include "soup-thread-server.h"

/* The generated image: a JPEG smaller than the thumbnail and of another aspect, so the
 * assistant has to convert, scale and crop it. */
#define IMAGE_WIDTH  600
#define IMAGE_HEIGHT 400

struct _FakeOpenai
{
  SoupThreadServer *http;
  char             *base_url;

  GMutex            lock;
  char             *answer;
  gboolean          failing;
  guint             count;
  char             *last_body;
};

static void
respond_json (SoupServerMessage *message,
              guint              status,
              JsonNode          *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static JsonNode *
chat_answer (const char *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "chatcmpl-fake");
  json_builder_set_member_name (builder, "object");
  json_builder_add_string_value (builder, "chat.completion");
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, 1700000000);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, "fake-model-1");
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "finish_reason");
  json_builder_add_string_value (builder, "stop");
  json_builder_set_member_name (builder, "message");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, "assistant");
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
stream_event (const char *delta,
              gboolean    last)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, "chatcmpl-fake");
  json_builder_set_member_name (builder, "object");
  json_builder_add_string_value (builder, "chat.completion.chunk");
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, "fake-model-1");
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "index");
  json_builder_add_int_value (builder, 0);
  json_builder_set_member_name (builder, "delta");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, delta);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "finish_reason");
  if (last)
    json_builder_add_string_value (builder, "stop");
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  return g_strdup_printf ("data: %s\n\n", json);
}

/* The content in three pieces of whole characters, then [DONE]. */
static void
respond_stream (SoupServerMessage *message,
                const char        *content)
{
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  glong length = g_utf8_strlen (content, -1);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "text/event-stream", NULL);
  for (glong i = 0; i < 3; i++)
    {
      g_autofree char *piece = g_utf8_substring (content, length * i / 3, length * (i + 1) / 3);
      g_autofree char *event = stream_event (piece, i == 2);

      soup_message_body_append (body, SOUP_MEMORY_COPY, event, strlen (event));
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "data: [DONE]\n\n", 14);
}

static JsonNode *
image_answer (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8,
                                                IMAGE_WIDTH, IMAGE_HEIGHT);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *jpeg = NULL;
  g_autofree char *base64 = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", NULL, NULL))
    g_error ("The fake image cannot be encoded");
  base64 = g_base64_encode ((const guchar *) jpeg, size);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, 1700000000);
  json_builder_set_member_name (builder, "data");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "b64_json");
  json_builder_add_string_value (builder, base64);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static gboolean
asks_for_stream (const char *body)
{
  g_autoptr(JsonNode) root = json_from_string (body, NULL);

  return root != NULL && JSON_NODE_HOLDS_OBJECT (root)
         && json_object_get_boolean_member_with_default (json_node_get_object (root), "stream",
                                                         FALSE);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  FakeOpenai *self = user_data;
  g_autofree char *body = soup_thread_server_request_text (message);
  g_autofree char *answer = NULL;
  g_autoptr(JsonNode) node = NULL;
  gboolean failing;

  g_mutex_lock (&self->lock);
  self->count++;
  g_free (self->last_body);
  self->last_body = g_strdup (body);
  answer = g_strdup (self->answer != NULL ? self->answer : "");
  failing = self->failing;
  g_mutex_unlock (&self->lock);

  if (failing)
    {
      node = json_from_string ("{\"error\":{\"message\":\"the fake is down\","
                               "\"type\":\"server_error\"}}", NULL);
      respond_json (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, node);
    }
  else if (g_str_equal (path, "/v1/chat/completions") && asks_for_stream (body))
    respond_stream (message, answer);
  else if (g_str_equal (path, "/v1/chat/completions"))
    {
      node = chat_answer (answer);
      respond_json (message, SOUP_STATUS_OK, node);
    }
  else if (g_str_equal (path, "/v1/images/generations"))
    {
      node = image_answer ();
      respond_json (message, SOUP_STATUS_OK, node);
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

FakeOpenai *
fake_openai_new (void)
{
  FakeOpenai *self = g_new0 (FakeOpenai, 1);

  g_mutex_init (&self->lock);
  self->http = soup_thread_server_new ("fake-openai", NULL, handle, self);
  self->base_url = g_strconcat (soup_thread_server_get_url (self->http), "/v1", NULL);
  return self;
}

void
fake_openai_free (FakeOpenai *self)
{
  soup_thread_server_free (self->http);
  g_mutex_clear (&self->lock);
  g_free (self->base_url);
  g_free (self->answer);
  g_free (self->last_body);
  g_free (self);
}

const char *
fake_openai_base_url (FakeOpenai *self)
{
  return self->base_url;
}

void
fake_openai_set_answer (FakeOpenai *self,
                        const char *content)
{
  g_mutex_lock (&self->lock);
  g_free (self->answer);
  self->answer = g_strdup (content);
  g_mutex_unlock (&self->lock);
}

void
fake_openai_set_failing (FakeOpenai *self,
                         gboolean    failing)
{
  g_mutex_lock (&self->lock);
  self->failing = failing;
  g_mutex_unlock (&self->lock);
}

guint
fake_openai_count (FakeOpenai *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->count;
  g_mutex_unlock (&self->lock);
  return count;
}

char *
fake_openai_last_body (FakeOpenai *self)
{
  char *body;

  g_mutex_lock (&self->lock);
  body = g_strdup (self->last_body);
  g_mutex_unlock (&self->lock);
  return body;
}
