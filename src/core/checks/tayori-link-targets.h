/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link checker's view of a document: each http(s) link and where to report on it, and the
 * finding (link-dead, link-redirect) a checked link's outcome gives. */
#pragma once

#include "tayori-check-document.h"
#include "tayori-finding.h"
#include "tayori-link-cache.h"

G_BEGIN_DECLS

#define TAYORI_LINK_RULE_DEAD     "link-dead"
#define TAYORI_LINK_RULE_REDIRECT "link-redirect"

typedef struct {
  char     *url;
  char     *field;
  gsize     start;
  gsize     end;
  gboolean  replaceable;   /* [start, end) is the URL as written: a fix may replace it */
  gboolean  escaped;       /* written with &amp; (HTML input) */
} TayoriLinkTarget;

typedef struct {
  gboolean       dead_enabled;
  gboolean       redirect_enabled;
  TayoriSeverity dead_severity;
  TayoriSeverity redirect_severity;
} TayoriLinkRules;

gboolean       tayori_link_is_web_url      (const char              *url);
void           tayori_link_target_free     (TayoriLinkTarget        *target);
/* Element type TayoriLinkTarget, in document order, the related links last (reported on their
 * title field, "link-title:N", as a whole). */
GPtrArray     *tayori_link_targets_collect (TayoriCheckDocument     *document);
/* NULL when the outcome is fine or its rule is off. */
TayoriFinding *tayori_link_target_finding  (const TayoriLinkTarget  *target,
                                            const TayoriLinkOutcome *outcome,
                                            const TayoriLinkRules   *rules);

G_END_DECLS
