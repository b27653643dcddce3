/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli post ID --accounts A,B [--at TIME] [--wait]: one click from a shell. Each
 * account's text is the composer's version for it (account, network, base), else the built-in
 * draft; the gate's reasons are printed when it refuses. Prints the jobs as JSON once the
 * posts due now are settled (with --wait, scheduled ones too). */

#include <glib/gi18n.h>
#include "tayori-cli-posting.h"
#include "tayori-accounts.h"
#include "tayori-post-queue.h"
#include "tayori-sns-draft.h"
#include "tayori-sns-versions.h"
#include "tayori-media-store.h"

/* The request for @name: its composer text and images, else a draft with the thumbnail. */
static TayoriPostRequest *
make_request (TayoriPreset   *preset,
              TayoriArticle  *article,
              GPtrArray      *versions,
              const char     *name,
              const char     *url,
              GError        **error)
{
  g_autoptr(TayoriAccount) account = tayori_accounts_find (preset, TAYORI_ACCOUNT_CHANNEL, name,
                                                           error);
  const TayoriSnsVersion *version;
  TayoriPostRequest *request;
  TayoriPostNetwork network;
  const char *thumbnail;
  g_autofree char *draft = NULL;

  if (account == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no SNS account “%s”."),
                     name);
      return NULL;
    }
  if (!tayori_post_network_from_string (account->type, &network))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a network Tayori can post to."), account->type);
      return NULL;
    }
  version = tayori_sns_versions_resolve (versions, name, account->type);
  if (version != NULL)
    {
      request = tayori_post_request_new (name, version->text);
      for (guint i = 0; version->images != NULL && i < version->images->len; i++)
        {
          TayoriPostImage *image = g_ptr_array_index (version->images, i);

          g_ptr_array_add (request->images, tayori_post_image_new (image->hash, image->alt));
        }
      return request;
    }

  draft = tayori_sns_draft (article, preset, network, url, 0);
  request = tayori_post_request_new (name, draft);
  thumbnail = tayori_article_get_thumbnail (article);
  if (thumbnail != NULL && tayori_media_store_is_hash (thumbnail))
    g_ptr_array_add (request->images,
                     tayori_post_image_new (thumbnail, tayori_article_get_thumbnail_alt (article)));
  return request;
}

static GPtrArray *
make_requests (TayoriStore    *store,
               TayoriPreset   *preset,
               TayoriArticle  *article,
               GStrv           accounts,
               GDateTime      *at,
               GError        **error)
{
  gint64 id = tayori_article_get_id (article);
  g_autoptr(GPtrArray) versions = tayori_sns_versions_load (store, id, error);
  g_autoptr(GPtrArray) requests =
    g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);
  g_autofree char *url = tayori_post_article_url (store, id);

  if (versions == NULL)
    return NULL;
  for (guint i = 0; accounts[i] != NULL; i++)
    {
      TayoriPostRequest *request = make_request (preset, article, versions,
                                                 g_strstrip (accounts[i]), url, error);

      if (request == NULL)
        return NULL;
      if (at != NULL)
        request->scheduled_at = g_date_time_ref (at);
      g_ptr_array_add (requests, request);
    }
  return g_steal_pointer (&requests);
}

/* The jobs of @ids, in that order, from @jobs. */
static JsonNode *
jobs_to_json (GPtrArray *jobs,
              GArray    *ids)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < ids->len; i++)
    for (guint j = 0; j < jobs->len; j++)
      {
        TayoriPostJob *job = g_ptr_array_index (jobs, j);
        g_autofree char *json = NULL;

        if (job->id != g_array_index (ids, gint64, i))
          continue;
        json = tayori_post_job_to_json (job);
        json_array_add_element (array, json_from_string (json, NULL));
      }
  json_node_take_array (node, array);
  return node;
}

/* The ids of jobs that go out now: those without a time, or all with --wait. */
static GArray *
ids_to_wait_for (GArray    *ids,
                 GPtrArray *requests,
                 gboolean   all)
{
  GArray *due = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ids->len; i++)
    if (all || ((TayoriPostRequest *) g_ptr_array_index (requests, i))->scheduled_at == NULL)
      g_array_append_val (due, g_array_index (ids, gint64, i));
  return due;
}

int
tayori_cli_post (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autofree char *accounts = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *preset_path = NULL;
  g_auto(GStrv) roles = NULL;
  gboolean wait_all = FALSE;
  const GOptionEntry entries[] = {
    { "accounts", 0, 0, G_OPTION_ARG_STRING, &accounts,
      N_("The SNS accounts to post to, separated by commas"), N_("A,B") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("Post at this time (ISO 8601, e.g. 2026-04-01T09:00+09:00) instead of now"),
      N_("TIME") },
    { "wait", 0, 0, G_OPTION_ARG_NONE, &wait_all,
      N_("Stay until scheduled posts are sent too"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING_ARRAY, &roles,
      N_("A role of the person posting (role:editor may post articles not yet approved)"),
      N_("ROLE") },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &preset_path,
      N_("Organisation preset file with the accounts (default: the installed preset)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(TayoriPostQueue) queue = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (accounts == NULL || *accounts == '\0')
    return tayori_cli_usage_error (context, _("Give the accounts to post to with --accounts"));
  if (at_text != NULL)
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      at = g_date_time_new_from_iso8601 (at_text, local);
      if (at == NULL)
        return tayori_cli_usage_error (context, _("“%s” is not an ISO 8601 time"), at_text);
    }
  status = tayori_cli_load_article (cli, context, args[0], &article);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  store = tayori_cli_open_store (cli, &error);
  if (store == NULL || (preset = tayori_cli_load_preset (preset_path, &error)) == NULL)
    return tayori_cli_report (error);

  names = g_strsplit (accounts, ",", -1);
  requests = make_requests (store, preset, article, names, at, &error);
  if (requests == NULL)
    return tayori_cli_report (error);
  queue = tayori_post_queue_new (store, preset);
  ids = tayori_post_queue_enqueue (queue, tayori_article_get_id (article), requests,
                                   g_get_user_name (), (const char * const *) roles, &error);
  if (ids == NULL)
    return tayori_cli_report (error);

  if (wait_all)
    tayori_post_queue_start (queue);
  due = ids_to_wait_for (ids, requests, wait_all);
  jobs = tayori_post_queue_wait_sync (queue, due, &error);
  if (jobs == NULL)
    return tayori_cli_report (error);
  g_clear_pointer (&jobs, g_ptr_array_unref);

  jobs = tayori_post_queue_list_jobs (queue, tayori_article_get_id (article), &error);
  if (jobs == NULL)
    return tayori_cli_report (error);
  node = jobs_to_json (jobs, ids);
  return tayori_cli_print_json (cli, node);
}
