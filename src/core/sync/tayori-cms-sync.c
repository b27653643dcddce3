/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsSync: the object, its worker-side core (connectors per account, term caches) and
 * the read-only calls (test connection, terms, status, conflict sides, reviewed snapshot).
 * The writes are in tayori-cms-sync-actions.c, the item runners in -push.c and -review.c. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-paths.h"
#include "tayori-secret.h"
#include "tayori-workflow.h"

struct _TayoriCmsSync
{
  GObject            parent_instance;
  TayoriCmsSyncCore *core;
  TayoriOutbox      *outbox;
};

G_DEFINE_FINAL_TYPE (TayoriCmsSync, tayori_cms_sync, G_TYPE_OBJECT)

TayoriCmsSyncCore *
tayori_cms_sync_core_ref (TayoriCmsSyncCore *core)
{
  g_atomic_ref_count_inc (&core->ref);
  return core;
}

void
tayori_cms_sync_core_unref (TayoriCmsSyncCore *core)
{
  if (!g_atomic_ref_count_dec (&core->ref))
    return;
  g_clear_object (&core->store);
  g_clear_object (&core->preset);
  g_free (core->media_dir);
  g_hash_table_unref (core->connectors);
  g_hash_table_unref (core->injected);
  g_hash_table_unref (core->terms);
  g_mutex_clear (&core->lock);
  g_free (core);
}

TayoriAccount *
tayori_cms_sync_core_account (TayoriCmsSyncCore *core, const char *name, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  TayoriAccount *account = tayori_accounts_find (core->preset, TAYORI_ACCOUNT_CMS, name, &local_error);

  if (account == NULL && local_error == NULL)
    g_set_error (&local_error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                 _("There is no CMS account named “%s”"), name);
  if (account == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return account;
}

/* A new reference to a cached value, NULL when absent. */
static gpointer
lookup_ref (TayoriCmsSyncCore *core, GHashTable *table, const char *key, gpointer (*ref) (gpointer))
{
  gpointer value;

  g_mutex_lock (&core->lock);
  value = g_hash_table_lookup (table, key);
  if (value != NULL)
    ref (value);
  g_mutex_unlock (&core->lock);
  return value;
}

TayoriCmsConnector *
tayori_cms_sync_core_connector (TayoriCmsSyncCore *core, const char *account, GCancellable *cancellable,
                                GError **error)
{
  g_autoptr(TayoriAccount) settings = NULL;
  g_autoptr(TayoriHttpClient) client = NULL;
  g_autofree char *secret = NULL;
  GError *local_error = NULL;
  TayoriCmsConnector *connector;

  connector = lookup_ref (core, core->connectors, account, g_object_ref);
  if (connector != NULL)
    return connector;

  settings = tayori_cms_sync_core_account (core, account, error);
  if (settings == NULL)
    return NULL;
  secret = tayori_secret_lookup_sync (tayori_account_secret_kind (settings), settings->name,
                                      cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (secret == NULL)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_AUTH,
                   _("No application password is stored for the account “%s”"), settings->name);
      return NULL;
    }
  client = tayori_http_client_new ();
  connector = tayori_cms_connector_new_for_account (settings, secret, client, error);
  if (connector == NULL)
    return NULL;
  g_mutex_lock (&core->lock);
  g_hash_table_insert (core->connectors, g_strdup (account), g_object_ref (connector));
  g_mutex_unlock (&core->lock);
  return connector;
}

void
tayori_cms_sync_core_forget_connector (TayoriCmsSyncCore *core, const char *account)
{
  g_mutex_lock (&core->lock);
  if (!g_hash_table_contains (core->injected, account))
    g_hash_table_remove (core->connectors, account);
  g_mutex_unlock (&core->lock);
}

GPtrArray *
tayori_cms_sync_core_terms (TayoriCmsSyncCore *core, const char *account, TayoriCmsTaxonomy taxonomy,
                            GCancellable *cancellable, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%s/%d", account, taxonomy);
  g_autoptr(TayoriCmsConnector) connector = NULL;
  GPtrArray *terms;

  terms = lookup_ref (core, core->terms, key, (gpointer (*) (gpointer)) g_ptr_array_ref);
  if (terms != NULL)
    return terms;
  connector = tayori_cms_sync_core_connector (core, account, cancellable, error);
  if (connector == NULL)
    return NULL;
  terms = tayori_cms_connector_list_terms (connector, taxonomy, cancellable, error);
  if (terms == NULL)
    return NULL;
  g_mutex_lock (&core->lock);
  g_hash_table_replace (core->terms, g_steal_pointer (&key), g_ptr_array_ref (terms));
  g_mutex_unlock (&core->lock);
  return terms;
}

void
tayori_cms_sync_status_free (TayoriCmsSyncStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->account);
  g_free (status->client_id);
  g_free (status->remote_status);
  g_free (status->remote_link);
  g_free (status->remote_author);
  g_free (status->synced_modified);
  g_free (status->synced_hash);
  g_free (status->review_note);
  g_clear_pointer (&status->pending, tayori_outbox_item_free);
  g_clear_pointer (&status->review_log, g_ptr_array_unref);
  g_free (status);
}

