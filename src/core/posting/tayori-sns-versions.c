/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The composer's stored texts (table sns_versions): only edited versions are rows; a missing
 * row inherits (account → network → base). */
#include "tayori-sns-versions.h"
#include "tayori-posting-private.h"

void
tayori_sns_version_free (TayoriSnsVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->target);
  g_free (version->text);
  g_clear_pointer (&version->images, g_ptr_array_unref);
  g_free (version);
}

typedef struct {
  gint64            article_id;
  TayoriSnsVersion *version;   /* save only; NULL text removes */
} VersionsData;

static void
versions_data_free (gpointer data)
{
  VersionsData *versions = data;

  tayori_sns_version_free (versions->version);
  g_free (versions);
}

static gboolean
load_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  VersionsData *versions = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) loaded =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_sns_version_free);
  int rc;

  rc = sqlite3_prepare_v2 (db->handle,
                           "SELECT target, text, images FROM sns_versions WHERE article_id = ?1 "
                           "ORDER BY target", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return tayori_store_db_fail (db, rc, error);
  sqlite3_bind_int64 (stmt, 1, versions->article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TayoriSnsVersion *version = g_new0 (TayoriSnsVersion, 1);

      version->target = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      version->text = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      version->images = tayori_post_images_from_json ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (loaded, version);
    }
  if (rc != SQLITE_DONE)
    return tayori_store_db_fail (db, rc, error);
  result->pointer = g_steal_pointer (&loaded);
  result->pointer_free = (GDestroyNotify) g_ptr_array_unref;
  return TRUE;
}

GPtrArray *
tayori_sns_versions_load (TayoriStore  *store,
                          gint64        article_id,
                          GError      **error)
{
  VersionsData *versions = g_new0 (VersionsData, 1);
  GPtrArray *loaded = NULL;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  versions->article_id = article_id;
  if (!tayori_posting_run (store, load_job, versions, versions_data_free, (gpointer *) &loaded,
                           NULL, error))
    return NULL;
  return loaded;
}

static gboolean
save_job (TayoriStoreDb      *db,
          gpointer            data,
          TayoriStoreResult  *result,
          GError            **error)
{
  VersionsData *versions = data;
  const TayoriSnsVersion *version = versions->version;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *updated = tayori_store_format_time (now);
  g_autofree char *images = NULL;
  sqlite3_stmt *stmt;

  if (version->text == NULL)
    {
      stmt = tayori_store_db_prepare (db, "DELETE FROM sns_versions "
                                          "WHERE article_id = ?1 AND target = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, versions->article_id);
      sqlite3_bind_text (stmt, 2, version->target, -1, SQLITE_TRANSIENT);
      return tayori_store_db_step_done (db, stmt, error);
    }

  images = tayori_post_images_to_json (version->images);
  stmt = tayori_store_db_prepare (db,
    "INSERT INTO sns_versions (article_id, target, text, images, updated) "
    "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (article_id, target) DO UPDATE SET "
    "text = excluded.text, images = excluded.images, updated = excluded.updated", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, versions->article_id);
  sqlite3_bind_text (stmt, 2, version->target, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, version->text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, images, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, updated, -1, SQLITE_TRANSIENT);
  return tayori_store_db_step_done (db, stmt, error);
}

static GPtrArray *
copy_images (GPtrArray *images)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);

  for (guint i = 0; images != NULL && i < images->len; i++)
    {
      TayoriPostImage *image = g_ptr_array_index (images, i);

      g_ptr_array_add (copy, tayori_post_image_new (image->hash, image->alt));
    }
  return copy;
}

gboolean
tayori_sns_versions_save (TayoriStore             *store,
                          gint64                   article_id,
                          const TayoriSnsVersion  *version,
                          GError                 **error)
{
  VersionsData *versions;

  g_return_val_if_fail (TAYORI_IS_STORE (store), FALSE);
  g_return_val_if_fail (version != NULL && version->target != NULL, FALSE);
  versions = g_new0 (VersionsData, 1);
  versions->article_id = article_id;
  versions->version = g_new0 (TayoriSnsVersion, 1);
  versions->version->target = g_strdup (version->target);
  versions->version->text = g_strdup (version->text);
  versions->version->images = copy_images (version->images);
  return tayori_posting_run (store, save_job, versions, versions_data_free, NULL, NULL, error);
}

static const TayoriSnsVersion *
find_target (GPtrArray  *versions,
             const char *target)
{
  for (guint i = 0; target != NULL && i < versions->len; i++)
    {
      const TayoriSnsVersion *version = g_ptr_array_index (versions, i);

      if (g_strcmp0 (version->target, target) == 0)
        return version;
    }
  return NULL;
}

const TayoriSnsVersion *
tayori_sns_versions_resolve (GPtrArray  *versions,
                             const char *account,
                             const char *network)
{
  const TayoriSnsVersion *found;

  g_return_val_if_fail (versions != NULL, NULL);
  found = find_target (versions, account);
  if (found == NULL)
    found = find_target (versions, network);
  if (found == NULL)
    found = find_target (versions, "base");
  return found;
}
