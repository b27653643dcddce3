/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the built-in category classifier on 10,000 generated articles of about 1.5 KB: their
 * sentences are recombined within each category of the livedoor corpus (../shared) or, when
 * that is absent, of the corpus notices. Training in memory and from a store, suggestion
 * p50/p95, and a suggestion right after one article was learnt (weights recomputed). */
#include <glib/gstdio.h>
#include <string.h>

#include "bench-util.h"
#include "tayori-ai-training.h"
#include "tayori-classifier.h"
#include "tayori-store.h"

#define N_TRAINING    10000
#define N_SUGGESTIONS 300
#define ARTICLE_BYTES 1500

typedef struct {
  char      *category;
  GPtrArray *sentences;
} Category;

static void
category_free (gpointer data)
{
  Category *category = data;

  g_free (category->category);
  g_ptr_array_unref (category->sentences);
  g_free (category);
}

static Category *
category_for (GPtrArray  *categories,
              const char *name)
{
  Category *category;

  for (guint i = 0; i < categories->len; i++)
    if (strcmp (((Category *) g_ptr_array_index (categories, i))->category, name) == 0)
      return g_ptr_array_index (categories, i);
  category = g_new0 (Category, 1);
  category->category = g_strdup (name);
  category->sentences = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (categories, category);
  return category;
}

/* Sentences end at 。 or a line break; front matter, headings and short lines are skipped. */
static void
add_sentences (Category   *category,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "。", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          char *sentence = g_strstrip (parts[j]);

          if (strlen (sentence) >= 15 && strchr ("#-|:", sentence[0]) == NULL)
            g_ptr_array_add (category->sentences, g_strconcat (sentence, "。", NULL));
        }
    }
}

static void
load_livedoor (const char *root,
               GPtrArray  *categories)
{
  g_autoptr(GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, NULL);
      g_autoptr(GDir) files = NULL;
      const char *file;

      if (!g_file_test (path, G_FILE_TEST_IS_DIR) || (files = g_dir_open (path, 0, NULL)) == NULL)
        continue;
      while ((file = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *file_path = g_build_filename (path, file, NULL);
          g_autofree char *contents = NULL;
          const char *body;

          if (strcmp (file, "LICENSE.txt") == 0 || !g_file_get_contents (file_path, &contents, NULL, NULL))
            continue;
          /* after the URL and the date */
          body = strchr (contents, '\n');
          body = body != NULL ? strchr (body + 1, '\n') : NULL;
          if (body != NULL)
            add_sentences (category_for (categories, name), body + 1);
        }
    }
}

/* Each notice's sentences go to its top-level category. */
static void
load_notices (const char *notices_dir,
              GPtrArray  *categories)
{
  g_autoptr(GDir) dir = g_dir_open (notices_dir, 0, NULL);
  const char *name;

  if (dir == NULL)
    g_error ("no notices in %s", notices_dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (notices_dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *top = NULL;
      const char *line, *body;

      if (!g_str_has_suffix (name, ".md") || !g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      line = strstr (contents, "\ncategory: ");
      body = strstr (contents + 3, "\n---");
      if (line == NULL || body == NULL)
        continue;
      line += strlen ("\ncategory: ");
      top = g_strndup (line, strcspn (line, "/\n"));
      add_sentences (category_for (categories, top), body + 4);
    }
}

/* A title (one sentence) and sentences up to about ARTICLE_BYTES, all from one category. */
static char *
generate_text (Category *category,
               GRand    *rand)
{
  GPtrArray *sentences = category->sentences;
  GString *text = g_string_new (g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));

  g_string_append_c (text, '\n');
  while (text->len < ARTICLE_BYTES)
    g_string_append (text, g_ptr_array_index (sentences, g_rand_int_range (rand, 0, sentences->len)));
  return g_string_free (text, FALSE);
}

static GPtrArray *
generate_articles (GPtrArray *categories,
                   guint      n,
                   GRand     *rand)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      Category *category = g_ptr_array_index (categories, i % categories->len);
      g_autofree char *text = generate_text (category, rand);
      char *newline = strchr (text, '\n');
      TayoriArticle *article = tayori_article_new ();

      *newline = '\0';
      tayori_article_set_title (article, text);
      tayori_article_set_body (article, newline + 1);
      tayori_article_set_category (article, category->category);
      g_ptr_array_add (articles, article);
    }
  return articles;
}

