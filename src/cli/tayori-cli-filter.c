/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The filter options that list and search share (--status, --category, --ward, --author,
 * --limit, --offset, --include-archived) and the listing both print. */

#include <glib/gi18n.h>
#include "tayori-cli.h"

#define DEFAULT_LIMIT 100

void
tayori_cli_filter_options_init (TayoriCliFilterOptions *options,
                                GOptionContext         *context)
{
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &options->status,
      N_("Only articles with this status (draft, in_review, returned, approved, scheduled, "
         "published, archived)"), N_("STATUS") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options->category,
      N_("Only articles in this category"), N_("CATEGORY") },
    { "ward", 0, 0, G_OPTION_ARG_STRING, &options->ward,
      N_("Only articles of this ward"), N_("WARD") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &options->author,
      N_("Only articles by this author"), N_("NAME") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &options->limit,
      N_("Print at most N articles (default 100, 0 for all)"), N_("N") },
    { "offset", 0, 0, G_OPTION_ARG_INT, &options->offset,
      N_("Skip the first N articles"), N_("N") },
    { "include-archived", 0, 0, G_OPTION_ARG_NONE, &options->include_archived,
      N_("Include archived articles"), NULL },
    G_OPTION_ENTRY_NULL
  };

  *options = (TayoriCliFilterOptions) { .limit = DEFAULT_LIMIT };
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

void
tayori_cli_filter_options_clear (TayoriCliFilterOptions *options)
{
  g_clear_pointer (&options->status, g_free);
  g_clear_pointer (&options->category, g_free);
  g_clear_pointer (&options->ward, g_free);
  g_clear_pointer (&options->author, g_free);
}

static char *
status_keys (void)
{
  GString *keys = g_string_new (NULL);

  for (int status = TAYORI_ARTICLE_STATUS_DRAFT; status <= TAYORI_ARTICLE_STATUS_ARCHIVED; status++)
    {
      if (keys->len > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, tayori_article_status_to_key (status));
    }
  return g_string_free (keys, FALSE);
}

int
tayori_cli_print_matching (TayoriCli                    *cli,
                           GOptionContext               *context,
                           const TayoriCliFilterOptions *options,
                           const char                   *query)
{
  g_autoptr(TayoriArticleFilter) filter = tayori_article_filter_new ();
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(GPtrArray) summaries = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  TayoriArticleStatus status;

  if (options->limit < 0)
    return tayori_cli_usage_error (context, _("--limit must be 0 or more"));
  if (options->offset < 0)
    return tayori_cli_usage_error (context, _("--offset must be 0 or more"));

  filter->status = -1;
  if (options->status != NULL)
    {
      if (!tayori_article_status_from_key (options->status, &status))
        {
          g_autofree char *keys = status_keys ();

          return tayori_cli_usage_error (context, _("Unknown status “%s” (one of: %s)"),
                                         options->status, keys);
        }
      filter->status = status;
    }
  filter->query = g_strdup (query);
  filter->category = g_strdup (options->category);
  filter->ward = g_strdup (options->ward);
  filter->author = g_strdup (options->author);
  filter->include_archived = options->include_archived;

  store = tayori_cli_open_store (cli, &error);
  if (store == NULL)
    return tayori_cli_report (error);

  summaries = tayori_store_list_articles (store, filter, options->offset,
                                          options->limit > 0 ? (guint) options->limit : G_MAXINT,
                                          &error);
  if (summaries == NULL)
    return tayori_cli_report (error);

  node = tayori_cli_json_summaries (summaries);
  return tayori_cli_print_json (cli, node);
}
