/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The writes of TayoriCmsSync: each one is prepared on a worker thread (account, checks, the
 * review rules), persisted as an outbox item, waited for, and answered with the status. */
#include <glib/gi18n.h>
#include "tayori-check-runner.h"
#include "tayori-cms-error.h"
#include "tayori-cms-sync-private.h"
#include "tayori-json.h"
#include "tayori-outbox-private.h"
#include "tayori-workflow.h"

#define MAX_LISTED_FINDINGS 3

typedef enum { OP_PUSH, OP_SUBMIT, OP_REVIEW, OP_RESOLVE, OP_UNPUBLISH } OpKind;

typedef struct {
  OpKind                kind;
  gint64                article_id;
  char                 *account;
  char                 *note;
  char                 *override_reason;
  TayoriCmsReviewAction action;
  GDateTime            *publish_at;
  TayoriConflictChoice  choice;
  gboolean              archive;
  gboolean              to_previous;
} Op;

static void
op_free (Op *op)
{
  g_free (op->account);
  g_free (op->note);
  g_free (op->override_reason);
  g_clear_pointer (&op->publish_at, g_date_time_unref);
  g_free (op);
}

static Op *
op_new (OpKind kind, gint64 article_id, const char *account)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->article_id = article_id;
  op->account = g_strdup (account);
  return op;
}

/* The account: the one asked for, the article's link, or the first CMS account. */
static char *
resolve_account (TayoriCmsSyncCore *core, const Op *op, const TayoriCmsLink *link, GError **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  if (op->account != NULL)
    return g_strdup (op->account);
  if (link != NULL)
    return g_strdup (link->account);
  accounts = tayori_accounts_load (core->preset, TAYORI_ACCOUNT_CMS, NULL);
  if (accounts == NULL || accounts->len == 0)
    {
      g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                           _("No CMS account is set up"));
      return NULL;
    }
  return g_strdup (((TayoriAccount *) g_ptr_array_index (accounts, 0))->name);
}

static gboolean
run_checks (TayoriCmsSyncCore *core, TayoriArticle *article, GCancellable *cancellable, GError **error)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new (core->preset);
  g_autoptr(TayoriCheckRunner) runner = tayori_check_runner_new (settings);
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
  g_autoptr(TayoriCheckReport) report = tayori_check_runner_run (runner, document, cancellable);
  g_auto(GStrv) reasons = NULL;
  g_autoptr(GString) message = NULL;

  if (report == NULL)
    return !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (tayori_check_report_can_submit (report, &reasons))
    return TRUE;
  message = g_string_new (_("The checks found errors; fix them or give a reason to submit anyway:"));
  for (guint i = 0; reasons != NULL && reasons[i] != NULL && i < MAX_LISTED_FINDINGS; i++)
    g_string_append_printf (message, "\n• %s", reasons[i]);
  g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CHECKS_FAILED, message->str);
  return FALSE;
}

static TayoriCmsLink *
require_remote (TayoriCmsLink *link, GError **error)
{
  if (link == NULL || link->remote_id == 0)
    {
      g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                           _("The article is not on the CMS yet"));
      g_clear_pointer (&link, tayori_cms_link_free);
    }
  return link;
}

/* Whose article it is on the CMS now (it may have been handed over since the last sync): NULL
 * when the CMS does not say, or does not let this user read it any more (not theirs, then);
 * as last synced when the CMS cannot be asked. */
static char *
current_author (TayoriCmsSyncCore *core, const TayoriCmsLink *link, TayoriArticle *article,
                GCancellable *cancellable)
{
  g_autoptr(TayoriCmsConnector) connector = tayori_cms_sync_core_connector (core, link->account, cancellable, NULL);
  g_autoptr(TayoriCmsPost) post = NULL;
  g_autoptr(GError) error = NULL;

  if (connector != NULL)
    post = tayori_cms_connector_get_post (connector, link->remote_id, cancellable, &error);
  if (post != NULL)
    return g_strdup (post->author_login);
  if (g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN)
      || g_error_matches (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND))
    return NULL;
  return g_strdup (link->remote_author != NULL ? link->remote_author : tayori_article_get_author (article));
}

static gboolean
check_review (TayoriCmsSyncCore *core, const Op *op, TayoriCmsLink *link, const char *account,
              TayoriArticle *article, GCancellable *cancellable, GError **error)
{
  g_autoptr(TayoriAccount) settings = tayori_cms_sync_core_account (core, account, error);
  g_autoptr(TayoriWorkflow) workflow = tayori_workflow_new_from_preset (core->preset);
  g_autofree char *author = NULL;

  if (settings == NULL)
    return FALSE;
  if (op->action == TAYORI_CMS_REVIEW_APPROVE)
    author = current_author (core, link, article, cancellable);
  return tayori_workflow_check_review (workflow, author, settings->user, op->action, op->note, error);
}

