/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times the C-side writing checks (MeCab included) on a 30,000-character article made of the
 * corpus notices' bodies: the whole run and each family alone, p50/p95 in milliseconds, and
 * MeCab's throughput on about 1 MB of Japanese text. */
#include <stdlib.h>
#include <string.h>
#include <glib.h>

#include "bench-util.h"
#include "tayori-check-runner.h"
#include "tayori-checker.h"
#include "tayori-front-matter.h"
#include "tayori-mecab.h"

#define TARGET_CHARACTERS 30000
#define MECAB_BYTES       (1024 * 1024)
#define WARM_UP_RUNS      3
#define DEFAULT_RUNS      50

static void
print_times (const char *what,
             double     *times,
             guint       runs)
{
  BenchPercentiles p = bench_percentiles (times, runs);

  g_print ("%-48s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms\n", what, p.p50, p.p95, p.max);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The first notice's front matter with every notice's body after it, until the target. */
static TayoriArticle *
load_article (const char *corpus_dir)
{
  g_autofree char *notices = g_build_filename (corpus_dir, "notices", NULL);
  g_autoptr(GDir) dir = g_dir_open (notices, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  TayoriArticle *article = NULL;
  const char *name;

  if (dir == NULL)
    g_error ("no corpus in %s", notices);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_build_filename (notices, name, NULL));
  g_ptr_array_sort (names, compare_names);
  if (names->len == 0)
    g_error ("no notices in %s", notices);

  for (guint i = 0; g_utf8_strlen (body->str, -1) < TARGET_CHARACTERS; i = (i + 1) % names->len)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TayoriArticle) notice = NULL;

      if (!g_file_get_contents (g_ptr_array_index (names, i), &text, NULL, &error) ||
          (notice = tayori_front_matter_parse (text, -1, NULL, &error)) == NULL)
        g_error ("%s", error->message);
      g_string_append_printf (body, "%s\n", tayori_article_get_body (notice));
      if (article == NULL)
        article = g_steal_pointer (&notice);
    }
  tayori_article_set_body (article, body->str);
  return article;
}

/* What one check of the article costs: building the document (render, prose map) and running
 * every checker on the runner's worker thread. */
static void
bench_runner (TayoriArticle *article,
              guint          runs)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  g_autoptr(TayoriCheckRunner) runner = tayori_check_runner_new (settings);
  g_autofree double *build = g_new (double, runs);
  g_autofree double *check = g_new (double, runs);
  g_autofree double *total = g_new (double, runs);
  guint n_findings = 0;

  for (guint i = 0; i < WARM_UP_RUNS + runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
      gint64 built = g_get_monotonic_time ();
      g_autoptr(TayoriCheckReport) report = tayori_check_runner_run (runner, document, NULL);
      gint64 end = g_get_monotonic_time ();
      g_autoptr(GPtrArray) findings = tayori_check_report_dup_all (report);

      n_findings = findings->len;
      if (i < WARM_UP_RUNS)
        continue;
      build[i - WARM_UP_RUNS] = (built - start) / 1000.0;
      check[i - WARM_UP_RUNS] = (end - built) / 1000.0;
      total[i - WARM_UP_RUNS] = (end - start) / 1000.0;
    }
  g_print ("all C-side checks: %u findings, %u runs after %u warm-up runs\n",
           n_findings, runs, WARM_UP_RUNS);
  print_times ("document (render, prose)", build, runs);
  print_times ("runner (every checker)", check, runs);
  print_times ("total (target p95 <= 50)", total, runs);
}

static void
bench_families (TayoriCheckDocument *document,
                guint                runs)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  g_autoptr(GPtrArray) checkers = tayori_checkers_new_all ();
  g_autofree double *times = g_new (double, runs);

  g_print ("each checker alone:\n");
  for (guint c = 0; c < checkers->len; c++)
    {
      TayoriChecker *checker = g_ptr_array_index (checkers, c);
      g_autofree char *label = NULL;
      guint n_findings = 0;

      for (guint i = 0; i < WARM_UP_RUNS + runs; i++)
        {
          g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
          gint64 start = g_get_monotonic_time ();

          tayori_checker_check (checker, document, settings, findings, NULL);
          if (i >= WARM_UP_RUNS)
            times[i - WARM_UP_RUNS] = bench_ms_since (start);
          n_findings = findings->len;
        }
      label = g_strdup_printf ("  %s (%s, %u)", G_OBJECT_TYPE_NAME (checker),
                               tayori_checker_get_family (checker), n_findings);
      print_times (label, times, runs);
    }
}

static void
bench_mecab (const char *body)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) morphemes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  while (text->len < MECAB_BYTES)
    g_string_append (text, body);

  g_array_unref (tayori_mecab_parse (body, -1, NULL));  /* loads the dictionary */
  start = g_get_monotonic_time ();
  morphemes = tayori_mecab_parse (text->str, text->len, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (morphemes == NULL)
    g_error ("%s", error->message);
  g_print ("MeCab: %.2f MB in %.3f s, %u morphemes: %.2f MB/s\n",
           text->len / 1e6, seconds, morphemes->len, text->len / 1e6 / seconds);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) MAX (1, atoi (argv[1])) : DEFAULT_RUNS;
  const char *corpus_dir = argc > 2 ? argv[2] : CORPUS_DIR;
  g_autoptr(TayoriArticle) article = load_article (corpus_dir);
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
  const char *body = tayori_article_get_body (article);

  g_print ("article: %ld characters (%zu bytes) from %s\n",
           g_utf8_strlen (body, -1), strlen (body), corpus_dir);
  bench_runner (article, runs);
  bench_families (document, runs);
  bench_mecab (body);
  return 0;
}
