/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The reading side of TayoriCmsSync: lists of remote posts, opening a remote post locally
 * (never silently over local edits), and the stored conflict and reviewed snapshots. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-json.h"

static char *
meta_text (const char *meta_json, const char *member)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *meta = tayori_json_parse_object (parser, meta_json);

  if (meta == NULL)
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (meta, member, NULL));
}

static TayoriCmsRemoteItem *
remote_item_new (TayoriCmsSyncCore *core, const char *account, const TayoriCmsPost *post)
{
  TayoriCmsRemoteItem *item = g_new0 (TayoriCmsRemoteItem, 1);
  g_autoptr(TayoriCmsLink) link = tayori_cms_link_find_remote (core->store, account, post->remote_id, NULL);
  const TayoriCmsReviewEntry *submit = tayori_cms_review_log_last (post->review_log, "submit");
  char *ward = meta_text (post->meta_json, "ward");
  char *department = meta_text (post->meta_json, "department");

  item->account = g_strdup (account);
  item->remote_id = post->remote_id;
  item->article_id = link != NULL ? link->article_id : 0;
  item->title = g_strdup (post->title);
  item->status = g_strdup (post->status);
  item->author = g_strdup (post->author_login);
  item->ward = ward != NULL ? ward : g_strdup ("");
  item->department = department != NULL ? department : g_strdup ("");
  item->modified_gmt = g_strdup (post->modified_gmt);
  item->submitted_at = submit != NULL ? g_strdup (submit->at) : NULL;
  item->approvals = post->approvals;
  item->publish_end = meta_text (post->meta_json, "publish_end");
  item->link = g_strdup (post->link);
  return item;
}

static void
pull_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  const char *account = data;
  TayoriCmsScope scope = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "scope"));
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_remote_item_free);
  GError *error = NULL;

  if (account != NULL)
    {
      accounts = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (accounts, g_strdup (account));
    }
  else
    {
      g_autoptr(GPtrArray) all = tayori_accounts_load (core->preset, TAYORI_ACCOUNT_CMS, NULL);

      accounts = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; all != NULL && i < all->len; i++)
        g_ptr_array_add (accounts, g_strdup (((TayoriAccount *) g_ptr_array_index (all, i))->name));
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      const char *name = g_ptr_array_index (accounts, i);
      g_autoptr(TayoriCmsConnector) connector = tayori_cms_sync_core_connector (core, name, cancellable, &error);
      g_autoptr(GPtrArray) posts = NULL;

      if (connector != NULL)
        posts = tayori_cms_connector_list_posts (connector, scope, cancellable, &error);
      if (posts == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint j = 0; j < posts->len; j++)
        g_ptr_array_add (items, remote_item_new (core, name, g_ptr_array_index (posts, j)));
    }
  g_task_return_pointer (task, g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
}

void
tayori_cms_sync_pull_async (TayoriCmsSync *self, const char *account, TayoriCmsScope scope,
                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  task = tayori_cms_sync_task_new (self, tayori_cms_sync_pull_async,
                                   g_strdup (account), g_free,
                                   cancellable, callback, user_data);
  g_object_set_data (G_OBJECT (task), "scope", GINT_TO_POINTER (scope));
  g_task_run_in_thread (task, pull_thread);
}

GPtrArray *
tayori_cms_sync_pull_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The remote side's content over the local article; what only Tayori keeps (thumbnail,
 * attachments, links, dismissals) stays. */
static void
apply_remote (TayoriArticle *article, TayoriArticle *remote)
{
  tayori_article_set_title (article, tayori_article_get_title (remote));
  tayori_article_set_body (article, tayori_article_get_body (remote));
  tayori_article_set_summary (article, tayori_article_get_summary (remote));
  tayori_article_set_audiences (article, tayori_article_get_audiences (remote));
  tayori_article_set_ward (article, tayori_article_get_ward (remote));
  tayori_article_set_department (article, tayori_article_get_department (remote));
  tayori_article_set_contact_section (article, tayori_article_get_contact_section (remote));
  tayori_article_set_contact_phone (article, tayori_article_get_contact_phone (remote));
  tayori_article_set_contact_fax (article, tayori_article_get_contact_fax (remote));
  tayori_article_set_contact_email (article, tayori_article_get_contact_email (remote));
  tayori_article_set_contact_address (article, tayori_article_get_contact_address (remote));
  tayori_article_set_publish_start (article, tayori_article_get_publish_start (remote));
  tayori_article_set_publish_end (article, tayori_article_get_publish_end (remote));
  tayori_article_set_emergency (article, tayori_article_get_emergency (remote));
  if (tayori_article_get_category (remote)[0] != '\0')
    {
      tayori_article_set_category (article, tayori_article_get_category (remote));
      tayori_article_set_categories (article, tayori_article_get_categories (remote));
    }
  tayori_article_set_status (article, tayori_article_get_status (remote));
}

