/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The built-in provider's answer to each task, on a worker thread and without any network:
 * the classifier, the extractive summary, title patterns, SNS templates, the thumbnail card,
 * the やさしい日本語 rewrite and the words check for proofreading. */

#include <string.h>
#include <glib/gi18n.h>
#include "tayori-ai-assistant-private.h"
#include "tayori-checker.h"
#include "tayori-easy-rewrite.h"
#include "tayori-sns-draft.h"
#include "tayori-summarizer.h"
#include "tayori-thumbnail.h"

/* Titles longer than this are shortened for the first proposal. */
#define SHORT_TITLE_CHARS 28
/* The summary sentence a title is made from when the article has no title. */
#define TITLE_SOURCE_CHARS 60

/* Endings that say "this is a notice" and add nothing to a short title. */
static const char * const notice_endings[] = {
  "のお知らせ", "のおしらせ", "について", "のご案内", "のお願い", NULL
};
static const char * const bracket_pairs[][2] = {
  { "【", "】" }, { "（", "）" }, { "(", ")" },
};

gboolean
tayori_ai_builtin_can_do (TayoriAiTask task)
{
  return task != TAYORI_AI_TASK_ENGLISH;
}

/* @text without any bracketed part (【…】, （…）, (…)). */
static char *
strip_brackets (const char *text)
{
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (bracket_pairs); i++)
    {
      char *open;

      while ((open = strstr (out->str, bracket_pairs[i][0])) != NULL)
        {
          char *close = strstr (open, bracket_pairs[i][1]);

          if (close == NULL)
            break;
          g_string_erase (out, open - out->str, close + strlen (bracket_pairs[i][1]) - open);
        }
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static char *
strip_notice_ending (const char *text)
{
  for (guint i = 0; notice_endings[i] != NULL; i++)
    if (g_str_has_suffix (text, notice_endings[i]) && !g_str_equal (text, notice_endings[i]))
      return g_strndup (text, strlen (text) - strlen (notice_endings[i]));
  return g_strdup (text);
}

/* At most SHORT_TITLE_CHARS characters, cut at the last comma or space when there is one. */
static char *
shorten (const char *text)
{
  g_autofree char *head = NULL;
  g_autofree char *shorter = NULL;
  const char *separators[] = { "、", "　", " " };

  if (g_utf8_strlen (text, -1) <= SHORT_TITLE_CHARS)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, SHORT_TITLE_CHARS);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *cut = g_strrstr (head, separators[i]);

      if (cut != NULL && cut > head)
        return g_strndup (head, cut - head);
    }
  shorter = g_utf8_substring (text, 0, SHORT_TITLE_CHARS - 1);
  return g_strconcat (shorter, "…", NULL);
}

/* The first sentence of @text. */
static char *
first_sentence (const char *text)
{
  const char *end = strstr (text, "。");

  return g_strstrip (end != NULL ? g_strndup (text, end - text) : g_strdup (text));
}

GStrv
tayori_ai_builtin_titles (TayoriArticle *article,
                          TayoriPreset  *preset)
{
  GPtrArray *titles;
  g_autofree char *base = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *core = NULL;
  g_autofree char *short_title = NULL;
  const char *place = tayori_article_get_ward (article);

  if (*tayori_article_get_title (article) != '\0')
    base = g_strstrip (g_strdup (tayori_article_get_title (article)));
  else if (*tayori_article_get_summary (article) != '\0')
    base = first_sentence (tayori_article_get_summary (article));
  else
    {
      g_autofree char *summary = tayori_summarize_extractive (tayori_article_get_body (article),
                                                              TITLE_SOURCE_CHARS, NULL);

      base = first_sentence (summary != NULL ? summary : "");
    }
  if (*base == '\0')
    return NULL;

  bare = strip_brackets (base);
  if (*bare == '\0')
    {
      g_free (bare);
      bare = g_strdup (base);
    }
  core = strip_notice_ending (bare);
  short_title = shorten (core);
  if (*place == '\0' && tayori_preset_get_city_name (preset) != NULL)
    place = tayori_preset_get_city_name (preset);

  /* Article text, in the article's language, whatever the UI's. */
  titles = g_ptr_array_new ();
  g_ptr_array_add (titles, g_strdup (short_title));
  if (*place != '\0')
    g_ptr_array_add (titles, g_strdup_printf ("【%s】%s", place, bare));
  g_ptr_array_add (titles, g_strdup_printf ("ご存じですか？%s", short_title));
  g_ptr_array_add (titles, NULL);
  return (GStrv) g_ptr_array_free (titles, FALSE);
}

