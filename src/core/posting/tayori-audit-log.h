/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit trail of SNS posting and CMS review (store table audit_log): who did what, when,
 * to which article and account. Append-only; exported as CSV (UTF-8 with BOM, for Excel). */
#pragma once

#include <gio/gio.h>
#include "tayori-store.h"

G_BEGIN_DECLS

/* @detail: a JSON object text, may be NULL. Blocking on the store's worker (one insert). */
gboolean tayori_audit_log_append     (TayoriStore *store, const char *actor, const char *action,
                                      gint64 article_id, const char *account, const char *detail,
                                      GError **error);
/* Columns: 日時, 操作者, 操作, 記事ID, アカウント, 詳細 (headers translated). */
gboolean tayori_audit_log_export_csv (TayoriStore *store, GOutputStream *out,
                                      GCancellable *cancellable, GError **error);

G_END_DECLS
