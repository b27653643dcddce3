/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Feeds every payload of xss-payloads.txt through the Markdown renderer and the sanitiser and
 * proves, by re-tokenizing the output and by independent string checks, that nothing runnable
 * survives. */
#include <string.h>
#include <glib.h>

#include "tayori-html.h"
#include "tayori-markdown.h"
#include "tayori-sanitizer.h"

static const char * const allowed_elements[] = {
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "a", "img", "table", "thead",
  "tbody", "tfoot", "tr", "th", "td", "caption", "em", "strong", "b", "i", "s", "del", "code",
  "pre", "blockquote", "br", "hr", "figure", "figcaption", "ruby", "rt", "rp", "span", "div",
  "dl", "dt", "dd", "sup", "sub", NULL
};

static const char * const forbidden_elements[] = {
  "script", "iframe", "object", "embed", "form", "base", "meta", "style", "link", "svg", "math",
  "frame", "frameset", "applet", "input", "button", "textarea", "template", NULL
};

/* The URL a browser would use, minus the controls and spaces it ignores. */
static gboolean
dangerous_url (const char *value)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar) *p > 0x20 && *p != 0x7F)
      g_string_append_c (compact, g_ascii_tolower (*p));
  return g_str_has_prefix (compact->str, "javascript:") ||
         g_str_has_prefix (compact->str, "vbscript:") ||
         g_str_has_prefix (compact->str, "data:");
}

/* Returns a description of the first problem found by re-tokenizing @html, or NULL. */
static char *
check_with_tokenizer (const char *html)
{
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);
  const TayoriHtmlToken *token;

  while ((token = tayori_html_tokenizer_next (tokenizer))->type != TAYORI_HTML_TOKEN_EOF)
    {
      if (token->type == TAYORI_HTML_TOKEN_COMMENT || token->type == TAYORI_HTML_TOKEN_DOCTYPE)
        return g_strdup ("comment or doctype in output");
      if (token->type != TAYORI_HTML_TOKEN_START_TAG)
        continue;
      if (g_strv_contains (forbidden_elements, token->name))
        return g_strdup_printf ("forbidden element <%s>", token->name);
      if (!g_strv_contains (allowed_elements, token->name))
        return g_strdup_printf ("element <%s> not on the allow-list", token->name);
      for (guint i = 0; i < token->n_attributes; i++)
        {
          const TayoriHtmlAttribute *attribute = &token->attributes[i];

          if (g_str_has_prefix (attribute->name, "on"))
            return g_strdup_printf ("event handler %s", attribute->name);
          if (strcmp (attribute->name, "style") == 0 || strcmp (attribute->name, "srcdoc") == 0)
            return g_strdup_printf ("attribute %s", attribute->name);
          if ((strcmp (attribute->name, "href") == 0 || strcmp (attribute->name, "src") == 0) &&
              dangerous_url (attribute->value))
            return g_strdup_printf ("%s=\"%s\"", attribute->name, attribute->value);
        }
    }
  return NULL;
}

/* The same properties checked on the string alone, without the tokenizer under test: text
 * and attribute values never hold a raw '<' or '>', so each "<…>" span is one tag. */
