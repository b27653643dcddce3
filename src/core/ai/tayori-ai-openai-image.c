/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Images API half of the "openai" provider: POST images/generations with a size the model
 * accepts, the picture asked for as base64 and handed back as PNG bytes. */
#include <string.h>
#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include "tayori-ai-openai-private.h"

static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

typedef struct {
  TayoriAiEndpoint   *endpoint;
  TayoriAiOpenaiRoute route;
  JsonNode           *body;
} ImageCall;

static void
image_call_free (ImageCall *call)
{
  g_clear_object (&call->endpoint);
  tayori_ai_openai_route_clear (&call->route);
  g_clear_pointer (&call->body, json_node_unref);
  g_free (call);
}

gboolean
tayori_ai_openai_supports_images (TayoriAiEndpoint *endpoint)
{
  return tayori_ai_endpoint_get_image_model (endpoint) != NULL;
}

/* The GPT image models always answer in base64 and refuse response_format. */
static gboolean
is_gpt_image (const char *model)
{
  return g_str_has_prefix (model, "gpt-image");
}

/* DALL·E 2 draws only squares, DALL·E 3 has 1792×1024; the GPT image models (and the local
 * servers, which follow them) have 1536×1024. Pick the one closest in shape to the request. */
static const char *
image_size (const char *model,
            guint       width,
            guint       height)
{
  gboolean dalle3 = g_str_has_prefix (model, "dall-e-3");

  if (g_str_has_prefix (model, "dall-e-2") || width == height)
    return "1024x1024";
  if (width > height)
    return dalle3 ? "1792x1024" : "1536x1024";
  return dalle3 ? "1024x1792" : "1024x1536";
}

static JsonNode *
build_image_body (const char                 *model,
                  gboolean                    azure,
                  const TayoriAiImageRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  /* On Azure the deployment in the path names the model. */
  if (!azure)
    {
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, model);
    }
  json_builder_set_member_name (builder, "prompt");
  json_builder_add_string_value (builder, request->prompt);
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "size");
  json_builder_add_string_value (builder, image_size (model, request->width, request->height));
  if (!is_gpt_image (model))
    {
      json_builder_set_member_name (builder, "response_format");
      json_builder_add_string_value (builder, "b64_json");
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static const char *
first_b64_image (JsonNode *root)
{
  JsonNode *node;
  JsonArray *data;
  JsonObject *image;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  node = json_object_get_member (json_node_get_object (root), "data");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  data = json_node_get_array (node);
  if (json_array_get_length (data) == 0)
    return NULL;
  node = json_array_get_element (data, 0);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  image = json_node_get_object (node);
  node = json_object_get_member (image, "b64_json");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Some servers answer in JPEG or WebP whatever was asked; callers get PNG either way. */
static GBytes *
to_png (TayoriAiEndpoint  *endpoint,
        guchar            *data,
        gsize              length,
        GError           **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guchar *owned = data;
  g_autofree char *png = NULL;
  gsize png_length = 0;
  GdkPixbuf *pixbuf;
  gboolean read;

  if (length >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return g_bytes_new_take (g_steal_pointer (&owned), length);

  loader = gdk_pixbuf_loader_new ();
  read = gdk_pixbuf_loader_write (loader, data, length, NULL);
  /* Closed in any case: a loader must not be dropped open. */
  read = gdk_pixbuf_loader_close (loader, NULL) && read;
  pixbuf = read ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  if (pixbuf == NULL ||
      !gdk_pixbuf_save_to_buffer (pixbuf, &png, &png_length, "png", NULL, NULL))
    {
      tayori_ai_openai_set_malformed (error, endpoint, _("the image cannot be read"));
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&png), png_length);
}

static void
image_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ImageCall *call = task_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAiHttpCall http = tayori_ai_openai_route_post (&call->route, call->body);
  const char *b64;
  guchar *data;
  gsize length = 0;
  GBytes *png;

  root = tayori_ai_http_call (call->endpoint, &http, cancellable, &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  b64 = first_b64_image (root);
  if (b64 == NULL || b64[0] == '\0')
    {
      tayori_ai_openai_set_malformed (&error, call->endpoint, _("it contains no image data"));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  data = g_base64_decode (b64, &length);
  png = to_png (call->endpoint, data, length, &error);
  if (png == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, png, (GDestroyNotify) g_bytes_unref);
}

void
tayori_ai_openai_image_async (TayoriAiProvider           *self,
                              TayoriAiEndpoint           *endpoint,
                              const TayoriAiImageRequest *request,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  const char *model = tayori_ai_endpoint_get_image_model (endpoint);
  gboolean azure = tayori_ai_endpoint_get_azure_deployment (endpoint) != NULL;
  ImageCall *call = g_new0 (ImageCall, 1);

  g_task_set_source_tag (task, tayori_ai_openai_image_async);
  call->endpoint = g_object_ref (endpoint);
  /* Azure deploys the image model on its own, under the image model's name. */
  tayori_ai_openai_route_init (&call->route, endpoint, azure ? model : NULL,
                               "images/generations");
  call->body = build_image_body (model, azure, request);
  g_task_set_task_data (task, call, (GDestroyNotify) image_call_free);
  g_task_run_in_thread (task, image_thread);
}

GBytes *
tayori_ai_openai_image_finish (TayoriAiProvider  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
