/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli render FILE: the sanitised HTML of the body of a front-matter Markdown file (or a
 * plain Markdown file), exactly what the preview shows and the CMS receives. */

#include "tayori-cli.h"
#include "tayori-markdown.h"

int
tayori_cli_render (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;
  int status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);

  if (status != TAYORI_CLI_CONTINUE)
    return status;

  article = tayori_cli_read_article (args[0], &error);
  if (article == NULL)
    return tayori_cli_report (error);

  html = tayori_markdown_render_body (tayori_article_get_body (article), -1);
  if (!tayori_cli_write (NULL, html, -1, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
