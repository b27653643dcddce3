/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The element tree of an HTML text for the checks: the core tokenizer's tokens with the
 * parser's implied end tags (p before blocks, li before li, table cells…), void elements,
 * raw text elements, and each element's bytes in the input. */
#include <string.h>

#include "tayori-check-document-private.h"
#include "tayori-html-private.h"

/* Lists are " a b c " */
static const char void_elements[] =
  " area base br col embed hr img input link meta param source track wbr ";
static const char raw_text_elements[] =
  " iframe noembed noframes noscript plaintext script style textarea title xmp ";
static const char head_elements[] =
  " base link meta noscript script style template title ";
static const char closes_p[] =
  " address article aside blockquote center dd details dialog dir div dl dt fieldset figcaption"
  " figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li listing main menu nav ol p pre"
  " section summary table ul ";
static const char scope_boundaries[] =
  " applet button caption html marquee object table td template th ";

typedef struct {
  const char *tag;      /* the tag the start tag closes */
  const char *closes;
  const char *scope;    /* where the search for an open one stops */
} ImpliedEnd;

static const ImpliedEnd implied_ends[] = {
  { "li", " li ", " ol ul " },
  { "dt", " dd dt ", " dl " },
  { "dd", " dd dt ", " dl " },
  { "td", " td th ", " tr table " },
  { "th", " td th ", " tr table " },
  { "tr", " tr ", " table thead tbody tfoot " },
  { "thead", " thead tbody tfoot ", " table " },
  { "tbody", " thead tbody tfoot ", " table " },
  { "tfoot", " thead tbody tfoot ", " table " },
  { "option", " option ", " select " },
};

typedef struct {
  const char    *html;
  gsize          length;
  GStringChunk  *chunk;
  GArray        *elements;    /* TayoriCheckElement */
  GArray        *text_starts; /* gsize per element: where its text starts in @text */
  GArray        *open;        /* int: indices into @elements */
  GString       *text;        /* every text token's decoded data, in order */
  GHashTable    *type_counts; /* "parent tag" → count, for :nth-of-type */
  TayoriHtmlTokenizer *tokenizer;
  gboolean       in_head;
  char          *title;
  guint8        *prose_mask;
} Builder;

static gboolean
word_in (const char *list,
         const char *word)
{
  gsize length = strlen (word);

  if (length == 0)
    return FALSE;
  for (const char *p = strstr (list, word); p != NULL; p = strstr (p + 1, word))
    if (p[-1] == ' ' && p[length] == ' ')
      return TRUE;
  return FALSE;
}

static TayoriCheckElement *
element_at (Builder *self,
            int      index)
{
  return &g_array_index (self->elements, TayoriCheckElement, index);
}

static int
open_top (Builder *self)
{
  return self->open->len > 0 ? g_array_index (self->open, int, self->open->len - 1) : -1;
}

/* An element closed implicitly ends before the whitespace that precedes what closed it */
static gsize
trim_back (Builder *self,
           gsize    end,
           gsize    floor)
{
  while (end > floor && (self->html[end - 1] == ' ' || self->html[end - 1] == '\n' ||
                         self->html[end - 1] == '\t' || self->html[end - 1] == '\r'))
    end--;
  return end;
}

static void
close_element (Builder *self,
               int      index,
               gsize    end)
{
  TayoriCheckElement *element = element_at (self, index);
  gsize text_start = g_array_index (self->text_starts, gsize, index);

  element->source_end = MAX (end, element->source_start);
  element->text = g_string_chunk_insert_len (self->chunk, self->text->str + text_start,
                                             self->text->len - text_start);
}

/* Pops every open element down to and including position @depth of the stack */
static void
pop_to (Builder *self,
        guint    depth,
        gsize    inner_end,
        gsize    outer_end)
{
  while (self->open->len > depth)
    {
      int index = open_top (self);

      close_element (self, index, self->open->len - 1 == depth ? outer_end : inner_end);
      g_array_set_size (self->open, self->open->len - 1);
    }
}

