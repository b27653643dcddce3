/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli show ID: one stored article with every field as a JSON object. */

#include "tayori-cli.h"

int
tayori_cli_show (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);

  if (status == TAYORI_CLI_CONTINUE)
    status = tayori_cli_load_article (cli, context, args[0], &article);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  node = tayori_cli_json_article (article);
  return tayori_cli_print_json (cli, node);
}
