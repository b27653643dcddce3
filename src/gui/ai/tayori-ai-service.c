/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriAiService: owns the assistant, its endpoints and the usage log; trains the built-in
 * classifier from the store once and relearns single articles as they are saved, both off the
 * main thread (MeCab tokenises every text). */
#define G_LOG_DOMAIN "tayori-ai"

#include "tayori-ai-service.h"
#include "tayori-ai-training.h"
#include "tayori-default-slot.h"

struct _TayoriAiService
{
  GObject            parent_instance;

  TayoriPreset      *preset;
  TayoriAiUsageLog  *log;
  GPtrArray         *endpoints;
  GHashTable        *user_names;   /* names of the endpoints from the user's file */
  TayoriAiAssistant *assistant;
  TayoriStore       *store;        /* the store the classifier was trained from */
  char              *routes[2];    /* the user's choice for text, for pictures */
  GCancellable      *cancellable;  /* training in flight */
  guint              trained : 1;
};

G_DEFINE_FINAL_TYPE (TayoriAiService, tayori_ai_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ASSISTANT,
  PROP_TRAINED,
  N_PROPS,
};

static GParamSpec *properties[N_PROPS];
static TayoriAiService *default_service;

static void
set_trained (TayoriAiService *self,
             gboolean         trained)
{
  if (self->trained == (guint) !!trained)
    return;
  self->trained = !!trained;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINED]);
}

/* Endpoints */

static void
load_endpoints (TayoriAiService *self)
{
  g_autoptr(GKeyFile) keyfile = tayori_preset_dup_ai_keyfile (self->preset);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->endpoints, g_ptr_array_unref);
  g_hash_table_remove_all (self->user_names);

  self->endpoints = tayori_ai_endpoints_load (self->preset, NULL, &error);
  if (self->endpoints == NULL)
    {
      g_warning ("AI services not loaded: %s", error->message);
      self->endpoints = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* An endpoint without a group in the preset came from the user's file */
  for (guint i = 0; i < self->endpoints->len; i++)
    {
      const char *name = tayori_ai_endpoint_get_name (g_ptr_array_index (self->endpoints, i));
      g_autofree char *group = g_strconcat ("ai-endpoint:", name, NULL);

      if (!g_key_file_has_group (keyfile, group))
        g_hash_table_add (self->user_names, g_strdup (name));
    }
}

/* Routes */

static char *
routes_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "tayori", "ai-routes.conf", NULL);
}

static void
load_routes (TayoriAiService *self)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = routes_path ();

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL))
    return;
  self->routes[0] = g_key_file_get_string (keyfile, "routes", "text", NULL);
  self->routes[1] = g_key_file_get_string (keyfile, "routes", "images", NULL);
}

static void
apply_routes (TayoriAiService *self)
{
  for (TayoriAiTask task = TAYORI_AI_TASK_CATEGORY; task <= TAYORI_AI_TASK_PROOFREAD; task++)
    tayori_ai_assistant_set_route (self->assistant, task, self->routes[task == TAYORI_AI_TASK_THUMBNAIL]);
}

static void
routes_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_warning ("Your choice of AI service could not be saved: %s", error->message);
}

const char *
tayori_ai_service_get_route (TayoriAiService *self,
                             gboolean         images)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), NULL);
  return self->routes[!!images];
}

void
tayori_ai_service_set_route (TayoriAiService *self,
                             gboolean         images,
                             const char      *name)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *path = routes_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  char *data;

  g_return_if_fail (TAYORI_IS_AI_SERVICE (self));

  if (g_strcmp0 (self->routes[!!images], name) == 0)
    return;
  g_free (self->routes[!!images]);
  self->routes[!!images] = g_strdup (name);
  apply_routes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANT]);

  if (self->routes[0] != NULL)
    g_key_file_set_string (keyfile, "routes", "text", self->routes[0]);
  if (self->routes[1] != NULL)
    g_key_file_set_string (keyfile, "routes", "images", self->routes[1]);
  data = g_key_file_to_data (keyfile, &length, NULL);
  bytes = g_bytes_new_take (data, length);
  g_mkdir_with_parents (dir, 0700);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, routes_saved_cb, NULL);
}

static void
make_assistant (TayoriAiService *self)
{
  g_clear_object (&self->assistant);
  self->assistant = tayori_ai_assistant_new (self->preset, self->endpoints, self->log);
  apply_routes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANT]);
}

/* Training */

static void
trained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TayoriAiService) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n;

  n = tayori_ai_training_run_finish (result, &error);
  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The category classifier could not learn from the store: %s", error->message);
      return;
    }
  g_debug ("The category classifier learnt %" G_GSSIZE_FORMAT " articles", n);
  set_trained (self, TRUE);
}

static void
start_training (TayoriAiService *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_trained (self, FALSE);
  if (self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  tayori_ai_training_run_async (tayori_ai_assistant_get_classifier (self->assistant), self->store,
                                self->cancellable, trained_cb, g_object_ref (self));
}

void
tayori_ai_service_train (TayoriAiService *self,
                         TayoriStore     *store)
{
  g_return_if_fail (TAYORI_IS_AI_SERVICE (self));
  g_return_if_fail (TAYORI_IS_STORE (store));

  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  start_training (self);
}

gboolean
tayori_ai_service_get_trained (TayoriAiService *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), FALSE);
  return self->trained;
}

