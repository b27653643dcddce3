/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article, listing and revision calls of TayoriStore: each one wraps a worker-side
 * operation (tayori-store-articles.c, tayori-store-query.c) as a job on copied input. */
#include "tayori-store-private.h"

/* Saving */

typedef struct {
  TayoriArticle  *article;   /* the worker's copy */
  TayoriSaveKind  kind;
} SaveJob;

static SaveJob *
save_job_new (TayoriArticle  *article,
              TayoriSaveKind  kind)
{
  SaveJob *job = g_new0 (SaveJob, 1);

  job->article = tayori_article_copy (article);
  job->kind = kind;
  return job;
}

static void
save_job_free (SaveJob *job)
{
  g_object_unref (job->article);
  g_free (job);
}

static gboolean
save_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  SaveJob *job = data;

  result->number = tayori_store_db_save (db, job->article, job->kind, error);
  if (result->number == 0)
    return FALSE;
  result->pointer = g_object_ref (job->article);
  result->pointer_free = g_object_unref;
  return TRUE;
}

/* A new article learns its id from the saved copy. */
static void
adopt_id (TayoriArticle *article,
          TayoriArticle *saved)
{
  if (tayori_article_get_id (article) == 0)
    tayori_article_set_id (article, tayori_article_get_id (saved));
}

gint64
tayori_store_save_article (TayoriStore     *self,
                           TayoriArticle   *article,
                           TayoriSaveKind   kind,
                           GError         **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), 0);
  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), 0);

  if (!tayori_store_run_sync (self, save_job, save_job_new (article, kind),
                              (GDestroyNotify) save_job_free, &result, error))
    return 0;
  adopt_id (article, result.pointer);
  g_object_unref (result.pointer);
  return result.number;
}

void
tayori_store_save_article_async (TayoriStore         *self,
                                 TayoriArticle       *article,
                                 TayoriSaveKind       kind,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (TAYORI_IS_STORE (self));
  g_return_if_fail (TAYORI_IS_ARTICLE (article));

  g_task_set_source_tag (task, tayori_store_save_article_async);
  g_task_set_task_data (task, g_object_ref (article), g_object_unref);
  tayori_store_run_task (self, task, save_job, save_job_new (article, kind),
                         (GDestroyNotify) save_job_free);
}

gint64
tayori_store_save_article_finish (TayoriStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = NULL;

  outcome = tayori_store_run_finish (self, result, tayori_store_save_article_async, error);
  if (outcome == NULL)
    return 0;
  adopt_id (g_task_get_task_data (G_TASK (result)), outcome->pointer);
  return outcome->number;
}

static gboolean
import_job (TayoriStoreDb      *db,
            gpointer            data,
            TayoriStoreResult  *result,
            GError            **error)
{
  if (!tayori_store_db_import (db, data, error))
    return FALSE;
  result->pointer = g_ptr_array_ref (data);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

gboolean
tayori_store_import_articles (TayoriStore  *self,
                              GPtrArray    *articles,
                              GError      **error)
{
  GPtrArray *copies = g_ptr_array_new_full (articles->len, g_object_unref);
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), FALSE);

  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (copies, tayori_article_copy (g_ptr_array_index (articles, i)));
  if (!tayori_store_run_sync (self, import_job, copies, (GDestroyNotify) g_ptr_array_unref,
                              &result, error))
    return FALSE;

  copies = result.pointer;
  for (guint i = 0; i < articles->len; i++)
    adopt_id (g_ptr_array_index (articles, i), g_ptr_array_index (copies, i));
  g_ptr_array_unref (copies);
  return TRUE;
}

/* Loading and deleting by id: one job for the four calls that take an id */

typedef enum {
  ID_LOAD_ARTICLE,
  ID_DELETE_ARTICLE,
  ID_LIST_REVISIONS,
  ID_LOAD_REVISION,
} IdOperation;

typedef struct {
  IdOperation operation;
  gint64      id;
} IdJob;

static IdJob *
id_job_new (IdOperation operation,
            gint64      id)
{
  IdJob *job = g_new (IdJob, 1);

  job->operation = operation;
  job->id = id;
  return job;
}

