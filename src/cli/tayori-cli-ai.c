/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli suggest-category, summarize and thumbnail: the AI assistant's tasks on an article
 * file, through the built-in provider or an endpoint the organisation's policy allows (its key
 * from the keyring, never from the command line). Each prints JSON. */

#include <glib/gi18n.h>
#include "tayori-cli.h"
#include "tayori-ai-assistant.h"
#include "tayori-ai-training.h"
#include "tayori-thumbnail.h"

/* The options every AI command takes. */
typedef struct {
  char *preset;
  char *provider;
} AiOptions;

static void
ai_options_clear (AiOptions *options)
{
  g_clear_pointer (&options->preset, g_free);
  g_clear_pointer (&options->provider, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AiOptions, ai_options_clear)

static void
ai_options_add (AiOptions      *options,
                GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "preset", 0, 0, G_OPTION_ARG_FILENAME, &options->preset,
      N_("Organisation preset to use (default: the installed one)"), N_("FILE") },
    { "provider", 0, 0, G_OPTION_ARG_STRING, &options->provider,
      N_("AI service to use, by name, if the policy allows it (“builtin”: the built-in one)"),
      N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Refuses an explicit --provider the policy does not allow rather than falling back. */
static gboolean
check_provider (TayoriAiAssistant  *assistant,
                GPtrArray          *endpoints,
                TayoriAiTask        task,
                const char         *name,
                GError            **error)
{
  TayoriAiPolicy *policy = tayori_ai_assistant_get_policy (assistant);

  if (g_str_equal (name, "builtin"))
    return TRUE;

  for (guint i = 0; i < endpoints->len; i++)
    {
      TayoriAiEndpoint *endpoint = g_ptr_array_index (endpoints, i);

      if (!g_str_equal (tayori_ai_endpoint_get_name (endpoint), name))
        continue;
      if (!tayori_ai_policy_allows_endpoint (policy, endpoint, error))
        return FALSE;
      if (task == TAYORI_AI_TASK_THUMBNAIL && !tayori_ai_policy_allows_images (policy))
        {
          g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_POLICY,
                       _("Your organisation’s policy does not allow generated images"));
          return FALSE;
        }
      return TRUE;
    }

  g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED,
               _("No AI service named “%s” is set up"), name);
  return FALSE;
}

