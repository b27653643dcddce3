/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriPostQueue: the public face of one-click posting. Enqueueing passes the gate and
 * stores every job with its idempotency key before any attempt; waiting, listing and people's
 * decisions (retry, cancel, delete, metrics) live here; sending is tayori-post-scheduler.c's
 * and tayori-post-queue-run.c's. */
#include <glib/gi18n.h>

#include "tayori-audit-log.h"
#include "tayori-post-gate.h"
#include "tayori-posting-private.h"
#include "tayori-accounts.h"
#include "tayori-paths.h"

#define DEFAULT_BACKOFF_MS    5000
#define DEFAULT_MAX_ATTEMPTS  5
#define DEFAULT_GRACE_MINUTES 15

enum {
  JOB_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TayoriPostQueue, tayori_post_queue, G_TYPE_OBJECT)

/* Requests and images. */

TayoriPostRequest *
tayori_post_request_new (const char *account,
                         const char *text)
{
  TayoriPostRequest *request = g_new0 (TayoriPostRequest, 1);

  request->account = g_strdup (account);
  request->text = g_strdup (text);
  request->images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);
  return request;
}

void
tayori_post_request_free (TayoriPostRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->account);
  g_free (request->text);
  g_clear_pointer (&request->images, g_ptr_array_unref);
  g_clear_pointer (&request->scheduled_at, g_date_time_unref);
  g_free (request);
}

TayoriPostImage *
tayori_post_image_new (const char *hash,
                       const char *alt)
{
  TayoriPostImage *image = g_new0 (TayoriPostImage, 1);

  image->hash = g_strdup (hash);
  image->alt = g_strdup (alt);
  return image;
}

void
tayori_post_image_free (TayoriPostImage *image)
{
  if (image == NULL)
    return;
  g_free (image->hash);
  g_free (image->alt);
  g_free (image);
}

char *
tayori_post_images_to_json (GPtrArray *images)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      TayoriPostImage *image = g_ptr_array_index (images, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "hash");
      json_builder_add_string_value (builder, image->hash);
      json_builder_set_member_name (builder, "alt");
      json_builder_add_string_value (builder, image->alt != NULL ? image->alt : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

GPtrArray *
tayori_post_images_from_json (const char *json)
{
  GPtrArray *images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);
  g_autoptr(JsonNode) root = json != NULL ? json_from_string (json, NULL) : NULL;
  JsonArray *array;

  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return images;
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (object != NULL && json_object_has_member (object, "hash"))
        g_ptr_array_add (images,
                         tayori_post_image_new (json_object_get_string_member (object, "hash"),
                                                json_object_get_string_member_with_default (object, "alt", "")));
    }
  return images;
}

/* The object. */

static void
tayori_post_queue_dispose (GObject *object)
{
  TayoriPostQueue *self = TAYORI_POST_QUEUE (object);

  self->stopped = TRUE;
  tayori_post_scheduler_clear (self);
  g_clear_list (&self->waiters, g_object_unref);
  G_OBJECT_CLASS (tayori_post_queue_parent_class)->dispose (object);
}

static void
tayori_post_queue_finalize (GObject *object)
{
  TayoriPostQueue *self = TAYORI_POST_QUEUE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->preset);
  g_clear_object (&self->http);
  g_clear_pointer (&self->channels, g_hash_table_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->media_dir);
  G_OBJECT_CLASS (tayori_post_queue_parent_class)->finalize (object);
}

