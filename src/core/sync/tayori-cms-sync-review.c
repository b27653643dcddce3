/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The outbox's run function for TayoriCmsSync: dispatches an item by its action (push,
 * submit, approve, return, take-theirs, unpublish) and keeps the local side in step: link,
 * mirrored review log, reviewed snapshot, local status, and both sides of a conflict. */
#include <glib/gi18n.h>
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-json.h"
#include "tayori-outbox-private.h"
#include "tayori-workflow.h"

guint
tayori_cms_sync_core_levels (TayoriCmsSyncCore *core, TayoriArticle *article)
{
  g_autoptr(TayoriWorkflow) workflow = tayori_workflow_new_from_preset (core->preset);

  return tayori_workflow_levels_for (workflow, article);
}

gboolean
tayori_cms_sync_record_conflict (TayoriCmsSyncCore *core, TayoriCmsLink *link, TayoriArticle *mine,
                                 TayoriArticle *theirs, GError **error)
{
  g_autofree char *snapshot = NULL;

  tayori_article_set_id (theirs, tayori_article_get_id (mine));
  snapshot = tayori_cms_article_to_snapshot (theirs);
  if (link->conflict_snapshot == NULL || !g_str_equal (link->conflict_snapshot, snapshot))
    {
      /* Theirs becomes a revision, then mine is saved again so it stays the current one. */
      if (tayori_store_save_article (core->store, theirs, TAYORI_SAVE_MANUAL, error) == 0
          || tayori_store_save_article (core->store, mine, TAYORI_SAVE_MANUAL, error) == 0)
        return FALSE;
      g_free (link->conflict_snapshot);
      link->conflict_snapshot = g_steal_pointer (&snapshot);
      if (!tayori_cms_link_save (core->store, link, error))
        return FALSE;
    }
  g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CONFLICT,
                       _("The post was changed on the CMS since the last sync; both versions are kept"));
  return FALSE;
}

/* Saves @status on the local article; when it had no local edits (or its content is what was
 * synced), the new revision counts as synced too: a status is not an edit. */
static gboolean
save_status (TayoriCmsSyncCore *core, TayoriCmsLink *link, TayoriArticleStatus status, GError **error)
{
  g_autoptr(TayoriArticle) article = tayori_store_load_article (core->store, link->article_id, error);
  g_autofree char *hash = NULL;
  gboolean in_step;

  if (article == NULL)
    return FALSE;
  if (tayori_article_get_status (article) == status)
    return TRUE;
  in_step = tayori_cms_link_latest_revision (core->store, link->article_id, NULL) == link->synced_revision;
  tayori_article_set_status (article, status);
  if (tayori_store_save_article (core->store, article, TAYORI_SAVE_MANUAL, error) == 0)
    return FALSE;
  hash = tayori_cms_content_hash (article);
  if (in_step || g_strcmp0 (hash, link->synced_hash) == 0)
    link->synced_revision = tayori_cms_link_latest_revision (core->store, link->article_id, NULL);
  return TRUE;
}

static TayoriCmsLink *
load_link (TayoriCmsSyncCore *core, gint64 article_id, GError **error)
{
  GError *local_error = NULL;
  TayoriCmsLink *link = tayori_cms_link_load (core->store, article_id, &local_error);

  if (link == NULL && local_error == NULL)
    g_set_error_literal (&local_error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                         _("The article is not on the CMS yet"));
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return link;
}

static const char *
payload_text (JsonObject *payload, const char *member)
{
  return json_object_get_string_member_with_default (payload, member, NULL);
}

static gboolean
mirror_log (TayoriCmsSyncCore *core, TayoriCmsLink *link, GPtrArray *log, GError **error)
{
  if (log == NULL || log->len == 0)
    return TRUE;
  return tayori_cms_link_save_log (core->store, link->article_id, link->account, link->remote_id, log, error);
}

/* What the CMS said after a review action: the post again when the answer lacks the time. */
static TayoriCmsPost *
refresh (TayoriCmsConnector *connector, TayoriCmsPost *post, GCancellable *cancellable, GError **error)
{
  TayoriCmsPost *full;

  if (post->modified_gmt != NULL)
    return post;
  full = tayori_cms_connector_get_post (connector, post->remote_id, cancellable, error);
  if (full != NULL && full->review_log == NULL && post->review_log != NULL)
    full->review_log = g_ptr_array_ref (post->review_log);
  tayori_cms_post_free (post);
  return full;
}