static gboolean
in_foreign (Builder *self)
{
  for (guint i = 0; i < self->open->len; i++)
    {
      const char *tag = element_at (self, g_array_index (self->open, int, i))->tag;

      if (strcmp (tag, "svg") == 0 || strcmp (tag, "math") == 0)
        return TRUE;
    }
  return FALSE;
}

/* Closes the nearest open element named in @closes, unless one in @scope comes first */
static void
close_implied (Builder    *self,
               const char *closes,
               const char *scope,
               gsize       offset)
{
  for (guint i = self->open->len; i > 0; i--)
    {
      int index = g_array_index (self->open, int, i - 1);
      const char *tag = element_at (self, index)->tag;

      if (word_in (closes, tag))
        {
          gsize end = trim_back (self, offset, element_at (self, index)->source_start);

          pop_to (self, i - 1, end, end);
          return;
        }
      if (word_in (scope, tag) || word_in (scope_boundaries, tag))
        return;
    }
}

static char *
make_selector (Builder    *self,
               int         parent,
               const char *tag)
{
  g_autofree char *key = g_strdup_printf ("%d %s", parent, tag);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->type_counts, key)) + 1;

  g_hash_table_insert (self->type_counts, g_steal_pointer (&key), GUINT_TO_POINTER (count));
  if (parent < 0)
    return g_strdup_printf ("%s:nth-of-type(%u)", tag, count);
  return g_strdup_printf ("%s > %s:nth-of-type(%u)", element_at (self, parent)->selector, tag, count);
}

/* Adds an element; a start tag with @token, or an implied one (tbody, tr) without */
static void
push_element (Builder               *self,
              const char            *tag,
              const TayoriHtmlToken *token,
              gsize                  offset)
{
  TayoriCheckElement element = { 0 };
  g_autoptr(GStrvBuilder) attributes = g_strv_builder_new ();
  g_autofree char *selector = NULL;
  gsize raw_len = token != NULL ? token->raw_len : 0;
  int parent = open_top (self);

  selector = make_selector (self, parent, tag);
  for (guint i = 0; token != NULL && i < token->n_attributes; i++)
    {
      g_strv_builder_add (attributes, token->attributes[i].name);
      g_strv_builder_add (attributes, token->attributes[i].value);
    }
  element.tag = g_string_chunk_insert_const (self->chunk, tag);
  element.parent = parent;
  element.depth = self->open->len;
  element.selector = g_string_chunk_insert (self->chunk, selector);
  element.source_start = offset;
  element.source_end = offset + raw_len;
  element.attributes = g_strv_builder_end (attributes);
  g_array_append_val (self->elements, element);
  g_array_append_val (self->text_starts, self->text->len);

  if (token == NULL || !(word_in (void_elements, tag) || (token->self_closing && in_foreign (self))))
    {
      int index = self->elements->len - 1;

      g_array_append_val (self->open, index);
    }
  else
    close_element (self, self->elements->len - 1, offset + raw_len);
}

static gboolean
top_is (Builder    *self,
        const char *tags)
{
  int top = open_top (self);

  return top >= 0 && word_in (tags, element_at (self, top)->tag);
}

static void
start_element (Builder               *self,
               const TayoriHtmlToken *token,
               gsize                  offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (implied_ends); i++)
    if (strcmp (token->name, implied_ends[i].tag) == 0)
      close_implied (self, implied_ends[i].closes, implied_ends[i].scope, offset);
  if (word_in (closes_p, token->name))
    close_implied (self, " p ", "", offset);

  /* The rows of a table sit in a tbody in the DOM, whether the tags say so or not, and the
   * selectors must match the DOM the preview builds */
  if (word_in (" tr td th ", token->name) && top_is (self, " table "))
    push_element (self, "tbody", NULL, offset);
  if (word_in (" td th ", token->name) && top_is (self, " tbody thead tfoot "))
    push_element (self, "tr", NULL, offset);
  push_element (self, token->name, token, offset);
  tayori_html_tokenizer_set_foreign (self->tokenizer, in_foreign (self));
}

