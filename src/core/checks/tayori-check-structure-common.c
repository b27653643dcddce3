/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers shared by the municipal-structure checkers: findings on elements, attributes and
 * link destinations as written in the source (Markdown or HTML), white space. */
#include <string.h>

#include "tayori-check-structure-private.h"
#include "tayori-html.h"

TayoriFinding *
tayori_structure_finding_new (const char               *rule_id,
                              const TayoriCheckElement *element)
{
  TayoriFinding *finding = tayori_finding_new (rule_id, "body", element->source_start,
                                               element->source_end);

  tayori_finding_set_selector (finding, element->selector);
  return finding;
}

guint
tayori_structure_descendants_end (TayoriCheckDocument *document,
                                  guint                index)
{
  guint n = tayori_check_document_get_n_elements (document);
  guint depth = tayori_check_document_get_element (document, index)->depth;
  guint end = index + 1;

  while (end < n && tayori_check_document_get_element (document, end)->depth > depth)
    end++;
  return end;
}

gboolean
tayori_structure_has_descendant (TayoriCheckDocument *document,
                                 guint                index,
                                 const char          *tag)
{
  guint end = tayori_structure_descendants_end (document, index);

  for (guint i = index + 1; i < end; i++)
    if (strcmp (tayori_check_document_get_element (document, i)->tag, tag) == 0)
      return TRUE;
  return FALSE;
}

/* TRUE when @element's source starts with its own raw HTML start tag "<tag" */
static gboolean
is_raw_tag (const char               *source,
            const TayoriCheckElement *element)
{
  gsize n = strlen (element->tag);

  return element->source_end > element->source_start + n + 1 &&
         source[element->source_start] == '<' &&
         g_ascii_strncasecmp (source + element->source_start + 1, element->tag, n) == 0 &&
         !g_ascii_isalnum (source[element->source_start + 1 + n]);
}

char *
tayori_structure_dup_attribute (TayoriCheckDocument      *document,
                                const TayoriCheckElement *element,
                                const char               *name)
{
  const char *body = tayori_check_document_get_text (document, "body");

  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN &&
      is_raw_tag (body, element))
    {
      g_autoptr(TayoriHtmlTokenizer) tokenizer =
        tayori_html_tokenizer_new (body + element->source_start,
                                   element->source_end - element->source_start);
      const TayoriHtmlToken *token = tayori_html_tokenizer_next (tokenizer);

      if (token->type == TAYORI_HTML_TOKEN_START_TAG && strcmp (token->name, element->tag) == 0)
        return g_strdup (tayori_html_token_get_attribute (token, name));
    }
  return g_strdup (tayori_check_element_get_attribute (element, name));
}

char *
tayori_structure_dup_name (TayoriCheckDocument *document,
                           guint                index)
{
  const TayoriCheckElement *element = tayori_check_document_get_element (document, index);
  g_autofree char *label = tayori_structure_dup_attribute (document, element, "aria-label");
  g_autoptr(GString) name = NULL;
  guint end;

  if (label != NULL && !tayori_structure_is_blank (label, strlen (label)))
    return tayori_structure_strip (label);

  name = g_string_new (element->text);
  end = tayori_structure_descendants_end (document, index);
  for (guint i = index + 1; i < end; i++)
    {
      const TayoriCheckElement *child = tayori_check_document_get_element (document, i);
      const char *alt = tayori_check_element_get_attribute (child, "alt");

      if (strcmp (child->tag, "img") == 0 && alt != NULL)
        g_string_append (name, alt);
    }
  if (tayori_structure_is_blank (name->str, name->len))
    {
      g_autofree char *title = tayori_structure_dup_attribute (document, element, "title");

      if (title != NULL)
        g_string_assign (name, title);
    }
  return tayori_structure_strip (name->str);
}