typedef struct {
  TayoriClassifier *classifier;
  TayoriArticle *before;
  TayoriArticle *after;
} Relearn;

static void
relearn_free (Relearn *relearn)
{
  g_clear_object (&relearn->classifier);
  g_clear_object (&relearn->before);
  g_clear_object (&relearn->after);
  g_free (relearn);
}

static void
relearn_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Relearn *relearn = task_data;

  tayori_ai_training_update (relearn->classifier, relearn->before, relearn->after);
  g_task_return_boolean (task, TRUE);
}

void
tayori_ai_service_relearn (TayoriAiService *self,
                           TayoriArticle   *before,
                           TayoriArticle   *after)
{
  g_autoptr(GTask) task = NULL;
  Relearn *relearn;

  g_return_if_fail (TAYORI_IS_AI_SERVICE (self));
  g_return_if_fail (before == NULL || TAYORI_IS_ARTICLE (before));
  g_return_if_fail (TAYORI_IS_ARTICLE (after));

  /* Before the first training ends, the training itself reads what was saved */
  if (!self->trained)
    return;
  relearn = g_new0 (Relearn, 1);
  relearn->classifier = g_object_ref (tayori_ai_assistant_get_classifier (self->assistant));
  relearn->before = before != NULL ? g_object_ref (before) : NULL;
  relearn->after = g_object_ref (after);
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (task, tayori_ai_service_relearn);
  g_task_set_task_data (task, relearn, (GDestroyNotify) relearn_free);
  g_task_run_in_thread (task, relearn_thread);
}

/* Accessors */

TayoriAiService *
tayori_ai_service_get_default (void)
{
  return default_service;
}

void
tayori_ai_service_set_default (TayoriAiService *service)
{
  g_return_if_fail (service == NULL || TAYORI_IS_AI_SERVICE (service));

  tayori_default_slot_set ((gpointer *) &default_service, service);
}

TayoriPreset *
tayori_ai_service_get_preset (TayoriAiService *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), NULL);
  return self->preset;
}

TayoriAiAssistant *
tayori_ai_service_get_assistant (TayoriAiService *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), NULL);
  return self->assistant;
}

TayoriAiUsageLog *
tayori_ai_service_get_usage_log (TayoriAiService *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), NULL);
  return self->log;
}

GPtrArray *
tayori_ai_service_get_endpoints (TayoriAiService *self)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), NULL);
  return self->endpoints;
}

gboolean
tayori_ai_service_is_user_endpoint (TayoriAiService  *self,
                                    TayoriAiEndpoint *endpoint)
{
  g_return_val_if_fail (TAYORI_IS_AI_SERVICE (self), FALSE);
  g_return_val_if_fail (TAYORI_IS_AI_ENDPOINT (endpoint), FALSE);

  return g_hash_table_contains (self->user_names, tayori_ai_endpoint_get_name (endpoint));
}

void
tayori_ai_service_reload (TayoriAiService *self)
{
  g_return_if_fail (TAYORI_IS_AI_SERVICE (self));

  load_endpoints (self);
  make_assistant (self);
  start_training (self);
}

/* GObject */

TayoriAiService *
tayori_ai_service_new (TayoriPreset *preset,
                       const char   *log_path)
{
  TayoriAiService *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  self = g_object_new (TAYORI_TYPE_AI_SERVICE, NULL);
  self->preset = g_object_ref (preset);
  self->log = tayori_ai_usage_log_open (log_path, &error);
  if (self->log == NULL)
    g_warning ("The AI usage log could not be opened: %s", error->message);
  load_routes (self);
  load_endpoints (self);
  make_assistant (self);
  return self;
}

static void
tayori_ai_service_dispose (GObject *object)
{
  TayoriAiService *self = TAYORI_AI_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->assistant);
  g_clear_object (&self->store);
  g_clear_object (&self->log);
  g_clear_object (&self->preset);
  g_clear_pointer (&self->endpoints, g_ptr_array_unref);
  g_clear_pointer (&self->user_names, g_hash_table_unref);
  g_clear_pointer (&self->routes[0], g_free);
  g_clear_pointer (&self->routes[1], g_free);

  G_OBJECT_CLASS (tayori_ai_service_parent_class)->dispose (object);
}

static void
tayori_ai_service_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TayoriAiService *self = TAYORI_AI_SERVICE (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT: g_value_set_object (value, self->assistant); break;
    case PROP_TRAINED:   g_value_set_boolean (value, self->trained); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_ai_service_class_init (TayoriAiServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = tayori_ai_service_dispose;
  object_class->get_property = tayori_ai_service_get_property;

  properties[PROP_ASSISTANT] = g_param_spec_object ("assistant", NULL, NULL, TAYORI_TYPE_AI_ASSISTANT, flags);
  properties[PROP_TRAINED] = g_param_spec_boolean ("trained", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_ai_service_init (TayoriAiService *self)
{
  self->user_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