static double
train_in_memory (TayoriClassifier *classifier,
                 GPtrArray        *articles)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < articles->len; i++)
    {
      TayoriArticle *article = g_ptr_array_index (articles, i);
      g_autofree char *text = tayori_ai_training_article_text (article);

      tayori_classifier_add (classifier, tayori_article_get_category (article), text);
    }
  tayori_classifier_prepare (classifier);
  return bench_ms_since (start);
}

static const char * const store_suffixes[] = { "", "-wal", "-shm" };

static double
train_from_store (GPtrArray *articles)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-ai-classifier-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TayoriStore) store = NULL;
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  gint64 start;
  gssize learnt;
  double ms;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "tayori.db", NULL);
  store = tayori_store_open (path, &error);
  if (store == NULL || !tayori_store_import_articles (store, articles, &error))
    g_error ("%s", error->message);

  start = g_get_monotonic_time ();
  learnt = tayori_ai_training_run (classifier, store, &error);
  ms = bench_ms_since (start);
  if (learnt != (gssize) articles->len)
    g_error ("learnt %" G_GSSIZE_FORMAT " of %u: %s", learnt, articles->len, error != NULL ? error->message : "");

  tayori_store_close (store);
  for (guint i = 0; i < G_N_ELEMENTS (store_suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, store_suffixes[i], NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
  return ms;
}

int
main (int   argc,
      char *argv[])
{
  const char *livedoor = argc > 1 ? argv[1] : LIVEDOOR_DIR;
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (category_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240401);
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GPtrArray) unseen = NULL;
  g_autoptr(TayoriClassifier) classifier = tayori_classifier_new ();
  g_autofree double *times = g_new (double, N_SUGGESTIONS);
  BenchPercentiles p;
  double ms;

  if (g_file_test (livedoor, G_FILE_TEST_IS_DIR))
    load_livedoor (livedoor, categories);
  else
    load_notices (NOTICES_DIR, categories);
  training = generate_articles (categories, N_TRAINING, rand);
  unseen = generate_articles (categories, N_SUGGESTIONS, rand);
  g_print ("%u generated training articles of about %d bytes in %u categories (sentences from %s)\n",
           training->len, ARTICLE_BYTES, categories->len,
           g_file_test (livedoor, G_FILE_TEST_IS_DIR) ? "livedoor" : "the corpus notices");

  ms = train_in_memory (classifier, training);
  g_print ("%-52s %9.0f ms\n", "training in memory (analysis, counts, weights)", ms);
  g_print ("%-52s %9.0f ms\n", "training from a store (tayori_ai_training_run)", train_from_store (training));

  for (guint i = 0; i < N_SUGGESTIONS; i++)
    {
      g_autofree char *text = tayori_ai_training_article_text (g_ptr_array_index (unseen, i));
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) ranked = tayori_classifier_suggest (classifier, text, NULL, 3);

      times[i] = bench_ms_since (start);
    }
  p = bench_percentiles (times, N_SUGGESTIONS);
  g_print ("%-52s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", "suggestion (top 3)", p.p50, p.p95, p.max);

  /* what a save in the editor costs: learn one article, then the next suggestion re-weighs */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *text = tayori_ai_training_article_text (g_ptr_array_index (unseen, i));
      TayoriArticle *article = g_ptr_array_index (unseen, i);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) ranked = NULL;

      tayori_classifier_add (classifier, tayori_article_get_category (article), text);
      ranked = tayori_classifier_suggest (classifier, text, NULL, 3);
      times[i] = bench_ms_since (start);
    }
  p = bench_percentiles (times, 50);
  g_print ("%-52s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", "learn one article, then suggest", p.p50, p.p95, p.max);
  return 0;
}