/* The assistant for @task with the preset of --preset, which is returned in @out_preset. */
static TayoriAiAssistant *
open_assistant (const AiOptions  *options,
                TayoriAiTask      task,
                TayoriPreset    **out_preset,
                GError          **error)
{
  g_autoptr(TayoriPreset) preset = tayori_cli_load_preset (options->preset, error);
  g_autoptr(GPtrArray) endpoints = NULL;
  g_autoptr(TayoriAiUsageLog) log = NULL;
  g_autoptr(TayoriAiAssistant) assistant = NULL;
  g_autoptr(GError) log_error = NULL;

  if (preset == NULL)
    return NULL;
  endpoints = tayori_ai_endpoints_load (preset, NULL, error);
  if (endpoints == NULL)
    return NULL;

  /* Like the app, a run without its audit row is still the user's answer. */
  log = tayori_ai_usage_log_open (NULL, &log_error);
  if (log == NULL)
    g_printerr (_("tayori-cli: warning: %s\n"), log_error->message);

  assistant = tayori_ai_assistant_new (preset, endpoints, log);
  if (options->provider != NULL)
    {
      if (!check_provider (assistant, endpoints, task, options->provider, error))
        return NULL;
      tayori_ai_assistant_set_route (assistant, task, options->provider);
    }
  if (out_preset != NULL)
    *out_preset = g_steal_pointer (&preset);
  return g_steal_pointer (&assistant);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static TayoriAiProposal *
run_task (TayoriAiAssistant          *assistant,
          TayoriAiTask                task,
          TayoriArticle              *article,
          const TayoriAiTaskOptions  *options,
          GError                    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  tayori_ai_assistant_run_async (assistant, task, article, options, NULL, NULL, NULL,
                                 store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return tayori_ai_assistant_run_finish (assistant, result, error);
}

/* One AI command on one article file: its options, then the article, the assistant and what it
 * proposed, and the JSON object it prints. */
typedef struct {
  AiOptions            options;
  GOptionContext      *context;
  GStrv                args;
  TayoriArticle       *article;
  TayoriAiAssistant   *assistant;
  TayoriAiTaskOptions  task_options;
  TayoriAiProposal    *proposal;
  JsonBuilder         *builder;
} AiCommand;

static void
ai_command_clear (AiCommand *command)
{
  ai_options_clear (&command->options);
  g_clear_pointer (&command->context, g_option_context_free);
  g_clear_pointer (&command->args, g_strfreev);
  g_clear_object (&command->article);
  g_clear_object (&command->assistant);
  g_clear_pointer (&command->proposal, tayori_ai_proposal_free);
  g_clear_object (&command->builder);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AiCommand, ai_command_clear)

/* Parses the command line with the command's own @entries (or NULL) and the AI options:
 * TAYORI_CLI_CONTINUE, or the status to exit with. */
static int
ai_command_parse (AiCommand          *command,
                  TayoriCli          *cli,
                  const GOptionEntry *entries,
                  int                 argc,
                  char              **argv)
{
  command->context = tayori_cli_command_context_new (cli);
  if (entries != NULL)
    g_option_context_add_main_entries (command->context, entries, GETTEXT_PACKAGE);
  ai_options_add (&command->options, command->context);
  return tayori_cli_parse (cli, command->context, argc, argv, 1, 1, &command->args);
}

/* Reads the article and opens the assistant for @task (its preset in @preset, may be NULL). */
static gboolean
ai_command_open (AiCommand     *command,
                 TayoriAiTask   task,
                 TayoriPreset **preset,
                 GError       **error)
{
  command->article = tayori_cli_read_article (command->args[0], error);
  if (command->article == NULL)
    return FALSE;
  command->assistant = open_assistant (&command->options, task, preset, error);
  return command->assistant != NULL;
}

static gboolean
ai_command_run (AiCommand     *command,
                TayoriAiTask   task,
                GError       **error)
{
  command->proposal = run_task (command->assistant, task, command->article,
                                &command->task_options, error);
  return command->proposal != NULL;
}

/* The object the command prints, begun. */
static JsonBuilder *
ai_command_begin_output (AiCommand *command)
{
  command->builder = json_builder_new ();
  json_builder_begin_object (command->builder);
  return command->builder;
}

/* Ends the output with who answered and prints it. */
static int
ai_command_print (AiCommand *command,
                  TayoriCli *cli)
{
  const TayoriAiProposal *proposal = command->proposal;
  JsonBuilder *builder = command->builder;
  g_autoptr(JsonNode) root = NULL;

  json_builder_set_member_name (builder, "provider");
  json_builder_add_string_value (builder, proposal->provider);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, proposal->model);
  json_builder_set_member_name (builder, "fell_back");
  json_builder_add_boolean_value (builder, proposal->fell_back);
  if (proposal->fallback_reason != NULL)
    {
      json_builder_set_member_name (builder, "fallback_reason");
      json_builder_add_string_value (builder, proposal->fallback_reason);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, root);
}

/* The categories of the stored articles, for a preset without a list. */
static GStrv
store_categories (TayoriStore  *store,
                  GError      **error)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(GStrvBuilder) categories = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  filter->include_archived = TRUE;
  summaries = tayori_store_list_articles (store, filter, 0, G_MAXINT, error);
  if (summaries == NULL)
    return NULL;
  for (guint i = 0; i < summaries->len; i++)
    {
      const char *category = tayori_article_summary_get_category (g_ptr_array_index (summaries, i));

      if (category != NULL && *category != '\0' && g_hash_table_add (seen, (gpointer) category))
        g_strv_builder_add (categories, category);
    }
  return g_strv_builder_end (categories);
}

