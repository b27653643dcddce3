/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The remote side of a task: the prompt template rendered with the article and masked by the
 * policy before anything leaves the machine, the JSON schema of structured answers, and the
 * answer checked against that schema and turned into a proposal. */

#include <string.h>
#include <glib/gi18n.h>
#include "tayori-ai-assistant-private.h"
#include "tayori-ai-schema.h"
#include "tayori-finding.h"
#include "tayori-prompt-template.h"
#include "tayori-sns-draft.h"

/* Proofreading findings one answer may hold. */
#define MAX_PROOFREAD_FINDINGS 50

/* Every schema closes its objects (additionalProperties: false) and lists every property as
 * required, as OpenAI's strict structured output wants. %s: a JSON array of strings. */
static const char category_schema[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"suggestions\"],"
  "\"properties\":{\"suggestions\":{\"type\":\"array\",\"maxItems\":3,\"items\":"
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"category\",\"score\"],"
  "\"properties\":{\"category\":{\"type\":\"string\",\"enum\":%s},"
  "\"score\":{\"type\":\"number\"}}}}}}";
static const char titles_schema[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"titles\"],"
  "\"properties\":{\"titles\":{\"type\":\"array\",\"minItems\":1,\"maxItems\":3,"
  "\"items\":{\"type\":\"string\",\"maxLength\":100}}}}";
static const char sns_schema[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"drafts\"],"
  "\"properties\":{\"drafts\":{\"type\":\"array\",\"maxItems\":%u,\"items\":"
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"network\",\"text\"],"
  "\"properties\":{\"network\":{\"type\":\"string\",\"enum\":%s},"
  "\"text\":{\"type\":\"string\",\"maxLength\":5000}}}}}}";
static const char proofread_schema[] =
  "{\"type\":\"object\",\"additionalProperties\":false,\"required\":[\"findings\"],"
  "\"properties\":{\"findings\":{\"type\":\"array\",\"maxItems\":%u,\"items\":"
  "{\"type\":\"object\",\"additionalProperties\":false,"
  "\"required\":[\"text\",\"suggestion\",\"reason\"],"
  "\"properties\":{\"text\":{\"type\":\"string\"},\"suggestion\":{\"type\":\"string\"},"
  "\"reason\":{\"type\":\"string\"}}}}}}";

static char *
json_string_array (const char * const *strings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static JsonNode *
task_schema (TayoriAiRun  *run,
             const char  **name)
{
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;

  switch (run->task)
    {
    case TAYORI_AI_TASK_CATEGORY:
      *name = "category_suggestions";
      list = json_string_array ((const char * const *) run->categories);
      text = g_strdup_printf (category_schema, list);
      break;
    case TAYORI_AI_TASK_TITLES:
      *name = "title_proposals";
      text = g_strdup (titles_schema);
      break;
    case TAYORI_AI_TASK_SNS:
      *name = "sns_drafts";
      list = json_string_array ((const char * const *) run->networks);
      text = g_strdup_printf (sns_schema, g_strv_length (run->networks), list);
      break;
    case TAYORI_AI_TASK_PROOFREAD:
      *name = "proofreading";
      text = g_strdup_printf (proofread_schema, MAX_PROOFREAD_FINDINGS);
      break;
    case TAYORI_AI_TASK_SUMMARY:
    case TAYORI_AI_TASK_THUMBNAIL:
    case TAYORI_AI_TASK_EASY_JAPANESE:
    case TAYORI_AI_TASK_ENGLISH:
    default:
      *name = NULL;
      return NULL;
    }
  return json_from_string (text, NULL);
}

/* "x: 280（…）": one line per network with its limit and how it counts, for the SNS prompt.
 * Sent to the AI service in the article's language, whatever the UI's. */
static char *
network_lines (GStrv networks)
{
  GString *lines = g_string_new (NULL);

  for (guint i = 0; networks[i] != NULL; i++)
    {
      TayoriPostNetwork network;
      const char *counting = "";

      if (!tayori_post_network_from_string (networks[i], &network))
        continue;
      if (network == TAYORI_POST_NETWORK_X)
        counting = "（日本語の文字は1字を2、URLは23と数える）";
      else if (network == TAYORI_POST_NETWORK_MASTODON)
        counting = "（URLは23と数える）";
      g_string_append_printf (lines, "%s%s: %u%s", lines->len > 0 ? "\n" : "", networks[i],
                              tayori_post_default_limit (network), counting);
    }
  return g_string_free (lines, FALSE);
}

static char *
hashtag_text (TayoriAiRun *run)
{
  g_auto(GStrv) tags = tayori_sns_hashtags (run->article, run->preset);
  GString *text = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    g_string_append_printf (text, "%s#%s", text->len > 0 ? " " : "", tags[i]);
  return g_string_free (text, FALSE);
}

/* The placeholders the templates (and a preset's own templates) may use. */
static GHashTable *
prompt_values (TayoriAiRun *run)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  TayoriArticle *article = run->article;

  g_hash_table_insert (values, "title", g_strdup (tayori_article_get_title (article)));
  g_hash_table_insert (values, "summary", g_strdup (tayori_article_get_summary (article)));
  g_hash_table_insert (values, "text", g_strdup (tayori_article_get_body (article)));
  g_hash_table_insert (values, "category", g_strdup (tayori_article_get_category (article)));
  g_hash_table_insert (values, "ward", g_strdup (tayori_article_get_ward (article)));
  g_hash_table_insert (values, "audiences",
                       g_strjoinv ("、", (char **) tayori_article_get_audiences (article)));
  g_hash_table_insert (values, "city",
                       g_strdup (tayori_preset_get_city_name (run->preset) != NULL
                                 ? tayori_preset_get_city_name (run->preset) : ""));
  g_hash_table_insert (values, "categories", g_strjoinv ("\n", run->categories));
  g_hash_table_insert (values, "networks", network_lines (run->networks));
  g_hash_table_insert (values, "hashtags", hashtag_text (run));
  g_hash_table_insert (values, "url", g_strdup (run->url != NULL ? run->url : ""));
  g_hash_table_insert (values, "max_chars", g_strdup_printf ("%u", run->max_chars));
  return values;
}

gboolean
tayori_ai_remote_prepare (TayoriAiRun  *run,
                          GError      **error)
{
  g_autoptr(TayoriPromptTemplate) template = NULL;
  g_autoptr(GHashTable) values = prompt_values (run);
  g_autofree char *system = NULL;
  g_autofree char *user = NULL;
  guint system_masked = 0;
  guint user_masked = 0;

  template = tayori_prompt_template_load (run->preset, tayori_ai_task_to_string (run->task), error);
  if (template == NULL || !tayori_prompt_template_render (template, values, &system, &user, error))
    return FALSE;

  g_clear_pointer (&run->system, g_free);
  if (system != NULL && *system != '\0')
    {
      run->system = tayori_ai_policy_prepare_text (run->policy, system, &system_masked, error);
      if (run->system == NULL)
        return FALSE;
    }
  g_free (run->prompt);
  run->prompt = tayori_ai_policy_prepare_text (run->policy, user, &user_masked, error);
  if (run->prompt == NULL)
    return FALSE;

  run->masked_spans = system_masked + user_masked;
  g_free (run->template_id);
  run->template_id = g_strdup (tayori_prompt_template_get_id (template));
  g_free (run->template_version);
  run->template_version = g_strdup (tayori_prompt_template_get_version (template));
  g_clear_pointer (&run->schema, json_node_unref);
  run->schema = task_schema (run, &run->schema_name);
  return TRUE;
}

char *
tayori_ai_remote_sent_text (TayoriAiRun *run)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (run->prompt != NULL, NULL);

  if (run->system != NULL)
    g_string_append_printf (text, "%s\n\n", run->system);
  g_string_append (text, run->prompt);
  if (run->image_prompt != NULL)
    g_string_append_printf (text, "\n\n%s", run->image_prompt);
  return g_string_free (text, FALSE);
}

/* Some local servers wrap structured answers in a Markdown code fence. */
static char *
strip_code_fence (const char *answer)
{
  g_autofree char *text = g_strstrip (g_strdup (answer));
  const char *start;

  if (!g_str_has_prefix (text, "```") || !g_str_has_suffix (text, "```") || strlen (text) < 6)
    return g_steal_pointer (&text);
  start = strchr (text, '\n');
  if (start == NULL)
    return g_steal_pointer (&text);
  return g_strstrip (g_strndup (start + 1, text + strlen (text) - 3 - (start + 1)));
}

static int
compare_scores_desc (gconstpointer a,
                     gconstpointer b)
{
  double x = json_object_get_double_member (*(JsonObject **) a, "score");
  double y = json_object_get_double_member (*(JsonObject **) b, "score");

  return (x < y) - (x > y);
}

static void
parse_category (JsonObject       *root,
                TayoriAiProposal *proposal)
{
  JsonArray *suggestions = json_object_get_array_member (root, "suggestions");
  g_autoptr(GPtrArray) ranked = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < json_array_get_length (suggestions); i++)
    g_ptr_array_add (ranked, json_array_get_object_element (suggestions, i));
  g_ptr_array_sort (ranked, compare_scores_desc);

  for (guint i = 0; i < ranked->len; i++)
    {
      JsonObject *suggestion = g_ptr_array_index (ranked, i);
      const char *category = json_object_get_string_member (suggestion, "category");
      double score = CLAMP (json_object_get_double_member (suggestion, "score"), 0.0, 1.0);

      if (g_ptr_array_find_with_equal_func (items, category, g_str_equal, NULL))
        continue;
      g_ptr_array_add (items, g_strdup (category));
      g_array_append_val (scores, score);
    }
  if (items->len > 0)
    proposal->text = g_strdup (g_ptr_array_index (items, 0));
  tayori_ai_proposal_take_items (proposal, items, scores);
}

static void
parse_titles (JsonObject       *root,
              TayoriAiProposal *proposal)
{
  JsonArray *titles = json_object_get_array_member (root, "titles");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < json_array_get_length (titles); i++)
    {
      g_autofree char *title = g_strstrip (g_strdup (json_array_get_string_element (titles, i)));

      if (*title != '\0')
        g_ptr_array_add (items, g_steal_pointer (&title));
    }
  if (items->len > 0)
    proposal->text = g_strdup (g_ptr_array_index (items, 0));
  tayori_ai_proposal_take_items (proposal, items, NULL);
}