/* The site's approval levels (its plugin's setting, not the preset's), kept in the item's
 * payload for the status. Best effort: the review itself is done. */
static void
remember_levels (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, JsonObject *payload,
                 TayoriCmsConnector *connector, GCancellable *cancellable)
{
  g_autoptr(TayoriCmsSiteInfo) info = tayori_cms_connector_discover (connector, cancellable, NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (info == NULL || info->approval_levels == 0)
    return;
  json_object_set_int_member (payload, "approval_levels", info->approval_levels);
  node = json_node_init_object (json_node_alloc (), payload);
  text = json_to_string (node, FALSE);
  tayori_outbox_db_set_payload (core->store, item->id, text, NULL);
}

static gboolean
run_review (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, JsonObject *payload,
            TayoriCmsReviewAction action, GCancellable *cancellable, GError **error)
{
  g_autoptr(TayoriCmsLink) link = NULL;
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(GDateTime) publish_at = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autofree char *note = g_strdup (payload_text (payload, "note"));
  const char *reason = payload_text (payload, "override_reason");
  gboolean returned;

  if (action == TAYORI_CMS_REVIEW_SUBMIT)
    post = tayori_cms_sync_run_push (core, item, payload, &link, cancellable, error);
  else
    link = load_link (core, item->article_id, error);
  if (link == NULL)
    return FALSE;
  g_clear_pointer (&post, tayori_cms_post_free);
  connector = tayori_cms_sync_core_connector (core, link->account, cancellable, error);
  if (connector == NULL)
    return FALSE;
  if (reason != NULL)
    {
      /* Translators: added to the note sent with a submit that overrides check errors */
      g_autofree char *line = g_strdup_printf (_("Submitted despite check errors: %s"), reason);
      g_autofree char *given = g_steal_pointer (&note);

      note = given != NULL && given[0] != '\0' ? g_strconcat (given, "\n", line, NULL) : g_steal_pointer (&line);
    }
  if (payload_text (payload, "publish_at") != NULL)
    publish_at = g_date_time_new_from_iso8601 (payload_text (payload, "publish_at"), NULL);
  if (action == TAYORI_CMS_REVIEW_RETURN && g_strcmp0 (payload_text (payload, "to"), "previous") == 0)
    post = tayori_cms_connector_return_to_previous (connector, link->remote_id, note, link->synced_hash,
                                                    cancellable, error);
  else
    post = tayori_cms_connector_review (connector, link->remote_id, action, note, link->synced_hash,
                                        publish_at, cancellable, error);
  if (post != NULL)
    post = refresh (connector, g_steal_pointer (&post), cancellable, error);
  if (post == NULL)
    return FALSE;
  remember_levels (core, item, payload, connector, cancellable);
  tayori_cms_link_take_post (link, post);
  returned = action == TAYORI_CMS_REVIEW_RETURN;
  g_free (link->review_note);
  link->review_note = returned ? g_strdup (note) : NULL;
  if (action != TAYORI_CMS_REVIEW_SUBMIT)
    {
      article = tayori_store_load_article (core->store, item->article_id, error);
      if (article == NULL)
        return FALSE;
      g_free (link->reviewed_snapshot);
      link->reviewed_snapshot = tayori_cms_article_to_snapshot (article);
    }
  if (post->review_log == NULL || post->review_log->len == 0)
    {
      /* Without the plugin there is no remote log: keep our own entry. */
      g_autoptr(TayoriAccount) account = tayori_cms_sync_core_account (core, link->account, NULL);
      TayoriCmsReviewEntry *entry = g_new0 (TayoriCmsReviewEntry, 1);
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      entry->action = g_strdup (action == TAYORI_CMS_REVIEW_SUBMIT ? "submit"
                                : returned ? "return" : "approve");
      entry->actor = g_strdup (account != NULL ? account->user : "");
      entry->note = g_strdup (note);
      entry->revision_hash = g_strdup (link->synced_hash);
      entry->at = g_date_time_format_iso8601 (now);
      g_clear_pointer (&post->review_log, g_ptr_array_unref);
      post->review_log = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_review_entry_free);
      g_ptr_array_add (post->review_log, entry);
    }
  return mirror_log (core, link, post->review_log, error)
         && save_status (core, link, tayori_workflow_status_from_remote (post->status, returned), error)
         && tayori_cms_link_save (core->store, link, error);
}

