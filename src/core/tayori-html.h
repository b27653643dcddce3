/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Encoding of untrusted text for HTML element content and attribute values, and the HTML
 * tokenizer (after the WHATWG tokenizer states) that the sanitiser and the page template use. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tayori_html_escape           (const char *text);
void  tayori_html_escape_append    (GString    *out,
                                    const char *text);
void  tayori_html_escape_append_len (GString   *out,
                                    const char *text,
                                    gsize       length);

typedef enum {
  TAYORI_HTML_TOKEN_EOF,
  TAYORI_HTML_TOKEN_TEXT,       /* character references decoded (not in raw text) */
  TAYORI_HTML_TOKEN_START_TAG,
  TAYORI_HTML_TOKEN_END_TAG,
  TAYORI_HTML_TOKEN_COMMENT,    /* also bogus comments such as "<?xml …>" */
  TAYORI_HTML_TOKEN_DOCTYPE,
} TayoriHtmlTokenType;

typedef struct {
  char *name;   /* lower-case ASCII */
  char *value;  /* character references decoded */
} TayoriHtmlAttribute;

/* Valid until the next call to tayori_html_tokenizer_next(). */
typedef struct {
  TayoriHtmlTokenType        type;
  const char                *name;          /* tags: lower-case ASCII */
  const char                *data;          /* text and comment data */
  gsize                      data_len;
  const TayoriHtmlAttribute *attributes;    /* tags; the first of duplicates wins */
  guint                      n_attributes;
  gboolean                   self_closing;
  const char                *raw;           /* the token's bytes in the input */
  gsize                      raw_len;
} TayoriHtmlToken;

typedef struct _TayoriHtmlTokenizer TayoriHtmlTokenizer;

/* @html must stay alive while the tokenizer is used; NUL bytes inside @length are
 * treated as U+FFFD in names and values and dropped from text. */
TayoriHtmlTokenizer   *tayori_html_tokenizer_new          (const char          *html,
                                                           gssize               length);
void                   tayori_html_tokenizer_free         (TayoriHtmlTokenizer *self);
const TayoriHtmlToken *tayori_html_tokenizer_next         (TayoriHtmlTokenizer *self);
/* After a start tag of script, style, textarea and the like: the next token is the raw
 * text (possibly empty) up to "</@end_tag", or to the end of input when @end_tag is NULL
 * (plaintext); EOF when the input has already ended. */
void                   tayori_html_tokenizer_set_raw_text (TayoriHtmlTokenizer *self,
                                                           const char          *end_tag);
/* Inside svg/math, "<![CDATA[…]]>" is text rather than a bogus comment. */
void                   tayori_html_tokenizer_set_foreign  (TayoriHtmlTokenizer *self,
                                                           gboolean             foreign);
const char            *tayori_html_token_get_attribute    (const TayoriHtmlToken *token,
                                                           const char            *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriHtmlTokenizer, tayori_html_tokenizer_free)

G_END_DECLS
