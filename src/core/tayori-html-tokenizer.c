/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A tokenizer that follows the WHATWG tokenizer states closely enough that the sanitiser
 * sees tags exactly where a browser would. */
#include "tayori-html-private.h"

#include <string.h>

struct _TayoriHtmlTokenizer {
  const char      *p;
  const char      *end;
  char            *raw_end_tag;
  gboolean         raw_text;
  gboolean         foreign;
  GString         *name;
  GString         *data;
  GString         *pool;         /* "name\0value\0" of each attribute */
  GArray          *offsets;      /* gsize pairs into pool */
  GArray          *attributes;   /* TayoriHtmlAttribute pointing into pool */
  TayoriHtmlToken  token;
};

TayoriHtmlTokenizer *
tayori_html_tokenizer_new (const char *html,
                           gssize      length)
{
  TayoriHtmlTokenizer *self = g_new0 (TayoriHtmlTokenizer, 1);

  self->p = html;
  self->end = html + (length < 0 ? strlen (html) : (gsize) length);
  self->name = g_string_new (NULL);
  self->data = g_string_new (NULL);
  self->pool = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->attributes = g_array_new (FALSE, FALSE, sizeof (TayoriHtmlAttribute));
  return self;
}

void
tayori_html_tokenizer_free (TayoriHtmlTokenizer *self)
{
  g_array_unref (self->attributes);
  g_array_unref (self->offsets);
  g_string_free (self->pool, TRUE);
  g_string_free (self->name, TRUE);
  g_string_free (self->data, TRUE);
  g_free (self->raw_end_tag);
  g_free (self);
}

void
tayori_html_tokenizer_set_raw_text (TayoriHtmlTokenizer *self,
                                    const char          *end_tag)
{
  g_free (self->raw_end_tag);
  self->raw_end_tag = g_strdup (end_tag);
  self->raw_text = TRUE;
}

void
tayori_html_tokenizer_set_foreign (TayoriHtmlTokenizer *self,
                                   gboolean             foreign)
{
  self->foreign = foreign;
}

const char *
tayori_html_token_get_attribute (const TayoriHtmlToken *token,
                                 const char            *name)
{
  for (guint i = 0; i < token->n_attributes; i++)
    if (strcmp (token->attributes[i].name, name) == 0)
      return token->attributes[i].value;
  return NULL;
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *end,
                   const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize) (end - p) >= length && g_ascii_strncasecmp (p, prefix, length) == 0;
}

static const char *
find (const char *p,
      const char *end,
      const char *needle)
{
  gsize length = strlen (needle);

  for (; p + length <= end; p++)
    if (memcmp (p, needle, length) == 0)
      return p;
  return NULL;
}

/* Appends one byte of a name or value; NUL becomes U+FFFD. */
static inline void
append_name_byte (GString *out,
                  char     c,
                  gboolean lower)
{
  if (c == '\0')
    g_string_append (out, "\xEF\xBF\xBD");
  else
    g_string_append_c (out, lower ? g_ascii_tolower (c) : c);
}

/* Keeps the attribute just written to the pool at @name_offset unless its name is taken. */
static void
add_attribute (TayoriHtmlTokenizer *self,
               gsize                name_offset,
               gsize                value_offset)
{
  GString *pool = self->pool;

  g_string_append_c (pool, '\0');
  for (guint i = 0; i < self->offsets->len; i += 2)
    {
      if (strcmp (pool->str + g_array_index (self->offsets, gsize, i), pool->str + name_offset) == 0)
        {
          g_string_truncate (pool, name_offset);
          return;
        }
    }
  g_array_append_val (self->offsets, name_offset);
  g_array_append_val (self->offsets, value_offset);
}

