/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Waiting for an outbox item: waiters are kept per item until it finishes here; items that
 * finished in an earlier run (or before the wait) are answered from the store. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-outbox-private.h"

gint64 *
tayori_outbox_id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

void
tayori_outbox_free_error (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

void
tayori_outbox_complete_waiters (GPtrArray *tasks, const GError *error)
{
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      GTask *task = g_ptr_array_index (tasks, i);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else
        g_task_return_boolean (task, TRUE);
    }
}

static void
resolve_from_db (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriOutbox *self = source;
  g_autoptr(TayoriOutboxItem) item = NULL;
  GError *error = NULL;

  (void) cancellable;
  item = tayori_outbox_db_get (self->store, *(gint64 *) data, &error);
  if (item == NULL)
    g_task_return_error (task, error);
  else if (item->state == TAYORI_OUTBOX_DONE)
    g_task_return_boolean (task, TRUE);
  else if (item->state == TAYORI_OUTBOX_CONFLICT)
    g_task_return_new_error (task, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT, "%s",
                             item->error_message != NULL ? item->error_message
                             : _("The post was changed on the CMS since the last sync"));
  else
    {
      TayoriCmsError code = TAYORI_CMS_ERROR_REJECTED;

      tayori_cms_error_from_key (item->error_class, &code);
      g_task_return_new_error (task, TAYORI_CMS_ERROR, code, "%s",
                               item->error_message != NULL ? item->error_message : "");
    }
}

GPtrArray *
tayori_outbox_take_orphans_locked (TayoriOutbox *self)
{
  GPtrArray *orphans = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->waiters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (self->entries, key))
      {
        GPtrArray *tasks = value;

        for (guint i = 0; i < tasks->len; i++)
          g_ptr_array_add (orphans, g_object_ref (g_ptr_array_index (tasks, i)));
        g_hash_table_iter_remove (&iter);
      }
  return orphans;
}

void
tayori_outbox_resolve_orphans (GPtrArray *tasks)
{
  for (guint i = 0; i < tasks->len; i++)
    g_task_run_in_thread (g_ptr_array_index (tasks, i), resolve_from_db);
}

void
tayori_outbox_wait_async (TayoriOutbox *self, gint64 id, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;
  gpointer finished = NULL;
  gboolean is_finished, queued;

  g_return_if_fail (TAYORI_IS_OUTBOX (self));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_outbox_wait_async);
  g_task_set_task_data (task, tayori_outbox_id_key (id), g_free);

  g_mutex_lock (&self->lock);
  is_finished = g_hash_table_lookup_extended (self->finished, &id, NULL, &finished);
  queued = !is_finished && (!self->loaded || g_hash_table_contains (self->entries, &id));
  if (queued)
    {
      GPtrArray *tasks = g_hash_table_lookup (self->waiters, &id);

      if (tasks == NULL)
        {
          tasks = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (self->waiters, tayori_outbox_id_key (id), tasks);
        }
      g_ptr_array_add (tasks, g_object_ref (task));
    }
  g_mutex_unlock (&self->lock);

  if (is_finished && finished != NULL)
    g_task_return_error (task, g_error_copy (finished));
  else if (is_finished)
    g_task_return_boolean (task, TRUE);
  else if (!queued)
    g_task_run_in_thread (task, resolve_from_db);
}

gboolean
tayori_outbox_wait_finish (TayoriOutbox *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
