/* SPDX-License-Identifier: GPL-3.0-or-later */
/* link-phone-not-tel: phone numbers in the body that are not tel: links, so a phone cannot
 * call them with a tap. Fax numbers, postal codes and numbers already linked are left alone;
 * the fix makes the number a tel: link in the syntax of the text around it. */
#include <string.h>

#include "tayori-check-structure-private.h"

#define RULE_PHONE "link-phone-not-tel"
/* How far before a number its "FAX：" label may be */
#define LABEL_CHARS 12

/* 06-1234-5678, 0120-123-456, 03(1234)5678, (03)1234-5678: 10 or 11 digits, checked after the
 * match; never inside a longer run of digits and hyphens (dates, codes). */
#define PHONE_PATTERN \
  "(?<![0-9０-９\\-‐－−/._＿])" \
  "(?:0[0-9]{1,4}[\\-‐－−][0-9]{1,4}[\\-‐－−][0-9]{3,4}" \
  "|0[0-9]{1,4}[(（][0-9]{1,4}[)）][0-9]{3,4}" \
  "|[(（]0[0-9]{1,4}[)）] ?[0-9]{1,4}[\\-‐－−][0-9]{3,4})" \
  "(?![0-9０-９\\-‐－−])"

static const char * const fax_labels[] = { "fax", "ファクス", "ファックス", "ファクシミリ", NULL };

static gpointer
compile_regex (gpointer data)
{
  return g_regex_new (PHONE_PATTERN, G_REGEX_OPTIMIZE, 0, NULL);
}

static char *
digits_of (const char *text,
           gsize       length)
{
  GString *digits = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    if (g_ascii_isdigit (text[i]))
      g_string_append_c (digits, text[i]);
  return g_string_free (digits, FALSE);
}

static gboolean
is_separator (gunichar c)
{
  return tayori_structure_is_space (c) || (c != 0 && g_utf8_strchr (":：・、,(（【[|", -1, c) != NULL);
}

/* NFKC and case-folded, so "ＦＡＸ" reads as "fax" */
static char *
fold (const char *text,
      gsize       length)
{
  g_autofree char *nfkc = g_utf8_normalize (text, length, G_NORMALIZE_NFKC);

  return g_utf8_casefold (nfkc != NULL ? nfkc : "", -1);
}

static gboolean
has_fax_label (const char *folded,
               gboolean    prefix)
{
  for (guint i = 0; fax_labels[i] != NULL; i++)
    if (prefix ? g_str_has_prefix (folded, fax_labels[i]) : g_str_has_suffix (folded, fax_labels[i]))
      return TRUE;
  return FALSE;
}

/* "FAX：06-…", "〒530-…" or "06-…（FAX）" */
static gboolean
is_fax_or_postal (const char *body,
                  gsize       start,
                  gsize       end)
{
  const char *line = body + start;
  const char *p = body + start;
  const char *q;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  while (line > body && line[-1] != '\n')
    line--;
  /* Back over separators and tags ("<th>FAX</th><td>"), then the label */
  while (p > line)
    {
      const char *prev = g_utf8_prev_char (p);
      const char *open = *prev == '>' ? g_strrstr_len (line, prev - line, "<") : NULL;

      if (open != NULL)
        p = open;
      else if (is_separator (g_utf8_get_char (prev)))
        p = prev;
      else
        break;
    }
  q = p;
  for (guint n = 0; q > line && n < LABEL_CHARS; n++)
    q = g_utf8_prev_char (q);
  before = fold (q, p - q);
  if (has_fax_label (before, FALSE) || g_str_has_suffix (before, "〒"))
    return TRUE;

  p = body + end;
  while (*p != '\0' && *p != '\n' && tayori_structure_is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (!g_str_has_prefix (p, "(") && !g_str_has_prefix (p, "（"))
    return FALSE;
  p = g_utf8_next_char (p);
  q = p;
  for (guint n = 0; *q != '\0' && n < LABEL_CHARS; n++)
    q = g_utf8_next_char (q);
  after = fold (p, q - p);
  return has_fax_label (after, TRUE);
}

static gboolean
inside_link (TayoriCheckDocument *document,
             GArray              *links,
             gsize                start,
             gsize                end)
{
  for (guint i = 0; i < links->len; i++)
    {
      const TayoriCheckElement *link = tayori_check_document_get_element (document, g_array_index (links, guint, i));

      if (link->source_start <= start && end <= link->source_end)
        return TRUE;
    }
  return FALSE;
}

/* The deepest element whose source holds [start, end), or -1 */
static int
innermost_element (TayoriCheckDocument *document,
                   gsize                start,
                   gsize                end)
{
  int innermost = -1;

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (element->source_start <= start && end <= element->source_end)
        innermost = i;
    }
  return innermost;
}

/* FALSE for HTML, and inside a raw HTML block of a Markdown body, where cmark reads no
 * Markdown: there the element around the number and its ancestors have no source position. */
static gboolean
reads_markdown (TayoriCheckDocument *document,
                int                  innermost)
{
  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_HTML)
    return FALSE;
  if (innermost < 0)
    return TRUE;
  for (int i = innermost; i >= 0; i = tayori_check_document_get_element (document, i)->parent)
    if (tayori_check_element_get_attribute (tayori_check_document_get_element (document, i),
                                            "data-sourcepos") != NULL)
      return TRUE;
  return FALSE;
}

void
tayori_check_links_phones (TayoriCheckDocument *document,
                           GArray              *links,
                           GPtrArray           *findings)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_regex, NULL);
  const char *body = tayori_check_document_get_text (document, "body");
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (regex, body, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      int start, end, innermost;
      g_autofree char *number = NULL;
      g_autofree char *digits = NULL;
      g_autofree char *fix = NULL;
      gsize n_digits;
      TayoriFinding *finding;

      g_match_info_fetch_pos (match, 0, &start, &end);
      number = g_strndup (body + start, end - start);
      digits = digits_of (number, end - start);
      n_digits = strlen (digits);
      if ((n_digits != 10 && n_digits != 11) ||
          !tayori_check_document_is_prose (document, "body", start, end) ||
          inside_link (document, links, start, end) || is_fax_or_postal (body, start, end))
        continue;

      innermost = innermost_element (document, start, end);
      if (reads_markdown (document, innermost))
        fix = g_strdup_printf ("[%s](tel:%s)", number, digits);
      else
        fix = g_strdup_printf ("<a href=\"tel:%s\">%s</a>", digits, number);
      finding = tayori_finding_new (RULE_PHONE, "body", start, end);
      if (innermost >= 0)
        tayori_finding_set_selector (finding, tayori_check_document_get_element (document, innermost)->selector);
      tayori_finding_set_arg (finding, "text", number);
      tayori_finding_set_fix (finding, fix);
      g_ptr_array_add (findings, finding);
    }
}
