/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The template pass: places the page fragments into the template (live, for the preview)
 * or builds a standalone export with the CSS inlined and anything that could run script removed. */
#include "tayori-page.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "tayori-core-resources.h"
#include "tayori-html.h"

#define EXPORT_CSP "default-src 'none'; img-src * data:; style-src 'unsafe-inline'"

/* Template parents whose content is phrasing only: a live slot there is a <span>. */
static const char inline_parents[] =
  " p h1 h2 h3 h4 h5 h6 span a li em strong b i small label dt caption figcaption summary time ";
/* Raw text parents: a slot there is filled without a wrapper. */
static const char raw_text_parents[] = " title textarea style script xmp ";
static const char void_elements[] =
  " area base br col embed hr img input link meta source track wbr ";

static gboolean
word_in (const char *list,
         const char *word)
{
  g_autofree char *needle = g_strconcat (" ", word, " ", NULL);

  return strstr (list, needle) != NULL;
}

/* What the template pass does besides filling slots: for a standalone export, the document
 * language, the CSS to inline and the removal of anything that could run script. */
typedef struct {
  GHashTable *fragments;
  gboolean    live;
  const char *lang;       /* NULL: fill only */
  const char *css;
  gboolean    head_done;
} Fill;

static void
append_slots (GString    *out,
              const char *text,
              gsize       length,
              const char *parent,
              const Fill *fill)
{
  const char *end = text + length;
  const char *p = text;
  const char *open;
  const char *wrapper = word_in (raw_text_parents, parent) ? NULL
                        : word_in (inline_parents, parent) ? "span" : "div";

  while ((open = g_strstr_len (p, end - p, "{{")) != NULL)
    {
      const char *close = g_strstr_len (open + 2, end - open - 2, "}}");
      g_autofree char *name = close != NULL ? g_strndup (open + 2, close - open - 2) : NULL;
      const char *fragment;

      if (name == NULL || !g_strv_contains (tayori_page_slots, name))
        {
          g_string_append_len (out, p, open + 2 - p);
          p = open + 2;
          continue;
        }
      fragment = g_hash_table_lookup (fill->fragments, name);
      g_string_append_len (out, p, open - p);
      if (fill->live && wrapper != NULL)
        g_string_append_printf (out, "<%s data-slot=\"%s\">%s</%s>", wrapper, name,
                                fragment != NULL ? fragment : "", wrapper);
      else
        g_string_append (out, fragment != NULL ? fragment : "");
      p = close + 2;
    }
  g_string_append_len (out, p, end - p);
}

static void
append_head_extras (GString    *out,
                    const Fill *fill)
{
  g_autoptr(GString) css = g_string_new (fill->css);

  /* Inline CSS must not end its own <style> element: '<' only ever appears in comments and
   * strings, where the CSS escape means the same. */
  g_string_replace (css, "<", "\\3c ", 0);
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"" EXPORT_CSP "\">\n");
  g_string_append_printf (out, "<style>\n%s</style>\n", css->str);
}

/* Rewrites a start tag for export: no event handlers, the article's language on <html>. */
static void
append_export_tag (GString               *out,
                   const TayoriHtmlToken *token,
                   const Fill            *fill)
{
  gboolean is_html = strcmp (token->name, "html") == 0;

  g_string_append_printf (out, "<%s", token->name);
  if (is_html)
    g_string_append_printf (out, " lang=\"%s\"", fill->lang);
  for (guint i = 0; i < token->n_attributes; i++)
    {
      const TayoriHtmlAttribute *attribute = &token->attributes[i];

      if (g_str_has_prefix (attribute->name, "on") || (is_html && strcmp (attribute->name, "lang") == 0) ||
          strspn (attribute->name, "abcdefghijklmnopqrstuvwxyz0123456789-:") != strlen (attribute->name))
        continue;
      g_string_append_printf (out, " %s=\"", attribute->name);
      tayori_html_escape_append (out, attribute->value);
      g_string_append_c (out, '"');
    }
  g_string_append (out, token->self_closing ? " />" : ">");
}

/* Export drops scripts, stylesheet links (the CSS is inlined) and the template's own
 * http-equiv metas (the export carries its CSP). */
static gboolean
export_drops (const TayoriHtmlToken *token)
{
  const char *rel = tayori_html_token_get_attribute (token, "rel");

  return strcmp (token->name, "script") == 0 ||
         (strcmp (token->name, "link") == 0 && rel != NULL && strstr (rel, "stylesheet") != NULL) ||
         (strcmp (token->name, "meta") == 0 && tayori_html_token_get_attribute (token, "http-equiv") != NULL);
}