/* The drafts in the order the networks were asked for. */
static void
parse_sns (TayoriAiRun      *run,
           JsonObject       *root,
           TayoriAiProposal *proposal)
{
  JsonArray *drafts = json_object_get_array_member (root, "drafts");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint n = 0; run->networks[n] != NULL; n++)
    for (guint i = 0; i < json_array_get_length (drafts); i++)
      {
        JsonObject *draft = json_array_get_object_element (drafts, i);
        const char *text = json_object_get_string_member (draft, "text");

        if (!g_str_equal (json_object_get_string_member (draft, "network"), run->networks[n]))
          continue;
        if (proposal->text == NULL)
          proposal->text = g_strdup (text);
        g_ptr_array_add (items, g_strdup_printf ("%s\t%s", run->networks[n], text));
        break;
      }
  tayori_ai_proposal_take_items (proposal, items, NULL);
}

/* The first place of @text in @field not already covered by a finding. */
static gboolean
locate (GPtrArray  *findings,
        const char *field,
        const char *field_text,
        const char *text,
        gsize      *start)
{
  const char *hit = field_text;

  while ((hit = strstr (hit, text)) != NULL)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < findings->len && !taken; i++)
        {
          TayoriFinding *finding = g_ptr_array_index (findings, i);

          taken = g_str_equal (tayori_finding_get_field (finding), field)
                  && tayori_finding_get_start (finding) == (gsize) (hit - field_text);
        }
      if (!taken)
        {
          *start = hit - field_text;
          return TRUE;
        }
      hit += strlen (text);
    }
  return FALSE;
}

