/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small scanner for the Markdown syntax cmark-gfm accepts (code, links, autolinks, emphasis,
 * raw HTML, block markers), and the prose mask built with it: which bytes of the body are text. */
#include <string.h>

#include "tayori-check-document-private.h"
#include "tayori-check-markdown-scan.h"

gboolean
tayori_md_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gsize
line_end (const TayoriMdSource *src,
          gsize                 i)
{
  const char *nl = memchr (src->text + i, '\n', src->length - i);

  return nl != NULL ? (gsize) (nl - src->text) : src->length;
}

gboolean
tayori_md_has_prefix_ci (const TayoriMdSource *src,
                         gsize                 i,
                         const char           *prefix)
{
  gsize n = strlen (prefix);

  return i + n <= src->length && g_ascii_strncasecmp (src->text + i, prefix, n) == 0;
}

gboolean
tayori_md_is_blank_line_at (const TayoriMdSource *src,
                            gsize                 i)
{
  if (src->text[i] != '\n')
    return FALSE;
  for (i++; i < src->length && (src->text[i] == ' ' || src->text[i] == '\t'); i++)
    ;
  return i >= src->length || src->text[i] == '\n';
}

gsize
tayori_md_code_span_end (const TayoriMdSource *src,
                         gsize                 i,
                         gsize                 limit,
                         gsize                *run)
{
  gsize n = 0;

  while (i + n < limit && src->text[i + n] == '`')
    n++;
  *run = n;
  for (gsize j = i + n; j < limit; j++)
    {
      gsize m = 0;

      if (tayori_md_is_blank_line_at (src, j))
        return 0;
      while (j + m < limit && src->text[j + m] == '`')
        m++;
      if (m == n)
        return j + m;
      j += m > 0 ? m - 1 : 0;
    }
  return 0;
}

gsize
tayori_md_bare_url_end (const TayoriMdSource *src,
                        gsize                 i,
                        gsize                 limit)
{
  gsize j = i;

  if (i > 0 && (g_ascii_isalnum (src->text[i - 1]) || src->text[i - 1] == '/'))
    return 0;
  if (tayori_md_has_prefix_ci (src, i, "https://"))
    j += 8;
  else if (tayori_md_has_prefix_ci (src, i, "http://"))
    j += 7;
  else if (tayori_md_has_prefix_ci (src, i, "www."))
    j += 4;
  else
    return 0;
  while (j < limit && !tayori_md_is_space (src->text[j]) && src->text[j] != '<' &&
         (guchar) src->text[j] < 0x80)
    j++;
  while (j > i && strchr (".,:;!?\"'*_~)", src->text[j - 1]) != NULL)
    j--;
  return j > i + 8 || (j > i + 4 && tayori_md_has_prefix_ci (src, i, "www.")) ? j : 0;
}

static gboolean
is_email_local (char c)
{
  return g_ascii_isalnum (c) || strchr (".-_+%", c) != NULL;
}

gboolean
tayori_md_email_span (const TayoriMdSource *src,
                      gsize                 at,
                      gsize                 floor,
                      gsize                 limit,
                      TayoriMdSpan         *span)
{
  gsize start = at, end = at + 1;
  gboolean dot = FALSE;

  while (start > floor && is_email_local (src->text[start - 1]))
    start--;
  while (end < limit && (g_ascii_isalnum (src->text[end]) || src->text[end] == '-' ||
                         (src->text[end] == '.' && end + 1 < limit && g_ascii_isalnum (src->text[end + 1]))))
    dot |= src->text[end++] == '.';
  if (start == at || end == at + 1 || !dot)
    return FALSE;
  span->start = start;
  span->end = end;
  return TRUE;
}

gsize
tayori_md_html_end (const TayoriMdSource *src,
                    gsize                 i,
                    gsize                 limit,
                    gboolean             *autolink)
{
  gsize j = i + 1;
  char quote = 0;

  *autolink = FALSE;
  if (tayori_md_has_prefix_ci (src, i, "<!--"))
    {
      const char *close = g_strstr_len (src->text + i + 4, limit - i - 4, "-->");

      return close != NULL ? (gsize) (close - src->text) + 3 : 0;
    }
  /* <scheme:…> and <user@host> */
  while (j < limit && !tayori_md_is_space (src->text[j]) && src->text[j] != '<' && src->text[j] != '>')
    j++;
  if (j < limit && src->text[j] == '>' && j > i + 1 &&
      (memchr (src->text + i, ':', j - i) != NULL || memchr (src->text + i, '@', j - i) != NULL) &&
      g_ascii_isalpha (src->text[i + 1]))
    {
      *autolink = TRUE;
      return j + 1;
    }
  j = i + 1;
  if (j < limit && (src->text[j] == '/' || src->text[j] == '!' || src->text[j] == '?'))
    j++;
  if (j >= limit || !g_ascii_isalpha (src->text[j]))
    return 0;
  for (; j < limit; j++)
    {
      char c = src->text[j];

      if (quote != 0)
        quote = c == quote ? 0 : quote;
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        return j + 1;
      else if (c == '<' || tayori_md_is_blank_line_at (src, j))
        return 0;
    }
  return 0;
}

