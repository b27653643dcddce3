/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The text the body editor's formatting toolbar inserts, kept apart from the widgets so it
 * can be checked without a display. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-markdown-format.h"

#define MAX_HEADING_LEVEL 6

char *
tayori_markdown_marker (TayoriMarkdownBlock kind,
                        guint               param)
{
  switch (kind)
    {
    case TAYORI_MARKDOWN_HEADING:
      {
        guint level = CLAMP (param, 1, MAX_HEADING_LEVEL);
        char *marker = g_malloc (level + 2);

        memset (marker, '#', level);
        marker[level] = ' ';
        marker[level + 1] = '\0';
        return marker;
      }
    case TAYORI_MARKDOWN_BULLET:
      return g_strdup ("- ");
    case TAYORI_MARKDOWN_NUMBERED:
      return g_strdup_printf ("%u. ", param + 1);
    case TAYORI_MARKDOWN_QUOTE:
      return g_strdup ("> ");
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
tayori_markdown_marker_length (const char          *line,
                               TayoriMarkdownBlock  kind)
{
  guint n = 0;

  g_return_val_if_fail (line != NULL, 0);

  switch (kind)
    {
    case TAYORI_MARKDOWN_HEADING:
      while (line[n] == '#' && n < MAX_HEADING_LEVEL)
        n++;
      return n > 0 && line[n] == ' ' ? n + 1 : 0;
    case TAYORI_MARKDOWN_BULLET:
      return (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ' ? 2 : 0;
    case TAYORI_MARKDOWN_NUMBERED:
      while (g_ascii_isdigit (line[n]) && n < 9)
        n++;
      return n > 0 && (line[n] == '.' || line[n] == ')') && line[n + 1] == ' ' ? n + 2 : 0;
    case TAYORI_MARKDOWN_QUOTE:
      if (line[0] != '>')
        return 0;
      return line[1] == ' ' ? 2 : 1;
    default:
      g_return_val_if_reached (0);
    }
}

static gboolean
is_phone_char (char c)
{
  return g_ascii_isdigit (c) || strchr ("+-(). ", c) != NULL;
}

gboolean
tayori_markdown_url_is_allowed (const char *url)
{
  g_autofree char *scheme = NULL;
  const char *rest;

  if (url == NULL || *url == '\0')
    return FALSE;
  for (const char *p = url; *p; p++)
    if (g_ascii_isspace (*p) || *p == '<' || *p == '>' || *p == '"')
      return FALSE;

  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL)
    return FALSE;
  rest = url + strlen (scheme) + 1;

  if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    {
      g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      const char *host = uri ? g_uri_get_host (uri) : NULL;

      return host != NULL && *host != '\0';
    }
  if (g_ascii_strcasecmp (scheme, "mailto") == 0)
    {
      const char *at = strchr (rest, '@');

      return at != NULL && at > rest && at[1] != '\0';
    }
  if (g_ascii_strcasecmp (scheme, "tel") == 0)
    {
      gboolean digit = FALSE;

      for (const char *p = rest; *p; p++)
        {
          if (!is_phone_char (*p))
            return FALSE;
          digit |= g_ascii_isdigit (*p);
        }
      return digit;
    }
  return FALSE;
}

/* Brackets and backslashes would end or escape the link text early */
static void
append_escaped_text (GString    *out,
                     const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
}

static void
append_destination (GString    *out,
                    const char *url)
{
  for (const char *p = url; *p; p++)
    {
      if (*p == ' ' || *p == '(' || *p == ')')
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
}

char *
tayori_markdown_link (const char *text,
                      const char *url)
{
  GString *out = g_string_new ("[");

  g_return_val_if_fail (url != NULL, NULL);

  append_escaped_text (out, text != NULL && *text != '\0' ? text : url);
  g_string_append (out, "](");
  append_destination (out, url);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

char *
tayori_markdown_image (const char *alt,
                       const char *hash)
{
  GString *out = g_string_new ("![");

  g_return_val_if_fail (alt != NULL && hash != NULL, NULL);

  append_escaped_text (out, alt);
  g_string_append_printf (out, "](tayori-media:%s)", hash);
  return g_string_free (out, FALSE);
}

gboolean
tayori_markdown_alt_is_valid (const char *alt,
                              const char *file_name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (alt != NULL ? alt : ""));
  g_autofree char *folded = NULL;
  g_autofree char *name = NULL;
  g_autofree char *stem = NULL;
  const char *dot;

  if (*trimmed == '\0')
    return FALSE;
  if (file_name == NULL)
    return TRUE;

  folded = g_utf8_casefold (trimmed, -1);
  name = g_utf8_casefold (file_name, -1);
  dot = strrchr (name, '.');
  stem = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);
  return strcmp (folded, name) != 0 && strcmp (folded, stem) != 0;
}

char *
tayori_markdown_table (void)
{
  /* Translators: placeholder cells of a table inserted into the article body */
  const char *heading = _("Heading");
  const char *cell = _("Text");

  return g_strdup_printf ("| %s | %s |\n| --- | --- |\n| %s | %s |\n| %s | %s |\n",
                          heading, heading, cell, cell, cell, cell);
}
