/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli search QUERY: articles whose title, summary or body contain the query (any
 * length, Japanese width and kana variants folded by the store), as a JSON array. */

#include <glib/gi18n.h>
#include "tayori-cli.h"

int
tayori_cli_search (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_auto(TayoriCliFilterOptions) options = { 0 };
  int status;

  tayori_cli_filter_options_init (&options, context);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (!g_utf8_validate (args[0], -1, NULL))
    return tayori_cli_usage_error (context, _("The query is not valid UTF-8 text"));
  if (args[0][0] == '\0')
    return tayori_cli_usage_error (context, _("The query is empty"));

  return tayori_cli_print_matching (cli, context, &options, args[0]);
}
