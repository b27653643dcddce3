/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-cms-push: the plain libcurl side, the baseline the sync engine is compared with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One draft as the baseline sends it: the JSON body of both of its requests. */
typedef struct {
  char *body;
} BenchDraft;

/* Pushes @drafts[@first … @first + @n) to @url as @user with @n_threads threads, each with
 * one libcurl handle doing a draft's two requests in sequence (POST /wp/v2/posts as a draft,
 * then POST /wp/v2/posts/ID with the same body). Returns the drafts that failed. */
guint bench_curl_push (const char       *url,
                       const char       *user,
                       const char       *password,
                       const BenchDraft *drafts,
                       guint             first,
                       guint             n,
                       guint             n_threads);

G_END_DECLS
