/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Import of Markdown files on a worker thread: read and parse all, then one store
 * transaction. The first error (naming the file, and the line for bad YAML) stops it all. */
#define G_LOG_DOMAIN "tayori-import"

#include "tayori-front-matter.h"
#include "tayori-import.h"

typedef struct
{
  TayoriStore *store;
  GPtrArray   *files;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->files, g_ptr_array_unref);
  g_free (data);
}

static TayoriArticle *
tayori_import_read_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return tayori_front_matter_parse (contents, (gssize) length, name, error);
}

static void
tayori_import_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = NULL;
  GError *error = NULL;

  for (guint i = 0; i < data->files->len; i++)
    {
      TayoriArticle *article = tayori_import_read_file (g_ptr_array_index (data->files, i),
                                                        cancellable, &error);

      if (article == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      g_ptr_array_add (articles, article);
    }

  if (!tayori_store_import_articles (data->store, articles, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), articles->len);
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = tayori_article_get_id (g_ptr_array_index (articles, i));

      g_array_append_val (ids, id);
    }

  g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

void
tayori_import_files_async (TayoriStore         *store,
                           GPtrArray           *files,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (TAYORI_IS_STORE (store));
  g_return_if_fail (files != NULL);

  data = g_new0 (ImportData, 1);
  data->store = g_object_ref (store);
  data->files = g_ptr_array_ref (files);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_import_files_async);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (task, tayori_import_thread);
}

GArray *
tayori_import_files_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
