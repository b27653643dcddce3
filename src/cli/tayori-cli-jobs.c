/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli jobs [--article ID] [--state S]: the post jobs as JSON, newest first;
 * tayori-cli audit export -o FILE.csv: the audit log for Excel. */

#include <glib/gi18n.h>
#include "tayori-cli-posting.h"
#include "tayori-audit-log.h"
#include "tayori-post-queue.h"

int
tayori_cli_jobs (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  gint64 article_id = 0;
  g_autofree char *state_key = NULL;
  const GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_INT64, &article_id, N_("Only this article’s jobs"),
      N_("ID") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_key,
      N_("Only jobs in this state: pending, sending, unknown, sent, failed, late or cancelled"),
      N_("STATE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(TayoriPostQueue) queue = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  TayoriPostJobState state = TAYORI_POST_JOB_PENDING;
  JsonArray *array;
  g_autoptr(JsonNode) node = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 0, 0, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (state_key != NULL && !tayori_post_job_state_from_key (state_key, &state))
    return tayori_cli_usage_error (context, _("Unknown state “%s”"), state_key);
  if (article_id < 0)
    return tayori_cli_usage_error (context, _("--article must be an article id"));

  store = tayori_cli_open_store (cli, &error);
  if (store == NULL)
    return tayori_cli_report (error);
  preset = tayori_preset_new_defaults ();
  queue = tayori_post_queue_new (store, preset);
  jobs = tayori_post_queue_list_jobs (queue, article_id, &error);
  if (jobs == NULL)
    return tayori_cli_report (error);

  array = json_array_new ();
  for (guint i = 0; i < jobs->len; i++)
    {
      TayoriPostJob *job = g_ptr_array_index (jobs, i);
      g_autofree char *json = NULL;

      if (state_key != NULL && job->state != state)
        continue;
      json = tayori_post_job_to_json (job);
      json_array_add_element (array, json_from_string (json, NULL));
    }
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return tayori_cli_print_json (cli, node);
}

int
tayori_cli_audit (TayoriCli  *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The CSV file to write (UTF-8 with a byte order mark, for Excel)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (!g_str_equal (args[0], "export"))
    return tayori_cli_usage_error (context, _("Unknown audit command “%s” (export)"), args[0]);
  if (output == NULL)
    return tayori_cli_usage_error (context, _("Give the file to write with -o"));

  store = tayori_cli_open_store (cli, &error);
  if (store == NULL)
    return tayori_cli_report (error);
  out = g_memory_output_stream_new_resizable ();
  if (!tayori_audit_log_export_csv (store, out, NULL, &error)
      || !g_output_stream_close (out, NULL, &error)
      || !tayori_cli_write (output,
                            (const char *) g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                            g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                            &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