static gboolean
run_take_theirs (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(TayoriCmsLink) link = load_link (core, item->article_id, error);
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(TayoriArticle) theirs = NULL;
  g_autoptr(GPtrArray) categories = NULL;

  if (link == NULL)
    return FALSE;
  connector = tayori_cms_sync_core_connector (core, link->account, cancellable, error);
  post = connector != NULL ? tayori_cms_connector_get_post (connector, link->remote_id, cancellable, error) : NULL;
  if (post == NULL)
    return FALSE;
  categories = tayori_cms_sync_core_terms (core, link->account, TAYORI_CMS_TAXONOMY_CATEGORY, cancellable, NULL);
  theirs = tayori_cms_article_theirs (post, link, categories);
  tayori_article_set_id (theirs, item->article_id);
  if (tayori_store_save_article (core->store, theirs, TAYORI_SAVE_MANUAL, error) == 0)
    return FALSE;
  tayori_cms_link_take_post (link, post);
  tayori_cms_link_mark_synced (link, post,
                               post->revision_hash != NULL ? g_strdup (post->revision_hash)
                                                           : tayori_cms_content_hash (theirs),
                               tayori_cms_link_latest_revision (core->store, item->article_id, NULL));
  g_clear_pointer (&link->conflict_snapshot, g_free);
  return tayori_cms_link_save (core->store, link, error)
         && tayori_outbox_db_settle_conflicts (core->store, item->article_id, error);
}

static gboolean
run_unpublish (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, JsonObject *payload,
               GCancellable *cancellable, GError **error)
{
  g_autoptr(TayoriCmsLink) link = load_link (core, item->article_id, error);
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(TayoriCmsPost) post = NULL;
  gboolean archive = json_object_get_boolean_member_with_default (payload, "archive", FALSE);

  if (link == NULL)
    return FALSE;
  connector = tayori_cms_sync_core_connector (core, link->account, cancellable, error);
  post = connector != NULL ? tayori_cms_connector_set_status (connector, link->remote_id,
                                                              archive ? "trash" : "draft",
                                                              cancellable, error) : NULL;
  if (post == NULL)
    return FALSE;
  tayori_cms_link_take_post (link, post);
  return save_status (core, link, archive ? TAYORI_ARTICLE_STATUS_ARCHIVED : TAYORI_ARTICLE_STATUS_DRAFT, error)
         && tayori_cms_link_save (core->store, link, error);
}

static gboolean
run_action (TayoriCmsSyncCore *core, const TayoriOutboxItem *item, GCancellable *cancellable, GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *payload = tayori_json_parse_object (parser, item->payload);

  if (payload == NULL)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED, "Malformed outbox payload");
      return FALSE;
    }
  if (g_str_equal (item->action, "push"))
    {
      g_autoptr(TayoriCmsPost) post = tayori_cms_sync_run_push (core, item, payload, NULL, cancellable, error);

      return post != NULL;
    }
  if (g_str_equal (item->action, "submit"))
    return run_review (core, item, payload, TAYORI_CMS_REVIEW_SUBMIT, cancellable, error);
  if (g_str_equal (item->action, "approve"))
    return run_review (core, item, payload, TAYORI_CMS_REVIEW_APPROVE, cancellable, error);
  if (g_str_equal (item->action, "return"))
    return run_review (core, item, payload, TAYORI_CMS_REVIEW_RETURN, cancellable, error);
  if (g_str_equal (item->action, "take-theirs"))
    return run_take_theirs (core, item, cancellable, error);
  if (g_str_equal (item->action, "unpublish"))
    return run_unpublish (core, item, payload, cancellable, error);
  g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED, "Unknown outbox action “%s”", item->action);
  return FALSE;
}

gboolean
tayori_cms_sync_run_item (const TayoriOutboxItem *item, gpointer data, GCancellable *cancellable,
                          GError **error)
{
  TayoriCmsSyncCore *core = data;
  GError *local_error = NULL;

  if (run_action (core, item, cancellable, &local_error))
    return TRUE;
  if (g_error_matches (local_error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_AUTH))
    tayori_cms_sync_core_forget_connector (core, item->account);
  g_propagate_error (error, local_error);
  return FALSE;
}
