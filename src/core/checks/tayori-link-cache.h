/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link checker's memory: each URL's last outcome and when it was checked, in a small
 * SQLite file (table "links") or in memory. Blocking calls for worker threads; one connection
 * behind a mutex, opened on first use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint     status;        /* final HTTP status; 0 when no answer came */
  int       error;         /* GIOErrorEnum of a request that failed, -1 when one answered */
  char     *final_url;     /* after redirects */
  guint     n_redirects;
  gboolean  permanent;     /* every redirect was a 301 or a 308 */
} TayoriLinkOutcome;

void tayori_link_outcome_free (TayoriLinkOutcome *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriLinkOutcome, tayori_link_outcome_free)

typedef struct _TayoriLinkCache TayoriLinkCache;

/* @path: the SQLite file (created with its folder), NULL for memory only. */
TayoriLinkCache   *tayori_link_cache_new    (const char              *path);
void               tayori_link_cache_free   (TayoriLinkCache         *self);
/* The outcome stored for @url when it was checked at most @max_age seconds before @now (Unix
 * seconds), else NULL. A cache that cannot be opened just remembers nothing. */
TayoriLinkOutcome *tayori_link_cache_lookup (TayoriLinkCache         *self,
                                             const char              *url,
                                             gint64                   now,
                                             gint64                   max_age);
void               tayori_link_cache_store  (TayoriLinkCache         *self,
                                             const char              *url,
                                             gint64                   now,
                                             const TayoriLinkOutcome *outcome);

G_END_DECLS
