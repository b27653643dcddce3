/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Markdown to safe HTML: cmark-gfm (tables, strikethrough, autolinks, source positions) lets
 * raw HTML through so that one place, the allow-list sanitiser, decides what survives. */
#include "tayori-markdown.h"

#include <stdlib.h>
#include <string.h>
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "tayori-sanitizer.h"

#define MARKDOWN_OPTIONS (CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE | CMARK_OPT_VALIDATE_UTF8)

static const char * const extension_names[] = { "table", "strikethrough", "autolink" };

char *
tayori_markdown_render_body (const char *markdown,
                             gssize      length)
{
  cmark_parser *parser;
  cmark_node *document;
  char *html;
  char *safe;

  static gsize registered = 0;

  g_return_val_if_fail (markdown != NULL, NULL);

  /* Registration touches a global plugin list: once, even when rendering on several threads. */
  if (g_once_init_enter (&registered))
    {
      cmark_gfm_core_extensions_ensure_registered ();
      g_once_init_leave (&registered, 1);
    }
  parser = cmark_parser_new (MARKDOWN_OPTIONS);
  for (guint i = 0; i < G_N_ELEMENTS (extension_names); i++)
    {
      cmark_syntax_extension *extension = cmark_find_syntax_extension (extension_names[i]);

      g_assert (extension != NULL);
      cmark_parser_attach_syntax_extension (parser, extension);
    }

  cmark_parser_feed (parser, markdown, length < 0 ? strlen (markdown) : (gsize) length);
  document = cmark_parser_finish (parser);
  html = cmark_render_html (document, MARKDOWN_OPTIONS, cmark_parser_get_syntax_extensions (parser));
  safe = tayori_sanitize_html (html, -1);

  free (html);
  cmark_node_free (document);
  cmark_parser_free (parser);
  return safe;
}
