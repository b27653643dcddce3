/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A finding the writer dismissed, with the reason, recorded on the article. It matches a finding
 * by rule, field and the text of the span (not offsets, which move as the text is edited). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char *rule_id;
  char *field;
  char *span;     /* the text the finding covered; "" for whole-field findings */
  char *reason;   /* required, never empty */
  char *author;   /* who dismissed it ("" when unknown) */
  char *time;     /* ISO 8601 */
} TayoriDismissal;

#define TAYORI_TYPE_DISMISSAL (tayori_dismissal_get_type ())
GType            tayori_dismissal_get_type (void) G_GNUC_CONST;
TayoriDismissal *tayori_dismissal_new      (const char *rule_id, const char *field, const char *span,
                                            const char *reason, const char *author, const char *time);
TayoriDismissal *tayori_dismissal_copy     (const TayoriDismissal *dismissal);
void             tayori_dismissal_free     (TayoriDismissal *dismissal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriDismissal, tayori_dismissal_free)

/* On TayoriArticle (tayori-article.h gains these; front matter key "dismissed", stored with
 * the article, part of content_equal and copy):
 *   GPtrArray *tayori_article_get_dismissals (TayoriArticle *self);            element TayoriDismissal, never NULL
 *   void       tayori_article_set_dismissals (TayoriArticle *self, GPtrArray *dismissals); copies
 *   void       tayori_article_add_dismissal  (TayoriArticle *self, const TayoriDismissal *d); copies, "changed" */

G_END_DECLS
