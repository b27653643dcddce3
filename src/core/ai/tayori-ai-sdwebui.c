/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiSdwebui: the "sdwebui" provider, Stable Diffusion WebUI's (AUTOMATIC1111 and its
 * forks) POST /sdapi/v1/txt2img for on-premises images. The server answers with base64 images;
 * the first one must be a PNG. It does not write text. */
#include <glib/gi18n.h>
#include "tayori-ai-http.h"
#include "tayori-ai-provider-common.h"

/* Stable Diffusion works in latents of 1/8 the size and its U-Net halves them three more times:
 * sizes in multiples of 64 avoid edge artefacts. The caller crops the result to what it asked. */
#define SIZE_STEP     64
#define MAX_SIDE      2048
#define DEFAULT_SIDE  512
#define STEPS         25
#define CFG_SCALE     7.0

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

#define TAYORI_TYPE_AI_SDWEBUI (tayori_ai_sdwebui_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiSdwebui, tayori_ai_sdwebui, TAYORI, AI_SDWEBUI, GObject)

struct _TayoriAiSdwebui
{
  GObject           parent_instance;
  TayoriAiEndpoint *endpoint;
};

static void provider_iface_init (TayoriAiProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriAiSdwebui, tayori_ai_sdwebui, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_AI_PROVIDER, provider_iface_init))

typedef struct {
  TayoriAiEndpoint *endpoint;
  JsonNode         *body;
} ImageCall;

static void
image_call_free (ImageCall *call)
{
  g_clear_object (&call->endpoint);
  g_clear_pointer (&call->body, json_node_unref);
  g_free (call);
}

/* Both sides rounded up to SIZE_STEP, then scaled down together when one is over MAX_SIDE. */
static void
fit_size (guint  width,
          guint  height,
          guint *out_width,
          guint *out_height)
{
  guint64 w = width > 0 ? width : DEFAULT_SIDE;
  guint64 h = height > 0 ? height : DEFAULT_SIDE;
  guint64 longest = MAX (w, h);

  if (longest > MAX_SIDE)
    {
      w = MAX (w * MAX_SIDE / longest, 1);
      h = MAX (h * MAX_SIDE / longest, 1);
    }
  *out_width = (guint) MIN ((w + SIZE_STEP - 1) / SIZE_STEP * SIZE_STEP, MAX_SIDE);
  *out_height = (guint) MIN ((h + SIZE_STEP - 1) / SIZE_STEP * SIZE_STEP, MAX_SIDE);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static JsonNode *
build_body (TayoriAiEndpoint           *endpoint,
            const TayoriAiImageRequest *request)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *checkpoint = tayori_ai_endpoint_get_image_model (endpoint);
  guint width, height;

  if (checkpoint == NULL)
    checkpoint = tayori_ai_endpoint_get_model (endpoint);
  fit_size (request->width, request->height, &width, &height);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "prompt");
  json_builder_add_string_value (builder, request->prompt);
  json_builder_set_member_name (builder, "negative_prompt");
  json_builder_add_string_value (builder, request->negative_prompt != NULL
                                          ? request->negative_prompt : "");
  add_int (builder, "width", width);
  add_int (builder, "height", height);
  add_int (builder, "steps", STEPS);
  json_builder_set_member_name (builder, "cfg_scale");
  json_builder_add_double_value (builder, CFG_SCALE);
  add_int (builder, "batch_size", 1);
  add_int (builder, "n_iter", 1);
  add_int (builder, "seed", -1);
  /* Nothing of the request is kept on the server's disk. */
  json_builder_set_member_name (builder, "save_images");
  json_builder_add_boolean_value (builder, FALSE);
  json_builder_set_member_name (builder, "send_images");
  json_builder_add_boolean_value (builder, TRUE);
  if (checkpoint != NULL)
    {
      json_builder_set_member_name (builder, "override_settings");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "sd_model_checkpoint");
      json_builder_add_string_value (builder, checkpoint);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "override_settings_restore_afterwards");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
set_malformed (GError           **error,
               TayoriAiEndpoint  *endpoint,
               const char        *what)
{
  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
               _("The answer of the AI service “%s” cannot be used: %s"),
               tayori_ai_endpoint_get_label (endpoint), what);
}