static void
handle_start_tag (GString               *out,
                  TayoriHtmlTokenizer   *tokenizer,
                  const TayoriHtmlToken *token,
                  GPtrArray             *open,
                  Fill                  *fill)
{
  g_autofree char *name = g_strdup (token->name);
  gboolean dropped = fill->lang != NULL && export_drops (token);

  if (!dropped && fill->lang != NULL)
    append_export_tag (out, token, fill);
  else if (!dropped)
    g_string_append_len (out, token->raw, token->raw_len);

  if (word_in (raw_text_parents, name))
    {
      tayori_html_tokenizer_set_raw_text (tokenizer, name);
      token = tayori_html_tokenizer_next (tokenizer);
      if (!dropped)
        append_slots (out, token->data, token->data_len, name, fill);
      return;
    }
  if (!dropped && !token->self_closing && !word_in (void_elements, name))
    g_ptr_array_add (open, g_steal_pointer (&name));
}

static void
handle_end_tag (GString               *out,
                const TayoriHtmlToken *token,
                GPtrArray             *open,
                Fill                  *fill)
{
  if (fill->lang != NULL && strcmp (token->name, "script") == 0)
    return;
  if (fill->lang != NULL && strcmp (token->name, "head") == 0 && !fill->head_done)
    {
      append_head_extras (out, fill);
      fill->head_done = TRUE;
    }
  g_string_append_len (out, token->raw, token->raw_len);
  for (guint i = open->len; i > 0; i--)
    {
      if (strcmp (g_ptr_array_index (open, i - 1), token->name) == 0)
        {
          g_ptr_array_set_size (open, i - 1);
          break;
        }
    }
}

static char *
run_template (const char *template_html,
              Fill       *fill)
{
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (template_html, -1);
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_sized_new (strlen (template_html) * 2);
  const TayoriHtmlToken *token;

  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      const char *parent = open->len > 0 ? g_ptr_array_index (open, open->len - 1) : "";

      if (token->type == TAYORI_HTML_TOKEN_START_TAG)
        handle_start_tag (out, tokenizer, token, open, fill);
      else if (token->type == TAYORI_HTML_TOKEN_END_TAG)
        handle_end_tag (out, token, open, fill);
      else if (token->type == TAYORI_HTML_TOKEN_TEXT)
        append_slots (out, token->raw, token->raw_len, parent, fill);
      else
        g_string_append_len (out, token->raw, token->raw_len);
    }
  return g_string_free (out, FALSE);
}

char *
tayori_page_fill_template (const char *template_html,
                           GHashTable *fragments,
                           gboolean    live)
{
  Fill fill = { fragments, live, NULL, NULL, FALSE };

  g_return_val_if_fail (template_html != NULL, NULL);
  g_return_val_if_fail (fragments != NULL, NULL);

  return run_template (template_html, &fill);
}

GBytes *
tayori_page_load_asset (TayoriPreset  *preset,
                        const char    *name,
                        GError       **error)
{
  const char *dir;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);
  g_return_val_if_fail (g_strcmp0 (name, "page.html") == 0 || g_strcmp0 (name, "page.css") == 0, NULL);

  dir = tayori_preset_get_template_dir (preset);
  if (dir == NULL)
    {
      g_autofree char *resource = g_strconcat (TAYORI_PAGE_RESOURCE_DIR, name, NULL);

      return g_resource_lookup_data (tayori_core_get_resource (), resource,
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, error);
    }
  path = g_build_filename (dir, name, NULL);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_free (contents);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The page template “%s” is not valid UTF-8 text"), path);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

char *
tayori_page_render_standalone (TayoriArticle  *article,
                               TayoriPreset   *preset,
                               GError        **error)
{
  g_autoptr(GBytes) template_bytes = NULL;
  g_autoptr(GBytes) css_bytes = NULL;
  g_autoptr(GHashTable) fragments = NULL;
  g_autofree char *template_html = NULL;
  g_autofree char *css = NULL;
  g_autofree char *html = NULL;
  Fill fill = { 0 };

  g_return_val_if_fail (TAYORI_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (TAYORI_IS_PRESET (preset), NULL);

  if (!(template_bytes = tayori_page_load_asset (preset, "page.html", error)) ||
      !(css_bytes = tayori_page_load_asset (preset, "page.css", error)))
    return NULL;
  template_html = g_strndup (g_bytes_get_data (template_bytes, NULL), g_bytes_get_size (template_bytes));
  css = g_strndup (g_bytes_get_data (css_bytes, NULL), g_bytes_get_size (css_bytes));

  fragments = tayori_page_build_fragments (article, preset);
  fill.fragments = fragments;
  fill.lang = tayori_article_get_language (article) == TAYORI_LANGUAGE_EN ? "en" : "ja";
  fill.css = css;
  html = run_template (template_html, &fill);
  if (!fill.head_done)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The page template has no </head> end tag"));
      return NULL;
    }
  return g_steal_pointer (&html);
}
