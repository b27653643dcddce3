/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Asks the site, as "test connection" does, who the signed-in user is (see
 * tayori-cms-reviewer.h). */
#include <gio/gio.h>

#include "tayori-cms-reviewer.h"
#include "tayori-secret.h"

static void
tested_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  GError *error = NULL;

  info = tayori_cms_sync_test_account_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, info->approver_level > 0 ||
                               (info->capabilities != NULL &&
                                g_strv_contains ((const char * const *) info->capabilities, "edit_others_posts")));
}

static void
secret_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autofree char *secret = NULL;
  GError *error = NULL;

  secret = tayori_secret_lookup_finish (result, &error);
  if (secret == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_boolean (task, FALSE);
      return;
    }
  tayori_cms_sync_test_account_async (g_task_get_source_object (task), g_task_get_task_data (task), secret,
                                      g_task_get_cancellable (task), tested_cb, g_object_ref (task));
}

void
tayori_cms_reviewer_check_async (TayoriCmsSync       *sync,
                                 const TayoriAccount *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (sync));
  g_return_if_fail (account != NULL);

  task = g_task_new (sync, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_cms_reviewer_check_async);
  g_task_set_task_data (task, tayori_account_copy (account), (GDestroyNotify) tayori_account_free);
  tayori_secret_lookup_async ("cms", account->name, cancellable, secret_cb, g_steal_pointer (&task));
}

gboolean
tayori_cms_reviewer_check_finish (TayoriCmsSync  *sync,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, sync), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