/* The outbox action and its payload for @op, after the checks that refuse it up front. */
static char *
prepare_item (TayoriCmsSyncCore *core, const Op *op, TayoriCmsLink **link, TayoriArticle *article,
              const char *account, JsonBuilder *payload, GCancellable *cancellable, GError **error)
{
  switch (op->kind)
    {
    case OP_PUSH:
      return g_strdup ("push");
    case OP_SUBMIT:
      if ((op->override_reason == NULL || op->override_reason[0] == '\0')
          && !run_checks (core, article, cancellable, error))
        return NULL;
      return g_strdup ("submit");
    case OP_REVIEW:
      if (op->action == TAYORI_CMS_REVIEW_SUBMIT)
        return g_strdup ("submit");
      if ((*link = require_remote (*link, error)) == NULL
          || !check_review (core, op, *link, account, article, cancellable, error))
        return NULL;
      if (op->to_previous)
        {
          json_builder_set_member_name (payload, "to");
          json_builder_add_string_value (payload, "previous");
        }
      if (op->publish_at != NULL)
        {
          g_autofree char *at = g_date_time_format_iso8601 (op->publish_at);

          json_builder_set_member_name (payload, "publish_at");
          json_builder_add_string_value (payload, at);
        }
      return g_strdup (op->action == TAYORI_CMS_REVIEW_APPROVE ? "approve" : "return");
    case OP_RESOLVE:
      if (*link == NULL || (*link)->conflict_snapshot == NULL)
        {
          g_set_error_literal (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND,
                               _("The article has no conflict to resolve"));
          return NULL;
        }
      if (op->choice == TAYORI_CONFLICT_TAKE_THEIRS)
        return g_strdup ("take-theirs");
      json_builder_set_member_name (payload, "force");
      json_builder_add_boolean_value (payload, TRUE);
      return g_strdup ("push");
    case OP_UNPUBLISH:
      if ((*link = require_remote (*link, error)) == NULL)
        return NULL;
      json_builder_set_member_name (payload, "archive");
      json_builder_add_boolean_value (payload, op->archive);
      return g_strdup ("unpublish");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
prepare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSync *self = source;
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (self);
  const Op *op = data;
  g_autoptr(TayoriCmsLink) link = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(JsonBuilder) payload = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *account = NULL;
  g_autofree char *action = NULL;
  g_autofree char *text = NULL;
  GError *error = NULL;
  gint64 id;

  json_builder_begin_object (payload);
  if (op->note != NULL)
    {
      json_builder_set_member_name (payload, "note");
      json_builder_add_string_value (payload, op->note);
    }
  if (op->override_reason != NULL && op->override_reason[0] != '\0')
    {
      json_builder_set_member_name (payload, "override_reason");
      json_builder_add_string_value (payload, op->override_reason);
    }
  article = tayori_store_load_article (core->store, op->article_id, &error);
  if (article != NULL)
    link = tayori_cms_link_load (core->store, op->article_id, &error);
  if (error == NULL)
    account = resolve_account (core, op, link, &error);
  if (account != NULL)
    action = prepare_item (core, op, &link, article, account, payload, cancellable, &error);
  if (action == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  json_builder_end_object (payload);
  root = json_builder_get_root (payload);
  text = json_to_string (root, FALSE);
  id = tayori_outbox_enqueue (tayori_cms_sync_get_outbox (self), op->article_id, account, action, text, &error);
  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_memdup2 (&id, sizeof id), g_free);
}

/* The site's approval levels as its plugin last told (kept in a review item's payload), 0
 * when it never did. */
static guint
site_levels (TayoriCmsSyncCore *core, const TayoriCmsSyncStatus *status)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *payload = NULL;
  JsonObject *object;

  if (status->account == NULL)
    return 0;
  payload = tayori_outbox_db_find_payload (core->store, status->article_id, status->account, G_MAXINT64,
                                           "approval_levels", NULL);
  object = tayori_json_parse_object (parser, payload);
  if (object == NULL)
    return 0;
  return (guint) CLAMP (json_object_get_int_member_with_default (object, "approval_levels", 0), 0, 3);
}

