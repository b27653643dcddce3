/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Built-in SNS drafts: each network's template, hashtags from the preset's [sns] keys, and the
 * fitting: summary shortened at sentences then clauses, then hashtags dropped, the URL whole. */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include "tayori-sns-draft.h"

#define URL "https://www.city.osaka.lg.jp/konohana/page/0000123456.html"

typedef struct {
  char         *preset_path;
  TayoriPreset *preset;
} Fixture;

static const char preset_text[] =
  "[city]\n"
  "name=大阪市\n"
  "[sns]\n"
  "hashtags-防災・安全=大阪市;#防災\n"
  "hashtags-防災・安全/避難所=避難所; 防災 \n"
  "hashtags-高齢者=シニア\n"
  "hashtags-子育て世帯=子育て\n"
  "campaign-hashtags=ぼうさい月間\n";

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("tayori-sns-XXXXXX.conf", &fixture->preset_path, &error);

  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (fixture->preset_path, preset_text, -1, &error);
  g_assert_no_error (error);
  fixture->preset = tayori_preset_new_from_file (fixture->preset_path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->preset_path);
  g_free (fixture->preset_path);
  g_assert_finalize_object (fixture->preset);
}

static TayoriArticle *
article_new (const char *title,
             const char *summary)
{
  static const char * const audiences[] = { "高齢者", "子育て世帯", NULL };
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, title);
  tayori_article_set_summary (article, summary);
  tayori_article_set_category (article, "防災・安全/避難所");
  tayori_article_set_audiences (article, audiences);
  tayori_article_set_ward (article, "此花区");
  return article;
}

/* A summary long enough that no network's post can hold it all. */
static char *
long_summary (void)
{
  GString *summary = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (summary, "第%u会場では、地域の皆さんと一緒に避難所の開設や受付の手順を確かめます。", i + 1);
  return g_string_free (summary, FALSE);
}

static void
test_hashtags (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = article_new ("避難所を開設しました", "");
  g_auto(GStrv) tags = tayori_sns_hashtags (article, fixture->preset);
  const char * const expected[] = { "避難所", "防災", "大阪市", "ぼうさい月間", "シニア", "子育て", NULL };

  /* sub-category, its top level, campaign, audiences; "#" and spaces dropped; no repeats */
  g_assert_cmpstrv (tags, expected);
}

static void
test_defaults (void)
{
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(TayoriArticle) article = article_new ("避難所を開設しました", "");
  g_auto(GStrv) tags = tayori_sns_hashtags (article, preset);

  g_assert_true (g_strv_contains ((const char * const *) tags, "防災"));
  g_assert_true (g_strv_contains ((const char * const *) tags, "子育て"));
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = article_new ("避難所を開設しました",
                                                  "此花区役所に避難所を開設しました。毛布と飲み物があります。");
  g_autofree char *x = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_X, URL, 0);
  g_autofree char *mastodon = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_MASTODON, URL, 0);
  g_autofree char *line = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_LINE, URL, 0);
  g_autofree char *no_url = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_LINE, NULL, 0);

  g_assert_cmpstr (x, ==,
                   "【避難所を開設しました】\n"
                   "此花区役所に避難所を開設しました。毛布と飲み物があります。\n"
                   URL "\n"
                   "#避難所 #防災 #大阪市 #ぼうさい月間 #シニア #子育て");
  g_assert_cmpstr (mastodon, ==,
                   "【避難所を開設しました】\n\n"
                   "此花区役所に避難所を開設しました。毛布と飲み物があります。\n\n"
                   URL "\n\n"
                   "#避難所 #防災 #大阪市 #ぼうさい月間 #シニア #子育て");
  /* LINE: a greeting, no hashtags, and a link line that says where it leads */
  g_assert_cmpstr (line, ==,
                   "大阪市此花区からのお知らせです。\n\n"
                   "【避難所を開設しました】\n"
                   "此花区役所に避難所を開設しました。毛布と飲み物があります。\n\n"
                   "詳しくは大阪市此花区ホームページの「避難所を開設しました」をご覧ください。\n"
                   URL);
  g_assert_cmpstr (no_url, ==,
                   "大阪市此花区からのお知らせです。\n\n"
                   "【避難所を開設しました】\n"
                   "此花区役所に避難所を開設しました。毛布と飲み物があります。");
}

static void
test_english (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = article_new ("Evacuation centre opened", "The ward office is open as a shelter.");
  g_autofree char *line = NULL;

  tayori_article_set_language (article, TAYORI_LANGUAGE_EN);
  line = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_LINE, URL, 0);
  g_assert_cmpstr (line, ==,
                   "News from 大阪市此花区.\n\n"
                   "Evacuation centre opened\n"
                   "The ward office is open as a shelter.\n\n"
                   "Details: “Evacuation centre opened” on the 大阪市此花区 website\n"
                   URL);
}