void
tayori_cms_remote_item_free (TayoriCmsRemoteItem *item)
{
  if (item == NULL)
    return;
  g_free (item->account);
  g_free (item->title);
  g_free (item->status);
  g_free (item->author);
  g_free (item->ward);
  g_free (item->department);
  g_free (item->modified_gmt);
  g_free (item->submitted_at);
  g_free (item->publish_end);
  g_free (item->link);
  g_free (item);
}

static void
tayori_cms_sync_dispose (GObject *object)
{
  TayoriCmsSync *self = TAYORI_CMS_SYNC (object);

  if (self->outbox != NULL)
    tayori_outbox_stop (self->outbox);
  g_clear_object (&self->outbox);
  g_clear_pointer (&self->core, tayori_cms_sync_core_unref);
  G_OBJECT_CLASS (tayori_cms_sync_parent_class)->dispose (object);
}

static void
tayori_cms_sync_class_init (TayoriCmsSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tayori_cms_sync_dispose;
}

static void
tayori_cms_sync_init (TayoriCmsSync *self)
{
  (void) self;
}

TayoriCmsSync *
tayori_cms_sync_new (TayoriStore *store, TayoriPreset *preset)
{
  TayoriCmsSync *self;
  TayoriCmsSyncCore *core;

  g_return_val_if_fail (TAYORI_IS_STORE (store), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  core = g_new0 (TayoriCmsSyncCore, 1);
  g_atomic_ref_count_init (&core->ref);
  core->store = g_object_ref (store);
  core->preset = g_object_ref (preset);
  core->media_dir = tayori_paths_media_dir ();
  g_mutex_init (&core->lock);
  core->connectors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  core->injected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  core->terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);

  self = g_object_new (TAYORI_TYPE_CMS_SYNC, NULL);
  self->core = core;
  self->outbox = tayori_outbox_new (store, tayori_cms_sync_run_item, tayori_cms_sync_core_ref (core),
                                    (GDestroyNotify) tayori_cms_sync_core_unref);
  return self;
}

TayoriOutbox *
tayori_cms_sync_get_outbox (TayoriCmsSync *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SYNC (self), NULL);
  return self->outbox;
}

TayoriCmsSyncCore *
tayori_cms_sync_get_core (TayoriCmsSync *self)
{
  g_return_val_if_fail (TAYORI_IS_CMS_SYNC (self), NULL);
  return self->core;
}

void
tayori_cms_sync_set_connector (TayoriCmsSync *self, const char *account, TayoriCmsConnector *connector)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (account != NULL && TAYORI_IS_CMS_CONNECTOR (connector));
  g_mutex_lock (&self->core->lock);
  g_hash_table_replace (self->core->connectors, g_strdup (account), g_object_ref (connector));
  g_hash_table_add (self->core->injected, g_strdup (account));
  g_mutex_unlock (&self->core->lock);
}

void
tayori_cms_sync_set_media_dir (TayoriCmsSync *self, const char *media_dir)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (media_dir != NULL);
  g_mutex_lock (&self->core->lock);
  g_free (self->core->media_dir);
  self->core->media_dir = g_strdup (media_dir);
  g_mutex_unlock (&self->core->lock);
}

GTask *
tayori_cms_sync_task_new (TayoriCmsSync *self, gpointer source_tag, gpointer data, GDestroyNotify data_free,
                          GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, data_free);
  return task;
}

/* Test connection */

static void
test_account_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  const TayoriAccount *account = data;
  const char *secret = g_object_get_data (G_OBJECT (task), "secret");
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriCmsConnector) connector = NULL;
  GError *error = NULL;
  TayoriCmsSiteInfo *info;

  (void) source;
  connector = tayori_cms_connector_new_for_account (account, secret, client, &error);
  info = connector != NULL ? tayori_cms_connector_discover (connector, cancellable, &error) : NULL;
  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) tayori_cms_site_info_free);
}

void
tayori_cms_sync_test_account_async (TayoriCmsSync *self, const TayoriAccount *account, const char *secret,
                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                    gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (account != NULL);
  task = tayori_cms_sync_task_new (self, tayori_cms_sync_test_account_async,
                                   tayori_account_copy (account), (GDestroyNotify) tayori_account_free,
                                   cancellable, callback, user_data);
  g_object_set_data_full (G_OBJECT (task), "secret", g_strdup (secret), g_free);
  g_task_run_in_thread (task, test_account_thread);
}

TayoriCmsSiteInfo *
tayori_cms_sync_test_account_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Terms */

static void
list_terms_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSync *self = source;
  GError *error = NULL;
  GPtrArray *terms = tayori_cms_sync_core_terms (self->core, data,
    GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "taxonomy")), cancellable, &error);

  if (terms == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, terms, (GDestroyNotify) g_ptr_array_unref);
}

void
tayori_cms_sync_list_terms_async (TayoriCmsSync *self, const char *account, TayoriCmsTaxonomy taxonomy,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (account != NULL);
  task = tayori_cms_sync_task_new (self, tayori_cms_sync_list_terms_async,
                                   g_strdup (account), g_free,
                                   cancellable, callback, user_data);
  g_object_set_data (G_OBJECT (task), "taxonomy", GINT_TO_POINTER (taxonomy));
  g_task_run_in_thread (task, list_terms_thread);
}

GPtrArray *
tayori_cms_sync_list_terms_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