int
tayori_cli_suggest_category (TayoriCli  *cli,
                             int         argc,
                             char      **argv)
{
  g_auto(AiCommand) command = { 0 };
  g_autoptr(TayoriPreset) preset = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const TayoriAiProposal *proposal;
  JsonBuilder *builder;
  int status;

  status = ai_command_parse (&command, cli, NULL, argc, argv);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (!ai_command_open (&command, TAYORI_AI_TASK_CATEGORY, &preset, &error)
      || (store = tayori_cli_open_store (cli, &error)) == NULL
      || tayori_ai_training_run (tayori_ai_assistant_get_classifier (command.assistant), store,
                                 &error) < 0)
    return tayori_cli_report (error);

  if (g_strv_length ((char **) tayori_preset_get_categories (preset)) == 0)
    {
      g_auto(GStrv) categories = store_categories (store, &error);

      if (categories == NULL)
        return tayori_cli_report (error);
      tayori_ai_assistant_set_categories (command.assistant, (const char * const *) categories);
    }

  if (!ai_command_run (&command, TAYORI_AI_TASK_CATEGORY, &error))
    return tayori_cli_report (error);

  proposal = command.proposal;
  builder = ai_command_begin_output (&command);
  json_builder_set_member_name (builder, "suggestions");
  json_builder_begin_array (builder);
  for (guint i = 0; proposal->items[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, proposal->items[i]);
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, proposal->scores[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  if (proposal->items[0] == NULL && proposal->text != NULL)
    {
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, proposal->text);
    }
  return ai_command_print (&command, cli);
}

int
tayori_cli_summarize (TayoriCli  *cli,
                      int         argc,
                      char      **argv)
{
  g_auto(AiCommand) command = { 0 };
  int max_chars = 0;
  const GOptionEntry entries[] = {
    { "max-chars", 0, 0, G_OPTION_ARG_INT, &max_chars,
      N_("Longest summary in characters (default: the preset’s summary limit)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  JsonBuilder *builder;
  int status;

  status = ai_command_parse (&command, cli, entries, argc, argv);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (max_chars < 0)
    return tayori_cli_usage_error (command.context,
                                   _("--max-chars must be 0 (the preset’s limit) or more"));

  command.task_options.max_chars = max_chars;
  if (!ai_command_open (&command, TAYORI_AI_TASK_SUMMARY, NULL, &error)
      || !ai_command_run (&command, TAYORI_AI_TASK_SUMMARY, &error))
    return tayori_cli_report (error);

  builder = ai_command_begin_output (&command);
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, command.proposal->text);
  json_builder_set_member_name (builder, "characters");
  json_builder_add_int_value (builder, g_utf8_strlen (command.proposal->text, -1));
  return ai_command_print (&command, cli);
}

int
tayori_cli_thumbnail (TayoriCli  *cli,
                      int         argc,
                      char      **argv)
{
  g_auto(AiCommand) command = { 0 };
  g_autofree char *output = NULL;
  g_autofree char *photo_path = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("PNG file to write (required)"), N_("FILE") },
    { "photo", 0, 0, G_OPTION_ARG_FILENAME, &photo_path,
      N_("Photo (PNG or JPEG) to crop into the card"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  const TayoriAiProposal *proposal;
  JsonBuilder *builder;
  int status;

  status = ai_command_parse (&command, cli, entries, argc, argv);
  if (status != TAYORI_CLI_CONTINUE)
    return status;
  if (output == NULL)
    return tayori_cli_usage_error (command.context, _("Say where to write the PNG with -o FILE"));

  if (photo_path != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (photo_path, &data, &length, &error))
        return tayori_cli_report (error);
      photo = g_bytes_new_take (g_steal_pointer (&data), length);
    }

  command.task_options.photo = photo;
  if (!ai_command_open (&command, TAYORI_AI_TASK_THUMBNAIL, NULL, &error)
      || !ai_command_run (&command, TAYORI_AI_TASK_THUMBNAIL, &error))
    return tayori_cli_report (error);
  proposal = command.proposal;
  if (!tayori_cli_write (output, g_bytes_get_data (proposal->image, NULL),
                         g_bytes_get_size (proposal->image), &error))
    return tayori_cli_report (error);

  builder = ai_command_begin_output (&command);
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, output);
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, TAYORI_THUMBNAIL_WIDTH);
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, TAYORI_THUMBNAIL_HEIGHT);
  json_builder_set_member_name (builder, "alt");
  json_builder_add_string_value (builder, proposal->alt_text);
  return ai_command_print (&command, cli);
}
