/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Daily backups with the SQLite backup API into "<dir>/backups/tayori-YYYY-MM-DD.db" (the
 * newest 7 kept), and the recovery of a damaged store: set it aside, restore a backup. */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include "tayori-store-private.h"

#define BACKUPS_KEPT 7
#define BACKUP_PREFIX "tayori-"
#define BACKUP_SUFFIX ".db"

static char *
backup_dir_for (const char *db_path)
{
  g_autofree char *dir = g_path_get_dirname (db_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "tayori-YYYY-MM-DD.db": the date sorts as text. */
static gboolean
is_backup_name (const char *name)
{
  static const char pattern[] = "tayori-####-##-##.db";

  if (strlen (name) != sizeof pattern - 1)
    return FALSE;
  for (guint i = 0; pattern[i] != '\0'; i++)
    if (pattern[i] == '#' ? !g_ascii_isdigit (name[i]) : name[i] != pattern[i])
      return FALSE;
  return TRUE;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Backup file names in @dir, newest first. */
static GPtrArray *
list_backups (const char *dir)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (is_backup_name (name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_newest_first);
  return names;
}

static void
prune_backups (const char *dir)
{
  g_autoptr(GPtrArray) names = list_backups (dir);

  for (guint i = BACKUPS_KEPT; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      if (g_remove (path) != 0)
        g_warning ("Could not remove the old backup %s: %s", path, g_strerror (errno));
    }
}

static gboolean
set_file_error (GError     **error,
                int          saved_errno,
                const char  *format,
                const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, path,
               g_strerror (saved_errno));
  return FALSE;
}

/* Copies the open database into @path with the backup API. */
static gboolean
copy_database (TayoriStoreDb  *db,
               const char     *path,
               GError        **error)
{
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  TAYORI_STORE_DB_ASSERT_WORKER (db);
  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", db->handle, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    g_set_error (error, TAYORI_STORE_ERROR, TAYORI_STORE_ERROR_FAILED,
                 _("The backup “%s” could not be written: %s"), path,
                 dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
  sqlite3_close (dest);
  return rc == SQLITE_OK;
}

gboolean
tayori_store_db_backup_if_due (TayoriStoreDb  *db,
                               GError        **error)
{
  g_autofree char *dir = backup_dir_for (db->path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, BACKUP_PREFIX "%Y-%m-%d" BACKUP_SUFFIX);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_file_error (error, errno, _("Could not create the folder “%s”: %s"), dir);

  g_remove (partial);
  if (!copy_database (db, partial, error))
    {
      g_remove (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    return set_file_error (error, errno, _("The backup “%s” could not be written: %s"), path);
  prune_backups (dir);
  return TRUE;
}

static gboolean
backup_job (TayoriStoreDb      *db,
            gpointer            data,
            TayoriStoreResult  *result,
            GError            **error)
{
  GError *local_error = NULL;

  result->number = tayori_store_db_backup_if_due (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tayori_store_backup_if_due (TayoriStore  *self,
                            GError      **error)
{
  TayoriStoreResult result = { 0 };

  g_return_val_if_fail (TAYORI_IS_STORE (self), FALSE);
  if (!tayori_store_run_sync (self, backup_job, NULL, NULL, &result, error))
    return FALSE;
  return result.number != 0;
}

void
tayori_store_backup_if_due_async (TayoriStore         *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TAYORI_IS_STORE (self));
  tayori_store_run_async (self, backup_job, NULL, NULL, tayori_store_backup_if_due_async,
                          cancellable, callback, user_data);
}

gboolean
tayori_store_backup_if_due_finish (TayoriStore   *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_autoptr(TayoriStoreResult) outcome = NULL;

  outcome = tayori_store_run_finish (self, result, tayori_store_backup_if_due_async, error);
  return outcome != NULL && outcome->number != 0;
}

char *
tayori_store_find_latest_backup (const char *db_path)
{
  g_autofree char *dir = backup_dir_for (db_path);
  g_autoptr(GPtrArray) names = list_backups (dir);

  if (names->len == 0)
    return NULL;
  return g_build_filename (dir, g_ptr_array_index (names, 0), NULL);
}

/* Moves @from to @to when it exists. */
static gboolean
move_if_present (const char  *from,
                 const char  *to,
                 GError     **error)
{
  if (g_rename (from, to) != 0 && errno != ENOENT)
    return set_file_error (error, errno, _("Could not move “%s” aside: %s"), from);
  return TRUE;
}

char *
tayori_store_set_aside (const char  *db_path,
                        GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", db_path, stamp);
  static const char * const companions[] = { "-wal", "-shm" };

  for (guint n = 2; g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      target = g_strdup_printf ("%s.damaged-%s-%u", db_path, stamp, n);
    }

  if (g_rename (db_path, target) != 0)
    {
      set_file_error (error, errno, _("Could not move “%s” aside: %s"), db_path);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (db_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (target, companions[i], NULL);

      if (!move_if_present (from, to, error))
        return NULL;
    }
  return g_steal_pointer (&target);
}

gboolean
tayori_store_restore_backup (const char  *backup_path,
                             const char  *db_path,
                             GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (backup_path);
  g_autofree char *partial_path = g_strconcat (db_path, ".partial", NULL);
  g_autoptr(GFile) partial = g_file_new_for_path (partial_path);
  static const char * const companions[] = { "-wal", "-shm" };

  /* Whatever is in the way is kept, never overwritten. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *aside = tayori_store_set_aside (db_path, error);

      if (aside == NULL)
        return FALSE;
    }
  /* A -wal left without its database would be replayed into the restored copy. */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *stale = g_strconcat (db_path, companions[i], NULL);

      g_remove (stale);
    }

  if (!g_file_copy (source, partial, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  if (g_rename (partial_path, db_path) != 0)
    return set_file_error (error, errno, _("Could not restore the backup into “%s”: %s"), db_path);
  return TRUE;
}
