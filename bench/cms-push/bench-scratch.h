/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What bench-cms-push and bench-outbox share: a scratch directory with a store of N sample
 * articles and one CMS account (accounts file and data dir redirected into it), removed at
 * the end. */
#pragma once

#include "tayori-accounts.h"
#include "tayori-store.h"

G_BEGIN_DECLS

typedef struct {
  char          *dir;
  TayoriStore   *store;
  TayoriAccount *account;
  GPtrArray     *articles;   /* TayoriArticle, stored */
} BenchScratch;

/* @n copies of the bundled sample notice, titled "@title N", and the account @name. */
BenchScratch *bench_scratch_new  (guint         n,
                                  const char   *title,
                                  const char   *name,
                                  const char   *url,
                                  const char   *user);
void          bench_scratch_free (BenchScratch *scratch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchScratch, bench_scratch_free)

G_END_DECLS