gsize
tayori_md_raw_element_end (const TayoriMdSource *src,
                           gsize                 start_tag_end,
                           gsize                 limit,
                           const char           *tag)
{
  g_autofree char *end_tag = g_strdup_printf ("</%s", tag);

  for (gsize j = start_tag_end; j < limit; j++)
    if (tayori_md_has_prefix_ci (src, j, end_tag))
      {
        const char *gt = memchr (src->text + j, '>', limit - j);

        return gt != NULL ? (gsize) (gt - src->text) + 1 : limit;
      }
  return start_tag_end;
}

gsize
tayori_md_bracket_close (const TayoriMdSource *src,
                         gsize                 i,
                         gsize                 limit)
{
  int depth = 0;

  for (gsize j = i; j < limit; j++)
    {
      gsize run;
      gsize end;

      if (src->text[j] == '\\')
        j++;
      else if (src->text[j] == '`' && (end = tayori_md_code_span_end (src, j, limit, &run)) != 0)
        j = end - 1;
      else if (src->text[j] == '[')
        depth++;
      else if (src->text[j] == ']' && --depth == 0)
        return j;
      else if (tayori_md_is_blank_line_at (src, j))
        return 0;
    }
  return 0;
}

gsize
tayori_md_link_tail_end (const TayoriMdSource *src,
                         gsize                 close,
                         gsize                 limit)
{
  gsize j = close + 1;
  int depth = 0;
  char quote = 0;

  if (j >= limit || (src->text[j] != '(' && src->text[j] != '['))
    return 0;
  if (src->text[j] == '[')
    {
      const char *end = memchr (src->text + j, ']', limit - j);

      return end != NULL ? (gsize) (end - src->text) + 1 : 0;
    }
  for (; j < limit; j++)
    {
      char c = src->text[j];

      if (c == '\\')
        j++;
      else if (quote != 0)
        quote = c == quote ? 0 : quote;
      else if ((c == '"' || c == '\'') && tayori_md_is_space (src->text[j - 1]))
        quote = c;
      else if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        return j + 1;
      else if (tayori_md_is_blank_line_at (src, j))
        return 0;
    }
  return 0;
}

static void
clear (guint8 *mask,
       gsize   start,
       gsize   end)
{
  memset (mask + start, 0, end - start);
}

