/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the CMS commands of tayori-cli share: opening the sync engine, waiting for its async
 * calls, classified errors (stderr and JSON) and the JSON of statuses and remote posts. */

#include <glib/gi18n.h>
#include "tayori-cli-cms.h"
#include "tayori-cms-error.h"
#include "tayori-json.h"

gboolean
tayori_cli_cms_open (TayoriCli     *cli,
                     TayoriCliCms  *cms,
                     GError       **error)
{
  cms->store = tayori_cli_open_store (cli, error);
  if (cms->store == NULL)
    return FALSE;
  cms->preset = tayori_cli_load_preset (NULL, NULL);
  cms->sync = tayori_cms_sync_new (cms->store, cms->preset);
  return TRUE;
}

void
tayori_cli_cms_clear (TayoriCliCms *cms)
{
  if (cms->sync != NULL)
    tayori_outbox_stop (tayori_cms_sync_get_outbox (cms->sync));
  g_clear_object (&cms->sync);
  g_clear_object (&cms->preset);
  g_clear_object (&cms->store);
}

void
tayori_cli_cms_store_result (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

void
tayori_cli_cms_wait (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

int
tayori_cli_cms_parse_id (GOptionContext *context,
                         const char     *text,
                         gint64         *out_id)
{
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
    return tayori_cli_usage_error (context, _("“%s” is not an article id (a whole number from 1)"),
                                   text);
  return TAYORI_CLI_CONTINUE;
}

/* The "class" of an error: the CMS error key, or what kind of local failure it was. */
static const char *
error_class (const GError *error)
{
  if (error->domain == TAYORI_CMS_ERROR)
    return tayori_cms_error_to_key (error->code);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return "cancelled";
  return "local";
}

int
tayori_cli_cms_report (TayoriCli    *cli,
                       const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  const char *advice = error->domain == TAYORI_CMS_ERROR ? tayori_cms_error_advice (error->code) : NULL;

  g_printerr ("tayori-cli: %s\n", error->message);
  if (advice != NULL)
    g_printerr ("%s\n", advice);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "class", error_class (error));
  tayori_json_add_string (builder, "message", error->message);
  tayori_json_add_string (builder, "advice", advice);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  tayori_cli_print_json (cli, node);
  return TAYORI_CLI_EXIT_ERROR;
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
add_outbox_item (JsonBuilder            *builder,
                 const TayoriOutboxItem *item)
{
  json_builder_set_member_name (builder, "pending");
  if (item == NULL)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  add_int (builder, "id", item->id);
  tayori_json_add_string (builder, "action", item->action);
  tayori_json_add_string (builder, "state", tayori_outbox_state_to_key (item->state));
  add_int (builder, "attempts", item->attempts);
  tayori_json_add_string (builder, "next_attempt", item->next_attempt);
  tayori_json_add_string (builder, "error_class", item->error_class);
  tayori_json_add_string (builder, "error_message", item->error_message);
  json_builder_end_object (builder);
}

static void
add_review_log (JsonBuilder *builder,
                GPtrArray   *log)
{
  json_builder_set_member_name (builder, "review_log");
  json_builder_begin_array (builder);
  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      const TayoriCmsReviewEntry *entry = g_ptr_array_index (log, i);

      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "action", entry->action);
      tayori_json_add_string (builder, "actor", entry->actor);
      add_int (builder, "level", entry->level);
      tayori_json_add_string (builder, "note", entry->note);
      tayori_json_add_string (builder, "revision_hash", entry->revision_hash);
      tayori_json_add_string (builder, "at", entry->at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
tayori_cli_json_sync_status (const TayoriCmsSyncStatus *status)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_int (builder, "id", status->article_id);
  tayori_json_add_string (builder, "account", status->account);
  tayori_json_add_string (builder, "client_id", status->client_id);
  add_int (builder, "remote_id", status->remote_id);
  tayori_json_add_string (builder, "remote_status", status->remote_status);
  tayori_json_add_string (builder, "link", status->remote_link);
  tayori_json_add_string (builder, "remote_author", status->remote_author);
  tayori_json_add_string (builder, "synced_modified", status->synced_modified);
  tayori_json_add_string (builder, "synced_hash", status->synced_hash);
  add_boolean (builder, "local_changed", status->local_changed);
  add_boolean (builder, "conflict", status->conflict);
  tayori_json_add_string (builder, "review_note", status->review_note);
  add_int (builder, "approvals", status->approvals);
  add_int (builder, "approval_levels", status->approval_levels);
  add_outbox_item (builder, status->pending);
  add_review_log (builder, status->review_log);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

JsonNode *
tayori_cli_json_remote_items (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      const TayoriCmsRemoteItem *item = g_ptr_array_index (items, i);

      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "account", item->account);
      add_int (builder, "remote_id", item->remote_id);
      add_int (builder, "id", item->article_id);
      tayori_json_add_string (builder, "title", item->title);
      tayori_json_add_string (builder, "status", item->status);
      tayori_json_add_string (builder, "author", item->author);
      tayori_json_add_string (builder, "ward", item->ward);
      tayori_json_add_string (builder, "department", item->department);
      tayori_json_add_string (builder, "modified_gmt", item->modified_gmt);
      tayori_json_add_string (builder, "submitted_at", item->submitted_at);
      add_int (builder, "approvals", item->approvals);
      tayori_json_add_string (builder, "publish_end", item->publish_end);
      tayori_json_add_string (builder, "link", item->link);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

int
tayori_cli_cms_run (TayoriCli          *cli,
                    TayoriCliCmsStart   start,
                    TayoriCliCmsFinish  finish,
                    gpointer            data)
{
  g_auto(TayoriCliCms) cms = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!tayori_cli_cms_open (cli, &cms, &error))
    return tayori_cli_cms_report (cli, error);

  start (cms.sync, data, tayori_cli_cms_store_result, &result);
  tayori_cli_cms_wait (&result);
  status = finish (cms.sync, result, &error);
  if (status == NULL)
    return tayori_cli_cms_report (cli, error);
  node = tayori_cli_json_sync_status (status);
  return tayori_cli_print_json (cli, node);
}
