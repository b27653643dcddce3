/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Markdown side of TayoriCheckDocument: where in the Markdown each rendered element came
 * from, found with the scanner of tayori-check-markdown-scan.c. */
#include <string.h>

#include "tayori-check-document-private.h"
#include "tayori-check-markdown-scan.h"

/* Inline elements narrowed to their own Markdown, by kind */
typedef enum {
  KIND_A,
  KIND_IMG,
  KIND_STRONG,
  KIND_EM,
  KIND_CODE,
  KIND_DEL,
  N_KINDS,
} Kind;

static const char * const kind_tags[N_KINDS] = { "a", "img", "strong", "em", "code", "del" };

static int
kind_of (const char *tag)
{
  for (int k = 0; k < N_KINDS; k++)
    if (strcmp (kind_tags[k], tag) == 0)
      return k;
  return -1;
}

static void
add_span (GArray **spans,
          Kind     kind,
          gsize    start,
          gsize    end)
{
  TayoriMdSpan span = { start, end };

  g_array_append_val (spans[kind], span);
}

/* The run of @c at @i: its length */
static gsize
run_length (const TayoriMdSource *src,
            gsize                 i,
            gsize                 limit,
            char                  c)
{
  gsize n = 0;

  while (i + n < limit && src->text[i + n] == c)
    n++;
  return n;
}

/* The next run of @c of exactly @n (at least @n when @at_least) before a blank line, or 0 */
static gsize
closing_run (const TayoriMdSource *src,
             gsize                 from,
             gsize                 limit,
             char                  c,
             gsize                 n)
{
  for (gsize j = from; j < limit; j++)
    {
      gsize m;

      if (tayori_md_is_blank_line_at (src, j))
        return 0;
      if (src->text[j] != c)
        continue;
      m = run_length (src, j, limit, c);
      if (m == n && !tayori_md_is_space (src->text[j - 1]))
        return j;
      j += m - 1;
    }
  return 0;
}

/* Emphasis, strong emphasis and strikethrough opening at @i; returns the opener's length */
static gsize
scan_delimiters (const TayoriMdSource *src,
                 gsize                 i,
                 gsize                 limit,
                 GArray              **spans,
                 GArray               *skips)
{
  char c = src->text[i];
  gsize n = run_length (src, i, limit, c);
  gsize close;
  TayoriMdSpan skip;

  if (n > 3 || i + n >= limit || tayori_md_is_space (src->text[i + n]) ||
      (c == '_' && i > 0 && g_ascii_isalnum (src->text[i - 1])) ||
      (close = closing_run (src, i + n, limit, c, n)) == 0)
    return n;
  if (c == '~')
    add_span (spans, KIND_DEL, i, close + n);
  else if (n == 3)
    {
      add_span (spans, KIND_EM, i, close + 3);
      add_span (spans, KIND_STRONG, i + 1, close + 2);
    }
  else
    add_span (spans, n == 2 ? KIND_STRONG : KIND_EM, i, close + n);
  skip.start = close;
  skip.end = close + n;
  g_array_append_val (skips, skip);
  return n;
}

static void
scan_raw_tag (const TayoriMdSource *src,
              gsize                 i,
              gsize                 end,
              gsize                 limit,
              GArray              **spans)
{
  for (int k = 0; k < N_KINDS; k++)
    {
      gsize n = strlen (kind_tags[k]);

      if (i + 1 + n < limit && g_ascii_strncasecmp (src->text + i + 1, kind_tags[k], n) == 0 &&
          !g_ascii_isalnum (src->text[i + 1 + n]))
        add_span (spans, k, i,
                  k == KIND_IMG ? end : tayori_md_raw_element_end (src, end, limit, kind_tags[k]));
    }
}

/* Every inline construct of [start, limit) that renders as one of the kinds, in order */
static void
scan_inline_spans (const TayoriMdSource *src,
                   gsize                 start,
                   gsize                 limit,
                   GArray              **spans)
{
  g_autoptr(GArray) skips = g_array_new (FALSE, FALSE, sizeof (TayoriMdSpan));

  for (gsize i = start; i < limit; i++)
    {
      char c;
      gsize end, run, close;
      gboolean autolink;
      TayoriMdSpan span;

      for (guint s = 0; s < skips->len; s++)
        if (g_array_index (skips, TayoriMdSpan, s).start == i)
          i = g_array_index (skips, TayoriMdSpan, s).end;
      if (i >= limit)
        break;
      c = src->text[i];
      if (c == '\\')
        i++;
      else if (c == '`')
        {
          end = tayori_md_code_span_end (src, i, limit, &run);
          if (end != 0)
            add_span (spans, KIND_CODE, i, end);
          i = (end != 0 ? end : i + run) - 1;
        }
      else if (c == '<' && (end = tayori_md_html_end (src, i, limit, &autolink)) != 0)
        {
          if (autolink)
            add_span (spans, KIND_A, i, end);
          else
            scan_raw_tag (src, i, end, limit, spans);
          i = end - 1;
        }
      else if (c == '!' && i + 1 < limit && src->text[i + 1] == '[' &&
               (close = tayori_md_bracket_close (src, i + 1, limit)) != 0 &&
               (end = tayori_md_link_tail_end (src, close, limit)) != 0)
        {
          add_span (spans, KIND_IMG, i, end);
          i = end - 1;
        }
      else if (c == '[' && (close = tayori_md_bracket_close (src, i, limit)) != 0 &&
               (end = tayori_md_link_tail_end (src, close, limit)) != 0)
        {
          add_span (spans, KIND_A, i, end);
          span.start = close;
          span.end = end;
          g_array_append_val (skips, span);
        }
      else if (c == '*' || c == '_' || c == '~')
        i += scan_delimiters (src, i, limit, spans, skips) - 1;
      else if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
               (end = tayori_md_bare_url_end (src, i, limit)) != 0)
        {
          add_span (spans, KIND_A, i, end);
          i = end - 1;
        }
      else if (c == '@' && tayori_md_email_span (src, i, start, limit, &span))
        {
          add_span (spans, KIND_A, span.start, span.end);
          i = span.end - 1;
        }
    }
}

