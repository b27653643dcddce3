/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Store opening with recovery: open; on TAYORI_STORE_ERROR_CORRUPT move the damaged file
 * aside and look for a backup (worker thread), ask the user in plain words, restore the
 * backup or start with a new store, and open again. */
#define G_LOG_DOMAIN "tayori-store-loader"

#include <stdio.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "tayori-store-loader.h"

typedef struct
{
  GtkWindow *parent;
  char      *path;
  char      *aside_path;   /* where the damaged file went */
  char      *backup_path;  /* latest automatic backup, or NULL */
  gboolean   created;
  gboolean   answered;
} LoaderState;

static void
loader_state_free (LoaderState *state)
{
  g_clear_object (&state->parent);
  g_clear_pointer (&state->path, g_free);
  g_clear_pointer (&state->aside_path, g_free);
  g_clear_pointer (&state->backup_path, g_free);
  g_free (state);
}

static void tayori_store_loader_opened_cb (GObject      *source,
                                           GAsyncResult *result,
                                           gpointer      user_data);

static void
tayori_store_loader_open (GTask *task)
{
  LoaderState *state = g_task_get_task_data (task);

  tayori_store_open_async (state->path, g_task_get_cancellable (task),
                           tayori_store_loader_opened_cb, task);
}

/* Backups are named "tayori-YYYY-MM-DD.db" (see tayori-store.h): show that day. */
static char *
backup_date_label (const char *backup_path)
{
  g_autofree char *name = g_path_get_basename (backup_path);
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (sscanf (name, "tayori-%4d-%2d-%2d.db", &year, &month, &day) == 3)
    date = g_date_time_new_local (year, month, day, 0, 0, 0);

  if (date == NULL)
    return g_steal_pointer (&name);

  /* Translators: the date of a backup, see g_date_time_format() */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

static void
tayori_store_loader_restore_thread (GTask        *task,
                                    gpointer      source_object,
                                    gpointer      task_data,
                                    GCancellable *cancellable)
{
  LoaderState *state = task_data;
  GError *error = NULL;

  if (!tayori_store_restore_backup (state->backup_path, state->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
tayori_store_loader_restored_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  tayori_store_loader_open (task);
}

static void
tayori_store_loader_response_cb (AdwMessageDialog *dialog,
                                 const char       *response,
                                 GTask            *task)
{
  LoaderState *state = g_task_get_task_data (task);

  state->answered = TRUE;

  if (g_strcmp0 (response, "restore") == 0)
    {
      g_autoptr(GTask) restore = g_task_new (NULL, g_task_get_cancellable (task),
                                             tayori_store_loader_restored_cb, g_object_ref (task));

      g_task_set_task_data (restore, state, NULL);
      g_task_run_in_thread (restore, tayori_store_loader_restore_thread);
    }
  else
    {
      /* The damaged file is gone from the path: opening creates a new, empty store. */
      tayori_store_loader_open (g_object_ref (task));
    }
}

static void
tayori_store_loader_dialog_destroyed_cb (GtkWidget *dialog,
                                         GTask     *task)
{
  LoaderState *state = g_task_get_task_data (task);

  if (!state->answered)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The recovery was not chosen");
}

static void
tayori_store_loader_ask (GTask *task)
{
  LoaderState *state = g_task_get_task_data (task);
  AdwMessageDialog *dialog;
  GtkWidget *location;
  g_autofree char *date = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (state->parent, _("Your Articles Could Not Be Opened"), NULL));
  adw_message_dialog_add_response (dialog, "fresh", _("_Start Fresh"));

  if (state->backup_path != NULL)
    {
      date = backup_date_label (state->backup_path);
      adw_message_dialog_format_body (dialog,
                                      _("The file that keeps your articles is damaged. It has not been deleted: it was moved to the place shown below.\n\nYou can restore the automatic backup of %s. Changes made after that day are not in it."),
                                      date);
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
      adw_message_dialog_set_close_response (dialog, "restore");
    }
  else
    {
      adw_message_dialog_set_body (dialog,
                                   _("The file that keeps your articles is damaged. It has not been deleted: it was moved to the place shown below.\n\nNo automatic backup was found. You can start again with an empty list of articles."));
      adw_message_dialog_set_default_response (dialog, "fresh");
      adw_message_dialog_set_close_response (dialog, "fresh");
    }

  location = gtk_label_new (state->aside_path);
  gtk_label_set_selectable (GTK_LABEL (location), TRUE);
  gtk_label_set_wrap (GTK_LABEL (location), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (location), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (location, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (location), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Location of the damaged file"), -1);
  adw_message_dialog_set_extra_child (dialog, location);

  g_signal_connect_data (dialog, "response", G_CALLBACK (tayori_store_loader_response_cb),
                         g_object_ref (task), (GClosureNotify) G_CALLBACK (g_object_unref), 0);
  g_signal_connect_data (dialog, "destroy", G_CALLBACK (tayori_store_loader_dialog_destroyed_cb),
                         g_object_ref (task), (GClosureNotify) G_CALLBACK (g_object_unref), 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
tayori_store_loader_set_aside_thread (GTask        *task,
                                      gpointer      source_object,
                                      gpointer      task_data,
                                      GCancellable *cancellable)
{
  LoaderState *state = task_data;
  GError *error = NULL;

  state->aside_path = tayori_store_set_aside (state->path, &error);
  if (state->aside_path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  state->backup_path = tayori_store_find_latest_backup (state->path);
  g_task_return_boolean (task, TRUE);
}

static void
tayori_store_loader_set_aside_cb (GObject      *source,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    tayori_store_loader_ask (task);
}

static void
tayori_store_loader_opened_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LoaderState *state = g_task_get_task_data (task);
  g_autoptr(GTask) set_aside = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  TayoriStore *store;

  store = tayori_store_open_finish (result, &error);
  if (store != NULL)
    {
      g_task_return_pointer (task, store, g_object_unref);
      return;
    }

  /* Recover once; a store still damaged after that is reported as it is. */
  if (!g_error_matches (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_CORRUPT) || state->aside_path != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_warning ("The store %s is damaged: %s", state->path, error->message);
  g_error_free (error);

  cancellable = g_task_get_cancellable (task);
  set_aside = g_task_new (NULL, cancellable, tayori_store_loader_set_aside_cb, g_steal_pointer (&task));
  g_task_set_task_data (set_aside, state, NULL);
  g_task_run_in_thread (set_aside, tayori_store_loader_set_aside_thread);
}

void
tayori_store_loader_open_async (GtkWindow           *parent,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  LoaderState *state;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (path != NULL);

  state = g_new0 (LoaderState, 1);
  state->parent = g_object_ref (parent);
  state->path = g_strdup (path);
  state->created = !g_file_test (path, G_FILE_TEST_EXISTS);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_store_loader_open_async);
  g_task_set_task_data (task, state, (GDestroyNotify) loader_state_free);
  tayori_store_loader_open (task);
}

TayoriStore *
tayori_store_loader_open_finish (GAsyncResult  *result,
                                 gboolean      *out_created,
                                 GError       **error)
{
  LoaderState *state;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  state = g_task_get_task_data (G_TASK (result));
  if (out_created != NULL)
    *out_created = state->created;

  return g_task_propagate_pointer (G_TASK (result), error);
}
