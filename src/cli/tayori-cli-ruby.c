/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli ruby FILE: the body HTML with furigana from MeCab readings, as the やさしい日本語
 * preview shows it; optionally only on words with a kanji above a school grade. */

#include <glib/gi18n.h>
#include "tayori-cli.h"
#include "tayori-markdown.h"
#include "tayori-ruby.h"

int
tayori_cli_ruby (TayoriCli  *cli,
                 int         argc,
                 char      **argv)
{
  int grade = 0;
  const GOptionEntry entries[] = {
    { "grade", 0, 0, G_OPTION_ARG_INT, &grade,
      N_("Only on words with a kanji above school grade N (0, the default: every kanji word)"),
      N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriCliSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rendered = NULL;
  g_autofree char *html = NULL;
  const char *body;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (grade < 0 || grade > 10)
    return tayori_cli_usage_error (context, _("The grade must be a number from 0 to 10"));

  source = tayori_cli_source_load (args[0], &error);
  if (source == NULL)
    return tayori_cli_report (error);

  body = tayori_article_get_body (source->article);
  if (source->kind == TAYORI_CHECK_SOURCE_MARKDOWN)
    body = rendered = tayori_markdown_render_body (body, -1);

  html = tayori_ruby_annotate_html (body, grade, &error);
  if (html == NULL)
    return tayori_cli_report (error);
  if (!tayori_cli_write (NULL, html, -1, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
