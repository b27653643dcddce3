/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in SNS drafts: one template per network, filled with the title, the summary, the URL
 * and the hashtags, then fitted to the network's counter by giving up, in order, the summary's
 * last sentences and clauses and then the last hashtags. The URL is never shortened. */
#include "tayori-sns-draft.h"

#include <string.h>
#include "tayori-builtin-text.h"
#include "tayori-easy-text.h"
#include "tayori-summarizer.h"

#define SNS_GROUP         "sns"
#define ELLIPSIS          "…"

/* The fixed words of a post are in the article's language, not the UI's: a Japanese notice
 * gets a Japanese post whatever language the writer's desktop uses. */
typedef struct {
  const char *title;            /* {title} */
  const char *greeting;         /* LINE's first line; {place} */
  const char *details;          /* LINE's line before the URL, saying where it leads */
  const char *details_untitled; /* the same for an article without a title */
} Phrases;

static const Phrases japanese = {
  "【{title}】",
  "{place}からのお知らせです。",
  "詳しくは{place}ホームページの「{title}」をご覧ください。",
  "詳しくは{place}ホームページをご覧ください。",
};

static const Phrases english = {
  "{title}",
  "News from {place}.",
  "Details: “{title}” on the {place} website",
  "Details on the {place} website",
};

typedef struct {
  TayoriPostNetwork  network;
  const Phrases     *phrases;
  const char        *place;
  const char        *title;   /* whole, for the line that says where the URL leads */
  const char        *url;
} Draft;

static void
append_filled (GString     *out,
               const char  *template,
               const Draft *draft,
               const char  *title)
{
  const char *names[] = { "place", "title", NULL };
  const char *values[] = { draft->place, title, NULL };

  tayori_builtin_fill (out, template, names, values);
}

/* Blocks separated by one line break (X, Bluesky) or a blank line (Mastodon, LINE). */
static void
append_block (GString          *out,
              TayoriPostNetwork network,
              const char       *block)
{
  if (block == NULL || block[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, network == TAYORI_POST_NETWORK_X ||
                          network == TAYORI_POST_NETWORK_BLUESKY ? "\n" : "\n\n");
  g_string_append (out, block);
}

static char *
compose (const Draft        *draft,
         const char         *title,
         const char         *summary,
         const char * const *tags,
         guint               n_tags)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autoptr(GString) link = g_string_new (NULL);
  g_autoptr(GString) hashtags = g_string_new (NULL);

  if (title[0] != '\0')
    append_filled (heading, draft->phrases->title, draft, title);
  if (draft->network == TAYORI_POST_NETWORK_LINE)
    {
      g_autoptr(GString) greeting = g_string_new (NULL);

      append_filled (greeting, draft->phrases->greeting, draft, title);
      append_block (out, draft->network, greeting->str);
      if (heading->len > 0 && summary[0] != '\0')
        g_string_append_c (heading, '\n');
      g_string_append (heading, summary);
      append_block (out, draft->network, heading->str);
      if (draft->url != NULL)
        {
          append_filled (link, draft->title[0] != '\0' ? draft->phrases->details
                                                        : draft->phrases->details_untitled,
                         draft, draft->title);
          g_string_append_printf (link, "\n%s", draft->url);
        }
      append_block (out, draft->network, link->str);
      return g_string_free (out, FALSE);
    }

  for (guint i = 0; i < n_tags; i++)
    g_string_append_printf (hashtags, "%s#%s", i > 0 ? " " : "", tags[i]);
  append_block (out, draft->network, heading->str);
  append_block (out, draft->network, summary);
  append_block (out, draft->network, draft->url);
  append_block (out, draft->network, hashtags->str);
  return g_string_free (out, FALSE);
}

/* Ever shorter forms of @summary: all its sentences, then fewer, then its first sentence cut
 * after each clause (、) with "…", then nothing. */
static GPtrArray *
summary_variants (const char *summary)
{
  GPtrArray *variants = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sentences = tayori_sentences_split (summary, strlen (summary));

  for (guint n = sentences->len; n > 0; n--)
    {
      const TayoriSentence *first = &g_array_index (sentences, TayoriSentence, 0);
      const TayoriSentence *last = &g_array_index (sentences, TayoriSentence, n - 1);

      g_ptr_array_add (variants, g_strndup (summary + first->start, last->end - first->start));
    }
  if (sentences->len > 0)
    {
      const TayoriSentence *first = &g_array_index (sentences, TayoriSentence, 0);
      const char *start = summary + first->start;

      for (const char *p = summary + first->end; p > start; )
        {
          p = g_utf8_prev_char (p);
          if (p > start && (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "，")))
            g_ptr_array_add (variants, g_strdup_printf ("%.*s" ELLIPSIS, (int) (p - start), start));
        }
    }
  g_ptr_array_add (variants, g_strdup (""));
  return variants;
}

