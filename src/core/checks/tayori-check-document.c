/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCheckDocument: a snapshot of an article (or an HTML file) prepared once for every
 * checker: field texts, the body's prose mask and its rendered elements mapped to the source. */
#include <string.h>

#include "tayori-check-document-private.h"
#include "tayori-markdown.h"

struct _TayoriCheckDocument
{
  GObject parent_instance;

  TayoriCheckSourceKind kind;
  TayoriArticle *article;
  GPtrArray *fields;      /* char *, NULL-terminated */
  guint8 *prose_mask;     /* one byte per body byte */
  gsize body_length;
  GArray *line_starts;    /* gsize: offset of each body line */
  char *body_html;
  GStringChunk *chunk;
  GArray *elements;       /* TayoriCheckElement */
};

G_DEFINE_FINAL_TYPE (TayoriCheckDocument, tayori_check_document, G_TYPE_OBJECT)

typedef const char *(*TextGetter) (TayoriArticle *article);

static const struct {
  const char *field;
  TextGetter  get;
} article_fields[] = {
  { "title", tayori_article_get_title },
  { "summary", tayori_article_get_summary },
  { "body", tayori_article_get_body },
  { "thumbnail-alt", tayori_article_get_thumbnail_alt },
  { "contact-section", tayori_article_get_contact_section },
  { "contact-phone", tayori_article_get_contact_phone },
  { "contact-fax", tayori_article_get_contact_fax },
  { "contact-email", tayori_article_get_contact_email },
  { "contact-address", tayori_article_get_contact_address },
  /* not walked as text, but checkers read them through get_text */
  { "publish-start", tayori_article_get_publish_start },
  { "publish-end", tayori_article_get_publish_end },
};
#define N_WALKED_FIELDS 9
#define LINK_TITLE "link-title:"

static void
tayori_check_document_finalize (GObject *object)
{
  TayoriCheckDocument *self = TAYORI_CHECK_DOCUMENT (object);

  g_clear_object (&self->article);
  g_ptr_array_unref (self->fields);
  g_free (self->prose_mask);
  g_array_unref (self->line_starts);
  g_free (self->body_html);
  g_clear_pointer (&self->elements, tayori_check_elements_free);
  g_string_chunk_free (self->chunk);

  G_OBJECT_CLASS (tayori_check_document_parent_class)->finalize (object);
}

static void
tayori_check_document_class_init (TayoriCheckDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_check_document_finalize;
}

static void
tayori_check_document_init (TayoriCheckDocument *self)
{
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->chunk = g_string_chunk_new (4096);
}

/* Everything but the body's source: fields, link titles and line starts */
static TayoriCheckDocument *
document_new (TayoriCheckSourceKind  kind,
              TayoriArticle         *article)
{
  TayoriCheckDocument *self = g_object_new (TAYORI_TYPE_CHECK_DOCUMENT, NULL);
  GPtrArray *links = tayori_article_get_links (article);
  const char *body = tayori_article_get_body (article);
  gsize zero = 0;

  self->kind = kind;
  self->article = article;
  for (guint i = 0; i < N_WALKED_FIELDS; i++)
    if (article_fields[i].get (article)[0] != '\0')
      g_ptr_array_add (self->fields, g_strdup (article_fields[i].field));
  for (guint i = 0; i < links->len; i++)
    {
      const TayoriLink *link = g_ptr_array_index (links, i);

      if (link->title != NULL && link->title[0] != '\0')
        g_ptr_array_add (self->fields, g_strdup_printf (LINK_TITLE "%u", i));
    }
  g_ptr_array_add (self->fields, NULL);

  self->body_length = strlen (body);
  g_array_append_val (self->line_starts, zero);
  for (const char *p = strchr (body, '\n'); p != NULL; p = strchr (p + 1, '\n'))
    {
      gsize start = p + 1 - body;

      g_array_append_val (self->line_starts, start);
    }
  return self;
}

TayoriCheckDocument *
tayori_check_document_new_for_article (TayoriArticle *article)
{
  TayoriCheckDocument *self;
  const char *body;

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);

  self = document_new (TAYORI_CHECK_SOURCE_MARKDOWN, tayori_article_copy (article));
  body = tayori_article_get_body (self->article);
  self->prose_mask = tayori_check_markdown_prose_mask (body, self->body_length);
  self->body_html = tayori_markdown_render_body (body, self->body_length);
  self->elements = tayori_check_elements_parse (self->body_html, strlen (self->body_html),
                                                self->chunk, NULL, NULL);
  tayori_check_markdown_map_elements (self, body, self->elements);
  return self;
}

TayoriCheckDocument *
tayori_check_document_new_for_html (const char *html,
                                    gssize      length)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  TayoriCheckDocument *self;
  gsize n;

  g_return_val_if_fail (html != NULL, NULL);

  text = length < 0 ? g_strdup (html) : g_strndup (html, length);
  n = strlen (text);
  tayori_article_set_body (article, text);
  self = document_new (TAYORI_CHECK_SOURCE_HTML, g_steal_pointer (&article));
  self->prose_mask = g_malloc (MAX (n, 1));
  self->body_html = g_steal_pointer (&text);
  self->elements = tayori_check_elements_parse (self->body_html, n, self->chunk, &title,
                                                self->prose_mask);
  for (guint i = 0; title == NULL && i < self->elements->len; i++)
    {
      const TayoriCheckElement *element = &g_array_index (self->elements, TayoriCheckElement, i);

      if (strcmp (element->tag, "h1") == 0)
        title = g_strstrip (g_strdup (element->text));
    }
  if (title != NULL && title[0] != '\0')
    {
      tayori_article_set_title (self->article, title);
      g_ptr_array_insert (self->fields, 0, g_strdup ("title"));
    }
  return self;
}

