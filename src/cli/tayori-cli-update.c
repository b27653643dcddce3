/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli update ID FILE: replaces a stored article's content with a front-matter Markdown
 * file (as written by "export"), saved as a new revision; prints the revision id. */

#include <glib/gi18n.h>
#include "tayori-cli-cms.h"

int
tayori_cli_update (TayoriCli  *cli,
                   int         argc,
                   char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(TayoriArticle) stored = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gint64 revision;
  int status = tayori_cli_parse (cli, context, argc, argv, 2, 2, &args);

  if (status != TAYORI_CLI_CONTINUE)
    return status;
  status = tayori_cli_load_article (cli, context, args[0], &stored);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  article = tayori_cli_read_article (args[1], &error);
  store = article != NULL ? tayori_cli_open_store (cli, &error) : NULL;
  if (store == NULL)
    return tayori_cli_report (error);
  tayori_article_set_id (article, tayori_article_get_id (stored));
  revision = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);
  if (revision == 0)
    return tayori_cli_report (error);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tayori_article_get_id (article));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, revision);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}