static gboolean
builtin_category (TayoriAiRun       *run,
                  TayoriAiProposal  *proposal)
{
  TayoriArticle *article = run->article;
  g_autofree char *text = g_strjoin ("\n", tayori_article_get_title (article),
                                     tayori_article_get_summary (article),
                                     tayori_article_get_body (article), NULL);
  g_autoptr(GPtrArray) ranked = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) scores = g_array_new (FALSE, FALSE, sizeof (double));

  proposal->model = g_strdup ("builtin-cnb-1");
  if (tayori_classifier_get_n_documents (run->classifier) == 0)
    {
      proposal->text = g_strdup (_("No training data: there are no articles with a category "
                                   "to learn from yet."));
      tayori_ai_proposal_take_items (proposal, items, scores);
      return TRUE;
    }

  ranked = tayori_classifier_suggest (run->classifier, text,
                                      (const char * const *) run->categories, 3);
  for (guint i = 0; i < ranked->len; i++)
    {
      TayoriCategoryScore *score = g_ptr_array_index (ranked, i);

      g_ptr_array_add (items, g_strdup (score->category));
      g_array_append_val (scores, score->score);
    }
  if (items->len > 0)
    proposal->text = g_strdup (g_ptr_array_index (items, 0));
  tayori_ai_proposal_take_items (proposal, items, scores);
  return TRUE;
}

static gboolean
builtin_sns (TayoriAiRun      *run,
             TayoriAiProposal *proposal,
             GError          **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  proposal->model = g_strdup ("builtin-sns-1");
  for (guint i = 0; run->networks[i] != NULL; i++)
    {
      TayoriPostNetwork network;
      g_autofree char *draft = NULL;

      if (!tayori_post_network_from_string (run->networks[i], &network))
        {
          g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED,
                       _("Unknown social network “%s”"), run->networks[i]);
          return FALSE;
        }
      draft = tayori_sns_draft (run->article, run->preset, network, run->url, 0);
      if (proposal->text == NULL)
        proposal->text = g_strdup (draft);
      g_ptr_array_add (items, g_strdup_printf ("%s\t%s", run->networks[i], draft));
    }
  tayori_ai_proposal_take_items (proposal, items, NULL);
  return TRUE;
}

static gboolean
builtin_proofread (TayoriAiRun      *run,
                   TayoriAiProposal *proposal,
                   GCancellable     *cancellable)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (run->article);
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new (run->preset);
  g_autoptr(TayoriChecker) checker = tayori_check_words_new ();

  proposal->model = g_strdup ("builtin-words-1");
  proposal->findings = g_ptr_array_new_with_free_func (g_object_unref);
  tayori_checker_check (checker, document, settings, proposal->findings, cancellable);
  return TRUE;
}

TayoriAiProposal *
tayori_ai_builtin_run (TayoriAiRun   *run,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(TayoriAiProposal) proposal = tayori_ai_proposal_new (run->task);
  const char *body = tayori_article_get_body (run->article);
  gboolean ok = TRUE;

  switch (run->task)
    {
    case TAYORI_AI_TASK_CATEGORY:
      ok = builtin_category (run, proposal);
      break;
    case TAYORI_AI_TASK_SUMMARY:
      proposal->model = g_strdup ("builtin-extractive-1");
      proposal->text = tayori_summarize_extractive (body, run->max_chars, error);
      ok = proposal->text != NULL;
      break;
    case TAYORI_AI_TASK_TITLES:
      proposal->model = g_strdup ("builtin-titles-1");
      proposal->items = tayori_ai_builtin_titles (run->article, run->preset);
      if (proposal->items == NULL)
        {
          g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED,
                       _("Write a title, a summary or a body first"));
          return NULL;
        }
      proposal->text = g_strdup (proposal->items[0]);
      break;
    case TAYORI_AI_TASK_SNS:
      ok = builtin_sns (run, proposal, error);
      break;
    case TAYORI_AI_TASK_THUMBNAIL:
      proposal->model = g_strdup ("builtin-card-1");
      proposal->image = tayori_thumbnail_render (run->article, run->preset, run->photo, error);
      proposal->alt_text = tayori_thumbnail_propose_alt (run->article, run->preset);
      ok = proposal->image != NULL;
      break;
    case TAYORI_AI_TASK_EASY_JAPANESE:
      proposal->model = g_strdup ("builtin-easy-1");
      proposal->text = tayori_easy_rewrite (body, error);
      ok = proposal->text != NULL;
      break;
    case TAYORI_AI_TASK_PROOFREAD:
      ok = builtin_proofread (run, proposal, cancellable);
      break;
    case TAYORI_AI_TASK_ENGLISH:
    default:
      g_set_error (error, TAYORI_AI_ERROR, TAYORI_AI_ERROR_NOT_SUPPORTED,
                   _("An English version needs an AI service; the built-in provider cannot "
                     "translate"));
      return NULL;
    }

  if (!ok || g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  proposal->provider = g_strdup ("builtin");
  return g_steal_pointer (&proposal);
}
