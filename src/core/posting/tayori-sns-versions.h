/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The composer's texts for an article (store table sns_versions): a base text and per-network
 * or per-account versions that inherit the base until edited. */
#pragma once

#include <gio/gio.h>
#include "tayori-store.h"

G_BEGIN_DECLS

typedef struct {
  char      *target;    /* "base", a network key ("x") or an account name */
  char      *text;
  GPtrArray *images;    /* TayoriPostImage (tayori-post-queue.h) */
} TayoriSnsVersion;

void              tayori_sns_version_free   (TayoriSnsVersion *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriSnsVersion, tayori_sns_version_free)

/* Element type TayoriSnsVersion; only the stored (edited) ones. Blocking on the store's
 * worker (small). */
GPtrArray        *tayori_sns_versions_load  (TayoriStore *store, gint64 article_id, GError **error);
/* Stores or, with @text NULL, removes (back to inheriting) one version. */
gboolean          tayori_sns_versions_save  (TayoriStore *store, gint64 article_id,
                                             const TayoriSnsVersion *version, GError **error);
/* The text for @account (of @network): its own version, else the network's, else the base,
 * else NULL. @versions as loaded. */
const TayoriSnsVersion *tayori_sns_versions_resolve (GPtrArray *versions, const char *account,
                                                     const char *network);

G_END_DECLS
