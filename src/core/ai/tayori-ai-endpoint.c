/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiEndpoint: one configured AI service, read from and written to "[ai-endpoint:NAME]"
 * keyfile groups; the checks before use are in tayori-ai-endpoint-validate.c. */
#include <glib/gi18n.h>
#include <gio/gio.h>
#include "tayori-ai-endpoint-private.h"

#define GROUP_PREFIX            TAYORI_AI_ENDPOINT_GROUP_PREFIX
#define DEFAULT_CONNECT_TIMEOUT 10
#define DEFAULT_TIMEOUT         120
#define DEFAULT_MAX_RETRIES     3
#define MAX_CONNECT_TIMEOUT     300
#define MAX_TIMEOUT             3600
#define MAX_RETRIES             10

struct _TayoriAiEndpoint
{
  GObject parent_instance;

  char     *name;
  char     *label;
  char     *kind;
  char     *base_url;
  char     *host;
  char     *model;
  char     *image_model;
  guint     connect_timeout;
  guint     timeout;
  guint     max_retries;
  GStrv     headers;
  char     *azure_deployment;
  char     *azure_api_version;
  char     *auth;
  gboolean  from_preset;
};

G_DEFINE_FINAL_TYPE (TayoriAiEndpoint, tayori_ai_endpoint, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_LABEL,
  PROP_BASE_URL,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
default_auth (const char *kind,
              const char *azure_deployment)
{
  if (g_strcmp0 (kind, "anthropic") == 0)
    return "x-api-key";
  if (g_strcmp0 (kind, "sdwebui") == 0)
    return "none";
  return azure_deployment != NULL ? "api-key" : "bearer";
}

/* Without a trailing slash, so that paths like "/chat/completions" append cleanly. */
static char *
normalise_url (const char *url)
{
  char *copy = g_strstrip (g_strdup (url != NULL ? url : ""));
  gsize length = strlen (copy);

  while (length > 0 && copy[length - 1] == '/')
    copy[--length] = '\0';
  return copy;
}

static void
tayori_ai_endpoint_finalize (GObject *object)
{
  TayoriAiEndpoint *self = TAYORI_AI_ENDPOINT (object);

  g_free (self->name);
  g_free (self->label);
  g_free (self->kind);
  g_free (self->base_url);
  g_free (self->host);
  g_free (self->model);
  g_free (self->image_model);
  g_strfreev (self->headers);
  g_free (self->azure_deployment);
  g_free (self->azure_api_version);
  g_free (self->auth);

  G_OBJECT_CLASS (tayori_ai_endpoint_parent_class)->finalize (object);
}

static void
tayori_ai_endpoint_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TayoriAiEndpoint *self = TAYORI_AI_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_LABEL:
      g_value_set_string (value, tayori_ai_endpoint_get_label (self));
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_MODEL:
      g_value_set_string (value, self->model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_ai_endpoint_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TayoriAiEndpoint *self = TAYORI_AI_ENDPOINT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      g_free (self->auth);
      self->auth = g_strdup (default_auth (self->kind, NULL));
      break;
    case PROP_LABEL:
      tayori_ai_endpoint_set_label (self, g_value_get_string (value));
      break;
    case PROP_BASE_URL:
      tayori_ai_endpoint_set_base_url (self, g_value_get_string (value));
      break;
    case PROP_MODEL:
      tayori_ai_endpoint_set_model (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_ai_endpoint_class_init (TayoriAiEndpointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tayori_ai_endpoint_finalize;
  object_class->get_property = tayori_ai_endpoint_get_property;
  object_class->set_property = tayori_ai_endpoint_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODEL] =
    g_param_spec_string ("model", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_ai_endpoint_init (TayoriAiEndpoint *self)
{
  self->connect_timeout = DEFAULT_CONNECT_TIMEOUT;
  self->timeout = DEFAULT_TIMEOUT;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->headers = g_new0 (char *, 1);
}

TayoriAiEndpoint *
tayori_ai_endpoint_new (const char *name,
                        const char *type,
                        const char *base_url,
                        const char *model)
{
  g_return_val_if_fail (name != NULL && type != NULL, NULL);

  return g_object_new (TAYORI_TYPE_AI_ENDPOINT,
                       "name", name,
                       "kind", type,
                       "base-url", base_url,
                       "model", model,
                       NULL);
}

static char *
read_optional (GKeyFile   *keyfile,
               const char *group,
               const char *key)
{
  g_autofree char *value = g_key_file_get_string (keyfile, group, key, NULL);

  if (value == NULL || g_strstrip (value)[0] == '\0')
    return NULL;
  return g_steal_pointer (&value);
}

static gboolean
read_uint (GKeyFile    *keyfile,
           const char  *group,
           const char  *key,
           guint        max,
           guint       *out,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  int value;

  if (!g_key_file_has_key (keyfile, group, key, NULL))
    return TRUE;
  value = g_key_file_get_integer (keyfile, group, key, &local_error);
  if (local_error != NULL || value < 0 || (guint) value > max)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   _("%s of the AI endpoint “%s” must be a whole number from 0 to %u"),
                   key, group + strlen (GROUP_PREFIX), max);
      return FALSE;
    }
  *out = (guint) value;
  return TRUE;
}

static GStrv
read_headers (GKeyFile   *keyfile,
              const char *group)
{
  g_auto(GStrv) items = g_key_file_get_string_list (keyfile, group, "headers", NULL, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (g_strstrip (items[i])[0] != '\0')
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

TayoriAiEndpoint *
tayori_ai_endpoint_new_from_keyfile (GKeyFile    *keyfile,
                                     const char  *group,
                                     GError     **error)
{
  g_autoptr(TayoriAiEndpoint) self = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *auth = NULL;

  g_return_val_if_fail (keyfile != NULL, NULL);
  g_return_val_if_fail (group != NULL, NULL);

  if (!g_str_has_prefix (group, GROUP_PREFIX) || !g_key_file_has_group (keyfile, group))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("There is no AI endpoint group “%s”"), group);
      return NULL;
    }

  kind = read_optional (keyfile, group, "type");
  base_url = read_optional (keyfile, group, "base-url");
  self = g_object_new (TAYORI_TYPE_AI_ENDPOINT,
                       "name", group + strlen (GROUP_PREFIX),
                       "kind", kind,
                       "base-url", base_url,
                       NULL);
  self->label = read_optional (keyfile, group, "label");
  self->model = read_optional (keyfile, group, "model");
  self->image_model = read_optional (keyfile, group, "image-model");
  self->azure_deployment = read_optional (keyfile, group, "azure-deployment");
  self->azure_api_version = read_optional (keyfile, group, "azure-api-version");
  g_strfreev (self->headers);
  self->headers = read_headers (keyfile, group);
  auth = read_optional (keyfile, group, "auth");
  g_free (self->auth);
  self->auth = auth != NULL ? g_steal_pointer (&auth)
                            : g_strdup (default_auth (kind, self->azure_deployment));

  if (kind == NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND,
                   _("The AI endpoint “%s” has no type (openai, anthropic or sdwebui)"),
                   self->name);
      return NULL;
    }
  if (!read_uint (keyfile, group, "connect-timeout", MAX_CONNECT_TIMEOUT, &self->connect_timeout, error) ||
      !read_uint (keyfile, group, "timeout", MAX_TIMEOUT, &self->timeout, error) ||
      !read_uint (keyfile, group, "max-retries", MAX_RETRIES, &self->max_retries, error) ||
      !tayori_ai_endpoint_validate (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

static void
set_optional (GKeyFile   *keyfile,
              const char *group,
              const char *key,
              const char *value)
{
  if (value != NULL)
    g_key_file_set_string (keyfile, group, key, value);
}

void
tayori_ai_endpoint_to_keyfile (TayoriAiEndpoint *self,
                               GKeyFile         *keyfile)
{
  g_autofree char *group = NULL;

  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (self));
  g_return_if_fail (keyfile != NULL);

  group = g_strconcat (GROUP_PREFIX, self->name, NULL);
  g_key_file_remove_group (keyfile, group, NULL);
  g_key_file_set_string (keyfile, group, "type", self->kind);
  set_optional (keyfile, group, "label", self->label);
  set_optional (keyfile, group, "base-url", self->base_url);
  set_optional (keyfile, group, "model", self->model);
  set_optional (keyfile, group, "image-model", self->image_model);
  g_key_file_set_integer (keyfile, group, "connect-timeout", (int) self->connect_timeout);
  g_key_file_set_integer (keyfile, group, "timeout", (int) self->timeout);
  g_key_file_set_integer (keyfile, group, "max-retries", (int) self->max_retries);
  if (self->headers[0] != NULL)
    g_key_file_set_string_list (keyfile, group, "headers", (const char * const *) self->headers,
                                g_strv_length (self->headers));
  set_optional (keyfile, group, "azure-deployment", self->azure_deployment);
  set_optional (keyfile, group, "azure-api-version", self->azure_api_version);
  g_key_file_set_string (keyfile, group, "auth", self->auth);
}

const char *
tayori_ai_endpoint_get_name (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->name;
}

const char *
tayori_ai_endpoint_get_label (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->label != NULL ? self->label : self->name;
}

const char *
tayori_ai_endpoint_get_kind (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->kind;
}

const char *
tayori_ai_endpoint_get_base_url (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->base_url;
}

const char *
tayori_ai_endpoint_get_host (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->host;
}

const char *
tayori_ai_endpoint_get_model (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->model;
}

const char *
tayori_ai_endpoint_get_image_model (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->image_model;
}

guint
tayori_ai_endpoint_get_connect_timeout (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), 0);
  return self->connect_timeout;
}

guint
tayori_ai_endpoint_get_timeout (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), 0);
  return self->timeout;
}

