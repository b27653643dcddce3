/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rule catalogue: every check rule's stable id, family, default severity, WCAG criteria,
 * ACT rule ids, and its message, "why" and "how to fix" in Japanese and English. The texts
 * live in keyfiles, one per family, in the core resources under checks/ (see
 * resources/checks/README.md for the format); code refers to rules by id only. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_SEVERITY_NOTICE,
  TAYORI_SEVERITY_WARNING,
  TAYORI_SEVERITY_ERROR,
} TayoriSeverity;

const char     *tayori_severity_to_string   (TayoriSeverity  severity); /* "error", … */
gboolean        tayori_severity_from_string (const char     *text,
                                             TayoriSeverity *severity);

typedef struct {
  const char         *id;          /* "ja-platform-dependent-char" */
  const char         *family;      /* "municipal-text", "municipal-structure", "easy-japanese",
                                      "readability", "content", "links", "axe" */
  TayoriSeverity      severity;    /* default */
  const char * const *wcag;        /* "1.3.1", … never NULL */
  const char * const *act;         /* "23a2a8", … never NULL */
  const char         *title_ja;    /* short name of the rule for lists and settings */
  const char         *title_en;
  const char         *message_ja;  /* may contain {name} placeholders */
  const char         *message_en;
  const char         *why_ja;
  const char         *why_en;
  const char         *how_ja;
  const char         *how_en;
} TayoriCheckRule;

/* Loaded once from the resources, thread-safe. NULL for an unknown id. */
const TayoriCheckRule  *tayori_check_rule_lookup (const char *id);
/* Every rule, sorted by family then id; NULL-terminated, owned by the catalogue. */
const TayoriCheckRule * const *tayori_check_rules_all (void);

G_END_DECLS
