/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The local AI usage log for audits: one row per request (time, user, article id, task,
 * provider, model, template id and version, characters sent, personal-data spans masked,
 * outcome), in its own SQLite file in the data directory; exportable as CSV (UTF-8 with BOM so
 * spreadsheet software opens Japanese correctly). Thread-safe. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct {
  const char *user;
  gint64      article_id;
  const char *task;
  const char *provider;
  const char *model;
  const char *template_id;
  const char *template_version;
  guint       chars_sent;
  guint       masked_spans;
  const char *outcome;        /* "ok", "cancelled", "refused", "error: …" */
} TayoriAiUsageEntry;

#define TAYORI_TYPE_AI_USAGE_LOG (tayori_ai_usage_log_get_type ())
G_DECLARE_FINAL_TYPE (TayoriAiUsageLog, tayori_ai_usage_log, TAYORI, AI_USAGE_LOG, GObject)

/* @path: NULL = $XDG_DATA_HOME/tayori/ai-usage.db */
TayoriAiUsageLog *tayori_ai_usage_log_open       (const char               *path,
                                                  GError                  **error);
gboolean          tayori_ai_usage_log_append     (TayoriAiUsageLog         *self,
                                                  const TayoriAiUsageEntry *entry,
                                                  GError                  **error);
/* CSV with a header row; fields quoted per RFC 4180. */
char             *tayori_ai_usage_log_export_csv (TayoriAiUsageLog         *self,
                                                  GError                  **error);

/* Added by the governance helper. The CSV is UTF-8 with a BOM and CRLF line ends; the columns
 * and the English header row are: time, user, article_id (empty when the article was not
 * stored), task, provider, model, template_id, template_version, chars_sent, masked_spans,
 * outcome. The same export on a worker thread, for the UI. */
void              tayori_ai_usage_log_export_csv_async  (TayoriAiUsageLog    *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
char             *tayori_ai_usage_log_export_csv_finish (TayoriAiUsageLog    *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