/* Attribute list after the tag name; returns FALSE when the input ends inside the tag. */
static gboolean
read_attributes (TayoriHtmlTokenizer *self,
                 const char         **pp)
{
  const char *p = *pp;
  const char *end = self->end;
  GString *pool = self->pool;

  for (;;)
    {
      gsize name_offset, value_offset;

      while (p < end && tayori_html_is_space (*p))
        p++;
      if (p >= end)
        return FALSE;
      if (*p == '>')
        break;
      if (*p == '/')
        {
          p++;
          if (p < end && *p == '>')
            {
              self->token.self_closing = TRUE;
              break;
            }
          continue;
        }

      name_offset = pool->len;
      append_name_byte (pool, *p++, TRUE);   /* may be '=' */
      while (p < end && !tayori_html_is_space (*p) && *p != '/' && *p != '>' && *p != '=')
        append_name_byte (pool, *p++, TRUE);
      g_string_append_c (pool, '\0');
      value_offset = pool->len;
      while (p < end && tayori_html_is_space (*p))
        p++;
      if (p < end && *p == '=')
        {
          p++;
          while (p < end && tayori_html_is_space (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              char quote = *p++;

              while (p < end && *p != quote)
                {
                  if (*p == '&')
                    p = tayori_html_decode_reference (p, end, pool, TRUE);
                  else
                    append_name_byte (pool, *p++, FALSE);
                }
              if (p >= end)
                return FALSE;
              p++;
            }
          else
            {
              while (p < end && !tayori_html_is_space (*p) && *p != '>')
                {
                  if (*p == '&')
                    p = tayori_html_decode_reference (p, end, pool, TRUE);
                  else
                    append_name_byte (pool, *p++, FALSE);
                }
            }
        }
      add_attribute (self, name_offset, value_offset);
    }

  *pp = p + 1;
  return TRUE;
}

static gboolean
read_tag (TayoriHtmlTokenizer *self,
          const char         **pp,
          gboolean             end_tag)
{
  const char *p = *pp + (end_tag ? 2 : 1);

  self->token.type = end_tag ? TAYORI_HTML_TOKEN_END_TAG : TAYORI_HTML_TOKEN_START_TAG;
  while (p < self->end && !tayori_html_is_space (*p) && *p != '/' && *p != '>')
    append_name_byte (self->name, *p++, TRUE);
  if (!read_attributes (self, &p))
    return FALSE;
  *pp = p;
  return TRUE;
}

/* Comment-like tokens ending at the first '>' (or the end of input). */
static const char *
read_until_gt (TayoriHtmlTokenizer *self,
               const char          *data,
               TayoriHtmlTokenType  type)
{
  const char *gt = memchr (data, '>', self->end - data);
  const char *stop = gt != NULL ? gt : self->end;

  self->token.type = type;
  g_string_append_len (self->data, data, stop - data);
  return gt != NULL ? gt + 1 : self->end;
}

static const char *
read_comment (TayoriHtmlTokenizer *self,
              const char          *p)
{
  const char *data = p + 4;   /* "<!--" */
  const char *end = self->end;

  self->token.type = TAYORI_HTML_TOKEN_COMMENT;
  if (data < end && *data == '>')
    return data + 1;
  if (has_prefix_nocase (data, end, "->"))
    return data + 2;
  for (const char *q = data; q + 2 < end; q++)
    {
      if (q[0] != '-' || q[1] != '-')
        continue;
      if (q[2] == '>' || (q[2] == '!' && q + 3 < end && q[3] == '>'))
        {
          g_string_append_len (self->data, data, q - data);
          return q + (q[2] == '>' ? 3 : 4);
        }
    }
  g_string_append_len (self->data, data, end - data);
  return end;
}

/* Markup at '<': a token, or NULL when the '<' is literal text. *eof is set when the input
 * ends inside a tag (the tag is dropped, as browsers do). */
static const char *
read_markup (TayoriHtmlTokenizer *self,
             const char          *p,
             gboolean            *eof)
{
  const char *end = self->end;
  char next = p + 1 < end ? p[1] : '\0';

  if (g_ascii_isalpha (next))
    {
      *eof = !read_tag (self, &p, FALSE);
      return p;
    }
  if (next == '/')
    {
      char after = p + 2 < end ? p[2] : '\0';

      if (p + 2 >= end)
        return NULL;
      if (g_ascii_isalpha (after))
        {
          *eof = !read_tag (self, &p, TRUE);
          return p;
        }
      if (after == '>')
        {
          self->token.type = TAYORI_HTML_TOKEN_COMMENT;
          return p + 3;
        }
      return read_until_gt (self, p + 2, TAYORI_HTML_TOKEN_COMMENT);
    }
  if (next == '?')
    return read_until_gt (self, p + 1, TAYORI_HTML_TOKEN_COMMENT);
  if (next != '!')
    return NULL;

  if (has_prefix_nocase (p, end, "<!--"))
    return read_comment (self, p);
  if (has_prefix_nocase (p, end, "<!doctype"))
    return read_until_gt (self, p + 9, TAYORI_HTML_TOKEN_DOCTYPE);
  if (self->foreign && has_prefix_nocase (p, end, "<![CDATA["))
    {
      const char *data = p + 9;
      const char *close = find (data, end, "]]>");
      const char *stop = close != NULL ? close : end;

      self->token.type = TAYORI_HTML_TOKEN_TEXT;
      g_string_append_len (self->data, data, stop - data);
      return close != NULL ? close + 3 : end;
    }
  return read_until_gt (self, p + 2, TAYORI_HTML_TOKEN_COMMENT);
}

static const char *
read_raw_text (TayoriHtmlTokenizer *self,
               const char          *p)
{
  const char *end = self->end;
  const char *stop = end;
  gsize length = self->raw_end_tag != NULL ? strlen (self->raw_end_tag) : 0;

  for (const char *q = p; self->raw_end_tag != NULL && q + 2 + length <= end; q++)
    {
      const char *after = q + 2 + length;

      if (q[0] == '<' && q[1] == '/' &&
          g_ascii_strncasecmp (q + 2, self->raw_end_tag, length) == 0 &&
          after < end && (tayori_html_is_space (*after) || *after == '/' || *after == '>'))
        {
          stop = q;
          break;
        }
    }
  self->raw_text = FALSE;
  self->token.type = TAYORI_HTML_TOKEN_TEXT;
  g_string_append_len (self->data, p, stop - p);
  return stop;
}

static const char *
read_text (TayoriHtmlTokenizer *self,
           const char          *p)
{
  const char *end = self->end;
  GString *data = self->data;

  self->token.type = TAYORI_HTML_TOKEN_TEXT;
  while (p < end)
    {
      const char *run = p;

      while (p < end && *p != '<' && *p != '&' && *p != '\0')
        p++;
      g_string_append_len (data, run, p - run);
      if (p >= end)
        break;
      if (*p == '&')
        p = tayori_html_decode_reference (p, end, data, FALSE);
      else if (*p == '\0')
        p++;
      else if (p + 1 < end && (g_ascii_isalpha (p[1]) || p[1] == '!' || p[1] == '?' ||
                               (p[1] == '/' && p + 2 < end)))
        break;
      else
        g_string_append_c (data, *p++);
    }
  return p;
}

const TayoriHtmlToken *
tayori_html_tokenizer_next (TayoriHtmlTokenizer *self)
{
  TayoriHtmlToken *token = &self->token;

  for (;;)
    {
      const char *start = self->p;
      const char *next = NULL;
      gboolean eof = FALSE;
      gboolean raw;

      g_string_truncate (self->pool, 0);
      g_array_set_size (self->offsets, 0);
      g_array_set_size (self->attributes, 0);
      g_string_truncate (self->name, 0);
      g_string_truncate (self->data, 0);
      memset (token, 0, sizeof *token);

      if (start >= self->end)
        {
          self->raw_text = FALSE;
          token->type = TAYORI_HTML_TOKEN_EOF;
          return token;
        }
      raw = self->raw_text;
      if (raw)
        next = read_raw_text (self, start);
      else if (*start == '<')
        next = read_markup (self, start, &eof);
      if (next == NULL)
        next = read_text (self, start);
      if (eof)
        {
          self->p = self->end;
          continue;
        }
      self->p = next;
      if (token->type == TAYORI_HTML_TOKEN_TEXT && self->data->len == 0 && !raw)
        continue;

      for (guint i = 0; i < self->offsets->len; i += 2)
        {
          TayoriHtmlAttribute attribute = {
            self->pool->str + g_array_index (self->offsets, gsize, i),
            self->pool->str + g_array_index (self->offsets, gsize, i + 1),
          };

          g_array_append_val (self->attributes, attribute);
        }
      token->name = self->name->str;
      token->data = self->data->str;
      token->data_len = self->data->len;
      token->attributes = (const TayoriHtmlAttribute *) (gpointer) self->attributes->data;
      token->n_attributes = self->attributes->len;
      token->raw = start;
      token->raw_len = next - start;
      return token;
    }
}
