/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shell page builder (no display needed): the CSP <meta> comes first in <head> whatever
 * the template looks like, and an organisation's CSS is inlined without escaping its element. */

#include <string.h>

#include "tayori-preview-shell.h"

#define CSP_META "<meta http-equiv=\"Content-Security-Policy\" content=\""

static void
test_bundled (void)
{
  g_autofree char *shell =
    tayori_preview_shell_build ("<!DOCTYPE html>\n<html lang=\"ja\">\n<HEAD class=\"x\">"
                                "<meta charset=\"utf-8\"><title>{{title}}</title></HEAD>"
                                "<body><header>{{city}}</header></body></html>", NULL);

  g_assert_cmpstr (shell, ==,
                   "<!DOCTYPE html>\n<html lang=\"ja\">\n<HEAD class=\"x\">"
                   CSP_META TAYORI_PREVIEW_SHELL_CSP "\">"
                   "<meta charset=\"utf-8\"><title>{{title}}</title></HEAD>"
                   "<body><header>{{city}}</header></body></html>");
}

static void
test_header_is_not_head (void)
{
  g_autofree char *shell =
    tayori_preview_shell_build ("<!doctype html><html><header>{{city}}</header></html>", NULL);

  g_assert_cmpstr (shell, ==,
                   "<!doctype html><html><head>" CSP_META TAYORI_PREVIEW_SHELL_CSP "\"></head>"
                   "<header>{{city}}</header></html>");
}

static void
test_no_html_element (void)
{
  g_autofree char *with_doctype = tayori_preview_shell_build ("<!DOCTYPE html><p>{{body}}</p>",
                                                              NULL);
  g_autofree char *bare = tayori_preview_shell_build ("<p>{{body}}</p>", NULL);

  g_assert_true (g_str_has_prefix (with_doctype, "<!DOCTYPE html><head>" CSP_META));
  g_assert_true (g_str_has_suffix (with_doctype, "</head><p>{{body}}</p>"));
  g_assert_true (g_str_has_prefix (bare, "<head>" CSP_META));
}

static void
test_inline_css (void)
{
  g_autofree char *shell =
    tayori_preview_shell_build ("<html><head><link rel=\"stylesheet\" href=\"page.css\"></head>"
                                "</html>",
                                "h1 { color: navy }\n/* </style><script>x()</script> */");

  /* Stylesheet links are refused: only inline styles, which come right after the policy. */
  g_assert_nonnull (strstr (shell, "style-src 'unsafe-inline';"));
  g_assert_null (strstr (shell, "style-src tayori-resource:"));
  g_assert_nonnull (strstr (shell, "script-src 'none'"));
  g_assert_nonnull (strstr (shell, "\"><style>h1 { color: navy }\n"
                                   "/* <\\/style><script>x()<\\/script> */</style><link"));
  g_assert_null (strstr (shell, "</style><script>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/preview/shell/bundled", test_bundled);
  g_test_add_func ("/tayori/preview/shell/header-is-not-head", test_header_is_not_head);
  g_test_add_func ("/tayori/preview/shell/no-html-element", test_no_html_element);
  g_test_add_func ("/tayori/preview/shell/inline-css", test_inline_css);

  return g_test_run ();
}
