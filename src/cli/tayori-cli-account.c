/* SPDX-License-Identifier: GPL-3.0-or-later */
/* tayori-cli account add cms | list | remove: the CMS sites Tayori writes to. "add" reads the
 * application password from stdin (or --secret-file), tests the connection, then keeps the
 * password in libsecret and the account in accounts.conf. Secrets are never printed. */

#include <stdio.h>
#include <glib/gi18n.h>
#include "tayori-cli-cms.h"
#include "tayori-json.h"
#include "tayori-secret.h"

typedef struct {
  char *type;
  char *url;
  char *user;
  char *name;
  char *label;
  char *secret_file;
  char *kind;
} AccountOptions;

static void
account_options_clear (AccountOptions *options)
{
  g_free (options->type);
  g_free (options->url);
  g_free (options->user);
  g_free (options->name);
  g_free (options->label);
  g_free (options->secret_file);
  g_free (options->kind);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AccountOptions, account_options_clear)

/* The application password from @path or stdin, without surrounding white space. */
static char *
read_secret (const char  *path,
             GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  if (path != NULL)
    {
      g_autofree char *contents = NULL;

      if (!g_file_get_contents (path, &contents, NULL, error))
        return NULL;
      g_string_assign (text, contents);
    }
  else
    {
      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
        g_string_append_len (text, buffer, n);
    }
  g_strstrip (text->str);
  if (text->str[0] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("No application password was given (on standard input or with --secret-file)"));
      return NULL;
    }
  return g_strdup (text->str);
}

/* "city.example.jp" → "city-example-jp": a default account name from the site's host. */
static char *
name_from_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  if (host == NULL || *host == '\0')
    return NULL;
  return g_strcanon (g_ascii_strdown (host, -1), "abcdefghijklmnopqrstuvwxyz0123456789-_", '-');
}

static JsonNode *
added_json (const TayoriAccount     *account,
            const TayoriCmsSiteInfo *info)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "name", account->name);
  tayori_json_add_string (builder, "type", account->type);
  tayori_json_add_string (builder, "url", account->url);
  tayori_json_add_string (builder, "user", account->user);
  tayori_json_add_string (builder, "site", info->site_name);
  tayori_json_add_string (builder, "api_root", info->api_root);
  tayori_json_add_strv (builder, "roles", (const char * const *) info->roles);
  tayori_json_add_strv (builder, "capabilities", (const char * const *) info->capabilities);
  json_builder_set_member_name (builder, "plugin");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "present");
  json_builder_add_boolean_value (builder, info->has_plugin);
  tayori_json_add_string (builder, "version", info->plugin_version);
  json_builder_set_member_name (builder, "approval_levels");
  json_builder_add_int_value (builder, info->approval_levels);
  json_builder_set_member_name (builder, "approver_level");
  json_builder_add_int_value (builder, info->approver_level);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static int
account_add (TayoriCli      *cli,
             GOptionContext *context,
             AccountOptions *options)
{
  g_auto(TayoriCliCms) cms = { 0 };
  g_autoptr(TayoriAccount) account = NULL;
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GAsyncResult) tested = NULL;
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *name = NULL;
  g_autofree char *secret_label = NULL;

  if (options->url == NULL || options->user == NULL)
    return tayori_cli_usage_error (context, _("account add cms needs --url and --user"));
  name = options->name != NULL ? g_strdup (options->name) : name_from_url (options->url);
  if (name == NULL)
    return tayori_cli_usage_error (context, _("“%s” is not a site URL"), options->url);

  secret = read_secret (options->secret_file, &error);
  if (secret == NULL)
    return tayori_cli_cms_report (cli, error);

  account = tayori_account_new (TAYORI_ACCOUNT_CMS, name,
                                options->type != NULL ? options->type : "wordpress",
                                options->url, options->user);
  if (options->label != NULL)
    account->label = g_strdup (options->label);
  if (!tayori_cli_cms_open (cli, &cms, &error))
    return tayori_cli_cms_report (cli, error);

  tayori_cms_sync_test_account_async (cms.sync, account, secret, NULL,
                                      tayori_cli_cms_store_result, &tested);
  tayori_cli_cms_wait (&tested);
  info = tayori_cms_sync_test_account_finish (cms.sync, tested, &error);
  if (info == NULL)
    return tayori_cli_cms_report (cli, error);

  secret_label = g_strdup_printf ("Tayori: %s", account->label != NULL ? account->label : name);
  tayori_secret_store_async (tayori_account_secret_kind (account), name, secret_label, secret, NULL,
                             tayori_cli_cms_store_result, &stored);
  tayori_cli_cms_wait (&stored);
  if (!tayori_secret_store_finish (stored, &error) || !tayori_accounts_save (account, &error))
    return tayori_cli_cms_report (cli, error);

  node = added_json (account, info);
  return tayori_cli_print_json (cli, node);
}

