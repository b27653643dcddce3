/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli count --channel x|bluesky|mastodon|line [--max N]: the length of the text on
 * stdin as that network counts it, and whether it fits. */

#include <stdio.h>
#include <glib/gi18n.h>
#include "tayori-cli-posting.h"
#include "tayori-post-counter.h"

static char *
read_stdin (GError **error)
{
  GString *text = g_string_new (NULL);
  char buffer[8192];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, n);
  if (!g_utf8_validate_len (text->str, text->len, NULL))
    {
      g_string_free (text, TRUE);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The text on standard input is not UTF-8."));
      return NULL;
    }
  return g_string_free (text, FALSE);
}

int
tayori_cli_count (TayoriCli  *cli,
                  int         argc,
                  char      **argv)
{
  g_autofree char *channel = NULL;
  int max = 0;
  const GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("The network whose rules count: x, bluesky, mastodon or line"), N_("NETWORK") },
    { "max", 0, 0, G_OPTION_ARG_INT, &max,
      N_("The limit to check against (default: the network’s; Mastodon instances set their own)"),
      N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) args = NULL;
  TayoriPostNetwork network;
  guint length, limit;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 0, 0, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (channel == NULL || !tayori_post_network_from_string (channel, &network))
    return tayori_cli_usage_error (context, _("Give --channel x, bluesky, mastodon or line"));
  if (max < 0)
    return tayori_cli_usage_error (context, _("--max must be a positive number"));

  text = read_stdin (&error);
  if (text == NULL)
    return tayori_cli_report (error);
  /* A file or heredoc ends with a newline the person did not mean to post. */
  if (g_str_has_suffix (text, "\n"))
    text[strlen (text) - 1] = '\0';

  length = tayori_post_count (network, text);
  limit = max > 0 ? (guint) max : tayori_post_default_limit (network);
  /* One line, the same whatever --compact says: scripts match it as documented. */
  g_print ("{\"channel\": \"%s\", \"length\": %u, \"max\": %u, \"valid\": %s}\n",
           tayori_post_network_to_string (network), length, limit,
           length <= limit ? "true" : "false");
  return TAYORI_CLI_EXIT_OK;
}