/* Creates or updates the local article of @post; returns its id, 0 with @error. */
static gint64
open_post (TayoriCmsSyncCore *core, const char *account, const TayoriCmsPost *post,
           GPtrArray *categories, GError **error)
{
  g_autoptr(TayoriArticle) theirs = NULL;
  g_autoptr(TayoriCmsLink) link = NULL;
  g_autofree char *content = tayori_cms_post_content_hash (post);
  g_autoptr(TayoriArticle) article = NULL;
  g_autofree char *remote_hash = NULL;
  const TayoriCmsReviewEntry *last = tayori_cms_review_log_last (post->review_log, NULL);
  GError *local_error = NULL;

  link = tayori_cms_link_find_remote (core->store, account, post->remote_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  theirs = link != NULL ? tayori_cms_article_theirs (post, link, categories)
                        : tayori_cms_article_from_post (post, categories);
  remote_hash = post->revision_hash != NULL ? g_strdup (post->revision_hash) : tayori_cms_content_hash (theirs);
  if (link == NULL)
    {
      article = g_object_ref (theirs);
      link = g_new0 (TayoriCmsLink, 1);
      link->account = g_strdup (account);
      link->client_id = post->client_id != NULL ? g_strdup (post->client_id) : g_uuid_string_random ();
    }
  else
    {
      gboolean remote_new = g_strcmp0 (remote_hash, link->synced_hash) != 0
                            || g_strcmp0 (post->modified_gmt, link->synced_modified) != 0
                            || (link->synced_content != NULL && g_strcmp0 (content, link->synced_content) != 0);
      gint64 latest;

      article = tayori_store_load_article (core->store, link->article_id, error);
      latest = tayori_cms_link_latest_revision (core->store, link->article_id, error);
      if (article == NULL || latest < 0)
        return 0;
      if (remote_new && latest != link->synced_revision)
        {
          tayori_cms_sync_record_conflict (core, link, article, theirs, error);
          return 0;
        }
      if (remote_new)
        apply_remote (article, theirs);
      else
        tayori_article_set_status (article, tayori_article_get_status (theirs));
    }
  if (tayori_store_save_article (core->store, article, TAYORI_SAVE_MANUAL, error) == 0)
    return 0;
  link->article_id = tayori_article_get_id (article);
  tayori_cms_link_take_post (link, post);
  tayori_cms_link_mark_synced (link, post, g_steal_pointer (&remote_hash),
                               tayori_cms_link_latest_revision (core->store, link->article_id, NULL));
  g_free (link->review_note);
  link->review_note = last != NULL && g_strcmp0 (last->action, "return") == 0 ? g_strdup (last->note) : NULL;
  if (!tayori_cms_link_save (core->store, link, error))
    return 0;
  if (post->review_log != NULL && post->review_log->len > 0
      && !tayori_cms_link_save_log (core->store, link->article_id, account, post->remote_id,
                                    post->review_log, error))
    return 0;
  return link->article_id;
}

static void
open_remote_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  const char *account = data;
  gint64 remote_id = *(gint64 *) g_object_get_data (G_OBJECT (task), "remote-id");
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  GError *error = NULL;
  gint64 article_id = 0;

  connector = tayori_cms_sync_core_connector (core, account, cancellable, &error);
  if (connector != NULL)
    post = tayori_cms_connector_get_post (connector, remote_id, cancellable, &error);
  if (post != NULL)
    {
      categories = tayori_cms_sync_core_terms (core, account, TAYORI_CMS_TAXONOMY_CATEGORY, cancellable, NULL);
      article_id = open_post (core, account, post, categories, &error);
    }
  if (article_id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&article_id, sizeof article_id), g_free);
}