static void
end_element (Builder               *self,
             const TayoriHtmlToken *token,
             gsize                  offset)
{
  for (guint i = self->open->len; i > 0; i--)
    {
      int index = g_array_index (self->open, int, i - 1);

      if (strcmp (element_at (self, index)->tag, token->name) == 0)
        {
          pop_to (self, i - 1, offset, offset + token->raw_len);
          break;
        }
    }
  tayori_html_tokenizer_set_foreign (self->tokenizer, in_foreign (self));
}

/* <title> is RCDATA: the tokenizer leaves its character references for us to decode */
static char *
decode_title (const char *data,
              gsize       length)
{
  const char *end = data + length;
  GString *out = g_string_new (NULL);

  for (const char *p = data; p < end; )
    {
      const char *amp = memchr (p, '&', end - p);

      if (amp == NULL)
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, amp - p);
      p = tayori_html_decode_reference (amp, end, out, FALSE);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The content of script, style, title and the like: never text a reader sees in the body */
static void
take_raw_text (Builder    *self,
               const char *name)
{
  /* @name is the tokenizer's and goes with the next token */
  gboolean title = strcmp (name, "title") == 0;
  const TayoriHtmlToken *token;

  tayori_html_tokenizer_set_raw_text (self->tokenizer, strcmp (name, "plaintext") == 0 ? NULL : name);
  token = tayori_html_tokenizer_next (self->tokenizer);
  if (token->type == TAYORI_HTML_TOKEN_TEXT && title && self->title == NULL)
    self->title = decode_title (token->data, token->data_len);
}

static void
add_text (Builder               *self,
          const TayoriHtmlToken *token,
          gsize                  offset)
{
  if (self->in_head)
    return;
  g_string_append_len (self->text, token->data, token->data_len);
  if (self->prose_mask != NULL)
    memset (self->prose_mask + offset, 1, token->raw_len);
}

static void
handle_start_tag (Builder               *self,
                  const TayoriHtmlToken *token,
                  gsize                  offset)
{
  const char *name = token->name;

  if (strcmp (name, "html") == 0 || strcmp (name, "body") == 0)
    self->in_head = FALSE;
  else if (strcmp (name, "head") == 0)
    self->in_head = TRUE;
  else if (self->in_head && !word_in (head_elements, name))
    self->in_head = FALSE;

  if (!self->in_head && strcmp (name, "html") != 0 && strcmp (name, "body") != 0 &&
      strcmp (name, "head") != 0)
    start_element (self, token, offset);
  if (word_in (raw_text_elements, name))
    take_raw_text (self, name);
}

GArray *
tayori_check_elements_parse (const char    *html,
                             gsize          length,
                             GStringChunk  *chunk,
                             char         **title,
                             guint8        *prose_mask)
{
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, length);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) text_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GHashTable) type_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder self = {
    html, length, chunk, g_array_new (FALSE, FALSE, sizeof (TayoriCheckElement)), text_starts,
    open, text, type_counts, tokenizer, FALSE, NULL, prose_mask,
  };
  const TayoriHtmlToken *token;

  if (prose_mask != NULL)
    memset (prose_mask, 0, length);
  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      gsize offset = token->raw - html;

      switch (token->type)
        {
        case TAYORI_HTML_TOKEN_START_TAG:
          handle_start_tag (&self, token, offset);
          break;
        case TAYORI_HTML_TOKEN_END_TAG:
          if (strcmp (token->name, "head") == 0)
            self.in_head = FALSE;
          end_element (&self, token, offset);
          break;
        case TAYORI_HTML_TOKEN_TEXT:
          add_text (&self, token, offset);
          break;
        case TAYORI_HTML_TOKEN_EOF:
        case TAYORI_HTML_TOKEN_COMMENT:
        case TAYORI_HTML_TOKEN_DOCTYPE:
          break;
        }
    }
  pop_to (&self, 0, trim_back (&self, length, 0), trim_back (&self, length, 0));

  if (title != NULL)
    *title = g_steal_pointer (&self.title);
  g_free (self.title);
  return self.elements;
}

void
tayori_check_elements_free (GArray *elements)
{
  for (guint i = 0; i < elements->len; i++)
    g_strfreev (g_array_index (elements, TayoriCheckElement, i).attributes);
  g_array_unref (elements);
}
