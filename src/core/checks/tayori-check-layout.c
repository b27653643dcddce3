/* SPDX-License-Identifier: GPL-3.0-or-later */
/* layout-blank-lines: space made with empty paragraphs (only spaces, &nbsp; or line breaks in
 * them), runs of <br>, and <br> lines of their own between Markdown blocks. Full-width space
 * indentation inside text is the municipal-text family's. */
#include <string.h>

#include "tayori-check-structure-private.h"

#define RULE_LAYOUT "layout-blank-lines"

/* Two or more line breaks with nothing but white space between them */
#define BR_RUN_PATTERN \
  "<br\\s*/?>(?:(?:\\s|\\x{3000}|\\x{00A0}|&nbsp;|&#160;)*<br\\s*/?>)+"

/* What an empty paragraph may hold and still be empty */
static const char inline_tags[] = " br span strong em b i u s small font ";

static gpointer
compile_regex (gpointer data)
{
  return g_regex_new (BR_RUN_PATTERN, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
}

static gboolean
word_in (const char *list,
         const char *word)
{
  g_autofree char *key = g_strconcat (" ", word, " ", NULL);

  return strstr (list, key) != NULL;
}

/* A p or div with no text and nothing but inline markup: there only to make space */
static gboolean
is_empty_block (TayoriCheckDocument *document,
                guint                index)
{
  const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
  guint end;

  if ((strcmp (element->tag, "p") != 0 && strcmp (element->tag, "div") != 0) ||
      !tayori_structure_is_blank (element->text, strlen (element->text)))
    return FALSE;
  end = tayori_structure_descendants_end (document, index);
  for (guint i = index + 1; i < end; i++)
    if (!word_in (inline_tags, tayori_check_document_get_element (document, i)->tag))
      return FALSE;
  return TRUE;
}

static void
add_finding (GPtrArray  *findings,
             gsize       start,
             gsize       end,
             const char *selector,
             const char *fix)
{
  TayoriFinding *finding = tayori_finding_new (RULE_LAYOUT, "body", start, end);

  tayori_finding_set_selector (finding, selector);
  if (fix != NULL)
    tayori_finding_set_fix (finding, fix);
  g_ptr_array_add (findings, finding);
}

/* The br element rendered from the tag at @offset, or -1 for tags in code or not rendered */
static int
rendered_break (TayoriCheckDocument *document,
                gsize                offset)
{
  int found = -1;

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (offset < element->source_start || offset >= element->source_end)
        continue;
      if (strcmp (element->tag, "pre") == 0 || strcmp (element->tag, "code") == 0)
        return -1;
      if (strcmp (element->tag, "br") == 0 && found < 0)
        found = i;
    }
  return found;
}

static gboolean
inside_any (GArray *ranges,
            gsize   start,
            gsize   end)
{
  for (guint i = 0; i < ranges->len; i += 2)
    if (g_array_index (ranges, gsize, i) <= start && end <= g_array_index (ranges, gsize, i + 1))
      return TRUE;
  return FALSE;
}

static void
check_break_runs (TayoriCheckDocument *document,
                  GArray              *reported,
                  GPtrArray           *findings)
{
  static GOnce once = G_ONCE_INIT;
  GRegex *regex = g_once (&once, compile_regex, NULL);
  const char *body = tayori_check_document_get_text (document, "body");
  g_autoptr(GMatchInfo) match = NULL;

  for (g_regex_match (regex, body, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      int start, end, br;
      gsize range[2];
      g_autofree char *first = NULL;

      g_match_info_fetch_pos (match, 0, &start, &end);
      br = rendered_break (document, start);
      if (br < 0 || inside_any (reported, start, end))
        continue;
      /* One line break is all a run needs: the fix keeps its first tag */
      first = g_strndup (body + start, strchr (body + start, '>') + 1 - (body + start));
      add_finding (findings, start, end, tayori_check_document_get_element (document, br)->selector,
                   first);
      range[0] = start;
      range[1] = end;
      g_array_append_vals (reported, range, 2);
    }
}

void
tayori_check_layout (TayoriCheckDocument *document,
                     GPtrArray           *findings)
{
  gboolean markdown = tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN;
  g_autoptr(GArray) reported = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (!is_empty_block (document, i))
        continue;
      /* Deleting a top-level block is safe; inside a list or table it would change the structure */
      add_finding (findings, element->source_start, element->source_end, element->selector,
                   element->parent < 0 ? "" : NULL);
      g_array_append_val (reported, element->source_start);
      g_array_append_val (reported, element->source_end);
    }
  check_break_runs (document, reported, findings);

  /* A Markdown line of only "<br>" between blocks is an HTML block: space and nothing else */
  for (guint i = 0; markdown && i < tayori_check_document_get_n_elements (document); i++)
    {
      const TayoriCheckElement *element = tayori_check_document_get_element (document, i);

      if (strcmp (element->tag, "br") == 0 && element->parent < 0 &&
          !inside_any (reported, element->source_start, element->source_end))
        add_finding (findings, element->source_start, element->source_end, element->selector, "");
    }
}