static gboolean
id_job (TayoriStoreDb      *db,
        gpointer            data,
        TayoriStoreResult  *result,
        GError            **error)
{
  const IdJob *job = data;

  switch (job->operation)
    {
    case ID_LOAD_ARTICLE:
      result->pointer = tayori_store_db_load (db, job->id, error);
      result->pointer_free = g_object_unref;
      break;
    case ID_DELETE_ARTICLE:
      return tayori_store_db_delete (db, job->id, error);
    case ID_LIST_REVISIONS:
      result->pointer = tayori_store_db_list_revisions (db, job->id, error);
      result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
      break;
    case ID_LOAD_REVISION:
      result->pointer = tayori_store_db_load_revision (db, job->id, error);
      result->pointer_free = g_object_unref;
      break;
    default:
      g_assert_not_reached ();
    }
  return result->pointer != NULL;
}

/* Runs an id job and hands over its pointer result (NULL on error or for a delete). */
static gpointer
run_id_job (TayoriStore  *self,
            IdOperation   operation,
            gint64        id,
            gboolean     *out_ok,
            GError      **error)
{
  TayoriStoreResult result = { 0 };
  gboolean ok;

  ok = tayori_store_run_sync (self, id_job, id_job_new (operation, id), g_free, &result, error);
  if (out_ok != NULL)
    *out_ok = ok;
  return ok ? result.pointer : NULL;
}

/* @source_tag is the public _async function, which _finish checks the result against */
static void
run_id_job_async (TayoriStore         *self,
                  IdOperation          operation,
                  gint64               id,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  tayori_store_run_async (self, id_job, id_job_new (operation, id), g_free, source_tag,
                          cancellable, callback, user_data);
}

static gpointer
finish_id_job (TayoriStore   *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               gboolean      *out_ok,
               GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = tayori_store_run_finish (self, result, source_tag, error);

  if (out_ok != NULL)
    *out_ok = outcome != NULL;
  return outcome != NULL ? g_steal_pointer (&outcome->pointer) : NULL;
}

/* The sync, async and finish calls of an id job that hands back a pointer */
#define POINTER_ID_CALLS(name, Type, operation)                                        \
  Type *                                                                               \
  tayori_store_##name (TayoriStore  *self,                                             \
                       gint64        id,                                               \
                       GError      **error)                                            \
  {                                                                                    \
    g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);                               \
    return run_id_job (self, operation, id, NULL, error);                              \
  }                                                                                    \
                                                                                       \
  void                                                                                 \
  tayori_store_##name##_async (TayoriStore         *self,                              \
                               gint64               id,                                \
                               GCancellable        *cancellable,                       \
                               GAsyncReadyCallback  callback,                          \
                               gpointer             user_data)                         \
  {                                                                                    \
    g_return_if_fail (TAYORI_IS_STORE (self));                                         \
    run_id_job_async (self, operation, id, tayori_store_##name##_async,                \
                      cancellable, callback, user_data);                               \
  }                                                                                    \
                                                                                       \
  Type *                                                                               \
  tayori_store_##name##_finish (TayoriStore   *self,                                   \
                                GAsyncResult  *result,                                 \
                                GError       **error)                                  \
  {                                                                                    \
    return finish_id_job (self, result, tayori_store_##name##_async, NULL, error);     \
  }

POINTER_ID_CALLS (load_article, TayoriArticle, ID_LOAD_ARTICLE)
POINTER_ID_CALLS (list_revisions, GPtrArray, ID_LIST_REVISIONS)
POINTER_ID_CALLS (load_revision, TayoriArticle, ID_LOAD_REVISION)

gboolean
tayori_store_delete_article (TayoriStore  *self,
                             gint64        id,
                             GError      **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (TAYORI_IS_STORE (self), FALSE);
  run_id_job (self, ID_DELETE_ARTICLE, id, &ok, error);
  return ok;
}

void
tayori_store_delete_article_async (TayoriStore         *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  run_id_job_async (self, ID_DELETE_ARTICLE, id, tayori_store_delete_article_async,
                    cancellable, callback, user_data);
}

gboolean
tayori_store_delete_article_finish (TayoriStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  gboolean ok = FALSE;

  finish_id_job (self, result, tayori_store_delete_article_async, &ok, error);
  return ok;
}

static gboolean
check_search_index_job (TayoriStoreDb      *db,
                        gpointer            data,
                        TayoriStoreResult  *result,
                        GError            **error)
{
  return tayori_store_db_check_search_index (db, error);
}

gboolean
tayori_store_check_search_index (TayoriStore  *self,
                                 GError      **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), FALSE);
  return tayori_store_run_sync (self, check_search_index_job, NULL, NULL, &result, error);
}