/* Block structure, line by line: code blocks (returned in @code) and block markers */
static void
mask_blocks (const TayoriMdSource *src,
             guint8               *mask,
             guint8               *code)
{
  gboolean prev_blank = TRUE, prev_code = FALSE, in_list = FALSE;
  char fence = 0;
  gsize fence_length = 0;

  for (gsize ls = 0; ls < src->length; )
    {
      gsize le = line_end (src, ls);
      gsize p = ls, indent = 0, run = 0;
      gboolean list_marker = FALSE;

      while (p < le && (src->text[p] == ' ' || src->text[p] == '\t'))
        indent += src->text[p++] == '\t' ? 4 : 1;

      if (fence != 0)
        {
          gsize q = p;

          while (q < le && (src->text[q] == '>' || src->text[q] == ' '))
            q++;
          while (q + run < le && src->text[q + run] == fence)
            run++;
          if (run >= fence_length)
            fence = 0;
          clear (mask, ls, le);
          memset (code + ls, 1, le - ls);
        }
      else if (p == le)
        {
          prev_blank = TRUE;
          prev_code = FALSE;
          ls = le + 1;
          continue;
        }
      else if (indent >= 4 && (prev_blank || prev_code) && !in_list)
        {
          clear (mask, ls, le);
          memset (code + ls, 1, le - ls);
          prev_code = TRUE;
          prev_blank = FALSE;
          ls = le + 1;
          continue;
        }
      else
        {
          /* Blockquote markers, then a list marker and a task box */
          while (p < le && src->text[p] == '>')
            {
              mask[p++] = 0;
              while (p < le && src->text[p] == ' ')
                p++;
            }
          if (p + 1 <= le && strchr ("-+*", src->text[p]) != NULL &&
              (p + 1 == le || src->text[p + 1] == ' ' || src->text[p + 1] == '\t'))
            {
              mask[p++] = 0;
              list_marker = TRUE;
            }
          else
            {
              gsize q = p;

              while (q < le && q - p < 9 && g_ascii_isdigit (src->text[q]))
                q++;
              if (q > p && q < le && (src->text[q] == '.' || src->text[q] == ')') &&
                  (q + 1 == le || src->text[q + 1] == ' '))
                {
                  clear (mask, p, q + 1);
                  p = q + 1;
                  list_marker = TRUE;
                }
            }
          if (list_marker)
            {
              in_list = TRUE;
              while (p < le && src->text[p] == ' ')
                p++;
              if (p + 3 <= le && src->text[p] == '[' && strchr (" xX", src->text[p + 1]) &&
                  src->text[p + 2] == ']')
                clear (mask, p, p + 3);
            }
          else if (indent == 0 && prev_blank)
            in_list = FALSE;

          while (p + run < le && (src->text[p + run] == '`' || src->text[p + run] == '~') &&
                 src->text[p + run] == src->text[p])
            run++;
          if (run >= 3 && (src->text[p] == '~' || memchr (src->text + p + run, '`', le - p - run) == NULL))
            {
              fence = src->text[p];
              fence_length = run;
              clear (mask, ls, le);
              memset (code + ls, 1, le - ls);
            }
          else
            {
              gsize q = p;
              gsize dashes = 0, others = 0, pipes = 0;

              /* ATX heading markers, opening and closing */
              while (q < le && q - p < 7 && src->text[q] == '#')
                q++;
              if (q > p && q - p <= 6 && (q == le || src->text[q] == ' '))
                {
                  gsize e = le;

                  clear (mask, p, q);
                  while (e > q && src->text[e - 1] == ' ')
                    e--;
                  while (e > q && src->text[e - 1] == '#')
                    e--;
                  if (e == q || src->text[e - 1] == ' ')
                    clear (mask, e, le);
                }
              /* Thematic breaks, setext underlines, table delimiter rows */
              for (q = p; q < le; q++)
                {
                  char c = src->text[q];

                  if (c == '-' || c == '=' || c == '*' || c == '_')
                    dashes++;
                  else if (c == '|')
                    pipes++;
                  else if (c != ' ' && c != ':' && c != '\t')
                    others++;
                }
              if (others == 0 && dashes > 0)
                clear (mask, ls, le);
              /* Reference definitions: [label]: destination */
              if (src->text[p] == '[')
                {
                  gsize close = tayori_md_bracket_close (src, p, le);

                  if (close != 0 && close + 1 < le && src->text[close + 1] == ':')
                    clear (mask, ls, le);
                }
            }
        }
      prev_blank = FALSE;
      prev_code = FALSE;
      ls = le + 1;
    }
}

/* Inline syntax: code spans, links, autolinks, raw HTML, bare URLs, e-mail, markers */
static void
mask_inlines (const TayoriMdSource *src,
              guint8               *mask,
              const guint8         *code)
{
  for (gsize i = 0; i < src->length; i++)
    {
      char c = src->text[i];
      gsize end, run;
      gboolean autolink;
      TayoriMdSpan span;

      if (code[i])
        continue;
      if (c == '\\' && i + 1 < src->length && g_ascii_ispunct (src->text[i + 1]))
        {
          mask[i++] = 0;
        }
      else if (c == '`')
        {
          end = tayori_md_code_span_end (src, i, src->length, &run);
          clear (mask, i, end != 0 ? end : i + run);
          i = (end != 0 ? end : i + run) - 1;
        }
      else if (c == '<' && (end = tayori_md_html_end (src, i, src->length, &autolink)) != 0)
        {
          /* The content of raw script and style elements is not text either */
          const char *raw = tayori_md_has_prefix_ci (src, i, "<script") ? "script"
                          : tayori_md_has_prefix_ci (src, i, "<style") ? "style" : NULL;

          if (raw != NULL)
            end = tayori_md_raw_element_end (src, end, src->length, raw);
          clear (mask, i, end);
          i = end - 1;
        }
      else if (c == '!' && i + 1 < src->length && src->text[i + 1] == '[')
        clear (mask, i, i + 2);
      else if (c == '[')
        {
          gsize close = tayori_md_bracket_close (src, i, src->length);

          if (close != 0 && (end = tayori_md_link_tail_end (src, close, src->length)) != 0)
            {
              mask[i] = 0;
              clear (mask, close, end);
            }
        }
      else if (c == '*' || c == '_' || c == '~' || c == '|')
        mask[i] = 0;
      else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
               (end = tayori_md_bare_url_end (src, i, src->length)) != 0)
        {
          clear (mask, i, end);
          i = end - 1;
        }
      else if (c == '@' && tayori_md_email_span (src, i, 0, src->length, &span))
        {
          clear (mask, span.start, span.end);
          i = span.end - 1;
        }
    }
}

guint8 *
tayori_check_markdown_prose_mask (const char *markdown,
                                  gsize       length)
{
  TayoriMdSource src = { markdown, length };
  guint8 *mask = g_malloc (MAX (length, 1));
  g_autofree guint8 *code = g_malloc0 (MAX (length, 1));

  memset (mask, 1, length);
  mask_blocks (&src, mask, code);
  mask_inlines (&src, mask, code);
  return mask;
}
