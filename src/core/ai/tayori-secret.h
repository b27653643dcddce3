/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Secrets (API keys, passwords, tokens) in libsecret only: schema io.github.tayori.Tayori.Secret
 * with the attributes "kind" ("ai-endpoint", "cms", "channel") and "name". Never logged. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      tayori_secret_store_async   (const char *kind, const char *name, const char *label,
                                       const char *secret, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
gboolean  tayori_secret_store_finish  (GAsyncResult *result, GError **error);
void      tayori_secret_lookup_async  (const char *kind, const char *name, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
/* NULL without error when there is no secret. */
char     *tayori_secret_lookup_finish (GAsyncResult *result, GError **error);
/* Blocking variants, for worker threads only. */
char     *tayori_secret_lookup_sync   (const char *kind, const char *name, GCancellable *cancellable,
                                       GError **error);
gboolean  tayori_secret_clear_sync    (const char *kind, const char *name, GCancellable *cancellable,
                                       GError **error);

G_END_DECLS