static void
status_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TayoriCmsSyncCore *core = tayori_cms_sync_get_core (source);
  gint64 article_id = *(gint64 *) data;
  g_autoptr(TayoriArticle) article = NULL;
  GError *error = NULL;
  TayoriCmsSyncStatus *status;

  (void) cancellable;
  status = tayori_cms_link_status (core->store, article_id, &error);
  if (status == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  article = tayori_store_load_article (core->store, article_id, NULL);
  status->approval_levels = site_levels (core, status);
  if (status->approval_levels == 0)
    status->approval_levels = tayori_cms_sync_core_levels (core, article);
  g_task_return_pointer (task, status, (GDestroyNotify) tayori_cms_sync_status_free);
}

static void
waited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!tayori_outbox_wait_finish (TAYORI_OUTBOX (source), result, &error))
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, status_thread);
}

static void
prepared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autofree gint64 *id = g_task_propagate_pointer (G_TASK (result), &error);
  GCancellable *cancellable;

  if (id == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  tayori_outbox_wait_async (tayori_cms_sync_get_outbox (TAYORI_CMS_SYNC (source)), *id,
                            cancellable, waited_cb, g_steal_pointer (&task));
}

static void
start_op (TayoriCmsSync *self, Op *op, gpointer source_tag, GCancellable *cancellable,
          GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) prepare = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_memdup2 (&op->article_id, sizeof op->article_id), g_free);
  prepare = g_task_new (self, cancellable, prepared_cb, task);
  g_task_set_task_data (prepare, op, (GDestroyNotify) op_free);
  g_task_run_in_thread (prepare, prepare_thread);
}

static TayoriCmsSyncStatus *
finish_op (TayoriCmsSync *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tayori_cms_sync_push_async (TayoriCmsSync *self, gint64 article_id, const char *account,
                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  start_op (self, op_new (OP_PUSH, article_id, account), tayori_cms_sync_push_async,
            cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_push_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_push_async, error);
}

void
tayori_cms_sync_submit_async (TayoriCmsSync *self, gint64 article_id, const char *account,
                              const char *note, const char *override_reason,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  Op *op;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  op = op_new (OP_SUBMIT, article_id, account);
  op->note = g_strdup (note);
  op->override_reason = g_strdup (override_reason);
  start_op (self, op, tayori_cms_sync_submit_async, cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_submit_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_submit_async, error);
}

void
tayori_cms_sync_review_async (TayoriCmsSync *self, gint64 article_id, TayoriCmsReviewAction action,
                              const char *note, GDateTime *publish_at, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  Op *op;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  op = op_new (OP_REVIEW, article_id, NULL);
  op->action = action;
  op->note = g_strdup (note);
  op->publish_at = publish_at != NULL ? g_date_time_ref (publish_at) : NULL;
  start_op (self, op, tayori_cms_sync_review_async, cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_review_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_review_async, error);
}

void
tayori_cms_sync_return_async (TayoriCmsSync *self, gint64 article_id, const char *note, gboolean to_previous,
                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  Op *op;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  op = op_new (OP_REVIEW, article_id, NULL);
  op->action = TAYORI_CMS_REVIEW_RETURN;
  op->note = g_strdup (note);
  op->to_previous = to_previous;
  start_op (self, op, tayori_cms_sync_return_async, cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_return_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_return_async, error);
}

void
tayori_cms_sync_resolve_conflict_async (TayoriCmsSync *self, gint64 article_id, TayoriConflictChoice choice,
                                        GCancellable *cancellable, GAsyncReadyCallback callback,
                                        gpointer user_data)
{
  Op *op;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  op = op_new (OP_RESOLVE, article_id, NULL);
  op->choice = choice;
  start_op (self, op, tayori_cms_sync_resolve_conflict_async, cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_resolve_conflict_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_resolve_conflict_async, error);
}

void
tayori_cms_sync_unpublish_async (TayoriCmsSync *self, gint64 article_id, gboolean archive,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  Op *op;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  op = op_new (OP_UNPUBLISH, article_id, NULL);
  op->archive = archive;
  start_op (self, op, tayori_cms_sync_unpublish_async, cancellable, callback, user_data);
}

TayoriCmsSyncStatus *
tayori_cms_sync_unpublish_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_unpublish_async, error);
}

void
tayori_cms_sync_status_async (TayoriCmsSync *self, gint64 article_id, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TAYORI_IS_CMS_SYNC (self));
  task = tayori_cms_sync_task_new (self, tayori_cms_sync_status_async,
                                   g_memdup2 (&article_id, sizeof article_id), g_free,
                                   cancellable, callback, user_data);
  g_task_run_in_thread (task, status_thread);
}

TayoriCmsSyncStatus *
tayori_cms_sync_status_finish (TayoriCmsSync *self, GAsyncResult *result, GError **error)
{
  return finish_op (self, result, tayori_cms_sync_status_async, error);
}