typedef struct {
  int  block;
  Kind kind;
  int  element;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const Member *ma = a, *mb = b;

  if (ma->block != mb->block)
    return ma->block < mb->block ? -1 : 1;
  if (ma->kind != mb->kind)
    return ma->kind < mb->kind ? -1 : 1;
  return ma->element < mb->element ? -1 : ma->element > mb->element;
}

/* Gives the inline elements of one block their own spans when the Markdown has exactly as
 * many constructs of their kind; otherwise they keep the block's range. */
static void
narrow_block (const TayoriMdSource *src,
              GArray               *elements,
              const Member         *members,
              guint                 n_members)
{
  const TayoriCheckElement *block = &g_array_index (elements, TayoriCheckElement, members[0].block);
  GArray *spans[N_KINDS];

  for (int k = 0; k < N_KINDS; k++)
    spans[k] = g_array_new (FALSE, FALSE, sizeof (TayoriMdSpan));
  scan_inline_spans (src, block->source_start, block->source_end, spans);
  for (guint m = 0; m < n_members; )
    {
      guint n = 1;

      while (m + n < n_members && members[m + n].kind == members[m].kind)
        n++;
      if (spans[members[m].kind]->len == n)
        for (guint j = 0; j < n; j++)
          {
            TayoriCheckElement *element = &g_array_index (elements, TayoriCheckElement, members[m + j].element);
            const TayoriMdSpan *span = &g_array_index (spans[members[m].kind], TayoriMdSpan, j);

            element->source_start = span->start;
            element->source_end = span->end;
          }
      m += n;
    }
  for (int k = 0; k < N_KINDS; k++)
    g_array_unref (spans[k]);
}

/* An element of a raw HTML block (cmark gives those no source position): its own tags, or
 * its parent's range for an element the tags only imply (a tbody) */
static gsize
map_raw_element (const TayoriMdSource     *src,
                 TayoriCheckElement       *element,
                 const TayoriCheckElement *parent,
                 gsize                     cursor)
{
  g_autofree char *start_tag = g_strdup_printf ("<%s", element->tag);
  gsize n = strlen (start_tag);

  for (gsize j = cursor; j + n <= src->length; j++)
    {
      gboolean autolink;
      gsize end;

      if (!tayori_md_has_prefix_ci (src, j, start_tag) ||
          (j + n < src->length && g_ascii_isalnum (src->text[j + n])) ||
          (end = tayori_md_html_end (src, j, src->length, &autolink)) == 0)
        continue;
      element->source_start = j;
      element->source_end = tayori_md_raw_element_end (src, end, src->length, element->tag);
      return end;
    }
  element->source_start = parent != NULL ? parent->source_start : MIN (cursor, src->length);
  element->source_end = parent != NULL ? parent->source_end : element->source_start;
  return cursor;
}

void
tayori_check_markdown_map_elements (TayoriCheckDocument *document,
                                    const char          *markdown,
                                    GArray              *elements)
{
  TayoriMdSource src = { markdown, strlen (markdown) };
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  g_autofree int *blocks = g_new (int, MAX (elements->len, 1));
  gsize cursor = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      TayoriCheckElement *element = &g_array_index (elements, TayoriCheckElement, i);
      const char *sourcepos = tayori_check_element_get_attribute (element, "data-sourcepos");
      int kind = kind_of (element->tag);

      if (sourcepos != NULL &&
          tayori_check_document_sourcepos_to_range (document, sourcepos, &element->source_start,
                                                    &element->source_end))
        blocks[i] = i;
      else if (element->parent >= 0 && blocks[element->parent] >= 0)
        {
          const TayoriCheckElement *block =
            &g_array_index (elements, TayoriCheckElement, blocks[element->parent]);

          blocks[i] = blocks[element->parent];
          element->source_start = block->source_start;
          element->source_end = block->source_end;
        }
      else
        {
          const TayoriCheckElement *parent = element->parent >= 0
            ? &g_array_index (elements, TayoriCheckElement, element->parent) : NULL;

          blocks[i] = -1;
          cursor = map_raw_element (&src, element, parent, cursor);
          continue;
        }
      cursor = MAX (cursor, element->source_start);
      if (kind >= 0 && blocks[i] != (int) i)
        {
          Member member = { blocks[i], kind, i };

          g_array_append_val (members, member);
        }
    }

  g_array_sort (members, compare_members);
  for (guint m = 0; m < members->len; )
    {
      guint n = 1;

      while (m + n < members->len &&
             g_array_index (members, Member, m + n).block == g_array_index (members, Member, m).block)
        n++;
      narrow_block (&src, elements, &g_array_index (members, Member, m), n);
      m += n;
    }
}