static void
tayori_post_queue_class_init (TayoriPostQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tayori_post_queue_dispose;
  object_class->finalize = tayori_post_queue_finalize;

  signals[JOB_CHANGED] = g_signal_new ("job-changed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, TAYORI_TYPE_POST_JOB);
}

static void
tayori_post_queue_init (TayoriPostQueue *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->backoff_ms = DEFAULT_BACKOFF_MS;
  self->max_attempts = DEFAULT_MAX_ATTEMPTS;
  self->grace_minutes = DEFAULT_GRACE_MINUTES;
  tayori_post_scheduler_init (self);
}

static guint
posting_setting (GKeyFile   *keyfile,
                 const char *key,
                 guint       fallback)
{
  g_autoptr(GError) error = NULL;
  gint value = g_key_file_get_integer (keyfile, "posting", key, &error);

  return error == NULL && value > 0 ? (guint) value : fallback;
}

TayoriPostQueue *
tayori_post_queue_new (TayoriStore  *store,
                       TayoriPreset *preset)
{
  TayoriPostQueue *self;
  g_autoptr(GKeyFile) settings = NULL;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  self = g_object_new (TAYORI_TYPE_POST_QUEUE, NULL);
  self->store = g_object_ref (store);
  self->preset = g_object_ref (preset);
  self->media_dir = tayori_paths_media_dir ();
  settings = tayori_preset_dup_groups (preset, "posting", "posting:");
  self->grace_minutes = posting_setting (settings, "grace-minutes", DEFAULT_GRACE_MINUTES);
  self->max_attempts = posting_setting (settings, "max-attempts", DEFAULT_MAX_ATTEMPTS);
  return self;
}

void
tayori_post_queue_set_channel (TayoriPostQueue *self,
                               const char      *account,
                               TayoriChannel   *channel)
{
  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (TAYORI_IS_CHANNEL (channel));
  g_mutex_lock (&self->mutex);
  g_hash_table_insert (self->channels, g_strdup (account), g_object_ref (channel));
  g_mutex_unlock (&self->mutex);
}

void
tayori_post_queue_set_backoff (TayoriPostQueue *self,
                               guint            base_ms)
{
  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  self->backoff_ms = base_ms;
}

TayoriChannel *
tayori_post_queue_get_channel (TayoriPostQueue  *self,
                               const char       *name,
                               GError          **error)
{
  g_autoptr(TayoriAccount) account = NULL;
  TayoriChannel *channel;

  g_mutex_lock (&self->mutex);
  channel = g_hash_table_lookup (self->channels, name);
  if (channel != NULL)
    g_object_ref (channel);
  g_mutex_unlock (&self->mutex);
  if (channel != NULL)
    return channel;

  account = tayori_accounts_find (self->preset, TAYORI_ACCOUNT_CHANNEL, name, error);
  if (account == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_UNKNOWN_ACCOUNT,
                     _("There is no SNS account “%s”."), name);
      return NULL;
    }
  g_mutex_lock (&self->mutex);
  if (self->http == NULL)
    self->http = tayori_http_client_new ();
  g_mutex_unlock (&self->mutex);
  channel = tayori_channel_new_for_account (account, self->http, error);
  if (channel != NULL)
    tayori_post_queue_set_channel (self, name, channel);
  return channel;
}

/* Enqueueing. */

/* Requests to a network that schedules natively go out at once with their time. */
static gboolean
fill_insert (TayoriPostQueue   *self,
             TayoriPostInsert  *insert,
             GError           **error)
{
  g_autoptr(GStrvBuilder) networks = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) due_now = g_strv_builder_new ();

  for (guint i = 0; i < insert->requests->len; i++)
    {
      TayoriPostRequest *request = g_ptr_array_index (insert->requests, i);
      g_autoptr(TayoriChannel) channel = tayori_post_queue_get_channel (self, request->account,
                                                                        error);

      if (channel == NULL)
        return FALSE;
      g_strv_builder_add (networks,
                          tayori_post_network_to_string (tayori_channel_get_network (channel)));
      g_strv_builder_add (due_now, (tayori_channel_get_flags (channel)
                                    & TAYORI_CHANNEL_CAN_SCHEDULE) != 0 ? "1" : "0");
    }
  insert->networks = g_strv_builder_end (networks);
  insert->due_now = g_strv_builder_end (due_now);
  return TRUE;
}

GArray *
tayori_post_queue_enqueue (TayoriPostQueue     *self,
                           gint64               article_id,
                           GPtrArray           *requests,
                           const char          *actor,
                           const char * const  *actor_roles,
                           GError             **error)
{
  g_autoptr(TayoriArticle) article = NULL;
  TayoriPostInsert insert = { 0 };
  GArray *ids = NULL;

  g_return_val_if_fail (TAYORI_IS_POST_QUEUE (self), NULL);
  g_return_val_if_fail (requests != NULL, NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  article = tayori_store_load_article (self->store, article_id, error);
  if (article == NULL
      || !tayori_post_gate_check (article, self->preset, requests, actor, actor_roles, error))
    return NULL;

  insert.article_id = article_id;
  insert.requests = requests;
  insert.actor = (char *) actor;
  if (fill_insert (self, &insert, error))
    {
      insert.link_url = tayori_post_article_url (self->store, article_id);
      ids = tayori_post_db_insert (self->store, &insert, error);
    }
  g_strfreev (insert.networks);
  g_strfreev (insert.due_now);
  g_free (insert.link_url);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    tayori_post_queue_job_changed (self, g_array_index (ids, gint64, i));
  tayori_post_scheduler_dispatch (self, FALSE);
  return ids;
}

GPtrArray *
tayori_post_queue_list_jobs (TayoriPostQueue  *self,
                             gint64            article_id,
                             GError          **error)
{
  g_return_val_if_fail (TAYORI_IS_POST_QUEUE (self), NULL);
  return tayori_post_db_list (self->store, article_id, error);
}

void
tayori_post_queue_start (TayoriPostQueue *self)
{
  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  self->stopped = FALSE;
  tayori_post_scheduler_dispatch (self, !self->recovered);
  self->recovered = TRUE;
}

void
tayori_post_queue_stop (TayoriPostQueue *self)
{
  g_return_if_fail (TAYORI_IS_POST_QUEUE (self));
  self->stopped = TRUE;
  tayori_post_scheduler_stop_timer (self);
}
