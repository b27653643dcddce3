/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Provenance of AI output on an article: which field (or paragraph of the body) came from AI,
 * the provider and model, the prompt template id and version, when, and whether a person edited
 * it afterwards. Saved with the article (front matter key "ai_provenance", the store) and shown
 * to editors. */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char     *field;            /* "summary", "title", "category", "thumbnail", "body", "sns:x", … */
  char     *paragraph;        /* for "body": the first 40 characters of the paragraph, else NULL */
  char     *provider;         /* endpoint name, or "builtin" */
  char     *model;            /* model id; "builtin-cnb-1" style for the built-in provider */
  char     *template_id;      /* prompt template id ("summary"), NULL for the built-in provider */
  char     *template_version; /* e.g. "1" */
  char     *time;             /* ISO 8601 */
  char     *output_hash;      /* SHA-256 of the accepted text: "edited" compares against it */
  gboolean  edited;           /* a person changed the text after accepting it */
} TayoriAiProvenance;

#define TAYORI_TYPE_AI_PROVENANCE (tayori_ai_provenance_get_type ())
GType               tayori_ai_provenance_get_type (void) G_GNUC_CONST;
TayoriAiProvenance *tayori_ai_provenance_new      (const char *field, const char *provider,
                                                   const char *model, const char *template_id,
                                                   const char *template_version,
                                                   const char *accepted_text);
TayoriAiProvenance *tayori_ai_provenance_copy     (const TayoriAiProvenance *provenance);
void                tayori_ai_provenance_free     (TayoriAiProvenance *provenance);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriAiProvenance, tayori_ai_provenance_free)

/* Added by the governance helper. */
/* Every member equal; NULL and "" count as the same text. */
gboolean            tayori_ai_provenance_equal    (const TayoriAiProvenance *a,
                                                   const TayoriAiProvenance *b);
/* The output_hash of @text: SHA-256 (hex) of the text without surrounding white space. */
char               *tayori_ai_provenance_hash_text (const char *text);
/* @key: an array of objects with the front matter's member names (edited as a boolean);
 * shared by the store's rows and tayori-cli's output. */
void                tayori_ai_provenance_list_to_json   (JsonBuilder *builder,
                                                         const char  *key,
                                                         GPtrArray   *records);
/* The records of such an array (NULL = none); elements without a field are skipped. */
GPtrArray          *tayori_ai_provenance_list_from_json (JsonArray   *array);

/* On TayoriArticle (tayori-article.h gains these; copy, content_equal, front matter, store):
 *   GPtrArray *tayori_article_get_ai_provenance (TayoriArticle *self);   element TayoriAiProvenance, never NULL
 *   void       tayori_article_set_ai_provenance (TayoriArticle *self, GPtrArray *records);  copies
 *   void       tayori_article_add_ai_provenance (TayoriArticle *self, const TayoriAiProvenance *record);
 *   void       tayori_article_update_ai_edited  (TayoriArticle *self);  recomputes "edited" for every
 *              record from the field's current text (summary/title/category by hash; body paragraphs
 *              by presence of the accepted text) */

G_END_DECLS
