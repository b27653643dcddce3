/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriFinding: one result of a writing check: which rule, how serious, where in which field,
 * the message in Japanese and English, the WCAG criteria and ACT rules, and an optional fix. */
#pragma once

#include <glib-object.h>
#include "tayori-check-rule.h"

G_BEGIN_DECLS

#define TAYORI_TYPE_FINDING (tayori_finding_get_type ())
G_DECLARE_FINAL_TYPE (TayoriFinding, tayori_finding, TAYORI, FINDING, GObject)

/* @field is the article property the range is in ("title", "summary", "body",
 * "thumbnail-alt", "contact-phone", …, or "publish-end" for the publish window); @start and
 * @end are BYTE offsets into that field's text (end exclusive; start == end for a finding
 * about the field as a whole). @rule_id must name a rule of the catalogue; the severity is
 * the rule's default until set. Findings are immutable once handed to a report. */
TayoriFinding        *tayori_finding_new            (const char     *rule_id,
                                                     const char     *field,
                                                     gsize           start,
                                                     gsize           end);
/* Fills "{name}" in the rule's message (both languages), e.g. {text} = "①". */
void                  tayori_finding_set_arg        (TayoriFinding  *self,
                                                     const char     *name,
                                                     const char     *value);
void                  tayori_finding_set_severity   (TayoriFinding  *self,
                                                     TayoriSeverity  severity);
/* A CSS selector into the rendered body (axe findings, HTML input). */
void                  tayori_finding_set_selector   (TayoriFinding  *self,
                                                     const char     *selector);
/* The fix replaces [start, end) of the field with @replacement ("" deletes). */
void                  tayori_finding_set_fix        (TayoriFinding  *self,
                                                     const char     *replacement);
/* Replaces the rule's WCAG / ACT lists (axe reports its own per result). */
void                  tayori_finding_set_wcag       (TayoriFinding  *self,
                                                     const char * const *wcag);
void                  tayori_finding_set_act        (TayoriFinding  *self,
                                                     const char * const *act);
/* Fills the message from an outside source (axe's own help text) instead of the catalogue. */
void                  tayori_finding_set_messages   (TayoriFinding  *self,
                                                     const char     *message_ja,
                                                     const char     *message_en);

const char           *tayori_finding_get_rule_id    (TayoriFinding  *self);
const TayoriCheckRule *tayori_finding_get_rule      (TayoriFinding  *self);
const char           *tayori_finding_get_family     (TayoriFinding  *self);
TayoriSeverity        tayori_finding_get_severity   (TayoriFinding  *self);
const char           *tayori_finding_get_field      (TayoriFinding  *self);
gsize                 tayori_finding_get_start      (TayoriFinding  *self);
gsize                 tayori_finding_get_end        (TayoriFinding  *self);
const char           *tayori_finding_get_selector   (TayoriFinding  *self); /* NULL when none */
const char           *tayori_finding_get_fix        (TayoriFinding  *self); /* NULL: no fix */
const char * const   *tayori_finding_get_wcag       (TayoriFinding  *self); /* never NULL */
const char * const   *tayori_finding_get_act        (TayoriFinding  *self); /* never NULL */
/* Messages with the arguments filled in. get_message picks the UI language (Japanese when the
 * first of g_get_language_names () starts with "ja", else English); same for why and how. */
const char           *tayori_finding_get_message_ja (TayoriFinding  *self);
const char           *tayori_finding_get_message_en (TayoriFinding  *self);
const char           *tayori_finding_get_message    (TayoriFinding  *self);
const char           *tayori_finding_get_why        (TayoriFinding  *self);
const char           *tayori_finding_get_how        (TayoriFinding  *self);

/* The text the finding covers in @field_text (the field's current text), newly allocated. */
char                 *tayori_finding_dup_span       (TayoriFinding  *self,
                                                     const char     *field_text);
/* Order for display: severity (errors first), then field, then start. */
int                   tayori_finding_compare        (TayoriFinding  *a,
                                                     TayoriFinding  *b);

G_END_DECLS
