/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli push, pull, status, submit and resolve: an article's drafts to the CMS and back
 * through the sync engine (and its outbox), printing the sync status or remote posts as JSON. */

#include <glib/gi18n.h>
#include "tayori-cli-cms.h"

/* What an article command hands to its start function. */
typedef struct {
  gint64                id;
  char                 *account;
  char                 *note;
  char                 *override;
  TayoriConflictChoice  choice;
} ArticleCall;

static void
article_call_clear (ArticleCall *call)
{
  g_free (call->account);
  g_free (call->note);
  g_free (call->override);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ArticleCall, article_call_clear)

#define ACCOUNT_ENTRY(call) \
  { "account", 0, 0, G_OPTION_ARG_STRING, &(call).account, \
    N_("CMS account to push to (default: the article’s, or the first)"), N_("NAME") }

/* Parses the command line of a command taking one article id (and @entries, may be NULL)
 * into @call. Returns TAYORI_CLI_CONTINUE, or the exit status. */
static int
parse_article_command (TayoriCli          *cli,
                       GOptionContext     *context,
                       const GOptionEntry *entries,
                       int                 argc,
                       char              **argv,
                       ArticleCall        *call)
{
  g_auto(GStrv) args = NULL;
  int status;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  return tayori_cli_cms_parse_id (context, args[0], &call->id);
}

/* Parses a command taking one article id (and @entries, may be NULL) into @call, then runs
 * the sync engine call @start / @finish with it. Returns the exit status. */
static int
run_article_command (TayoriCli          *cli,
                     const GOptionEntry *entries,
                     int                 argc,
                     char              **argv,
                     ArticleCall        *call,
                     TayoriCliCmsStart   start,
                     TayoriCliCmsFinish  finish)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  int status = parse_article_command (cli, context, entries, argc, argv, call);

  if (status != TAYORI_CLI_CONTINUE)
    return status;
  return tayori_cli_cms_run (cli, start, finish, call);
}

static void
start_push (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ArticleCall *call = data;

  tayori_cms_sync_push_async (sync, call->id, call->account, NULL, callback, user_data);
}

int
tayori_cli_push (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_auto(ArticleCall) call = { 0 };
  const GOptionEntry entries[] = { ACCOUNT_ENTRY (call), G_OPTION_ENTRY_NULL };

  return run_article_command (cli, entries, argc, argv, &call, start_push,
                              tayori_cms_sync_push_finish);
}

static void
start_submit (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ArticleCall *call = data;

  tayori_cms_sync_submit_async (sync, call->id, call->account, call->note, call->override, NULL,
                                callback, user_data);
}

int
tayori_cli_submit (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_auto(ArticleCall) call = { 0 };
  const GOptionEntry entries[] = {
    ACCOUNT_ENTRY (call),
    { "note", 0, 0, G_OPTION_ARG_STRING, &call.note, N_("Note for the reviewers"), N_("TEXT") },
    { "override", 0, 0, G_OPTION_ARG_STRING, &call.override,
      N_("Submit although the checks report errors, recording this reason"), N_("REASON") },
    G_OPTION_ENTRY_NULL
  };

  return run_article_command (cli, entries, argc, argv, &call, start_submit,
                              tayori_cms_sync_submit_finish);
}

static void
start_status (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ArticleCall *call = data;

  tayori_cms_sync_status_async (sync, call->id, NULL, callback, user_data);
}

int
tayori_cli_status (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_auto(ArticleCall) call = { 0 };

  return run_article_command (cli, NULL, argc, argv, &call, start_status,
                              tayori_cms_sync_status_finish);
}

static const struct {
  const char           *key;
  TayoriConflictChoice  choice;
} conflict_choices[] = {
  { "mine", TAYORI_CONFLICT_KEEP_MINE },
  { "theirs", TAYORI_CONFLICT_TAKE_THEIRS },
  { "merged", TAYORI_CONFLICT_MERGED },
};

