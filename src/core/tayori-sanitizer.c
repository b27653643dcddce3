/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The allow-list sanitiser: tokenizes untrusted HTML, keeps allowed elements and attributes,
 * and writes a new, balanced document in which every value is quoted and every text escaped. */
#include "tayori-sanitizer.h"

#include <string.h>

#include "tayori-html.h"

typedef enum {
  EL_VOID     = 1 << 0,   /* never has content or an end tag */
  EL_BLOCK    = 1 << 1,   /* may carry data-sourcepos */
  EL_CLOSES_P = 1 << 2,   /* its start tag ends an open paragraph, as in browsers */
  EL_HEADING  = 1 << 3,
  EL_TABLE    = 1 << 4,   /* table structure: end tags of others do not cross it */
} ElementFlags;

typedef struct {
  const char   *name;
  ElementFlags  flags;
  /* A start tag closes an open element named in @closes, searching no further than one
   * named in @scope: "<li>" ends the previous item of the same list. */
  const char   *closes;
  const char   *scope;
} Element;

#define BLOCK_P (EL_BLOCK | EL_CLOSES_P)
#define CELL_SCOPE " table td th caption "

/* Sorted by name. */
static const Element elements[] = {
  { "a", 0, " a ", CELL_SCOPE },
  { "b", 0, NULL, NULL },
  { "blockquote", BLOCK_P, NULL, NULL },
  { "br", EL_VOID, NULL, NULL },
  { "caption", EL_BLOCK | EL_TABLE, NULL, NULL },
  { "code", 0, NULL, NULL },
  { "dd", BLOCK_P, " dd dt ", " dl table " },
  { "del", 0, NULL, NULL },
  { "div", BLOCK_P, NULL, NULL },
  { "dl", BLOCK_P, NULL, NULL },
  { "dt", BLOCK_P, " dd dt ", " dl table " },
  { "em", 0, NULL, NULL },
  { "figcaption", BLOCK_P, NULL, NULL },
  { "figure", BLOCK_P, NULL, NULL },
  { "h1", BLOCK_P | EL_HEADING, NULL, NULL },
  { "h2", BLOCK_P | EL_HEADING, NULL, NULL },
  { "h3", BLOCK_P | EL_HEADING, NULL, NULL },
  { "h4", BLOCK_P | EL_HEADING, NULL, NULL },
  { "h5", BLOCK_P | EL_HEADING, NULL, NULL },
  { "h6", BLOCK_P | EL_HEADING, NULL, NULL },
  { "hr", EL_VOID | BLOCK_P, NULL, NULL },
  { "i", 0, NULL, NULL },
  { "img", EL_VOID, NULL, NULL },
  { "li", BLOCK_P, " li ", " ul ol table " },
  { "ol", BLOCK_P, NULL, NULL },
  { "p", BLOCK_P, NULL, NULL },
  { "pre", BLOCK_P, NULL, NULL },
  { "rp", 0, " rp rt ", " ruby " },
  { "rt", 0, " rp rt ", " ruby " },
  { "ruby", 0, NULL, NULL },
  { "s", 0, NULL, NULL },
  { "span", 0, NULL, NULL },
  { "strong", 0, NULL, NULL },
  { "sub", 0, NULL, NULL },
  { "sup", 0, NULL, NULL },
  { "table", BLOCK_P | EL_TABLE, NULL, NULL },
  { "tbody", EL_BLOCK | EL_TABLE, " thead tbody tfoot ", " table " },
  { "td", EL_BLOCK | EL_TABLE, " td th ", " tr table " },
  { "tfoot", EL_BLOCK | EL_TABLE, " thead tbody tfoot ", " table " },
  { "th", EL_BLOCK | EL_TABLE, " td th ", " tr table " },
  { "thead", EL_BLOCK | EL_TABLE, " thead tbody tfoot ", " table " },
  { "tr", EL_BLOCK | EL_TABLE, " tr ", " table " },
  { "ul", BLOCK_P, NULL, NULL },
};

/* Elements dropped with their content: browsers parse the first list as raw text; the
 * content of the second is markup, skipped up to the matching end tag. */
