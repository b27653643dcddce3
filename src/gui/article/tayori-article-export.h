/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing an article to a file: front-matter Markdown (the interchange format) or the
 * standalone HTML page. Rendering runs in a worker thread on a copy of the article. */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_EXPORT_MARKDOWN,
  TAYORI_EXPORT_HTML,
} TayoriExportFormat;

/* "<title>.md" / "<title>.html", without characters file systems refuse. */
char     *tayori_article_export_suggest_name (TayoriArticle        *article,
                                              TayoriExportFormat    format);
void      tayori_article_export_async        (TayoriArticle        *article,
                                              TayoriPreset         *preset,
                                              TayoriExportFormat    format,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean  tayori_article_export_finish       (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
