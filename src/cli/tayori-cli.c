/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli: import, export, list, search, render, show and check Tayori articles from a
 * shell, with JSON output. This file parses the global options and hands over to one command. */

#include <glib/gi18n.h>
#include <locale.h>
#include "tayori-cli.h"
#include "tayori-cli-cms.h"
#include "tayori-cli-posting.h"

static int run_help (TayoriCli *cli, int argc, char **argv);

static const TayoriCliCommand commands[] = {
  { "import", N_("FILE…"), N_("Import front-matter Markdown files, all or none, and print the new ids"),
    tayori_cli_import },
  { "export", N_("ID"), N_("Write an article as front-matter Markdown or standalone HTML"),
    tayori_cli_export },
  { "list", NULL, N_("List articles, most recently updated first"), tayori_cli_list },
  { "search", N_("QUERY"), N_("Search titles, summaries and bodies"), tayori_cli_search },
  { "render", N_("FILE"), N_("Print the sanitised HTML of the body of a Markdown file"),
    tayori_cli_render },
  { "show", N_("ID"), N_("Print a whole article as JSON"), tayori_cli_show },
  { "check", N_("FILE"), N_("Run the writing and accessibility checks on a Markdown or HTML file"),
    tayori_cli_check },
  { "fix", N_("FILE"), N_("Print a Markdown or HTML file with the checks’ safe fixes applied"),
    tayori_cli_fix },
  { "ruby", N_("FILE"), N_("Print the body HTML of a Markdown or HTML file with furigana"),
    tayori_cli_ruby },
  { "suggest-category", N_("FILE"),
    N_("Suggest categories for a Markdown file, learning from the store’s articles"),
    tayori_cli_suggest_category },
  { "summarize", N_("FILE"), N_("Propose a summary of a Markdown file"), tayori_cli_summarize },
  { "thumbnail", N_("FILE"), N_("Make a 1200×630 thumbnail PNG for a Markdown file, with alt text"),
    tayori_cli_thumbnail },
  { "update", N_("ID FILE"), N_("Replace a stored article with a front-matter Markdown file"),
    tayori_cli_update },
  { "account", N_("add cms|list|remove [NAME]"), N_("Add, list or remove CMS accounts"),
    tayori_cli_account },
  { "push", N_("ID"), N_("Send an article to its CMS as a draft"), tayori_cli_push },
  { "pull", NULL, N_("List remote posts: mine, waiting for review, or published"), tayori_cli_pull },
  { "status", N_("ID"), N_("Print an article’s CMS status and review log"), tayori_cli_status },
  { "submit", N_("ID"), N_("Push an article and submit it for review"), tayori_cli_submit },
  { "review", N_("list|approve ID|return ID"), N_("Review queue: list, approve or return articles"),
    tayori_cli_review },
  { "resolve", N_("ID"), N_("Settle a conflict with the CMS: keep mine, theirs or a merge"),
    tayori_cli_resolve },
  { "count", NULL, N_("Count a post on stdin as an SNS network does (--channel)"),
    tayori_cli_count },
  { "post", N_("ID"), N_("Post an article to SNS accounts (--accounts), exactly once each"),
    tayori_cli_post },
  { "jobs", NULL, N_("List SNS post jobs and their states"), tayori_cli_jobs },
  { "qr", N_("[URL]"), N_("Write a QR code (PNG, SVG) or an article’s print block (SVG, PDF)"),
    tayori_cli_qr },
  { "audit", N_("export"), N_("Export the audit log as CSV"), tayori_cli_audit },
  { "emergency", N_("list|create TEMPLATE"), N_("List emergency templates or create the three "
                                                 "linked articles of one"), tayori_cli_emergency },
  { "help", N_("[COMMAND]"), N_("Show this help, or the options of one command"), run_help },
};

static const TayoriCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];
  return NULL;
}

/* "Commands:" and one aligned line per command. */
static char *
describe_commands (void)
{
  g_auto(GStrv) synopses = g_new0 (char *, G_N_ELEMENTS (commands) + 1);
  GString *text = g_string_new (_("Commands:"));
  glong width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      synopses[i] = tayori_cli_command_synopsis (&commands[i]);
      width = MAX (width, g_utf8_strlen (synopses[i], -1));
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      glong pad = width - g_utf8_strlen (synopses[i], -1);

      g_string_append_printf (text, "\n  %s%*s  %s", synopses[i], (int) pad, "",
                              _(commands[i].summary));
    }

  return g_string_free (text, FALSE);
}

static GOptionContext *
main_context_new (TayoriCli *cli,
                  gboolean  *version)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Show the version"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autofree char *summary = describe_commands ();
  GOptionContext *context = tayori_cli_context_new (cli, _("COMMAND [ARGUMENT…]"), summary);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Options go before or after the command. list, search, import, show and check print JSON "
      "in UTF-8; export prints Markdown or HTML, fix the fixed file, render and ruby HTML.\n"
      "Exit status: 0 on success, 1 on error, 2 on wrong usage.\n"
      "Run “tayori-cli help COMMAND” for the options of a command."));
  /* Stop at the command name: what follows belongs to the command. */
  g_option_context_set_strict_posix (context, TRUE);
  return context;
}

static int
run_help (TayoriCli  *cli,
          int         argc,
          char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  const TayoriCliCommand *command;
  int status = tayori_cli_parse (cli, context, argc, argv, 0, 1, &args);
  char *help_argv[] = { NULL, (char *) "--help", NULL };

  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (args[0] == NULL)
    {
      gboolean version = FALSE;
      g_autoptr(GOptionContext) main_context = main_context_new (cli, &version);
      g_autofree char *help = g_option_context_get_help (main_context, TRUE, NULL);

      g_print ("%s", help);
      return TAYORI_CLI_EXIT_OK;
    }

  command = find_command (args[0]);
  if (command == NULL)
    return tayori_cli_usage_error (context, _("Unknown command “%s”"), args[0]);

  cli->command = command;
  help_argv[0] = args[0];
  return command->run (cli, 2, help_argv);
}

static int
dispatch (TayoriCli  *cli,
          int         argc,
          char      **argv)
{
  gboolean version = FALSE;
  g_autoptr(GOptionContext) context = main_context_new (cli, &version);
  g_auto(GStrv) args = NULL;
  g_autofree char **command_argv = NULL;
  const TayoriCliCommand *command;
  int status = tayori_cli_parse (cli, context, argc, argv, 0, -1, &args);
  guint n_args;

  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (version)
    {
      g_print ("tayori-cli %s\n", PACKAGE_VERSION);
      return TAYORI_CLI_EXIT_OK;
    }

  if (args[0] == NULL)
    return tayori_cli_usage_error (context, _("No command given"));

  command = find_command (args[0]);
  if (command == NULL)
    return tayori_cli_usage_error (context, _("Unknown command “%s”"), args[0]);

  /* The command parses what follows its name; args[0], the name, stands as its argv[0].
   * Parsing rearranges the array it is given, so it gets a shallow copy and @args keeps
   * every string to free. */
  cli->command = command;
  n_args = g_strv_length (args);
  command_argv = g_memdup2 (args, sizeof (char *) * (n_args + 1));
  return command->run (cli, n_args, command_argv);
}

int
main (int    argc,
      char **argv)
{
  TayoriCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("tayori-cli");

  status = dispatch (&cli, argc, argv);

  g_free (cli.db_path);
  return status;
}
