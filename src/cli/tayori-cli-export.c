/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli export ID: a stored article as the interchange file (front-matter Markdown) or
 * as a standalone HTML page in the city-site template, to a file or stdout. */

#include <glib/gi18n.h>
#include "tayori-cli.h"
#include "tayori-front-matter.h"
#include "tayori-page.h"

/* The organisation preset chooses the HTML template. */
static char *
render_html (TayoriArticle  *article,
             const char     *preset_path,
             GError        **error)
{
  g_autoptr(TayoriPreset) preset = tayori_cli_load_preset (preset_path, error);

  if (preset == NULL)
    return NULL;
  return tayori_page_render_standalone (article, preset, error);
}

int
tayori_cli_export (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *preset_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output (“-” is standard output)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("markdown (front matter and body, the default) or html (a standalone page)"),
      N_("FORMAT") },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &preset_path,
      N_("Organisation preset file for the HTML template (default: the installed preset)"),
      N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean html;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 1, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  html = g_strcmp0 (format, "html") == 0;
  if (!html && format != NULL && !g_str_equal (format, "markdown"))
    return tayori_cli_usage_error (context, _("Unknown format “%s” (markdown or html)"), format);

  status = tayori_cli_load_article (cli, context, args[0], &article);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (html)
    text = render_html (article, preset_path, &error);
  else
    text = tayori_front_matter_serialize (article);

  if (text == NULL || !tayori_cli_write (output, text, -1, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