/* Where the text of the block holding @element ends: the end of its nearest block ancestor */
static gsize
block_end (TayoriCheckDocument      *document,
           const TayoriCheckElement *element)
{
  static const char blocks[] = " p li td th dt dd div caption figcaption blockquote h1 h2 h3 h4 h5 h6 ";

  for (int i = element->parent; i >= 0; i = tayori_check_document_get_element (document, i)->parent)
    {
      const TayoriCheckElement *ancestor = tayori_check_document_get_element (document, i);
      g_autofree char *key = g_strconcat (" ", ancestor->tag, " ", NULL);

      if (strstr (blocks, key) != NULL)
        return ancestor->source_end;
    }
  return G_MAXSIZE;
}

char *
tayori_structure_dup_text_after (TayoriCheckDocument      *document,
                                 const TayoriCheckElement *element,
                                 guint                     max_chars)
{
  const char *body = tayori_check_document_get_text (document, "body");
  const char *end = body + MIN (block_end (document, element), strlen (body));
  GString *text = g_string_new (NULL);
  gboolean in_tag = FALSE;
  guint n = 0;

  for (const char *p = body + element->source_end; p < end && *p != '\n' && n < max_chars;
       p = g_utf8_next_char (p))
    {
      if (*p == '<' || (in_tag && *p == '>'))
        in_tag = *p == '<';
      else if (!in_tag)
        {
          g_string_append_unichar (text, g_utf8_get_char (p));
          n++;
        }
    }
  return g_string_free (text, FALSE);
}

/* The ']' closing the '[' at @open, or 0 */
static gsize
closing_bracket (const char *markdown,
                 gsize       open,
                 gsize       end)
{
  int depth = 0;

  for (gsize j = open; j < end; j++)
    {
      if (markdown[j] == '\\')
        j++;
      else if (markdown[j] == '[')
        depth++;
      else if (markdown[j] == ']' && --depth == 0)
        return j;
    }
  return 0;
}

/* "(dest "title")" from @open, which must end exactly at @end */
static gboolean
parse_destination (const char          *markdown,
                   gsize                open,
                   gsize                end,
                   TayoriStructureLink *link)
{
  gsize p = open + 1;
  int depth = 0;

  while (p < end && g_ascii_isspace (markdown[p]))
    p++;
  if (p < end && markdown[p] == '<')
    {
      const char *close = memchr (markdown + p, '>', end - p);

      if (close == NULL)
        return FALSE;
      link->dest_start = p + 1;
      link->dest_end = close - markdown;
      p = link->dest_end + 1;
    }
  else
    {
      link->dest_start = p;
      for (; p < end && !g_ascii_isspace (markdown[p]); p++)
        {
          if (markdown[p] == '\\')
            p++;
          else if (markdown[p] == '(')
            depth++;
          else if (markdown[p] == ')' && depth-- == 0)
            break;
        }
      link->dest_end = MIN (p, end);
    }
  while (p < end && g_ascii_isspace (markdown[p]))
    p++;
  if (p < end && strchr ("\"'(", markdown[p]) != NULL)
    {
      char quote = markdown[p] == '(' ? ')' : markdown[p];
      const char *close = memchr (markdown + p + 1, quote, end - p - 1);

      if (close == NULL)
        return FALSE;
      p = close - markdown + 1;
      while (p < end && g_ascii_isspace (markdown[p]))
        p++;
    }
  return p + 1 == end && markdown[p] == ')';
}

/* An address as GFM autolinks it: "https://…", "www.…" or "user@host", ASCII without spaces */
static gboolean
is_address (const char *markdown,
            gsize       start,
            gsize       end)
{
  gboolean at = FALSE;

  for (gsize j = start; j < end; j++)
    {
      if ((guchar) markdown[j] <= ' ' || (guchar) markdown[j] >= 0x7F || markdown[j] == '<' ||
          markdown[j] == '>')
        return FALSE;
      at |= markdown[j] == '@';
    }
  return end > start &&
         (at || memchr (markdown + start, ':', end - start) != NULL ||
          g_ascii_strncasecmp (markdown + start, "www.", MIN (4, end - start)) == 0);
}

