/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the benchmarks share: milliseconds since a start time, the p50/p95/max of a set of
 * timings, and the bundled sample notice repeated into a long article. */
#pragma once

#include "tayori-article.h"

G_BEGIN_DECLS

typedef struct {
  double p50;
  double p95;
  double max;
} BenchPercentiles;

/* Milliseconds from @start (a g_get_monotonic_time () value) to now. */
double            bench_ms_since          (gint64      start);
/* Sorts the @n (at least one) @values in place and returns their percentiles. */
BenchPercentiles  bench_percentiles       (double     *values,
                                           guint       n);
/* The bundled sample notice with its body repeated until it has @target_characters, each
 * part as "@heading 第N部", a blank line, the sample's body, a blank line and @extras; the
 * body is also returned in *@body. */
TayoriArticle    *bench_sample_article    (guint       target_characters,
                                           const char *heading,
                                           const char *extras,
                                           GString   **body);

G_END_DECLS