/* Every network, many limits: the draft fits, keeps the whole URL and the title. */
static void
test_fits (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *summary = long_summary ();
  g_autoptr(TayoriArticle) article = article_new ("避難所を開設しました", summary);

  for (TayoriPostNetwork network = TAYORI_POST_NETWORK_X; network <= TAYORI_POST_NETWORK_LINE; network++)
    {
      guint limits[] = { 0, 90, 120, 140, 200, 280, 300, 500 };

      for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
        {
          guint limit = limits[i] != 0 ? limits[i] : tayori_post_default_limit (network);
          g_autofree char *draft = tayori_sns_draft (article, fixture->preset, network, URL, limits[i]);

          if (network == TAYORI_POST_NETWORK_LINE && limit < 150)
            continue;   /* LINE's fixed lines alone are longer */
          g_assert_cmpuint (tayori_post_count (network, draft), <=, limit);
          g_assert_nonnull (strstr (draft, URL));
          g_assert_nonnull (strstr (draft, "避難所を開設しました"));
          /* and not needlessly short: one more sentence (36 characters) would not have fitted */
          if (strstr (draft, "第40会場") == NULL)
            g_assert_cmpuint (tayori_post_count (network, draft) + 40 * (network == TAYORI_POST_NETWORK_X ? 2 : 1), >, limit);
        }
    }
}

/* A Bluesky draft of @article that must fit the length of @expected. */
static char *
bluesky_draft (Fixture       *fixture,
               TayoriArticle *article,
               const char    *expected)
{
  guint limit = expected != NULL ? tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, expected) : 0;

  return tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_BLUESKY, URL, limit);
}

/* The summary gives up its last sentences first, then clauses; hashtags go after. */
static void
test_shortening_order (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char summary[] =
    "此花区役所に避難所を開設しました。毛布、飲み物、簡易トイレがあります。ペットと一緒に避難できます。";
  g_autoptr(TayoriArticle) article = article_new ("避難所を開設しました", summary);
  const char *head = "【避難所を開設しました】\n";
  const char *tags = "\n#避難所 #防災 #大阪市 #ぼうさい月間 #シニア #子育て";
  g_autofree char *full = bluesky_draft (fixture, article, NULL);
  g_autofree char *expected_full = g_strconcat (head, summary, "\n", URL, tags, NULL);
  g_autofree char *expected_two = g_strconcat (head, "此花区役所に避難所を開設しました。"
                                               "毛布、飲み物、簡易トイレがあります。\n", URL, tags, NULL);
  g_autofree char *expected_one = g_strconcat (head, "此花区役所に避難所を開設しました。\n", URL, tags, NULL);
  g_autofree char *two = NULL;
  g_autofree char *one = NULL;

  g_assert_cmpstr (full, ==, expected_full);
  /* one character short of each: the next shorter form */
  two = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_BLUESKY, URL,
                          tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, full) - 1);
  one = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_BLUESKY, URL,
                          tayori_post_count (TAYORI_POST_NETWORK_BLUESKY, expected_two) - 1);
  g_assert_cmpstr (two, ==, expected_two);
  g_assert_cmpstr (one, ==, expected_one);
}

static void
test_clauses_then_hashtags (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(TayoriArticle) article =
    article_new ("避難所を開設しました",
                 "区役所の講堂と、近くの小学校の体育館と、中学校の体育館に避難所を開設しました。");
  const char *head = "【避難所を開設しました】\n";
  const char *tags = "\n#避難所 #防災 #大阪市 #ぼうさい月間 #シニア #子育て";
  g_autofree char *expected_clause = g_strconcat (head, "区役所の講堂と、近くの小学校の体育館と…\n",
                                                  URL, tags, NULL);
  g_autofree char *expected_fewer = g_strconcat (head, "区役所の講堂と…\n", URL, "\n#避難所 #防災 #大阪市", NULL);
  g_autofree char *expected_no_summary = g_strconcat (head, URL, "\n#避難所", NULL);
  g_autofree char *clause = bluesky_draft (fixture, article, expected_clause);
  g_autofree char *fewer = bluesky_draft (fixture, article, expected_fewer);
  g_autofree char *no_summary = bluesky_draft (fixture, article, expected_no_summary);

  g_assert_cmpstr (clause, ==, expected_clause);
  g_assert_cmpstr (fewer, ==, expected_fewer);
  g_assert_cmpstr (no_summary, ==, expected_no_summary);
}

/* Too little room even for the title: the title is cut, never the URL. */
static void
test_title_cut (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TayoriArticle) article = article_new ("此花区役所と区内の小学校に避難所を開設しました", "短い要約です。");
  g_autofree char *draft = tayori_sns_draft (article, fixture->preset, TAYORI_POST_NETWORK_X, URL, 50);

  g_assert_cmpuint (tayori_post_count (TAYORI_POST_NETWORK_X, draft), <=, 50);
  g_assert_true (g_str_has_suffix (draft, "…】\n" URL));
  g_assert_true (g_str_has_prefix (draft, "【此花区役所と"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, test) \
  g_test_add ("/tayori/ai/builtin/sns/" path, Fixture, NULL, fixture_set_up, test, fixture_tear_down)
  ADD ("hashtags", test_hashtags);
  g_test_add_func ("/tayori/ai/builtin/sns/defaults", test_defaults);
  ADD ("templates", test_templates);
  ADD ("english", test_english);
  ADD ("fits", test_fits);
  ADD ("shortening-order", test_shortening_order);
  ADD ("clauses-then-hashtags", test_clauses_then_hashtags);
  ADD ("title-cut", test_title_cut);
#undef ADD
  return g_test_run ();
}