void
tayori_cms_sync_open_remote_async (TayoriCmsSync *self, const char *account, gint64 remote_id,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  g_return_if_fail (account != NULL);
  task = tayori_cms_sync_task_new (self, tayori_cms_sync_open_remote_async,
                                   g_strdup (account), g_free,
                                   cancellable, callback, user_data);
  g_object_set_data_full (G_OBJECT (task), "remote-id", g_memdup2 (&remote_id, sizeof remote_id), g_free);
  g_task_run_in_thread (task, open_remote_thread);
}

gint64
tayori_cms_sync_open_remote_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  g_autofree gint64 *id = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  id = g_task_propagate_pointer (G_TASK (result), error);
  return id != NULL ? *id : 0;
}

/* Snapshots: task data is the article id; the result a pair (theirs or reviewed, mine). */
typedef struct {
  TayoriArticle *snapshot;
  TayoriArticle *mine;
} Snapshots;

static void
snapshots_free (Snapshots *snapshots)
{
  g_clear_object (&snapshots->snapshot);
  g_clear_object (&snapshots->mine);
  g_free (snapshots);
}

static void
snapshot_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  gboolean conflict = g_task_get_source_tag (task) == tayori_cms_sync_get_conflict_async;
  g_autoptr(TayoriCmsLink) link = NULL;
  Snapshots *snapshots = g_new0 (Snapshots, 1);
  const char *text;
  GError *error = NULL;

  (void) cancellable;
  link = tayori_cms_link_load (core->store, *(gint64 *) data, &error);
  text = link == NULL ? NULL : conflict ? link->conflict_snapshot : link->reviewed_snapshot;
  if (text != NULL)
    snapshots->snapshot = tayori_cms_article_from_snapshot (text, &error);
  if (conflict && error == NULL && snapshots->snapshot == NULL)
    g_set_error_literal (&error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                         _("The article has no conflict to resolve"));
  if (conflict && error == NULL)
    snapshots->mine = tayori_store_load_article (core->store, *(gint64 *) data, &error);
  if (error != NULL)
    {
      snapshots_free (snapshots);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, snapshots, (GDestroyNotify) snapshots_free);
}

static void
start_snapshot (TayoriCmsSync *self, gint64 article_id, gpointer source_tag, GCancellable *cancellable,
                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  task = tayori_cms_sync_task_new (self, source_tag,
                                   g_memdup2 (&article_id, sizeof article_id), g_free,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, snapshot_thread);
}

void
tayori_cms_sync_get_conflict_async (TayoriCmsSync *self, gint64 article_id, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  start_snapshot (self, article_id, tayori_cms_sync_get_conflict_async, cancellable, callback, user_data);
}

TayoriArticle *
tayori_cms_sync_get_conflict_finish (TayoriCmsSync *self, GAsyncResult *result, TayoriArticle **out_mine,
                                     GError **error)
{
  Snapshots *snapshots;
  TayoriArticle *theirs;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  snapshots = g_task_propagate_pointer (G_TASK (result), error);
  if (snapshots == NULL)
    return NULL;
  theirs = g_steal_pointer (&snapshots->snapshot);
  if (out_mine != NULL)
    *out_mine = g_steal_pointer (&snapshots->mine);
  snapshots_free (snapshots);
  return theirs;
}

void
tayori_cms_sync_reviewed_snapshot_async (TayoriCmsSync *self, gint64 article_id, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  start_snapshot (self, article_id, tayori_cms_sync_reviewed_snapshot_async, cancellable, callback, user_data);
}

TayoriArticle *
tayori_cms_sync_reviewed_snapshot_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  Snapshots *snapshots;
  TayoriArticle *reviewed;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  snapshots = g_task_propagate_pointer (G_TASK (result), error);
  if (snapshots == NULL)
    return NULL;
  reviewed = g_steal_pointer (&snapshots->snapshot);
  snapshots_free (snapshots);
  return reviewed;
}
