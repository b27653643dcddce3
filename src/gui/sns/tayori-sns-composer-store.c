/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The composer's versions in memory and in the store: found or made by target ("base", "x",
 * …), saved a moment after the last change on a worker thread (tayori_sns_versions_save
 * blocks on the store's worker), a removed one saved as "inherit again". */
#define G_LOG_DOMAIN "tayori-sns"

#include <glib/gi18n.h>

#include "tayori-sns-composer-private.h"

#define SAVE_DELAY_MS 400

/* Versions in memory */

static TayoriSnsVersion *
version_new (const char *target,
             const char *text)
{
  TayoriSnsVersion *version = g_new0 (TayoriSnsVersion, 1);

  version->target = g_strdup (target);
  version->text = g_strdup (text);
  version->images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);
  return version;
}

TayoriSnsVersion *
_tayori_sns_composer_version_copy (const TayoriSnsVersion *version)
{
  TayoriSnsVersion *copy = version_new (version->target, version->text);

  for (guint i = 0; version->images != NULL && i < version->images->len; i++)
    {
      TayoriPostImage *image = g_ptr_array_index (version->images, i);

      g_ptr_array_add (copy->images, tayori_post_image_new (image->hash, image->alt));
    }
  return copy;
}

TayoriSnsVersion *
_tayori_sns_composer_find_version (TayoriSnsComposer *self,
              const char        *target)
{
  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      TayoriSnsVersion *version = g_ptr_array_index (self->versions, i);

      if (g_strcmp0 (version->target, target) == 0)
        return version;
    }
  return NULL;
}

TayoriSnsVersion *
_tayori_sns_composer_ensure_version (TayoriSnsComposer *self,
                const char        *target)
{
  TayoriSnsVersion *version = _tayori_sns_composer_find_version (self, target);

  if (version == NULL)
    {
      version = version_new (target, "");
      g_ptr_array_add (self->versions, version);
    }
  return version;
}

/* Saving, off the main thread */

typedef struct {
  TayoriStore *store;
  gint64       article_id;
  GPtrArray   *versions;   /* TayoriSnsVersion; text NULL = back to inheriting */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->store);
  g_ptr_array_unref (job->versions);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  for (guint i = 0; i < job->versions->len; i++)
    if (!tayori_sns_versions_save (job->store, job->article_id, g_ptr_array_index (job->versions, i), &error))
      {
        g_task_return_error (task, error);
        return;
      }
  g_task_return_boolean (task, TRUE);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    _tayori_sns_composer_toast (TAYORI_SNS_COMPOSER (object), error->message);
}

void
_tayori_sns_composer_save_now (TayoriSnsComposer *self)
{
  SaveJob *job;
  GHashTableIter iter;
  const char *target;
  g_autoptr(GTask) task = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (g_hash_table_size (self->dirty) == 0 || self->article == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->store = g_object_ref (tayori_sns_service_get_store (self->service));
  job->article_id = tayori_article_get_id (self->article);
  job->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_sns_version_free);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, (gpointer *) &target, NULL))
    {
      TayoriSnsVersion *version = _tayori_sns_composer_find_version (self, target);

      g_ptr_array_add (job->versions, version != NULL ? _tayori_sns_composer_version_copy (version) : version_new (target, NULL));
    }
  g_hash_table_remove_all (self->dirty);
  /* Not cancelled with the article: a switch must not lose the last edit */
  task = g_task_new (self, NULL, saved_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (task, save_thread);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  TayoriSnsComposer *self = user_data;

  self->save_id = 0;
  _tayori_sns_composer_save_now (self);
  return G_SOURCE_REMOVE;
}

void
_tayori_sns_composer_changed (TayoriSnsComposer *self,
         const char        *target)
{
  g_hash_table_add (self->dirty, g_strdup (target));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
  _tayori_sns_composer_schedule_preview (self);
  _tayori_sns_composer_update_send (self);
}