/* Listing */

typedef struct {
  TayoriArticleFilter *filter;
  guint                offset;
  guint                limit;
  gboolean             with_count;
} ListJob;

static ListJob *
list_job_new (const TayoriArticleFilter *filter,
              guint                      offset,
              guint                      limit,
              gboolean                   with_count)
{
  ListJob *job = g_new0 (ListJob, 1);

  job->filter = tayori_article_filter_copy (filter);
  job->offset = offset;
  job->limit = limit;
  job->with_count = with_count;
  return job;
}

static void
list_job_free (ListJob *job)
{
  tayori_article_filter_free (job->filter);
  g_free (job);
}

static gboolean
count_job (TayoriStoreDb      *db,
           gpointer            data,
           TayoriStoreResult  *result,
           GError            **error)
{
  ListJob *job = data;
  guint count = 0;

  if (!tayori_store_db_count (db, job->filter, &count, error))
    return FALSE;
  result->number = count;
  return TRUE;
}

static gboolean
list_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  ListJob *job = data;

  if (job->with_count && !count_job (db, data, result, error))
    return FALSE;
  result->pointer = tayori_store_db_list (db, job->filter, job->offset, job->limit, error);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return result->pointer != NULL;
}

guint
tayori_store_count_articles (TayoriStore                *self,
                             const TayoriArticleFilter  *filter,
                             GError                    **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), 0);
  if (!tayori_store_run_sync (self, count_job, list_job_new (filter, 0, 0, TRUE),
                              (GDestroyNotify) list_job_free, &result, error))
    return 0;
  return (guint) result.number;
}

GPtrArray *
tayori_store_list_articles (TayoriStore                *self,
                            const TayoriArticleFilter  *filter,
                            guint                       offset,
                            guint                       limit,
                            GError                    **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);
  if (!tayori_store_run_sync (self, list_job, list_job_new (filter, offset, limit, FALSE),
                              (GDestroyNotify) list_job_free, &result, error))
    return NULL;
  return result.pointer;
}

static void
list_async (TayoriStore                *self,
            const TayoriArticleFilter  *filter,
            guint                       offset,
            guint                       limit,
            gboolean                    with_count,
            GCancellable               *cancellable,
            GAsyncReadyCallback         callback,
            gpointer                    user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, list_job, list_job_new (filter, offset, limit, with_count),
                          (GDestroyNotify) list_job_free, tayori_store_list_articles_async,
                          cancellable, callback, user_data);
}

void
tayori_store_list_articles_async (TayoriStore                *self,
                                  const TayoriArticleFilter  *filter,
                                  guint                       offset,
                                  guint                       limit,
                                  GCancellable               *cancellable,
                                  GAsyncReadyCallback         callback,
                                  gpointer                    user_data)
{
  list_async (self, filter, offset, limit, TRUE, cancellable, callback, user_data);
}

void
tayori_store_list_page_async (TayoriStore                *self,
                              const TayoriArticleFilter  *filter,
                              guint                       offset,
                              guint                       limit,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  list_async (self, filter, offset, limit, FALSE, cancellable, callback, user_data);
}

GPtrArray *
tayori_store_list_articles_finish (TayoriStore   *self,
                                   GAsyncResult  *result,
                                   guint         *out_total,
                                   GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = NULL;

  outcome = tayori_store_run_finish (self, result, tayori_store_list_articles_async, error);
  if (outcome == NULL)
    return NULL;
  if (out_total != NULL)
    *out_total = (guint) outcome->number;
  return g_steal_pointer (&outcome->pointer);
}
