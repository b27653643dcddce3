/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Myers' O(ND) diff in linear space (bisection on the middle snake) over code points.
 * Common prefix and suffix go first, so a small edit in a long article costs little; past an
 * edit distance or work bound the rest is reported as one deletion plus one insertion. */
#include "tayori-diff.h"

/* Edit distances above this are not worth showing character by character */
#define MAX_EDIT_DISTANCE 20000
/* Diagonal and snake steps allowed for one diff: about 0.2 s at worst on a current PC */
#define WORK_BUDGET       G_GINT64_CONSTANT (30000000)

typedef struct {
  TayoriDiffOp op;
  const gunichar *text;
  gsize length;
} Span;

typedef struct {
  GArray *spans;
  gint64 budget;
} Diff;

static void diff_range (Diff *diff, const gunichar *a, gsize n, const gunichar *b, gsize m);

static void
add_span (Diff           *diff,
          TayoriDiffOp    op,
          const gunichar *text,
          gsize           length)
{
  Span span = { op, text, length };

  if (length > 0)
    g_array_append_val (diff->spans, span);
}

static void
split (Diff           *diff,
       const gunichar *a,
       gsize           n,
       const gunichar *b,
       gsize           m,
       gsize           x,
       gsize           y)
{
  diff_range (diff, a, x, b, y);
  diff_range (diff, a + x, n - x, b + y, m - y);
}

/* Walks forward and backward paths until they overlap, then diffs both halves. */
static void
bisect (Diff           *diff,
        const gunichar *a,
        gsize           n,
        const gunichar *b,
        gsize           m)
{
  const gssize sn = n, sm = m;
  const gssize max_d = MIN ((sn + sm + 1) / 2, MAX_EDIT_DISTANCE / 2);
  const gssize v_offset = max_d + 1;
  const gssize v_length = 2 * max_d + 3;
  const gssize delta = sn - sm;
  const gboolean front = (delta % 2 != 0);
  g_autofree gssize *v1 = g_new (gssize, v_length);
  g_autofree gssize *v2 = g_new (gssize, v_length);
  gssize k1start = 0, k1end = 0, k2start = 0, k2end = 0;

  for (gssize i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (gssize d = 0; d <= max_d && diff->budget > 0; d++)
    {
      for (gssize k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          gssize k1_offset = v_offset + k1;
          gssize x1, y1, snake_start;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;
          snake_start = x1;
          while (x1 < sn && y1 < sm && a[x1] == b[y1])
            x1++, y1++;
          v1[k1_offset] = x1;
          diff->budget -= 1 + x1 - snake_start;
          if (x1 > sn)
            k1end += 2;
          else if (y1 > sm)
            k1start += 2;
          else if (front)
            {
              gssize k2_offset = v_offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 &&
                  x1 >= sn - v2[k2_offset])
                {
                  split (diff, a, n, b, m, x1, y1);
                  return;
                }
            }
        }

      for (gssize k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          gssize k2_offset = v_offset + k2;
          gssize x2, y2, snake_start;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;
          snake_start = x2;
          while (x2 < sn && y2 < sm && a[sn - x2 - 1] == b[sm - y2 - 1])
            x2++, y2++;
          v2[k2_offset] = x2;
          diff->budget -= 1 + x2 - snake_start;
          if (x2 > sn)
            k2end += 2;
          else if (y2 > sm)
            k2start += 2;
          else if (!front)
            {
              gssize k1_offset = v_offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  gssize x1 = v1[k1_offset];
                  gssize y1 = v_offset + x1 - k1_offset;

                  if (x1 >= sn - x2)
                    {
                      split (diff, a, n, b, m, x1, y1);
                      return;
                    }
                }
            }
        }
    }

  add_span (diff, TAYORI_DIFF_DELETE, a, n);
  add_span (diff, TAYORI_DIFF_INSERT, b, m);
}

static void
diff_range (Diff           *diff,
            const gunichar *a,
            gsize           n,
            const gunichar *b,
            gsize           m)
{
  gsize prefix = 0, suffix = 0;

  while (prefix < n && prefix < m && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n - prefix && suffix < m - prefix && a[n - suffix - 1] == b[m - suffix - 1])
    suffix++;

  add_span (diff, TAYORI_DIFF_EQUAL, a, prefix);
  a += prefix, n -= prefix + suffix;
  b += prefix, m -= prefix + suffix;
  if (n == 0 || m == 0)
    {
      add_span (diff, TAYORI_DIFF_DELETE, a, n);
      add_span (diff, TAYORI_DIFF_INSERT, b, m);
    }
  else
    bisect (diff, a, n, b, m);
  add_span (diff, TAYORI_DIFF_EQUAL, a + n, suffix);
}

static void
append_chunk (GPtrArray    *chunks,
              TayoriDiffOp  op,
              GString      *text)
{
  TayoriDiffChunk *chunk;

  if (text->len == 0)
    return;
  chunk = g_new (TayoriDiffChunk, 1);
  chunk->op = op;
  chunk->text = g_strndup (text->str, text->len);
  g_ptr_array_add (chunks, chunk);
  g_string_truncate (text, 0);
}

static void
append_ucs4 (GString        *string,
             const gunichar *text,
             gsize           length)
{
  for (gsize i = 0; i < length; i++)
    g_string_append_unichar (string, text[i]);
}

/* Between two equal runs, all deletions come first and all insertions second: easier to read */
static GPtrArray *
spans_to_chunks (GArray *spans)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_diff_chunk_free);
  g_autoptr(GString) equal = g_string_new (NULL);
  g_autoptr(GString) deleted = g_string_new (NULL);
  g_autoptr(GString) inserted = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (span->op == TAYORI_DIFF_EQUAL)
        {
          append_chunk (chunks, TAYORI_DIFF_DELETE, deleted);
          append_chunk (chunks, TAYORI_DIFF_INSERT, inserted);
          append_ucs4 (equal, span->text, span->length);
        }
      else
        {
          append_chunk (chunks, TAYORI_DIFF_EQUAL, equal);
          append_ucs4 (span->op == TAYORI_DIFF_DELETE ? deleted : inserted, span->text, span->length);
        }
    }
  append_chunk (chunks, TAYORI_DIFF_EQUAL, equal);
  append_chunk (chunks, TAYORI_DIFF_DELETE, deleted);
  append_chunk (chunks, TAYORI_DIFF_INSERT, inserted);
  return chunks;
}

void
tayori_diff_chunk_free (TayoriDiffChunk *chunk)
{
  if (chunk == NULL)
    return;
  g_free (chunk->text);
  g_free (chunk);
}

GPtrArray *
tayori_diff_chars (const char *old_text,
                   const char *new_text)
{
  glong n = 0, m = 0;
  g_autofree gunichar *a = g_utf8_to_ucs4_fast (old_text ? old_text : "", -1, &n);
  g_autofree gunichar *b = g_utf8_to_ucs4_fast (new_text ? new_text : "", -1, &m);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  Diff diff = { spans, WORK_BUDGET };

  diff_range (&diff, a, n, b, m);
  return spans_to_chunks (spans);
}
