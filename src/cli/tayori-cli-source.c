/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An article file as tayori-cli check and fix see it: front-matter Markdown or HTML, the
 * check document built from it, and where a finding's field range lies in the file. */

#include <glib/gi18n.h>
#include <string.h>
#include "tayori-cli.h"
#include "tayori-front-matter.h"

#define UTF8_BOM "\xEF\xBB\xBF"

void
tayori_cli_source_free (TayoriCliSource *source)
{
  g_free (source->path);
  g_free (source->raw);
  g_free (source->text);
  g_clear_pointer (&source->dropped, g_array_unref);
  g_clear_object (&source->article);
  g_clear_object (&source->document);
  g_free (source);
}

static gboolean
has_extension (const char         *path,
               const char * const *extensions)
{
  g_autofree char *name = g_path_get_basename (path);
  const char *dot = strrchr (name, '.');
  g_autofree char *extension = dot != NULL ? g_ascii_strdown (dot + 1, -1) : NULL;

  return extension != NULL && g_strv_contains (extensions, extension);
}

/* .html and .htm files are HTML, .md, .markdown and .txt files Markdown; anything else is
 * HTML when it starts with a tag ("<!doctype", "<html", "<p>"…). */
static gboolean
is_html (const char *path,
         const char *text,
         gsize       length)
{
  static const char * const html[] = { "html", "htm", "xhtml", NULL };
  static const char * const markdown[] = { "md", "markdown", "txt", NULL };
  gsize i = 0;

  if (has_extension (path, html))
    return TRUE;
  if (has_extension (path, markdown))
    return FALSE;
  while (i < length && g_ascii_isspace (text[i]))
    i++;
  return i < length && text[i] == '<';
}

/* The front-matter reader's view of the text: no byte order mark, "\n" line ends. The
 * positions of dropped "\r"s map the text back to the file's bytes. */
static void
normalize (TayoriCliSource *source)
{
  const char *raw = source->raw + source->lead;
  gsize length = source->raw_length - source->lead;
  GString *text = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (raw[i] != '\r')
        g_string_append_c (text, raw[i]);
      else if (i + 1 < length && raw[i + 1] == '\n')
        {
          gsize at = text->len;

          g_array_append_val (source->dropped, at);
        }
      else
        g_string_append_c (text, '\n');
    }

  source->length = text->len;
  source->text = g_string_free (text, FALSE);
}

static gboolean
load_markdown (TayoriCliSource  *source,
               GError          **error)
{
  const char *body;
  gsize body_length;

  source->article = tayori_front_matter_parse (source->raw, source->raw_length, source->path,
                                               error);
  if (source->article == NULL)
    return FALSE;

  normalize (source);
  /* Without a block, yaml_end stays 0. */
  tayori_front_matter_find_block (source->text, source->length, &source->yaml_start,
                                  &source->yaml_end, NULL);
  source->kind = TAYORI_CHECK_SOURCE_MARKDOWN;
  source->document = tayori_check_document_new_for_article (source->article);

  /* The body is the end of the text, after the front matter and the blank line that
   * follows it. */
  body = tayori_article_get_body (source->article);
  body_length = strlen (body);
  if (body_length <= source->length &&
      memcmp (source->text + source->length - body_length, body, body_length) == 0)
    source->body_offset = source->length - body_length;
  else
    source->body_offset = TAYORI_CLI_NO_OFFSET;
  return TRUE;
}

static gboolean
load_html (TayoriCliSource  *source,
           GError          **error)
{
  if (!g_utf8_validate_len (source->raw, source->raw_length, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not UTF-8 text. Save it with the UTF-8 encoding and try again."),
                   source->path);
      return FALSE;
    }

  /* HTML is checked as given: only a byte order mark is left out. */
  source->length = source->raw_length - source->lead;
  source->text = g_strndup (source->raw + source->lead, source->length);
  source->kind = TAYORI_CHECK_SOURCE_HTML;
  source->document = tayori_check_document_new_for_html (source->text, source->length);
  source->article = g_object_ref (tayori_check_document_get_article (source->document));
  source->body_offset = 0;
  return TRUE;
}

TayoriCliSource *
tayori_cli_source_load (const char  *path,
                        GError     **error)
{
  g_autoptr(TayoriCliSource) source = g_new0 (TayoriCliSource, 1);
  gboolean loaded;

  source->path = g_strdup (path);
  source->dropped = g_array_new (FALSE, FALSE, sizeof (gsize));
  if (!g_file_get_contents (path, &source->raw, &source->raw_length, error))
    return NULL;

  if (source->raw_length >= 3 && memcmp (source->raw, UTF8_BOM, 3) == 0)
    source->lead = 3;

  if (is_html (path, source->raw + source->lead, source->raw_length - source->lead))
    loaded = load_html (source, error);
  else
    loaded = load_markdown (source, error);
  return loaded ? g_steal_pointer (&source) : NULL;
}