static void
add_hashtags (GPtrArray          *tags,
              GKeyFile           *sns,
              const char         *key)
{
  g_auto(GStrv) values = g_key_file_get_string_list (sns, SNS_GROUP, key, NULL, NULL);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      GString *tag = g_string_new (NULL);

      /* "#防災", " 防災 " and "防 災" all become 防災: a hashtag ends at a space */
      for (const char *p = values[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!g_unichar_isspace (c) && c != '#' && c != 0xFF03)
            g_string_append_unichar (tag, c);
        }
      if (tag->len > 0 && !g_ptr_array_find_with_equal_func (tags, tag->str, g_str_equal, NULL))
        g_ptr_array_add (tags, g_string_free (tag, FALSE));
      else
        g_string_free (tag, TRUE);
    }
}

/* The [sns] group: the embedded defaults with the organisation file's keys over them. The
 * preset has no accessor for it, so both files are read here the way the preset reads them. */
GStrv
tayori_sns_hashtags (TayoriArticle *article,
                     TayoriPreset  *preset)
{
  g_autoptr(GKeyFile) sns = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  const char *category;
  const char * const *audiences;
  g_autofree char *top = NULL;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  sns = tayori_preset_dup_sns_keyfile (preset);
  category = tayori_article_get_category (article);
  audiences = tayori_article_get_audiences (article);
  /* most relevant first: drafts give up the last ones when a post is too long */
  if (category[0] != '\0')
    {
      g_autofree char *key = g_strconcat ("hashtags-", category, NULL);

      top = tayori_builtin_top_category (article);
      add_hashtags (tags, sns, key);
      if (!g_str_equal (top, category))
        {
          g_autofree char *top_key = g_strconcat ("hashtags-", top, NULL);

          add_hashtags (tags, sns, top_key);
        }
    }
  add_hashtags (tags, sns, "campaign-hashtags");
  for (guint i = 0; audiences[i] != NULL; i++)
    {
      g_autofree char *key = g_strconcat ("hashtags-", audiences[i], NULL);

      add_hashtags (tags, sns, key);
    }
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_steal (tags, NULL);
}

/* The article's summary, or a built-in one of its body within the preset's limit. */
static char *
summary_text (TayoriArticle *article,
              TayoriPreset  *preset)
{
  const char *summary = tayori_article_get_summary (article);
  char *extracted;

  if (summary[0] != '\0')
    return g_strdup (summary);
  /* without MeCab the draft simply has no summary */
  extracted = tayori_summarize_extractive (tayori_article_get_body (article),
                                           tayori_preset_get_summary_limit (preset), NULL);
  return extracted != NULL ? extracted : g_strdup ("");
}

/* The draft with the title cut with "…" so that it fits without summary or hashtags. */
static char *
fit_title (const Draft *draft,
           guint        limit)
{
  const char *title = draft->title;
  g_autofree char *bare = compose (draft, "", "", NULL, 0);
  guint fixed = tayori_post_count (draft->network, bare) +
                tayori_post_count (draft->network, ELLIPSIS);

  for (guint budget = limit > fixed ? limit - fixed : 0; ; budget--)
    {
      gsize length = tayori_post_fit (draft->network, title, budget);
      g_autofree char *cut = g_strdup_printf ("%.*s" ELLIPSIS, (int) length, title);
      g_autofree char *text = compose (draft, length > 0 ? cut : "", "", NULL, 0);

      if (length == 0 || tayori_post_count (draft->network, text) <= limit)
        return g_steal_pointer (&text);
    }
}

char *
tayori_sns_draft (TayoriArticle     *article,
                  TayoriPreset      *preset,
                  TayoriPostNetwork  network,
                  const char        *url,
                  guint              limit)
{
  g_autofree char *place = NULL;
  g_autofree char *summary = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GPtrArray) variants = NULL;
  Draft draft;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  place = tayori_builtin_place (article, preset);
  draft.network = network;
  draft.phrases = tayori_article_get_language (article) == TAYORI_LANGUAGE_EN ? &english : &japanese;
  draft.place = place;
  draft.title = tayori_article_get_title (article);
  draft.url = url != NULL && url[0] != '\0' ? url : NULL;
  if (limit == 0)
    limit = tayori_post_default_limit (network);
  summary = summary_text (article, preset);
  variants = summary_variants (g_strstrip (summary));
  tags = network == TAYORI_POST_NETWORK_LINE ? g_new0 (char *, 1) : tayori_sns_hashtags (article, preset);

  /* with every hashtag the summary may shrink to one clause; then hashtags go one by one;
   * when no summary fits at all, as many hashtags as fit */
  for (guint pass = 0; pass < 2; pass++)
    for (guint n_tags = g_strv_length (tags); ; n_tags--)
      {
        for (guint i = pass == 0 ? 0 : variants->len - 1; i < variants->len; i++)
          {
            const char *variant = g_ptr_array_index (variants, i);
            g_autofree char *text = NULL;

            if (pass == 0 && variant[0] == '\0')
              continue;
            text = compose (&draft, draft.title, variant, (const char * const *) tags, n_tags);
            if (tayori_post_count (network, text) <= limit)
              return g_steal_pointer (&text);
          }
        if (n_tags == 0)
          break;
      }
  return fit_title (&draft, limit);
}
