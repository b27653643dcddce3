/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriStore: the public face of the store. Each call copies what it is given, hands it to
 * the worker thread as a job, and waits for it (sync) or returns through a GTask (async). */
#include <glib/gi18n.h>
#include "tayori-store-private.h"

struct _TayoriStore {
  GObject            parent_instance;
  char              *path;
  int                schema_version;
  TayoriStoreWorker *worker;     /* NULL once closed */
};

G_DEFINE_FINAL_TYPE (TayoriStore, tayori_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (tayori-store-error-quark, tayori_store_error)
G_DEFINE_BOXED_TYPE (TayoriRevision, tayori_revision, tayori_revision_copy, tayori_revision_free)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

TayoriArticleFilter *
tayori_article_filter_new (void)
{
  TayoriArticleFilter *filter = g_new0 (TayoriArticleFilter, 1);

  filter->status = -1;
  return filter;
}

TayoriArticleFilter *
tayori_article_filter_copy (const TayoriArticleFilter *filter)
{
  TayoriArticleFilter *copy;

  if (filter == NULL)
    return tayori_article_filter_new ();
  copy = g_memdup2 (filter, sizeof *filter);
  copy->query = g_strdup (filter->query);
  copy->author = g_strdup (filter->author);
  copy->category = g_strdup (filter->category);
  copy->ward = g_strdup (filter->ward);
  return copy;
}

void
tayori_article_filter_free (TayoriArticleFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->query);
  g_free (filter->author);
  g_free (filter->category);
  g_free (filter->ward);
  g_free (filter);
}

TayoriRevision *
tayori_revision_copy (const TayoriRevision *revision)
{
  TayoriRevision *copy = g_memdup2 (revision, sizeof *revision);

  copy->saved = revision->saved != NULL ? g_date_time_ref (revision->saved) : NULL;
  copy->title = g_strdup (revision->title);
  return copy;
}

void
tayori_revision_free (TayoriRevision *revision)
{
  if (revision == NULL)
    return;
  g_clear_pointer (&revision->saved, g_date_time_unref);
  g_free (revision->title);
  g_free (revision);
}

static void
tayori_store_finalize (GObject *object)
{
  TayoriStore *self = TAYORI_STORE (object);

  tayori_store_close (self);
  g_free (self->path);

  G_OBJECT_CLASS (tayori_store_parent_class)->finalize (object);
}

static void
tayori_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TayoriStore *self = TAYORI_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TayoriStore *self = TAYORI_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tayori_store_class_init (TayoriStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tayori_store_finalize;
  object_class->get_property = tayori_store_get_property;
  object_class->set_property = tayori_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tayori_store_init (TayoriStore *self)
{
  self->worker = tayori_store_worker_start ();
}

static void
set_closed_error (GError **error)
{
  g_set_error_literal (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED,
                       _("The article store is closed"));
}

gboolean
tayori_store_run_sync (TayoriStore         *self,
                       TayoriStoreJobFunc   func,
                       gpointer             data,
                       GDestroyNotify       data_free,
                       TayoriStoreResult   *out_result,
                       GError             **error)
{
  if (self->worker == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      set_closed_error (error);
      return FALSE;
    }
  return tayori_store_worker_run_sync (self->worker, func, data, data_free, out_result, error);
}

void
tayori_store_run_task (TayoriStore        *self,
           GTask              *task,
           TayoriStoreJobFunc  func,
           gpointer            data,
           GDestroyNotify      data_free)
{
  GError *error = NULL;

  if (self->worker == NULL)
    {
      if (data_free != NULL)
        data_free (data);
      set_closed_error (&error);
      g_task_return_error (task, error);
      return;
    }
  tayori_store_worker_push_task (self->worker, task, func, data, data_free);
}

void
tayori_store_run_async (TayoriStore         *self,
                        TayoriStoreJobFunc   func,
                        gpointer             data,
                        GDestroyNotify       data_free,
                        gpointer             source_tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  tayori_store_run_task (self, task, func, data, data_free);
}

TayoriStoreResult *
tayori_store_run_finish (TayoriStore   *self,
                         GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Opening */

static gboolean
open_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  if (!tayori_store_db_open (db, data, error))
    return FALSE;
  result->number = db->schema_version;
  return TRUE;
}

TayoriStore *
tayori_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(TayoriStore) self = NULL;
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (TAYORI_TYPE_STORE, "path", path, NULL);
  if (!tayori_store_run_sync (self, open_job, g_strdup (path), g_free, &result, error))
    return NULL;
  self->schema_version = (int) result.number;
  return g_steal_pointer (&self);
}

void
tayori_store_open_async (const char          *path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(TayoriStore) self = NULL;

  g_return_if_fail (path != NULL);

  self = g_object_new (TAYORI_TYPE_STORE, "path", path, NULL);
  tayori_store_run_async (self, open_job, g_strdup (path), g_free, tayori_store_open_async,
                          cancellable, callback, user_data);
}

TayoriStore *
tayori_store_open_finish (GAsyncResult  *result,
                          GError       **error)
{
  TayoriStore *self = g_task_get_source_object (G_TASK (result));
  g_autoptr(TayoriStoreResult) outcome = NULL;

  outcome = tayori_store_run_finish (self, result, tayori_store_open_async, error);
  if (outcome == NULL)
    return NULL;
  self->schema_version = (int) outcome->number;
  return g_object_ref (self);
}

const char *
tayori_store_get_path (TayoriStore *self)
{
  g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);
  return self->path;
}

int
tayori_store_get_schema_version (TayoriStore *self)
{
  g_return_val_if_fail (TAYORI_IS_STORE (self), 0);
  return self->schema_version;
}

void
tayori_store_close (TayoriStore *self)
{
  g_return_if_fail (TAYORI_IS_STORE (self));

  if (self->worker != NULL)
    tayori_store_worker_stop (g_steal_pointer (&self->worker));
}
