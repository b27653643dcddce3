/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli list and tayori-cli search QUERY: the articles in the store, or those whose title,
 * summary or body contain the query (any length, Japanese width and kana variants folded by
 * the store), as a JSON array, newest update first. */

#include <glib/gi18n.h>
#include "tayori-cli.h"

/* Both commands take the filter options; search also takes the query. */
static int
print_matching (TayoriCli  *cli,
                int         argc,
                char      **argv,
                gboolean    with_query)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_auto(TayoriCliFilterOptions) options = { 0 };
  int n_args = with_query ? 1 : 0;
  int status;

  tayori_cli_filter_options_init (&options, context);
  status = tayori_cli_parse (cli, context, argc, argv, n_args, n_args, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (!with_query)
    return tayori_cli_print_matching (cli, context, &options, NULL);

  if (!g_utf8_validate (args[0], -1, NULL))
    return tayori_cli_usage_error (context, _("The query is not valid UTF-8 text"));
  if (args[0][0] == '\0')
    return tayori_cli_usage_error (context, _("The query is empty"));

  return tayori_cli_print_matching (cli, context, &options, args[0]);
}

int
tayori_cli_list (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  return print_matching (cli, argc, argv, FALSE);
}

int
tayori_cli_search (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  return print_matching (cli, argc, argv, TRUE);
}