/* Findings under the words check's "words-variant" rule, whose message names the text, the
 * suggested spelling and a note (the reason the service gave). Findings for text that is not
 * in the article are dropped. */
static void
parse_proofread (TayoriAiRun      *run,
                 JsonObject       *root,
                 TayoriAiProposal *proposal)
{
  JsonArray *items = json_object_get_array_member (root, "findings");
  const char *fields[] = { "title", "body" };
  const char *texts[] = { tayori_article_get_title (run->article),
                          tayori_article_get_body (run->article) };

  proposal->findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *text = json_object_get_string_member (item, "text");
      const char *suggestion = json_object_get_string_member (item, "suggestion");

      if (*text == '\0' || g_str_equal (text, suggestion))
        continue;
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          TayoriFinding *finding;
          gsize start;

          if (!locate (proposal->findings, fields[f], texts[f], text, &start))
            continue;

          finding = tayori_finding_new ("words-variant", fields[f], start, start + strlen (text));
          tayori_finding_set_arg (finding, "text", text);
          tayori_finding_set_arg (finding, "to", suggestion);
          tayori_finding_set_arg (finding, "note", json_object_get_string_member (item, "reason"));
          tayori_finding_set_fix (finding, suggestion);
          g_ptr_array_add (proposal->findings, finding);
          break;
        }
    }
}

TayoriAiProposal *
tayori_ai_remote_parse (TayoriAiRun  *run,
                        const char   *answer,
                        GError      **error)
{
  g_autoptr(TayoriAiProposal) proposal = tayori_ai_proposal_new (run->task);
  g_autofree char *text = strip_code_fence (answer != NULL ? answer : "");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*text == '\0')
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
                   _("The AI service gave an empty answer"));
      return NULL;
    }

  if (run->schema == NULL)
    {
      proposal->text = g_steal_pointer (&text);
      return g_steal_pointer (&proposal);
    }

  root = json_from_string (text, &local_error);
  if (root == NULL)
    {
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_MALFORMED,
                   _("The AI service’s answer is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (!tayori_ai_schema_validate (run->schema, root, error))
    return NULL;

  switch (run->task)
    {
    case TAYORI_AI_TASK_CATEGORY:
      parse_category (json_node_get_object (root), proposal);
      break;
    case TAYORI_AI_TASK_TITLES:
      parse_titles (json_node_get_object (root), proposal);
      break;
    case TAYORI_AI_TASK_SNS:
      parse_sns (run, json_node_get_object (root), proposal);
      break;
    case TAYORI_AI_TASK_PROOFREAD:
      parse_proofread (run, json_node_get_object (root), proposal);
      break;
    case TAYORI_AI_TASK_SUMMARY:
    case TAYORI_AI_TASK_THUMBNAIL:
    case TAYORI_AI_TASK_EASY_JAPANESE:
    case TAYORI_AI_TASK_ENGLISH:
    default:
      g_assert_not_reached ();
    }
  return g_steal_pointer (&proposal);
}