/* The first image as PNG bytes. Some servers send a data: URL instead of bare base64. */
static GBytes *
read_image (TayoriAiEndpoint  *endpoint,
            JsonNode          *root,
            GError           **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *images = tayori_ai_json_array (object, "images");
  JsonNode *first = images != NULL && json_array_get_length (images) > 0
                    ? json_array_get_element (images, 0) : NULL;
  const char *encoded = first != NULL && JSON_NODE_HOLDS_VALUE (first) &&
                        json_node_get_value_type (first) == G_TYPE_STRING
                        ? json_node_get_string (first) : NULL;
  const char *comma;
  guchar *data;
  gsize length = 0;

  if (encoded == NULL)
    {
      set_malformed (error, endpoint, _("it contains no image"));
      return NULL;
    }
  if (g_str_has_prefix (encoded, "data:") && (comma = strchr (encoded, ',')) != NULL)
    encoded = comma + 1;
  data = g_base64_decode (encoded, &length);
  if (length < sizeof png_signature || memcmp (data, png_signature, sizeof png_signature) != 0)
    {
      g_free (data);
      set_malformed (error, endpoint, _("the image is not a PNG"));
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

static void
image_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ImageCall *call = task_data;
  g_autoptr(JsonNode) root = NULL;
  GError *error = NULL;
  GBytes *image = NULL;
  TayoriAiHttpCall http = {
    .method = "POST",
    .path = "/sdapi/v1/txt2img",
    .body = call->body,
  };

  root = tayori_ai_http_call (call->endpoint, &http, cancellable, &error);
  if (root != NULL)
    image = read_image (call->endpoint, root, &error);
  if (image == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, image, (GDestroyNotify) g_bytes_unref);
}

static void
tayori_ai_sdwebui_image_async (TayoriAiProvider           *provider,
                               const TayoriAiImageRequest *request,
                               GCancellable               *cancellable,
                               GAsyncReadyCallback         callback,
                               gpointer                    user_data)
{
  TayoriAiSdwebui *self = TAYORI_AI_SDWEBUI (provider);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  ImageCall *call = g_new0 (ImageCall, 1);

  g_task_set_source_tag (task, tayori_ai_sdwebui_image_async);
  call->endpoint = g_object_ref (self->endpoint);
  call->body = build_body (self->endpoint, request);
  g_task_set_task_data (task, call, (GDestroyNotify) image_call_free);
  g_task_run_in_thread (task, image_thread);
}

static GBytes *
tayori_ai_sdwebui_image_finish (TayoriAiProvider  *provider,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, provider), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
tayori_ai_sdwebui_supports_images (TayoriAiProvider *provider)
{
  return TRUE;
}

static void
provider_iface_init (TayoriAiProviderInterface *iface)
{
  /* chat_async stays NULL: tayori_ai_provider_chat_async () answers NOT_SUPPORTED. */
  iface->supports_images = tayori_ai_sdwebui_supports_images;
  iface->image_async = tayori_ai_sdwebui_image_async;
  iface->image_finish = tayori_ai_sdwebui_image_finish;
}

static void
tayori_ai_sdwebui_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TayoriAiSdwebui *self = TAYORI_AI_SDWEBUI (object);

  tayori_ai_provider_get_endpoint_property (object, self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_sdwebui_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TayoriAiSdwebui *self = TAYORI_AI_SDWEBUI (object);

  tayori_ai_provider_set_endpoint_property (object, &self->endpoint, prop_id, value, pspec);
}

static void
tayori_ai_sdwebui_dispose (GObject *object)
{
  TayoriAiSdwebui *self = TAYORI_AI_SDWEBUI (object);

  g_clear_object (&self->endpoint);
  G_OBJECT_CLASS (tayori_ai_sdwebui_parent_class)->dispose (object);
}

static void
tayori_ai_sdwebui_class_init (TayoriAiSdwebuiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tayori_ai_sdwebui_get_property;
  object_class->set_property = tayori_ai_sdwebui_set_property;
  object_class->dispose = tayori_ai_sdwebui_dispose;
  tayori_ai_provider_class_override_endpoint (object_class);
}

static void
tayori_ai_sdwebui_init (TayoriAiSdwebui *self)
{
}

TayoriAiProvider *
tayori_ai_sdwebui_new (TayoriAiEndpoint *endpoint)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), NULL);

  return g_object_new (TAYORI_TYPE_AI_SDWEBUI, "endpoint", endpoint, NULL);
}
