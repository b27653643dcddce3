/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Option parsing shared by every tayori-cli command: the global options (--db, --compact,
 * --help) accepted before and after the command name, help and usage errors. */

#include <glib/gi18n.h>
#include "tayori-cli.h"

static gboolean
set_db (const char  *name,
        const char  *value,
        gpointer     user_data,
        GError     **error)
{
  TayoriCli *cli = user_data;

  g_free (cli->db_path);
  cli->db_path = g_strdup (value);
  return TRUE;
}

static gboolean
set_compact (const char  *name,
             const char  *value,
             gpointer     user_data,
             GError     **error)
{
  TayoriCli *cli = user_data;

  cli->compact = TRUE;
  return TRUE;
}

static gboolean
set_help (const char  *name,
          const char  *value,
          gpointer     user_data,
          GError     **error)
{
  TayoriCli *cli = user_data;

  cli->help = TRUE;
  return TRUE;
}

/* Callbacks rather than storage so that an option given both before and after the command
 * name replaces the first value instead of leaking it. */
static const GOptionEntry global_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_CALLBACK, set_db,
    N_("Article store to use (default: tayori.db in the user’s data folder)"), N_("PATH") },
  { "compact", 0, G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, set_compact,
    N_("Print JSON on one line"), NULL },
  { "help", 'h', G_OPTION_FLAG_NO_ARG, G_OPTION_ARG_CALLBACK, set_help,
    N_("Show this help"), NULL },
  G_OPTION_ENTRY_NULL
};

GOptionContext *
tayori_cli_context_new (TayoriCli  *cli,
                        const char *parameters,
                        const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);
  GOptionGroup *group;

  g_option_context_set_summary (context, summary);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  /* The main group carries @cli for the callbacks of the global options. */
  group = g_option_group_new (NULL, NULL, NULL, cli, NULL);
  g_option_group_set_translation_domain (group, GETTEXT_PACKAGE);
  g_option_group_add_entries (group, global_entries);
  g_option_context_set_main_group (context, group);

  return context;
}

char *
tayori_cli_command_synopsis (const TayoriCliCommand *command)
{
  if (command->parameters == NULL)
    return g_strdup (command->name);
  return g_strdup_printf ("%s %s", command->name, _(command->parameters));
}

GOptionContext *
tayori_cli_command_context_new (TayoriCli *cli)
{
  g_autofree char *synopsis = NULL;

  g_return_val_if_fail (cli->command != NULL, NULL);

  synopsis = tayori_cli_command_synopsis (cli->command);
  return tayori_cli_context_new (cli, synopsis, _(cli->command->summary));
}

int
tayori_cli_usage_error (GOptionContext *context,
                        const char     *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("tayori-cli: %s\n\n%s", message, help);
  return TAYORI_CLI_EXIT_USAGE;
}

int
tayori_cli_parse (TayoriCli        *cli,
                  GOptionContext   *context,
                  int               argc,
                  char            **argv,
                  int               min_args,
                  int               max_args,
                  GStrv            *out_args)
{
  g_auto(GStrv) args = NULL;
  const GOptionEntry remaining[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  guint n_args;

  /* Positional arguments are collected rather than left in argv, so a "--" that ends the
   * options is dropped and a "-" or "-name" after it is an argument. */
  g_option_group_add_entries (g_option_context_get_main_group (context), remaining);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return tayori_cli_usage_error (context, "%s", error->message);

  if (cli->help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return TAYORI_CLI_EXIT_OK;
    }

  if (args == NULL)
    args = g_new0 (char *, 1);
  n_args = g_strv_length (args);
  if (n_args < (guint) min_args)
    return tayori_cli_usage_error (context, _("Missing argument"));
  if (max_args >= 0 && n_args > (guint) max_args)
    return tayori_cli_usage_error (context, _("Unexpected argument “%s”"), args[max_args]);

  *out_args = g_steal_pointer (&args);
  return TAYORI_CLI_CONTINUE;
}
