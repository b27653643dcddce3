/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli review list | approve ID [--at TIME] | return ID --note TEXT [--to previous]: the
 * editor's side of the approval workflow. "list" opens the queue locally so that its ids work
 * with the other two. */

#include <string.h>
#include <glib/gi18n.h>
#include "tayori-cli-cms.h"

/* --at: ISO 8601, or "2026-12-01 09:00" (a time without an offset is Asia/Tokyo). */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autofree char *iso = g_strdelimit (g_strdup (text), " ", 'T');

  if (tokyo == NULL)
    tokyo = g_time_zone_new_offset (9 * 3600);
  /* "YYYY-MM-DDTHH:MM": GLib wants the seconds */
  if (strlen (iso) == 16 && iso[10] == 'T')
    {
      char *full = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = full;
    }
  return g_date_time_new_from_iso8601 (iso, tokyo);
}

/* The review action tayori_cli_review () hands to start_review (). */
typedef struct {
  gint64                 id;
  TayoriCmsReviewAction  action;
  const char            *note;
  GDateTime             *publish_at;
  gboolean               to_previous;
} ReviewCall;

static void
start_review (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ReviewCall *call = data;

  tayori_cms_sync_review_async (sync, call->id, call->action, call->note, call->publish_at, NULL,
                                callback, user_data);
}

static void
start_return (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ReviewCall *call = data;

  tayori_cms_sync_return_async (sync, call->id, call->note, call->to_previous, NULL, callback, user_data);
}

int
tayori_cli_review (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autofree char *account = NULL;
  g_autofree char *note = NULL;
  g_autofree char *at = NULL;
  g_autofree char *to = NULL;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account,
      N_("list: CMS account (default: every one)"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note,
      N_("approve: a comment; return: what to fix (required)"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at,
      N_("approve: publish at this time (ISO 8601, or “2026-12-01 09:00” in Japan time)"),
      N_("TIME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("return: back to the “author” (default) or the “previous” approval level"), N_("WHO") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GDateTime) publish_at = NULL;
  g_auto(GStrv) args = NULL;
  ReviewCall call = { 0 };
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 2, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (g_str_equal (args[0], "list"))
    {
      if (args[1] != NULL)
        return tayori_cli_usage_error (context, _("Unexpected argument “%s”"), args[1]);
      return tayori_cli_pull_scope (cli, account, TAYORI_CMS_SCOPE_PENDING_REVIEW, TRUE);
    }
  if (!g_str_equal (args[0], "approve") && !g_str_equal (args[0], "return"))
    return tayori_cli_usage_error (context, _("Unknown action “%s”: list, approve or return"), args[0]);
  if (args[1] == NULL)
    return tayori_cli_usage_error (context, _("Missing argument"));
  status = tayori_cli_cms_parse_id (context, args[1], &call.id);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (g_str_equal (args[0], "return"))
    {
      if (note == NULL || *g_strstrip (note) == '\0')
        return tayori_cli_usage_error (context, _("Returning an article needs --note"));
      if (at != NULL)
        return tayori_cli_usage_error (context, _("--at is only for approve"));
      if (to != NULL && !g_str_equal (to, "author") && !g_str_equal (to, "previous"))
        return tayori_cli_usage_error (context, _("--to is “author” or “previous”, not “%s”"), to);
      call.action = TAYORI_CMS_REVIEW_RETURN;
      call.note = note;
      call.to_previous = g_strcmp0 (to, "previous") == 0;
      return tayori_cli_cms_run (cli, start_return, tayori_cms_sync_return_finish, &call);
    }
  if (to != NULL)
    return tayori_cli_usage_error (context, _("--to is only for return"));

  if (at != NULL)
    {
      publish_at = parse_time (at);
      if (publish_at == NULL)
        return tayori_cli_usage_error (context, _("“%s” is not a date and time"), at);
    }
  call.action = TAYORI_CMS_REVIEW_APPROVE;
  call.note = note;
  call.publish_at = publish_at;
  return tayori_cli_cms_run (cli, start_review, tayori_cms_sync_review_finish, &call);
}
