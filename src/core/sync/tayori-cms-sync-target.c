/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The site an article targets (city site, ward sites): kept in its cms_links row before the
 * first push, which then goes there; fixed once the article has a post on a site. And that
 * site's categories, for the form and the category suggester. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-outbox-private.h"

typedef struct {
  gint64  article_id;
  char   *account;
} Target;

static void
target_free (Target *target)
{
  g_free (target->account);
  g_free (target);
}

/* The shape of the calls below: @thread on a worker with the article and account. */
static void
run_target_task (TayoriCmsSync *self, gint64 article_id, const char *account, gpointer source_tag,
                 GTaskThreadFunc thread, GCancellable *cancellable, GAsyncReadyCallback callback,
                 gpointer user_data)
{
  Target *target = g_new0 (Target, 1);
  g_autoptr(GTask) task = NULL;

  target->article_id = article_id;
  target->account = g_strdup (account);
  task = tayori_cms_sync_task_new (self, source_tag, target, (GDestroyNotify) target_free,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, thread);
}

static gpointer
finish_pointer (TayoriCmsSync *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A post on another site, or a write to it still under way (a create whose answer may be
 * lost); a write that failed for good made nothing there to leave behind. */
static gboolean
check_movable (TayoriCmsSyncCore *core, const TayoriCmsLink *link, const char *account, GError **error)
{
  g_autoptr(GPtrArray) items = tayori_outbox_db_list_unfinished (core->store, link->article_id, error);
  gboolean busy = FALSE;

  if (items == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const TayoriOutboxItem *item = g_ptr_array_index (items, i);

      busy |= item->state != TAYORI_OUTBOX_FAILED && g_strcmp0 (item->account, account) != 0;
    }
  if (link->remote_id == 0 && !busy)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("The article is already on the site “%s”; it cannot move to another site"), link->account);
  return FALSE;
}

static void
set_target_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  const Target *target = data;
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriCmsLink) link = NULL;
  GError *error = NULL;

  (void) cancellable;
  account = tayori_cms_sync_core_account (core, target->account, &error);
  if (account != NULL)
    link = tayori_cms_link_load (core->store, target->article_id, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (link != NULL && g_strcmp0 (link->account, target->account) == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (link != NULL && !check_movable (core, link, target->account, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (link == NULL)
    {
      link = g_new0 (TayoriCmsLink, 1);
      link->article_id = target->article_id;
      link->client_id = g_uuid_string_random ();
    }
  g_free (link->account);
  link->account = g_strdup (target->account);
  if (tayori_cms_link_save (core->store, link, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tayori_cms_sync_set_target_async (TayoriCmsSync *self, gint64 article_id, const char *account,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (article_id > 0 && account != NULL);
  run_target_task (self, article_id, account, tayori_cms_sync_set_target_async, set_target_thread,
                   cancellable, callback, user_data);
}

gboolean
tayori_cms_sync_set_target_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tayori_cms_sync_set_target_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
get_target_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  g_autoptr(TayoriCmsLink) link = NULL;
  GError *error = NULL;

  (void) cancellable;
  link = tayori_cms_link_load (core->store, ((Target *) data)->article_id, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, link != NULL ? g_steal_pointer (&link->account) : NULL, g_free);
}

void
tayori_cms_sync_get_target_async (TayoriCmsSync *self, gint64 article_id, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  run_target_task (self, article_id, NULL, tayori_cms_sync_get_target_async, get_target_thread,
                   cancellable, callback, user_data);
}

char *
tayori_cms_sync_get_target_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, tayori_cms_sync_get_target_async, error);
}

/* The stored target, or the first CMS account (where a push would go). */
static char *
target_account (TayoriCmsSyncCore *core, gint64 article_id, GError **error)
{
  g_autoptr(TayoriCmsLink) link = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GError *local_error = NULL;

  link = tayori_cms_link_load (core->store, article_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (link != NULL)
    return g_steal_pointer (&link->account);
  accounts = tayori_accounts_load (core->preset, TAYORI_ACCOUNT_CMS, error);
  if (accounts == NULL)
    return NULL;
  if (accounts->len == 0)
    {
      g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND, _("No CMS account is set up"));
      return NULL;
    }
  return g_strdup (((TayoriAccount *) g_ptr_array_index (accounts, 0))->name);
}

/* A parent before its children */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
target_categories_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *account = NULL;
  GError *error = NULL;

  account = target_account (core, ((Target *) data)->article_id, &error);
  if (account != NULL)
    terms = tayori_cms_sync_core_terms (core, account, TAYORI_CMS_TAXONOMY_CATEGORY, cancellable, &error);
  if (terms == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  paths = g_ptr_array_new_full (terms->len + 1, g_free);
  for (guint i = 0; i < terms->len; i++)
    g_ptr_array_add (paths, tayori_cms_term_path (g_ptr_array_index (terms, i), terms));
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  g_task_return_pointer (task, g_ptr_array_steal (paths, NULL), (GDestroyNotify) g_strfreev);
}

void
tayori_cms_sync_target_categories_async (TayoriCmsSync *self, gint64 article_id, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  run_target_task (self, article_id, NULL, tayori_cms_sync_target_categories_async, target_categories_thread,
                   cancellable, callback, user_data);
}

GStrv
tayori_cms_sync_target_categories_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_pointer (self, result, tayori_cms_sync_target_categories_async, error);
}