static char *
check_with_strings (const char *html)
{
  g_autofree char *lower = g_ascii_strdown (html, -1);
  g_autoptr(GRegex) tag = g_regex_new ("<[^>]*>", 0, 0, NULL);
  g_autoptr(GRegex) quoted = g_regex_new ("\"[^\"]*\"", 0, 0, NULL);
  g_autoptr(GRegex) handler = g_regex_new ("[\\s/\"']on[a-z]+\\s*=", 0, 0, NULL);
  g_autoptr(GRegex) style = g_regex_new ("[\\s/\"']style\\s*=", 0, 0, NULL);
  g_autoptr(GRegex) url = g_regex_new ("(href|src)\\s*=\\s*[\"']?[\\s\\x00-\\x1f]*(javascript|vbscript|data)\\s*:",
                                       0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  for (guint i = 0; forbidden_elements[i] != NULL; i++)
    {
      g_autofree char *open = g_strconcat ("<", forbidden_elements[i], NULL);

      if (strstr (lower, open) != NULL)
        return g_strdup_printf ("string contains %s", open);
    }
  g_regex_match (tag, lower, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *span = g_match_info_fetch (match, 0);
      /* Attribute names only: the sanitiser double-quotes every value. */
      g_autofree char *names = g_regex_replace_literal (quoted, span, -1, 0, "\"\"", 0, NULL);

      if (g_regex_match (handler, names, 0, NULL) || g_regex_match (style, names, 0, NULL) ||
          g_regex_match (url, span, 0, NULL))
        return g_strdup_printf ("tag %s", span);
    }
  return NULL;
}

static char *
check_output (const char *html)
{
  char *problem = check_with_tokenizer (html);

  return problem != NULL ? problem : check_with_strings (html);
}

static GPtrArray *
load_payloads (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "xss-payloads.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) records = NULL;
  GPtrArray *payloads = g_ptr_array_new_with_free_func (g_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  records = g_strsplit (contents, "\n%%\n", -1);
  for (guint i = 0; records[i] != NULL; i++)
    {
      char *payload = g_strdup (records[i]);

      g_strchomp (payload);
      g_assert_cmpstr (payload, !=, "");
      g_ptr_array_add (payloads, payload);
    }
  return payloads;
}

static void
test_corpus_size (void)
{
  g_autoptr(GPtrArray) payloads = load_payloads ();

  g_assert_cmpuint (payloads->len, >=, 60);
}

/* The checks themselves must catch what the sanitiser is there to remove. */
static void
test_checks_detect_unsafe_html (void)
{
  static const char * const unsafe[] = {
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\" data:text/html,x\">x</a>",
    "<p style=\"color:red\">x</p>",
    "<iframe></iframe>",
    "<SCRIPT>alert(1)</SCRIPT>",
    "<svg/onload=alert(1)>",
    "<meta http-equiv=refresh content=0>",
    "<!-- comment -->",
  };

  for (guint i = 0; i < G_N_ELEMENTS (unsafe); i++)
    {
      g_autofree char *by_tokenizer = check_with_tokenizer (unsafe[i]);
      g_autofree char *by_strings = check_with_strings (unsafe[i]);

      g_assert_nonnull (by_tokenizer);
      if (i < G_N_ELEMENTS (unsafe) - 1)
        g_assert_nonnull (by_strings);
    }
}

static void
assert_safe (const char *stage,
             guint       index,
             const char *payload,
             const char *html)
{
  g_autofree char *problem = check_output (html);

  if (problem != NULL)
    g_error ("payload %u after %s: %s\n  payload: %s\n  output: %s", index + 1, stage, problem,
             payload, html);
}

static void
test_payloads (void)
{
  g_autoptr(GPtrArray) payloads = load_payloads ();

  for (guint i = 0; i < payloads->len; i++)
    {
      const char *payload = g_ptr_array_index (payloads, i);
      g_autofree char *rendered = tayori_markdown_render_body (payload, -1);
      g_autofree char *sanitized = tayori_sanitize_html (payload, -1);
      g_autofree char *twice = tayori_sanitize_html (sanitized, -1);

      assert_safe ("tayori_markdown_render_body", i, payload, rendered);
      assert_safe ("tayori_sanitize_html", i, payload, sanitized);
      /* Sanitised output is a fixed point: what the CMS receives stays as it is. */
      g_assert_cmpstr (twice, ==, sanitized);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/render/xss/corpus-size", test_corpus_size);
  g_test_add_func ("/tayori/render/xss/checks-detect-unsafe-html", test_checks_detect_unsafe_html);
  g_test_add_func ("/tayori/render/xss/payloads", test_payloads);

  return g_test_run ();
}
