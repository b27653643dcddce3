/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli import FILE…: reads and checks every file first, then stores all the articles in
 * one transaction, so a bad file means nothing is imported. Prints the new ids. */

#include <glib/gi18n.h>
#include "tayori-cli.h"

static int
report_nothing_imported (const GError *error)
{
  g_printerr (_("tayori-cli: %s\nNothing was imported.\n"), error->message);
  return TAYORI_CLI_EXIT_ERROR;
}

int
tayori_cli_import (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(GStrv) args = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  int status = tayori_cli_parse (cli, context, argc, argv, 1, -1, &args);

  if (status != TAYORI_CLI_CONTINUE)
    return status;

  for (guint i = 0; args[i] != NULL; i++)
    {
      TayoriArticle *article = tayori_cli_read_article (args[i], &error);

      if (article == NULL)
        return report_nothing_imported (error);
      g_ptr_array_add (articles, article);
    }

  store = tayori_cli_open_store (cli, &error);
  if (store == NULL || !tayori_store_import_articles (store, articles, &error))
    return report_nothing_imported (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    json_builder_add_int_value (builder, tayori_article_get_id (g_ptr_array_index (articles, i)));
  json_builder_end_array (builder);

  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}
