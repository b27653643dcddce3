/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriLinkChecker: checks every http(s) link of a document in the background (at most 4 at a
 * time, timeouts, redirects followed and reported) through the core HTTP client, caching each
 * URL's outcome for a day in a small SQLite file. Findings (family "links"): link-dead
 * (warning), link-redirect (notice). Never blocks the caller. */
#pragma once

#include <gio/gio.h>
#include "tayori-check-document.h"
#include "tayori-check-settings.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_LINK_CHECKER (tayori_link_checker_get_type ())
G_DECLARE_FINAL_TYPE (TayoriLinkChecker, tayori_link_checker, TAYORI, LINK_CHECKER, GObject)

/* @cache_path: SQLite file (created), NULL for a cache in memory only. */
TayoriLinkChecker *tayori_link_checker_new          (const char          *cache_path);
void               tayori_link_checker_check_async  (TayoriLinkChecker   *self,
                                                     TayoriCheckDocument *document,
                                                     TayoriCheckSettings *settings,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
/* Element type TayoriFinding. */
GPtrArray         *tayori_link_checker_check_finish (TayoriLinkChecker   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