static const char raw_text_elements[] =
  " iframe noembed noframes noscript plaintext script style textarea title xmp ";
static const char * const skipped_elements[] = { "math", "svg", "template" };

/* HTML start tags that end svg/math content in a browser (the "breakout" list). */
static const char foreign_breakout[] =
  " b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img"
  " li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var ";

typedef struct {
  GString             *out;
  GPtrArray           *open;        /* const Element * */
  TayoriHtmlTokenizer *tokenizer;
  const char          *dropping;    /* element whose content is being skipped */
  guint                drop_depth;
} Sanitizer;

static int
element_compare (const void *key,
                 const void *element)
{
  return strcmp (key, ((const Element *) element)->name);
}

static const Element *
element_lookup (const char *name)
{
  return bsearch (name, elements, G_N_ELEMENTS (elements), sizeof (Element), element_compare);
}

/* @list is " a b c " */
static gboolean
word_in (const char *list,
         const char *word)
{
  gsize length = strlen (word);

  if (length == 0 || strchr (word, ' ') != NULL)
    return FALSE;
  for (const char *p = list != NULL ? strstr (list, word) : NULL; p != NULL; p = strstr (p + 1, word))
    if (p[-1] == ' ' && p[length] == ' ')
      return TRUE;
  return FALSE;
}

static gboolean
all_chars (const char *s,
           const char *allowed,
           gsize       max_length)
{
  gsize length = strlen (s);

  return length > 0 && length <= max_length && strspn (s, allowed) == length;
}

/* "L:C-L:C", as cmark writes it */
static gboolean
valid_sourcepos (const char *value)
{
  static const char separators[] = ":-:";
  const char *p = value;

  for (guint i = 0; i < 4; i++)
    {
      gsize digits = strspn (p, "0123456789");

      if (digits == 0 || digits > 9)
        return FALSE;
      p += digits;
      if (i < 3 && *p++ != separators[i])
        return FALSE;
    }
  return *p == '\0';
}