gsize
tayori_cli_source_file_offset (TayoriCliSource *source,
                               gsize            offset)
{
  gsize shift = 0;

  /* Each "\r\n" before @offset is one byte longer in the file. */
  for (guint i = 0; i < source->dropped->len && g_array_index (source->dropped, gsize, i) < offset; i++)
    shift++;
  return source->lead + offset + shift;
}

void
tayori_cli_source_position (TayoriCliSource *source,
                            gsize            offset,
                            guint           *line,
                            guint           *column)
{
  const char *text = source->text;
  gsize line_start = 0;

  *line = 1;
  offset = MIN (offset, source->length);
  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      {
        (*line)++;
        line_start = i + 1;
      }
  *column = g_utf8_strlen (text + line_start, offset - line_start) + 1;
}

/* "contact-phone" → contact / phone, "link-title:2" → links / 2 / title, "thumbnail-alt"
 * → thumbnail_alt. */
static GStrv
field_path (const char *field)
{
  const char *colon = strchr (field, ':');
  GStrv path;

  if (g_str_has_prefix (field, "contact-"))
    return g_strsplit (field, "-", 2);

  path = g_new0 (char *, 4);
  if (g_str_has_prefix (field, "link-") && colon != NULL)
    {
      path[0] = g_strdup ("links");
      path[1] = g_strdup (colon + 1);
      path[2] = g_strndup (field + strlen ("link-"), colon - field - strlen ("link-"));
      g_strdelimit (path[2], "-", '_');
    }
  else
    path[0] = g_strdelimit (g_strdup (field), "-", '_');
  return path;
}

static gboolean
find_yaml_value (TayoriCliSource    *source,
                 const char         *field,
                 TayoriCliYamlValue *value)
{
  g_auto(GStrv) path = field_path (field);

  if (source->yaml_end == 0 ||
      !tayori_cli_yaml_find (source->text + source->yaml_start,
                             source->yaml_end - source->yaml_start,
                             (const char * const *) path, value))
    return FALSE;
  value->key_start += source->yaml_start;
  value->value_start += source->yaml_start;
  value->value_end += source->yaml_start;
  return TRUE;
}

/* HTML input has no front matter: its title and other fields are found as text. */
static gboolean
find_html_text (TayoriCliSource *source,
                const char      *field_text,
                gsize           *offset)
{
  const char *found;

  if (*field_text == '\0')
    return FALSE;
  found = g_strstr_len (source->text, source->length, field_text);
  if (found == NULL)
    return FALSE;
  *offset = found - source->text;
  return TRUE;
}

gboolean
tayori_cli_source_find_span (TayoriCliSource *source,
                             const char      *field,
                             gsize            start,
                             gsize            end,
                             gsize           *text_start,
                             gsize           *text_end)
{
  const char *field_text = tayori_check_document_get_text (source->document, field);
  TayoriCliYamlValue value;
  gsize base;

  if (start > end || end > strlen (field_text))
    return FALSE;

  if (g_str_equal (field, "body") || source->kind == TAYORI_CHECK_SOURCE_HTML)
    {
      if (g_str_equal (field, "body"))
        base = source->body_offset;
      else if (!find_html_text (source, field_text, &base))
        return FALSE;
      if (base == TAYORI_CLI_NO_OFFSET || base + end > source->length)
        return FALSE;
      *text_start = base + start;
      *text_end = base + end;
      return TRUE;
    }

  if (!find_yaml_value (source, field, &value) || !value.scalar)
    return FALSE;
  if (!tayori_cli_yaml_map_offset (source->text, &value, field_text, start, text_start))
    return FALSE;
  if (end == start)
    *text_end = *text_start;
  else if (tayori_cli_yaml_map_offset (source->text, &value, field_text, end - 1, text_end))
    *text_end += 1;
  else
    return FALSE;
  return TRUE;
}

gboolean
tayori_cli_source_find_field (TayoriCliSource *source,
                              const char      *field,
                              gsize           *offset)
{
  TayoriCliYamlValue value;

  if (g_str_equal (field, "body"))
    {
      *offset = source->body_offset;
      return *offset != TAYORI_CLI_NO_OFFSET;
    }
  if (source->kind == TAYORI_CHECK_SOURCE_HTML)
    return find_html_text (source, tayori_check_document_get_text (source->document, field),
                           offset);
  if (!find_yaml_value (source, field, &value))
    return FALSE;
  *offset = value.key_start;
  return TRUE;
}
