/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli list: the articles in the store as a JSON array, newest update first. */

#include "tayori-cli.h"

int
tayori_cli_list (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_auto(TayoriCliFilterOptions) options = { 0 };
  int status;

  tayori_cli_filter_options_init (&options, context);
  status = tayori_cli_parse (cli, context, argc, argv, 0, 0, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  return tayori_cli_print_matching (cli, context, &options, NULL);
}