TayoriCheckSourceKind
tayori_check_document_get_kind (TayoriCheckDocument *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), TAYORI_CHECK_SOURCE_MARKDOWN);
  return self->kind;
}

TayoriArticle *
tayori_check_document_get_article (TayoriCheckDocument *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), NULL);
  return self->article;
}

const char * const *
tayori_check_document_get_fields (TayoriCheckDocument *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), NULL);
  return (const char * const *) self->fields->pdata;
}

const char *
tayori_check_field_text (TayoriArticle *article,
                         const char    *field)
{
  GPtrArray *links = tayori_article_get_links (article);
  const char *text = NULL;
  guint64 index;

  for (guint i = 0; i < G_N_ELEMENTS (article_fields); i++)
    if (strcmp (article_fields[i].field, field) == 0)
      text = article_fields[i].get (article);
  if (g_str_has_prefix (field, LINK_TITLE) &&
      g_ascii_string_to_unsigned (field + strlen (LINK_TITLE), 10, 0, G_MAXUINT, &index, NULL) &&
      index < links->len)
    text = ((const TayoriLink *) g_ptr_array_index (links, index))->title;
  return text != NULL ? text : "";
}

const char *
tayori_check_document_get_text (TayoriCheckDocument *self,
                                const char          *field)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), "");
  g_return_val_if_fail (field != NULL, "");
  return tayori_check_field_text (self->article, field);
}

gboolean
tayori_check_document_is_prose (TayoriCheckDocument *self,
                                const char          *field,
                                gsize                start,
                                gsize                end)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (start <= end, FALSE);

  if (strcmp (field, "body") != 0)
    return TRUE;
  if (start >= self->body_length)
    return start == self->body_length && end == start;
  end = MIN (end, self->body_length);
  if (start == end)
    return self->prose_mask[start] != 0;
  for (gsize i = start; i < end; i++)
    if (self->prose_mask[i] == 0)
      return FALSE;
  return TRUE;
}

guint
tayori_check_document_get_n_elements (TayoriCheckDocument *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), 0);
  return self->elements->len;
}

const TayoriCheckElement *
tayori_check_document_get_element (TayoriCheckDocument *self,
                                   guint                index)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->elements->len, NULL);
  return &g_array_index (self->elements, TayoriCheckElement, index);
}

gboolean
tayori_check_document_is_ancestor (TayoriCheckDocument *self,
                                   guint                ancestor,
                                   guint                index)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), FALSE);
  g_return_val_if_fail (index < self->elements->len, FALSE);

  for (int i = g_array_index (self->elements, TayoriCheckElement, index).parent; i >= 0;
       i = g_array_index (self->elements, TayoriCheckElement, i).parent)
    if ((guint) i == ancestor)
      return TRUE;
  return FALSE;
}

const char *
tayori_check_document_get_body_html (TayoriCheckDocument *self)
{
  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), NULL);
  return self->body_html;
}

static gboolean
parse_position (const char  *text,
                const char **end,
                guint64     *line,
                guint64     *column)
{
  char *stop = NULL;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  *line = g_ascii_strtoull (text, &stop, 10);
  if (*stop != ':' || !g_ascii_isdigit (stop[1]))
    return FALSE;
  *column = g_ascii_strtoull (stop + 1, &stop, 10);
  *end = stop;
  return TRUE;
}

gboolean
tayori_check_document_sourcepos_to_range (TayoriCheckDocument *self,
                                          const char          *sourcepos,
                                          gsize               *start,
                                          gsize               *end)
{
  guint64 line1, column1, line2, column2;
  const char *p;
  gsize from, to;

  g_return_val_if_fail (TAYORI_IS_CHECK_DOCUMENT (self), FALSE);

  if (sourcepos == NULL ||
      !parse_position (sourcepos, &p, &line1, &column1) || *p != '-' ||
      !parse_position (p + 1, &p, &line2, &column2) || *p != '\0' ||
      line1 == 0 || column1 == 0 || line1 > self->line_starts->len ||
      line2 == 0 || line2 > self->line_starts->len)
    return FALSE;
  /* The end column is inclusive; cmark writes column 0 for "up to this line" */
  from = g_array_index (self->line_starts, gsize, line1 - 1) + column1 - 1;
  to = g_array_index (self->line_starts, gsize, line2 - 1) + column2;
  if (from > self->body_length || to < from)
    return FALSE;
  if (start != NULL)
    *start = from;
  if (end != NULL)
    *end = MIN (to, self->body_length);
  return TRUE;
}

const char *
tayori_check_element_get_attribute (const TayoriCheckElement *element,
                                    const char               *name)
{
  const char * const *attributes;

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  attributes = element->attributes;
  for (guint i = 0; attributes != NULL && attributes[i] != NULL && attributes[i + 1] != NULL; i += 2)
    if (strcmp (attributes[i], name) == 0)
      return attributes[i + 1];
  return NULL;
}