guint
tayori_ai_endpoint_get_max_retries (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), 0);
  return self->max_retries;
}

const char * const *
tayori_ai_endpoint_get_headers (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return (const char * const *) self->headers;
}

const char *
tayori_ai_endpoint_get_azure_deployment (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->azure_deployment;
}

const char *
tayori_ai_endpoint_get_azure_api_version (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->azure_api_version;
}

const char *
tayori_ai_endpoint_get_auth (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), NULL);
  return self->auth;
}

gboolean
tayori_ai_endpoint_get_from_preset (TayoriAiEndpoint *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (self), FALSE);
  return self->from_preset;
}

void
tayori_ai_endpoint_set_from_preset (TayoriAiEndpoint *self,
                                    gboolean          from_preset)
{
  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (self));
  self->from_preset = from_preset;
}

void
tayori_ai_endpoint_set_base_url (TayoriAiEndpoint *self,
                                 const char       *base_url)
{
  g_autofree char *url = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (self));

  url = base_url != NULL ? normalise_url (base_url) : NULL;
  if (g_strcmp0 (url, self->base_url) == 0)
    return;
  g_free (self->base_url);
  self->base_url = g_steal_pointer (&url);
  uri = self->base_url != NULL ? g_uri_parse (self->base_url, G_URI_FLAGS_NONE, NULL) : NULL;
  g_free (self->host);
  self->host = uri != NULL ? g_strdup (g_uri_get_host (uri)) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BASE_URL]);
}

void
tayori_ai_endpoint_set_model (TayoriAiEndpoint *self,
                              const char       *model)
{
  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (self));

  if (g_strcmp0 (self->model, model) == 0)
    return;
  g_free (self->model);
  self->model = g_strdup (model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

void
tayori_ai_endpoint_set_label (TayoriAiEndpoint *self,
                              const char       *label)
{
  g_return_if_fail (TAYORI_IS_AI_ENDPOINT (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
