/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriArticle: one notice as the author edits it. Pure data with properties the UI binds
 * to; it knows nothing of storage or widgets. */
#pragma once

#include <glib-object.h>
#include "tayori-article-status.h"
#include "tayori-dismissal.h"
#include "tayori-ai-provenance.h"

G_BEGIN_DECLS

/* A related link shown under the article. */
typedef struct {
  char *title;
  char *url;
} TayoriLink;

/* A file attached to the article, stored in the media store by content hash. */
typedef struct {
  char   *name;       /* file name shown to readers, e.g. "申請書.pdf" */
  char   *hash;       /* SHA-256 hex of the content: the media store key */
  char   *mime_type;  /* e.g. "application/pdf" */
  guint64 size;       /* bytes */
} TayoriAttachment;

#define TAYORI_TYPE_LINK       (tayori_link_get_type ())
#define TAYORI_TYPE_ATTACHMENT (tayori_attachment_get_type ())
GType             tayori_link_get_type        (void) G_GNUC_CONST;
GType             tayori_attachment_get_type  (void) G_GNUC_CONST;
TayoriLink       *tayori_link_new             (const char *title, const char *url);
TayoriLink       *tayori_link_copy            (const TayoriLink *link);
void              tayori_link_free            (TayoriLink *link);
TayoriAttachment *tayori_attachment_new       (const char *name, const char *hash,
                                               const char *mime_type, guint64 size);
TayoriAttachment *tayori_attachment_copy      (const TayoriAttachment *attachment);
void              tayori_attachment_free      (TayoriAttachment *attachment);
/* "PDF形式：123KB" style label: format from the MIME type / extension, size in KB or MB */
char             *tayori_attachment_describe  (const TayoriAttachment *attachment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriLink, tayori_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAttachment, tayori_attachment_free)

#define TAYORI_TYPE_ARTICLE (tayori_article_get_type ())
G_DECLARE_FINAL_TYPE (TayoriArticle, tayori_article, TAYORI, ARTICLE, GObject)

/* Every setter compares, stores, and notifies only on change ("changed" signal fires too,
 * once per setter call that changed something: the autosave listens to it).
 * Properties carry the same names with '-' (e.g. "thumbnail-alt", "publish-start").
 * id, created and updated are bookkeeping set by the store: they notify but never emit "changed".
 * Text getters return "" when unset, except thumbnail, translation group and the publish window,
 * which return NULL; setters treat "" and NULL alike. */
TayoriArticle       *tayori_article_new                 (void);
TayoriArticle       *tayori_article_copy                (TayoriArticle *self); /* deep, same id */

