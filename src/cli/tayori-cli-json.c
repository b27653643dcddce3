/* SPDX-License-Identifier: GPL-3.0-or-later */
/* JSON output of tayori-cli: article summaries (list, search), whole articles (show) with
 * their dismissed findings and AI provenance, and printing with the --compact choice. Keys
 * follow the front matter's names. */

#include "tayori-cli.h"
#include "tayori-article-summary.h"
#include "tayori-json.h"

/* ISO 8601 in UTC, to the second: "2026-11-22T05:04:00Z". */
static void
add_date_time (JsonBuilder *builder,
               const char  *name,
               GDateTime   *value)
{
  g_autoptr(GDateTime) utc = value != NULL ? g_date_time_to_utc (value) : NULL;
  g_autofree char *text = utc != NULL ? g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  tayori_json_add_string (builder, name, text);
}

JsonNode *
tayori_cli_json_summaries (GPtrArray *summaries)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < summaries->len; i++)
    {
      TayoriArticleSummary *summary = g_ptr_array_index (summaries, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, tayori_article_summary_get_id (summary));
      tayori_json_add_string (builder, "title", tayori_article_summary_get_title (summary));
      tayori_json_add_string (builder, "status",
                              tayori_article_status_to_key (tayori_article_summary_get_status (summary)));
      tayori_json_add_string (builder, "category", tayori_article_summary_get_category (summary));
      tayori_json_add_string (builder, "ward", tayori_article_summary_get_ward (summary));
      tayori_json_add_string (builder, "author", tayori_article_summary_get_author (summary));
      add_date_time (builder, "updated", tayori_article_summary_get_updated (summary));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

static void
add_contact (JsonBuilder   *builder,
             TayoriArticle *article)
{
  json_builder_set_member_name (builder, "contact");
  json_builder_begin_object (builder);
  tayori_json_add_string (builder, "section", tayori_article_get_contact_section (article));
  tayori_json_add_string (builder, "phone", tayori_article_get_contact_phone (article));
  tayori_json_add_string (builder, "fax", tayori_article_get_contact_fax (article));
  tayori_json_add_string (builder, "email", tayori_article_get_contact_email (article));
  tayori_json_add_string (builder, "address", tayori_article_get_contact_address (article));
  json_builder_end_object (builder);
}

JsonNode *
tayori_cli_json_article (TayoriArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TayoriArticleStatus status = tayori_article_get_status (article);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, tayori_article_get_id (article));
  tayori_json_add_string (builder, "title", tayori_article_get_title (article));
  tayori_json_add_string (builder, "status", tayori_article_status_to_key (status));
  tayori_json_add_string (builder, "status_label", tayori_article_status_to_label (status));
  tayori_json_add_string (builder, "category", tayori_article_get_category (article));
  tayori_json_add_strv (builder, "categories", tayori_article_get_categories (article));
  tayori_json_add_string (builder, "summary", tayori_article_get_summary (article));
  tayori_json_add_string (builder, "body", tayori_article_get_body (article));
  tayori_json_add_string (builder, "thumbnail", tayori_article_get_thumbnail (article));
  tayori_json_add_string (builder, "thumbnail_alt", tayori_article_get_thumbnail_alt (article));
  tayori_json_add_strv (builder, "audiences", tayori_article_get_audiences (article));
  tayori_json_add_string (builder, "ward", tayori_article_get_ward (article));
  tayori_json_add_string (builder, "department", tayori_article_get_department (article));
  add_contact (builder, article);
  tayori_json_add_string (builder, "publish_start", tayori_article_get_publish_start (article));
  tayori_json_add_string (builder, "publish_end", tayori_article_get_publish_end (article));
  json_builder_set_member_name (builder, "emergency");
  json_builder_add_boolean_value (builder, tayori_article_get_emergency (article));
  tayori_json_add_string (builder, "language", tayori_language_to_key (tayori_article_get_language (article)));
  tayori_json_add_string (builder, "translation_group", tayori_article_get_translation_group (article));
  tayori_json_add_string (builder, "author", tayori_article_get_author (article));
  add_date_time (builder, "created", tayori_article_get_created (article));
  add_date_time (builder, "updated", tayori_article_get_updated (article));
  tayori_json_add_links (builder, tayori_article_get_links (article));
  tayori_json_add_attachments (builder, tayori_article_get_attachments (article), TRUE);
  /* as the front matter spells it */
  tayori_json_add_dismissals (builder, "dismissed", tayori_article_get_dismissals (article));
  tayori_ai_provenance_list_to_json (builder, "ai_provenance", tayori_article_get_ai_provenance (article));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

int
tayori_cli_print_json (TayoriCli *cli,
                       JsonNode  *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;

  json_generator_set_root (generator, node);
  json_generator_set_pretty (generator, !cli->compact);
  json_generator_set_indent (generator, 2);

  text = g_string_new (NULL);
  json_generator_to_gstring (generator, text);
  g_string_append_c (text, '\n');

  if (!tayori_cli_write (NULL, text->str, text->len, &error))
    return tayori_cli_report (error);
  return TAYORI_CLI_EXIT_OK;
}
