/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli emergency list: the emergency templates and their fields;
 * tayori-cli emergency create TEMPLATE --field k=v…: the three linked articles (ja, ja-easy,
 * en) stored with their short posts as the composer's base text; prints their ids. */

#include <glib/gi18n.h>
#include "tayori-cli-posting.h"
#include "tayori-emergency.h"
#include "tayori-sns-versions.h"

static int
list_templates (TayoriCli    *cli,
                TayoriPreset *preset)
{
  g_autoptr(GPtrArray) templates = tayori_emergency_templates (preset);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < templates->len; i++)
    {
      TayoriEmergencyTemplate *template_ = g_ptr_array_index (templates, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, template_->id);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, template_->label);
      json_builder_set_member_name (builder, "fields");
      json_builder_begin_array (builder);
      for (guint j = 0; template_->fields[j] != NULL; j++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, template_->fields[j]);
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, template_->field_labels[j]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}

static int
create (TayoriCli       *cli,
        GOptionContext  *context,
        TayoriPreset    *preset,
        const char      *template_id,
        GStrv            fields)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_auto(GStrv) posts = NULL;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char *equals = strchr (fields[i], '=');

      if (equals == NULL || equals == fields[i])
        return tayori_cli_usage_error (context, _("--field takes NAME=VALUE, not “%s”"), fields[i]);
      g_hash_table_insert (values, g_strndup (fields[i], equals - fields[i]),
                           g_strdup (equals + 1));
    }
  articles = tayori_emergency_build (preset, template_id, values, &error);
  if (articles == NULL
      || (posts = tayori_emergency_build_posts (preset, template_id, values, &error)) == NULL
      || (store = tayori_cli_open_store (cli, &error)) == NULL)
    return tayori_cli_report (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    {
      TayoriArticle *article = g_ptr_array_index (articles, i);
      TayoriSnsVersion base = { (char *) "base", posts[i], NULL };
      gint64 id = tayori_store_save_article (store, article, TAYORI_SAVE_MANUAL, &error);

      if (id == 0 || !tayori_sns_versions_save (store, tayori_article_get_id (article), &base,
                                                &error))
        return tayori_cli_report (error);
      json_builder_add_int_value (builder, tayori_article_get_id (article));
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}

int
tayori_cli_emergency (TayoriCli  *cli,
                      int         argc,
                      char      **argv)
{
  g_auto(GStrv) fields = NULL;
  g_autofree char *preset_path = NULL;
  const GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields,
      N_("A field of the template (repeat for each; “NAME@en=…” for one language only)"),
      N_("NAME=VALUE") },
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &preset_path,
      N_("Organisation preset file (default: the installed preset)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 2, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  preset = tayori_cli_load_preset (preset_path, &error);
  if (preset == NULL)
    return tayori_cli_report (error);
  if (g_str_equal (args[0], "list") && args[1] == NULL)
    return list_templates (cli, preset);
  if (g_str_equal (args[0], "create") && args[1] != NULL)
    return create (cli, context, preset, args[1], fields);
  return tayori_cli_usage_error (context, _("Use “emergency list” or “emergency create TEMPLATE”"));
}