static void
add_accounts (JsonBuilder       *builder,
              GPtrArray         *accounts)
{
  for (guint i = 0; i < accounts->len; i++)
    {
      const TayoriAccount *account = g_ptr_array_index (accounts, i);

      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "kind", tayori_account_secret_kind (account));
      tayori_json_add_string (builder, "name", account->name);
      tayori_json_add_string (builder, "type", account->type);
      tayori_json_add_string (builder, "label", account->label != NULL ? account->label : account->name);
      tayori_json_add_string (builder, "url", account->url);
      tayori_json_add_string (builder, "user", account->user);
      json_builder_set_member_name (builder, "locked");
      json_builder_add_boolean_value (builder, account->locked);
      json_builder_end_object (builder);
    }
}

/* --kind: cms, channel, or NULL for both. Returns FALSE for anything else. */
static gboolean
parse_kind (const char        *kind,
            gboolean          *cms,
            gboolean          *channel)
{
  *cms = kind == NULL || g_str_equal (kind, "cms");
  *channel = kind == NULL || g_str_equal (kind, "channel");
  return *cms || *channel;
}

static int
account_list (TayoriCli      *cli,
              GOptionContext *context,
              AccountOptions *options)
{
  g_autoptr(TayoriPreset) preset = tayori_cli_load_preset (NULL, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  const TayoriAccountKind kinds[] = { TAYORI_ACCOUNT_CMS, TAYORI_ACCOUNT_CHANNEL };
  gboolean wanted[2];

  if (!parse_kind (options->kind, &wanted[0], &wanted[1]))
    return tayori_cli_usage_error (context, _("--kind must be cms or channel"));

  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GPtrArray) accounts = NULL;
      g_autoptr(GError) error = NULL;

      if (!wanted[i])
        continue;
      accounts = tayori_accounts_load (preset, kinds[i], &error);
      if (error != NULL)
        g_printerr (_("tayori-cli: warning: %s\n"), error->message);
      add_accounts (builder, accounts);
    }
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}

static int
account_remove (TayoriCli      *cli,
                GOptionContext *context,
                AccountOptions *options,
                const char     *name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  TayoriAccountKind kind = TAYORI_ACCOUNT_CMS;
  gboolean cms, channel;

  if (!parse_kind (options->kind, &cms, &channel))
    return tayori_cli_usage_error (context, _("--kind must be cms or channel"));
  if (!cms)
    kind = TAYORI_ACCOUNT_CHANNEL;

  if (!tayori_accounts_remove (kind, name, &error))
    return tayori_cli_cms_report (cli, error);
  /* The command line has no main loop to keep responsive: the blocking call is fine here. */
  if (!tayori_secret_clear_sync (kind == TAYORI_ACCOUNT_CMS ? "cms" : "channel", name, NULL, &error))
    return tayori_cli_cms_report (cli, error);

  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "removed", name);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return tayori_cli_print_json (cli, node);
}

int
tayori_cli_account (TayoriCli  *cli,
                    int         argc,
                    char      **argv)
{
  g_autoptr(GOptionContext) context = tayori_cli_command_context_new (cli);
  g_auto(AccountOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "type", 0, 0, G_OPTION_ARG_STRING, &options.type,
      N_("add: the CMS (default: wordpress)"), N_("TYPE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &options.url, N_("add: the site’s address"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &options.user, N_("add: the CMS user name"), N_("NAME") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &options.name,
      N_("add: the account’s name in Tayori (default: from the site’s address)"), N_("NAME") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &options.label,
      N_("add: the name people see, e.g. 中央区サイト"), N_("TEXT") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &options.secret_file,
      N_("add: read the application password from this file instead of standard input"),
      N_("FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &options.kind,
      N_("list, remove: cms or channel (list: both by default; remove: cms)"), N_("KIND") },
    G_OPTION_ENTRY_NULL
  };
  g_auto(GStrv) args = NULL;
  int status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  status = tayori_cli_parse (cli, context, argc, argv, 1, 2, &args);
  if (status != TAYORI_CLI_CONTINUE)
    return status;

  if (g_str_equal (args[0], "add"))
    {
      if (g_strcmp0 (args[1], "cms") != 0)
        return tayori_cli_usage_error (context, _("Only CMS accounts can be added here: account add cms"));
      return account_add (cli, context, &options);
    }
  if (g_str_equal (args[0], "list"))
    {
      if (args[1] != NULL)
        return tayori_cli_usage_error (context, _("Unexpected argument “%s”"), args[1]);
      return account_list (cli, context, &options);
    }
  if (g_str_equal (args[0], "remove"))
    {
      if (args[1] == NULL)
        return tayori_cli_usage_error (context, _("Missing argument"));
      return account_remove (cli, context, &options, args[1]);
    }
  return tayori_cli_usage_error (context, _("Unknown action “%s”: add, list or remove"), args[0]);
}
