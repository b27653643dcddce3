/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The article, listing and revision calls of TayoriStore: each one wraps a worker-side
 * operation (tayori-store-articles.c, tayori-store-query.c) as a job on copied input. */
#include "tayori-store-private.h"

static gint64 *
id_new (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

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

/* Loading and deleting by id */

static gboolean
load_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  result->pointer = tayori_store_db_load (db, *(gint64 *) data, error);
  result->pointer_free = g_object_unref;
  return result->pointer != NULL;
}

static gboolean
delete_job (TayoriStoreDb      *db,
            gpointer            data,
            TayoriStoreResult  *result,
            GError            **error)
{
  return tayori_store_db_delete (db, *(gint64 *) data, error);
}

static gboolean
list_revisions_job (TayoriStoreDb      *db,
                    gpointer            data,
                    TayoriStoreResult  *result,
                    GError            **error)
{
  result->pointer = tayori_store_db_list_revisions (db, *(gint64 *) data, error);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return result->pointer != NULL;
}

static gboolean
load_revision_job (TayoriStoreDb      *db,
                   gpointer            data,
                   TayoriStoreResult  *result,
                   GError            **error)
{
  result->pointer = tayori_store_db_load_revision (db, *(gint64 *) data, error);
  result->pointer_free = g_object_unref;
  return result->pointer != NULL;
}

/* Runs a job on an id and hands over its pointer result (NULL on error). */
static gpointer
run_id_job (TayoriStore         *self,
            TayoriStoreJobFunc   func,
            gint64               id,
            GError             **error)
{
  TayoriStoreResult result = { 0 };

  if (!tayori_store_run_sync (self, func, id_new (id), g_free, &result, error))
    return NULL;
  return result.pointer;
}

static gpointer
finish_pointer (TayoriStore   *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = tayori_store_run_finish (self, result, source_tag, error);

  return outcome != NULL ? g_steal_pointer (&outcome->pointer) : NULL;
}

TayoriArticle *
tayori_store_load_article (TayoriStore  *self,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);
  return run_id_job (self, load_job, id, error);
}

void
tayori_store_load_article_async (TayoriStore         *self,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, load_job, id_new (id), g_free, tayori_store_load_article_async,
                          cancellable, callback, user_data);
}

TayoriArticle *
tayori_store_load_article_finish (TayoriStore   *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, tayori_store_load_article_async, error);
}

gboolean
tayori_store_delete_article (TayoriStore  *self,
                             gint64        id,
                             GError      **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), FALSE);
  return tayori_store_run_sync (self, delete_job, id_new (id), g_free, &result, error);
}

void
tayori_store_delete_article_async (TayoriStore         *self,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, delete_job, id_new (id), g_free, tayori_store_delete_article_async,
                          cancellable, callback, user_data);
}

gboolean
tayori_store_delete_article_finish (TayoriStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = NULL;

  outcome = tayori_store_run_finish (self, result, tayori_store_delete_article_async, error);
  return outcome != NULL;
}

GPtrArray *
tayori_store_list_revisions (TayoriStore  *self,
                             gint64        article_id,
                             GError      **error)
{
  g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);
  return run_id_job (self, list_revisions_job, article_id, error);
}

void
tayori_store_list_revisions_async (TayoriStore         *self,
                                   gint64               article_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, list_revisions_job, id_new (article_id), g_free,
                          tayori_store_list_revisions_async, cancellable, callback, user_data);
}

GPtrArray *
tayori_store_list_revisions_finish (TayoriStore   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, tayori_store_list_revisions_async, error);
}

TayoriArticle *
tayori_store_load_revision (TayoriStore  *self,
                            gint64        revision_id,
                            GError      **error)
{
  g_return_val_if_fail (TAYORI_IS_STORE (self), NULL);
  return run_id_job (self, load_revision_job, revision_id, error);
}

void
tayori_store_load_revision_async (TayoriStore         *self,
                                  gint64               revision_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, load_revision_job, id_new (revision_id), g_free,
                          tayori_store_load_revision_async, cancellable, callback, user_data);
}

TayoriArticle *
tayori_store_load_revision_finish (TayoriStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, tayori_store_load_revision_async, error);
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
