/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sign-off record (決裁記録): a printable HTML page per approval with the article as
 * approved, its revision hash, approvers and times, and the check summary. The GUI prints it
 * (or saves a PDF) through WebKit; the CLI writes the HTML. */
#pragma once

#include "tayori-article.h"
#include "tayori-cms-types.h"
#include "tayori-check-report.h"
#include "tayori-preset.h"

G_BEGIN_DECLS

/* @review_log: TayoriCmsReviewEntry; @report may be NULL ("not run"). A full, self-contained
 * HTML document (styles inline, A4, Japanese labels translated), no script. Every text is
 * escaped; the article body is the sanitised rendering. */
char *tayori_signoff_render_html (TayoriArticle     *article,
                                  TayoriPreset      *preset,
                                  const char        *revision_hash,
                                  GPtrArray         *review_log,
                                  TayoriCheckReport *report);

G_END_DECLS