static void
start_resolve (TayoriCmsSync *sync, gpointer data, GAsyncReadyCallback callback, gpointer user_data)
{
  ArticleCall *call = data;

  tayori_cms_sync_resolve_conflict_async (sync, call->id, call->choice, NULL, callback, user_data);
}

int
tayori_cli_resolve (TayoriCli  *cli,
                    int         argc,
                    char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(ArticleCall) call = { 0 };
  g_autofree char *keep = NULL;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep,
      N_("Which side to keep: mine, theirs, or merged (the article as now saved)"), N_("SIDE") },
    G_OPTION_ENTRY_NULL
  };
  int status = parse_article_command (cli, context, entries, argc, argv, &call);

  if (status != TAYORI_CLI_CONTINUE)
    return status;
  for (guint i = 0; i < G_N_ELEMENTS (conflict_choices); i++)
    if (g_strcmp0 (keep, conflict_choices[i].key) == 0)
      {
        call.choice = conflict_choices[i].choice;
        return tayori_cli_cms_run (cli, start_resolve, tayori_cms_sync_resolve_conflict_finish, &call);
      }
  return tayori_cli_usage_error (context, _("--keep must be mine, theirs or merged"));
}

static const struct {
  const char     *key;
  TayoriCmsScope  scope;
} scopes[] = {
  { "mine", TAYORI_CMS_SCOPE_MINE },
  { "review", TAYORI_CMS_SCOPE_PENDING_REVIEW },
  { "published", TAYORI_CMS_SCOPE_PUBLISHED },
};

/* Opens every listed post locally, one after the other, and fills in the article ids. */
static gboolean
open_items (TayoriCmsSync  *sync,
            GPtrArray      *items,
            GError        **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      TayoriCmsRemoteItem *item = g_ptr_array_index (items, i);
      g_autoptr(GAsyncResult) result = NULL;

      tayori_cms_sync_open_remote_async (sync, item->account, item->remote_id, NULL,
                                         tayori_cli_cms_store_result, &result);
      tayori_cli_cms_wait (&result);
      item->article_id = tayori_cms_sync_open_remote_finish (sync, result, error);
      if (item->article_id == 0)
        return FALSE;
    }
  return TRUE;
}

int
tayori_cli_pull_scope (TayoriCli      *cli,
                       const char     *account,
                       TayoriCmsScope  scope,
                       gboolean        open_locally)
{
  g_auto(TayoriCliCms) cms = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!tayori_cli_cms_open (cli, &cms, &error))
    return tayori_cli_cms_report (cli, error);

  tayori_cms_sync_pull_async (cms.sync, account, scope, NULL, tayori_cli_cms_store_result, &result);
  tayori_cli_cms_wait (&result);
  items = tayori_cms_sync_pull_finish (cms.sync, result, &error);
  if (items == NULL || (open_locally && !open_items (cms.sync, items, &error)))
    return tayori_cli_cms_report (cli, error);

  node = tayori_cli_json_remote_items (items);
  return tayori_cli_print_json (cli, node);
}

int
tayori_cli_pull (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autofree char *account = NULL;
  g_autofree char *scope = NULL;
  gboolean open_locally = FALSE;
  const GOptionEntry entries[] = {
    { "account", 0, 0, G_OPTION_ARG_STRING, &account,
      N_("CMS account to list (default: every one)"), N_("NAME") },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope,
      N_("mine (my unpublished posts, the default), review (waiting for review) or published"),
      N_("SCOPE") },
    { "open", 0, 0, G_OPTION_ARG_NONE, &open_locally,
      N_("Also open every listed post as a local article"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 0, 0, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (g_strcmp0 (scope != NULL ? scope : "mine", scopes[i].key) == 0)
      return tayori_cli_pull_scope (cli, account, scopes[i].scope, open_locally);
  return tayori_cli_usage_error (context, _("--scope must be mine, review or published"));
}