static gboolean
valid_lang (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, "-", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (!all_chars (parts[i], i == 0 ? "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                     : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8))
      return FALSE;
  return TRUE;
}

static gboolean
scheme_allowed (const char    *scheme,
                TayoriUrlKind  kind)
{
  static const char * const link_schemes[] = { "http", "https", "mailto", "tel", NULL };
  static const char * const image_schemes[] = { "http", "https", "tayori-media", NULL };

  return g_strv_contains (kind == TAYORI_URL_LINK ? link_schemes : image_schemes, scheme);
}

char *
tayori_sanitize_url (const char    *url,
                     TayoriUrlKind  kind,
                     gboolean      *out_external)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  g_autoptr(GString) compact = g_string_new (NULL);
  gsize first_delimiter;

  /* Browsers drop tabs and newlines anywhere in a URL and controls and spaces around it. */
  for (const char *p = url; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7F)
        continue;
      g_string_append_c (clean, *p);
      if (*p != ' ')
        g_string_append_c (compact, *p);
    }
  g_strstrip (clean->str);
  g_string_set_size (clean, strlen (clean->str));

  first_delimiter = strcspn (compact->str, ":/?#\\");
  if (compact->str[first_delimiter] == ':')
    {
      g_autofree char *scheme = g_ascii_strdown (compact->str, first_delimiter);

      if (!g_ascii_isalpha (scheme[0]) ||
          strspn (scheme, "abcdefghijklmnopqrstuvwxyz0123456789+-.") != first_delimiter ||
          !scheme_allowed (scheme, kind))
        return NULL;
      if (out_external != NULL)
        *out_external = g_str_has_prefix (scheme, "http");
    }
  else if (out_external != NULL)
    {
      *out_external = strspn (compact->str, "/\\") >= 2;
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

static void
write_attribute (GString    *out,
                 const char *name,
                 const char *value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  tayori_html_escape_append (out, value);
  g_string_append_c (out, '"');
}

/* Writes the attributes @element may carry, each checked; returns nothing it cannot vouch for. */
static void
write_attributes (GString               *out,
                  const Element         *element,
                  const TayoriHtmlToken *token)
{
  const char *tag = element->name;
  gboolean external = FALSE;

  for (guint i = 0; i < token->n_attributes; i++)
    {
      const char *name = token->attributes[i].name;
      const char *value = token->attributes[i].value;
      gboolean cell = strcmp (tag, "td") == 0 || strcmp (tag, "th") == 0;

      if ((strcmp (name, "lang") == 0 && valid_lang (value)) ||
          (strcmp (name, "data-sourcepos") == 0 && (element->flags & EL_BLOCK) && valid_sourcepos (value)) ||
          (strcmp (name, "title") == 0 && (strcmp (tag, "a") == 0 || strcmp (tag, "img") == 0)) ||
          (strcmp (name, "alt") == 0 && strcmp (tag, "img") == 0) ||
          ((strcmp (name, "width") == 0 || strcmp (name, "height") == 0) && strcmp (tag, "img") == 0 &&
           all_chars (value, "0123456789", 5)) ||
          ((strcmp (name, "colspan") == 0 || strcmp (name, "rowspan") == 0) && cell &&
           all_chars (value, "0123456789", 3)) ||
          (strcmp (name, "scope") == 0 && strcmp (tag, "th") == 0 &&
           word_in (" row col rowgroup colgroup ", value)) ||
          (strcmp (name, "start") == 0 && strcmp (tag, "ol") == 0 && all_chars (value, "-0123456789", 9)))
        {
          write_attribute (out, name, value);
        }
      else if (strcmp (name, "align") == 0 && cell && word_in (" left center right ", value))
        {
          g_autofree char *class_name = g_strconcat ("align-", value, NULL);

          write_attribute (out, "class", class_name);
        }
      else if ((strcmp (name, "href") == 0 && strcmp (tag, "a") == 0) ||
               (strcmp (name, "src") == 0 && strcmp (tag, "img") == 0))
        {
          g_autofree char *url = tayori_sanitize_url (value, tag[0] == 'a' ? TAYORI_URL_LINK
                                                                           : TAYORI_URL_IMAGE,
                                                      &external);

          if (url != NULL)
            write_attribute (out, name, url);
        }
    }
  if (external && strcmp (tag, "a") == 0)
    write_attribute (out, "rel", "noopener noreferrer");
}

static void
pop_until (Sanitizer *self,
           guint      index)
{
  while (self->open->len > index)
    {
      const Element *element = g_ptr_array_steal_index (self->open, self->open->len - 1);

      g_string_append (self->out, "</");
      g_string_append (self->out, element->name);
      g_string_append_c (self->out, '>');
    }
}

/* Index of the innermost open element that is @target or named in @names, or -1 when one
 * named in @scope (or nothing) comes first. */
static int
find_open (Sanitizer     *self,
           const Element *target,
           const char    *names,
           const char    *scope)
{
  for (guint i = self->open->len; i > 0; i--)
    {
      const Element *element = g_ptr_array_index (self->open, i - 1);

      if (element == target || (names != NULL && word_in (names, element->name)))
        return i - 1;
      if (word_in (scope, element->name))
        break;
    }
  return -1;
}

static void
close_open (Sanitizer     *self,
            const Element *target,
            const char    *names,
            const char    *scope)
{
  int index = find_open (self, target, names, scope);

  if (index >= 0)
    pop_until (self, index);
}

static void
start_element (Sanitizer             *self,
               const Element         *element,
               const TayoriHtmlToken *token)
{
  if (element->flags & EL_CLOSES_P)
    close_open (self, NULL, " p ", CELL_SCOPE);
  if (element->flags & EL_HEADING)
    close_open (self, NULL, " h1 h2 h3 h4 h5 h6 ", " div blockquote li td th table ");
  if (element->closes != NULL)
    close_open (self, NULL, element->closes, element->scope);

  g_string_append_c (self->out, '<');
  g_string_append (self->out, element->name);
  write_attributes (self->out, element, token);
  g_string_append_c (self->out, '>');
  if (!(element->flags & EL_VOID))
    g_ptr_array_add (self->open, (gpointer) element);
}

static void
end_element (Sanitizer     *self,
             const Element *element)
{
  close_open (self, element, NULL, (element->flags & EL_TABLE) ? " table " : CELL_SCOPE);
}

/* Consumes the raw text after the start tag of @name, when @name is a raw text element. */
static gboolean
skip_raw_text (Sanitizer  *self,
               const char *name)
{
  if (!word_in (raw_text_elements, name))
    return FALSE;
  tayori_html_tokenizer_set_raw_text (self->tokenizer, strcmp (name, "plaintext") == 0 ? NULL : name);
  tayori_html_tokenizer_next (self->tokenizer);
  return TRUE;
}

static void
start_dropping (Sanitizer  *self,
                const char *name)
{
  if (skip_raw_text (self, name))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (skipped_elements); i++)
    {
      if (strcmp (skipped_elements[i], name) != 0)
        continue;
      self->dropping = skipped_elements[i];
      self->drop_depth = 1;
      tayori_html_tokenizer_set_foreign (self->tokenizer, strcmp (name, "template") != 0);
    }
}

static void
stop_dropping (Sanitizer *self)
{
  self->dropping = NULL;
  tayori_html_tokenizer_set_foreign (self->tokenizer, FALSE);
}

/* Inside svg, math or template: only the nesting of that element matters. Returns TRUE
 * when @token was consumed by the skipped content. */
static gboolean
skip_dropped (Sanitizer             *self,
              const TayoriHtmlToken *token)
{
  gboolean foreign = strcmp (self->dropping, "template") != 0;
  gboolean same = token->name != NULL && strcmp (token->name, self->dropping) == 0;

  if (token->type == TAYORI_HTML_TOKEN_START_TAG)
    {
      if (foreign && word_in (foreign_breakout, token->name))
        {
          stop_dropping (self);
          return FALSE;
        }
      if (same && !token->self_closing)
        self->drop_depth++;
      else if (!foreign)
        skip_raw_text (self, token->name);
    }
  else if (token->type == TAYORI_HTML_TOKEN_END_TAG && same && --self->drop_depth == 0)
    {
      stop_dropping (self);
    }
  return TRUE;
}

static void
handle_token (Sanitizer             *self,
              const TayoriHtmlToken *token)
{
  const Element *element;

  if (self->dropping != NULL && skip_dropped (self, token))
    return;

  switch (token->type)
    {
    case TAYORI_HTML_TOKEN_TEXT:
      tayori_html_escape_append_len (self->out, token->data, token->data_len);
      break;
    case TAYORI_HTML_TOKEN_START_TAG:
      element = element_lookup (token->name);
      if (element != NULL)
        start_element (self, element, token);
      else
        start_dropping (self, token->name);
      break;
    case TAYORI_HTML_TOKEN_END_TAG:
      element = element_lookup (token->name);
      if (element != NULL && !(element->flags & EL_VOID))
        end_element (self, element);
      break;
    case TAYORI_HTML_TOKEN_COMMENT:
    case TAYORI_HTML_TOKEN_DOCTYPE:
    case TAYORI_HTML_TOKEN_EOF:
    default:
      break;
    }
}

char *
tayori_sanitize_html (const char *html,
                      gssize      length)
{
  g_autofree char *valid = NULL;
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autoptr(TayoriHtmlTokenizer) tokenizer = NULL;
  Sanitizer self = { 0 };
  gsize size;
  const TayoriHtmlToken *token;

  g_return_val_if_fail (html != NULL, NULL);

  size = length < 0 ? strlen (html) : (gsize) length;
  if (!g_utf8_validate_len (html, size, NULL))
    {
      valid = g_utf8_make_valid (html, size);
      html = valid;
      size = strlen (valid);
    }

  tokenizer = tayori_html_tokenizer_new (html, size);
  self.out = g_string_sized_new (size + size / 8);
  self.open = open;
  self.tokenizer = tokenizer;
  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    handle_token (&self, token);
  pop_until (&self, 0);
  return g_string_free (self.out, FALSE);
}
