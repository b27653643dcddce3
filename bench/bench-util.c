/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the benchmarks (see bench-util.h). */
#include "bench-util.h"

#include <stdlib.h>

#include "tayori-front-matter.h"

#define SAMPLE "/io/github/tayori/Tayori/core/sample-article.md"

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

BenchPercentiles
bench_percentiles (double *values,
                   guint   n)
{
  g_assert (n > 0);
  qsort (values, n, sizeof (double), compare_doubles);
  return (BenchPercentiles) { values[n / 2], values[n * 95 / 100], values[n - 1] };
}

TayoriArticle *
bench_sample_article (guint        target_characters,
                      const char  *heading,
                      const char  *extras,
                      GString    **body)
{
  g_autoptr(GBytes) sample = g_resources_lookup_data (SAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  TayoriArticle *article;
  const char *part;

  article = tayori_front_matter_parse (g_bytes_get_data (sample, NULL), g_bytes_get_size (sample),
                                       SAMPLE, &error);
  if (article == NULL)
    g_error ("%s", error->message);

  part = tayori_article_get_body (article);
  *body = g_string_new (NULL);
  for (guint i = 1; g_utf8_strlen ((*body)->str, -1) < (glong) target_characters; i++)
    g_string_append_printf (*body, "%s 第%u部\n\n%s\n\n%s", heading, i, part, extras);
  tayori_article_set_body (article, (*body)->str);
  return article;
}