gint64               tayori_article_get_id              (TayoriArticle *self); /* 0 = not stored yet */
void                 tayori_article_set_id              (TayoriArticle *self, gint64 id);
const char          *tayori_article_get_title           (TayoriArticle *self);
void                 tayori_article_set_title           (TayoriArticle *self, const char *title);
const char          *tayori_article_get_category        (TayoriArticle *self); /* primary; path "防災/避難所" for sub-categories */
void                 tayori_article_set_category        (TayoriArticle *self, const char *category);
const char * const  *tayori_article_get_categories      (TayoriArticle *self); /* secondary, never NULL */
void                 tayori_article_set_categories      (TayoriArticle *self, const char * const *categories);
const char          *tayori_article_get_body            (TayoriArticle *self); /* CommonMark + GFM tables */
void                 tayori_article_set_body            (TayoriArticle *self, const char *body);
const char          *tayori_article_get_summary         (TayoriArticle *self);
void                 tayori_article_set_summary         (TayoriArticle *self, const char *summary);
const char          *tayori_article_get_thumbnail       (TayoriArticle *self); /* media hash or relative path */
void                 tayori_article_set_thumbnail       (TayoriArticle *self, const char *thumbnail);
const char          *tayori_article_get_thumbnail_alt   (TayoriArticle *self);
void                 tayori_article_set_thumbnail_alt   (TayoriArticle *self, const char *alt);
const char * const  *tayori_article_get_audiences       (TayoriArticle *self); /* never NULL */
void                 tayori_article_set_audiences       (TayoriArticle *self, const char * const *audiences);
const char          *tayori_article_get_ward            (TayoriArticle *self);
void                 tayori_article_set_ward            (TayoriArticle *self, const char *ward);
const char          *tayori_article_get_department      (TayoriArticle *self);
void                 tayori_article_set_department      (TayoriArticle *self, const char *department);
/* Contact block (担当課, 電話, FAX, メール, 住所) */
const char          *tayori_article_get_contact_section (TayoriArticle *self);
void                 tayori_article_set_contact_section (TayoriArticle *self, const char *value);
const char          *tayori_article_get_contact_phone   (TayoriArticle *self);
void                 tayori_article_set_contact_phone   (TayoriArticle *self, const char *value);
const char          *tayori_article_get_contact_fax     (TayoriArticle *self);
void                 tayori_article_set_contact_fax     (TayoriArticle *self, const char *value);
const char          *tayori_article_get_contact_email   (TayoriArticle *self);
void                 tayori_article_set_contact_email   (TayoriArticle *self, const char *value);
const char          *tayori_article_get_contact_address (TayoriArticle *self);
void                 tayori_article_set_contact_address (TayoriArticle *self, const char *value);
/* Publish window as ISO 8601 strings ("2026-12-01T09:00:00+09:00" or "2026-12-01"); NULL = open */
const char          *tayori_article_get_publish_start   (TayoriArticle *self);
void                 tayori_article_set_publish_start   (TayoriArticle *self, const char *iso8601);
const char          *tayori_article_get_publish_end     (TayoriArticle *self);
void                 tayori_article_set_publish_end     (TayoriArticle *self, const char *iso8601);
gboolean             tayori_article_get_emergency       (TayoriArticle *self);
void                 tayori_article_set_emergency       (TayoriArticle *self, gboolean emergency);
TayoriLanguage       tayori_article_get_language        (TayoriArticle *self);
void                 tayori_article_set_language        (TayoriArticle *self, TayoriLanguage language);
/* Versions of one notice in several languages share a translation group (a UUID). */
const char          *tayori_article_get_translation_group (TayoriArticle *self);
void                 tayori_article_set_translation_group (TayoriArticle *self, const char *group);
TayoriArticleStatus  tayori_article_get_status          (TayoriArticle *self);
void                 tayori_article_set_status          (TayoriArticle *self, TayoriArticleStatus status);
const char          *tayori_article_get_author          (TayoriArticle *self);
void                 tayori_article_set_author          (TayoriArticle *self, const char *author);
GDateTime           *tayori_article_get_created         (TayoriArticle *self); /* UTC, may be NULL */
void                 tayori_article_set_created         (TayoriArticle *self, GDateTime *created);
GDateTime           *tayori_article_get_updated         (TayoriArticle *self); /* UTC, may be NULL */
void                 tayori_article_set_updated         (TayoriArticle *self, GDateTime *updated);

/* Element type TayoriLink / TayoriAttachment; the returned arrays are owned by the article. */
GPtrArray           *tayori_article_get_links           (TayoriArticle *self);
void                 tayori_article_set_links           (TayoriArticle *self, GPtrArray *links);   /* copies */
GPtrArray           *tayori_article_get_attachments     (TayoriArticle *self);
void                 tayori_article_set_attachments     (TayoriArticle *self, GPtrArray *attachments); /* copies */

/* Findings the writer dismissed (element type TayoriDismissal, owned by the article; see
 * tayori-dismissal.h). set copies; add appends a copy. Both notify "dismissals" and emit
 * "changed". */
GPtrArray           *tayori_article_get_dismissals      (TayoriArticle *self);
void                 tayori_article_set_dismissals      (TayoriArticle *self, GPtrArray *dismissals);
void                 tayori_article_add_dismissal       (TayoriArticle *self, const TayoriDismissal *dismissal);

/* Which fields or body paragraphs came from generative AI (element type TayoriAiProvenance,
 * owned by the article; see tayori-ai-provenance.h). set copies; add appends a copy. Both
 * notify "ai-provenance" and emit "changed". update_ai_edited recomputes every record's
 * "edited" from the current text (title, summary, category, thumbnail and its alt text by
 * hash; body records by whether the accepted text is still there verbatim) and notifies only
 * when a flag changed; it is defined in tayori-ai-provenance.c. */
GPtrArray           *tayori_article_get_ai_provenance   (TayoriArticle *self);
void                 tayori_article_set_ai_provenance   (TayoriArticle *self, GPtrArray *records);
void                 tayori_article_add_ai_provenance   (TayoriArticle *self, const TayoriAiProvenance *record);
void                 tayori_article_update_ai_edited    (TayoriArticle *self);

/* TRUE when both articles hold the same content (all fields but id and timestamps). */
gboolean             tayori_article_content_equal       (TayoriArticle *a, TayoriArticle *b);

G_END_DECLS