gboolean
tayori_structure_parse_link (const char          *markdown,
                             gsize                start,
                             gsize                end,
                             TayoriStructureLink *link)
{
  gsize open = start, close;

  memset (link, 0, sizeof *link);
  if (end <= start)
    return FALSE;
  if (markdown[start] != '[' && !(markdown[start] == '!' && markdown[start + 1] == '['))
    {
      /* "<https://…>" autolinks, bare URLs and e-mail addresses: the text is the address */
      gboolean angle = markdown[start] == '<' && markdown[end - 1] == '>';

      link->text_start = link->dest_start = start + angle;
      link->text_end = link->dest_end = end - angle;
      return is_address (markdown, link->text_start, link->text_end);
    }
  if (markdown[start] == '!')
    open++;
  close = closing_bracket (markdown, open, end);
  if (close == 0)
    return FALSE;
  link->text_start = open + 1;
  link->text_end = close;
  if (close + 1 == end)
    return TRUE;                      /* "[label]" */
  if (markdown[close + 1] == '[')
    return markdown[end - 1] == ']' && memchr (markdown + close + 1, ']', end - close - 2) == NULL;
  link->inline_link = TRUE;
  return markdown[close + 1] == '(' && parse_destination (markdown, close + 1, end, link);
}

gboolean
tayori_structure_has_own_range (TayoriCheckDocument      *document,
                                const TayoriCheckElement *element)
{
  const char *body = tayori_check_document_get_text (document, "body");
  gsize length = element->source_end - element->source_start;
  TayoriStructureLink link;

  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_HTML)
    return TRUE;
  if (is_raw_tag (body, element))
    {
      g_autofree char *source = g_ascii_strdown (body + element->source_start, length);
      g_autofree char *start_tag = g_strconcat ("<", element->tag, NULL);
      g_autofree char *end_tag = g_strconcat ("</", element->tag, ">", NULL);
      const char *second = strstr (source + 1, start_tag);

      /* Exactly one element: a void one is its start tag alone */
      if (strcmp (element->tag, "img") == 0)
        return strchr (source + 1, '<') == NULL && source[length - 1] == '>';
      return g_str_has_suffix (source, end_tag) &&
             (second == NULL || g_ascii_isalnum (second[strlen (start_tag)]));
    }
  return tayori_structure_parse_link (body, element->source_start, element->source_end, &link);
}

static char *
decode_target (char *target)
{
  char *decoded;

  if (target == NULL)
    return NULL;
  decoded = g_uri_unescape_string (target, NULL);
  if (decoded == NULL)
    return target;
  g_free (target);
  return decoded;
}

char *
tayori_structure_dup_target (TayoriCheckDocument      *document,
                             const TayoriCheckElement *element)
{
  const char *body = tayori_check_document_get_text (document, "body");
  const char *attribute = strcmp (element->tag, "img") == 0 ? "src" : "href";
  TayoriStructureLink link;

  if (tayori_check_document_get_kind (document) == TAYORI_CHECK_SOURCE_MARKDOWN &&
      !is_raw_tag (body, element) &&
      tayori_structure_parse_link (body, element->source_start, element->source_end, &link) &&
      link.dest_end > link.dest_start)
    {
      GString *target = g_string_sized_new (link.dest_end - link.dest_start);

      for (gsize j = link.dest_start; j < link.dest_end; j++)
        {
          if (body[j] == '\\' && j + 1 < link.dest_end && g_ascii_ispunct (body[j + 1]))
            j++;
          g_string_append_c (target, body[j]);
        }
      return decode_target (g_string_free (target, FALSE));
    }
  return decode_target (tayori_structure_dup_attribute (document, element, attribute));
}

char *
tayori_structure_target_basename (const char *target)
{
  gsize length = strcspn (target, "?#");
  const char *slash = g_strrstr_len (target, length, "/");
  const char *colon = memchr (target, ':', length);
  const char *start = slash != NULL ? slash + 1 : colon != NULL ? colon + 1 : target;

  return g_strndup (start, target + length - start);
}

gboolean
tayori_structure_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

gboolean
tayori_structure_is_blank (const char *text,
                           gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    if (!tayori_structure_is_space (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
tayori_structure_strip (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (start < end && tayori_structure_is_space (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!tayori_structure_is_space (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}
