/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Unit tests of the HTML tokenizer, the URL policy and the allow-list sanitiser: exact
 * output for each kind of input a browser would read differently from a naive parser. */
#include <string.h>
#include <glib.h>

#include "tayori-html.h"
#include "tayori-sanitizer.h"

typedef struct {
  const char *input;
  const char *expected;
} Case;

static void
assert_cases (const Case *cases,
              gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *output = tayori_sanitize_html (cases[i].input, -1);

      if (g_strcmp0 (output, cases[i].expected) != 0)
        g_error ("input: %s\n  expected: %s\n  got:      %s", cases[i].input, cases[i].expected, output);
    }
}

static void
test_escape (void)
{
  g_autofree char *escaped = tayori_html_escape ("<a href=\"x\">Tom & 'Jerry'</a>");

  g_assert_cmpstr (escaped, ==, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
}

static void
test_tokenizer_attributes (void)
{
  static const char html[] =
    "<A HREF=\"dq\" title='sq' data-x=unquoted lang = ja checked href=\"second\" "
    "alt=\"a&amp;b&lt;&#x41;&copy\">text</A >";
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);
  const TayoriHtmlToken *token = tayori_html_tokenizer_next (tokenizer);

  g_assert_cmpint (token->type, ==, TAYORI_HTML_TOKEN_START_TAG);
  g_assert_cmpstr (token->name, ==, "a");
  g_assert_cmpuint (token->n_attributes, ==, 6);
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "href"), ==, "dq");
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "title"), ==, "sq");
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "data-x"), ==, "unquoted");
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "lang"), ==, "ja");
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "checked"), ==, "");
  g_assert_cmpstr (tayori_html_token_get_attribute (token, "alt"), ==, "a&b<A\xC2\xA9");

  token = tayori_html_tokenizer_next (tokenizer);
  g_assert_cmpint (token->type, ==, TAYORI_HTML_TOKEN_TEXT);
  g_assert_cmpstr (token->data, ==, "text");
  token = tayori_html_tokenizer_next (tokenizer);
  g_assert_cmpint (token->type, ==, TAYORI_HTML_TOKEN_END_TAG);
  g_assert_cmpstr (token->name, ==, "a");
  g_assert_cmpint (tayori_html_tokenizer_next (tokenizer)->type, ==, TAYORI_HTML_TOKEN_EOF);
}

static void
test_tokenizer_markup (void)
{
  static const char html[] = "<!DOCTYPE html><!-- c -- c --><?xml x?><br/>a < b &notit; &#0;</>";
  static const TayoriHtmlTokenType expected[] = {
    TAYORI_HTML_TOKEN_DOCTYPE, TAYORI_HTML_TOKEN_COMMENT, TAYORI_HTML_TOKEN_COMMENT,
    TAYORI_HTML_TOKEN_START_TAG, TAYORI_HTML_TOKEN_TEXT, TAYORI_HTML_TOKEN_COMMENT,
    TAYORI_HTML_TOKEN_EOF,
  };
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const TayoriHtmlToken *token = tayori_html_tokenizer_next (tokenizer);

      g_assert_cmpint (token->type, ==, expected[i]);
      if (i == 1)
        g_assert_cmpstr (token->data, ==, " c -- c ");
      if (i == 3)
        g_assert_true (token->self_closing);
      if (i == 4)   /* legacy "&not" without ';' and NUL as U+FFFD */
        g_assert_cmpstr (token->data, ==, "a < b \xC2\xACit; \xEF\xBF\xBD");
    }
}

static void
test_tokenizer_raw_text (void)
{
  static const char html[] = "<script>if (a<b) x('</p>')</SCRIPT >after";
  g_autoptr(TayoriHtmlTokenizer) tokenizer = tayori_html_tokenizer_new (html, -1);
  const TayoriHtmlToken *token = tayori_html_tokenizer_next (tokenizer);

  g_assert_cmpstr (token->name, ==, "script");
  tayori_html_tokenizer_set_raw_text (tokenizer, "script");
  token = tayori_html_tokenizer_next (tokenizer);
  g_assert_cmpint (token->type, ==, TAYORI_HTML_TOKEN_TEXT);
  g_assert_cmpstr (token->data, ==, "if (a<b) x('</p>')");
  token = tayori_html_tokenizer_next (tokenizer);
  g_assert_cmpint (token->type, ==, TAYORI_HTML_TOKEN_END_TAG);
  g_assert_cmpstr (token->raw, ==, "</SCRIPT >after");
  g_assert_cmpuint (token->raw_len, ==, strlen ("</SCRIPT >"));
}

static void
test_url_policy (void)
{
  static const struct {
    const char    *url;
    TayoriUrlKind  kind;
    const char    *expected;
  } cases[] = {
    { "https://www.city.example.jp/a?b=1#c", TAYORI_URL_LINK, "https://www.city.example.jp/a?b=1#c" },
    { "HTTP://EXAMPLE.JP", TAYORI_URL_LINK, "HTTP://EXAMPLE.JP" },
    { "mailto:kucho@city.example.jp", TAYORI_URL_LINK, "mailto:kucho@city.example.jp" },
    { "tel:06-1234-5678", TAYORI_URL_LINK, "tel:06-1234-5678" },
    { "/kurashi/page.html", TAYORI_URL_LINK, "/kurashi/page.html" },
    { "../a:b", TAYORI_URL_LINK, "../a:b" },
    { " \t https://example.jp \n", TAYORI_URL_LINK, "https://example.jp" },
    { "javascript:alert(1)", TAYORI_URL_LINK, NULL },
    { "JaVaScRiPt:alert(1)", TAYORI_URL_LINK, NULL },
    { "jav\tascript:alert(1)", TAYORI_URL_LINK, NULL },
    { "\x01javascript:alert(1)", TAYORI_URL_LINK, NULL },
    { "java script:alert(1)", TAYORI_URL_LINK, NULL },
    { "vbscript:x", TAYORI_URL_LINK, NULL },
    { "data:text/html,x", TAYORI_URL_LINK, NULL },
    { "tayori-media:abc", TAYORI_URL_LINK, NULL },
    { "file:///etc/passwd", TAYORI_URL_LINK, NULL },
    { "tayori-media:abc", TAYORI_URL_IMAGE, "tayori-media:abc" },
    { "images/map.png", TAYORI_URL_IMAGE, "images/map.png" },
    { "data:image/png;base64,AAAA", TAYORI_URL_IMAGE, NULL },
    { "mailto:a@example.jp", TAYORI_URL_IMAGE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = tayori_sanitize_url (cases[i].url, cases[i].kind, NULL);

      g_assert_cmpstr (url, ==, cases[i].expected);
    }
}

static void
test_allowed_structure (void)
{
  static const Case cases[] = {
    { "<h2 data-sourcepos=\"3:1-3:9\" lang=\"ja\">見出し</h2>",
      "<h2 data-sourcepos=\"3:1-3:9\" lang=\"ja\">見出し</h2>" },
    { "<P ALIGN=center Class=x ID=y>段落</P>", "<p>段落</p>" },
    { "<a href='/a' title=\"説明\" target=_blank>x</a>", "<a href=\"/a\" title=\"説明\">x</a>" },
    { "<a href=\"https://example.jp/?a=1&amp;b=2\">x</a>",
      "<a href=\"https://example.jp/?a=1&amp;b=2\" rel=\"noopener noreferrer\">x</a>" },
    { "<a href=\"//example.jp/\" rel=\"opener\">x</a>",
      "<a href=\"//example.jp/\" rel=\"noopener noreferrer\">x</a>" },
    { "<img src=\"tayori-media:ab12\" alt='地図 \"A\"' width=320 height=\"240px\" srcset=\"x 2x\">",
      "<img src=\"tayori-media:ab12\" alt=\"地図 &quot;A&quot;\" width=\"320\">" },
    { "<table><caption>表</caption><thead><tr><th scope=col align=right colspan=2>a</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\" align=\"center\" scope=row>b</td></tr></tbody></table>",
      "<table><caption>表</caption><thead><tr><th scope=\"col\" class=\"align-right\" colspan=\"2\">a</th></tr></thead>"
      "<tbody><tr><td rowspan=\"2\" class=\"align-center\">b</td></tr></tbody></table>" },
    { "<th scope=\"row col\">x</th>", "<th>x</th>" },
    { "<ol start=\"3\" type=\"a\"><li>c</li></ol>", "<ol start=\"3\"><li>c</li></ol>" },
    { "<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>",
      "<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>" },
    { "<figure><img src=a.png alt=\"\"><figcaption>図1</figcaption></figure>",
      "<figure><img src=\"a.png\" alt=\"\"><figcaption>図1</figcaption></figure>" },
    { "<em data-sourcepos=\"1:1-1:2\" lang=\"en-GB\">x</em><span lang='ja\" x'>y</span>",
      "<em lang=\"en-GB\">x</em><span>y</span>" },
    { "<p data-sourcepos=\"1:1-1:2 onclick\">x</p>", "<p>x</p>" },
    { "a<br/>b<hr>c<br></br>", "a<br>b<hr>c<br>" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_dropped_markup (void)
{
  static const Case cases[] = {
    { "<font color=red>赤</font><center>中</center><u>下線</u>", "赤中下線" },
    { "a<!-- <b>x</b> -->b<!DOCTYPE html>c<?php echo 1 ?>d", "abcd" },
    { "<![CDATA[<b>x</b>]]>", "x]]&gt;" },
    { "<script>alert(1)</script>ok", "ok" },
    { "<style>p{}</style><iframe src=x>fallback <b>x</b></iframe>ok", "ok" },
    { "<textarea><b>x</b></textarea><title>t</title><xmp><b></xmp><noembed>n</noembed>ok", "ok" },
    { "<noscript><img src=x></noscript>ok", "ok" },
    { "<template><p>hidden<template>nested</template>still</template>ok", "ok" },
    { "<svg><g><text>t</text></g><svg></svg>still</svg>ok<math><mi>x</mi></math>", "ok" },
    { "<svg><![CDATA[</svg>]]></svg>ok", "ok" },
    { "<svg><p>breakout</p>", "<p>breakout</p>" },
    { "<plaintext><b>everything</b> after", "" },
    { "<form action=/x><input name=q><button>送信</button></form>", "送信" },
    { "<object data=x><embed src=y>fallback</object>", "fallback" },
    { "<base href=//evil/><meta http-equiv=refresh content=0><link rel=stylesheet href=x>ok", "ok" },
    { "<p style=\"color:red\" onclick=\"x()\" ONMOUSEOVER=y>x</p>", "<p>x</p>" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_balancing (void)
{
  static const Case cases[] = {
    { "<p><b>unclosed", "<p><b>unclosed</b></p>" },
    { "</p></div>stray</em>", "stray" },
    { "<b><i>x</b>y</i>", "<b><i>x</i></b>y" },
    { "<p>one<p>two", "<p>one</p><p>two</p>" },
    { "<p>text<ul><li>a<li>b</ul>", "<p>text</p><ul><li>a</li><li>b</li></ul>" },
    { "<ul><li>a<ul><li>b</ul><li>c</ul>", "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>" },
    { "<dl><dt>t<dd>d<dt>u</dl>", "<dl><dt>t</dt><dd>d</dd><dt>u</dt></dl>" },
    { "<table><tr><td>a<td>b<tr><th>c</table>",
      "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>" },
    { "<table><tr><td><em>x</td></tr></table>", "<table><tr><td><em>x</em></td></tr></table>" },
    { "<td><em>x</table></em>y", "<td><em>x</em>y</td>" },
    { "<a href=/a>one<a href=/b>two</a>", "<a href=\"/a\">one</a><a href=\"/b\">two</a>" },
    { "<h1>a<h2>b</h2>", "<h1>a</h1><h2>b</h2>" },
    { "<p>unterminated <a href=\"/x", "<p>unterminated </p>" },
    { "<p>tag at end <b", "<p>tag at end </p>" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_text_and_references (void)
{
  static const Case cases[] = {
    { "a < b > c & d \" e ' f", "a &lt; b &gt; c &amp; d &quot; e &#39; f" },
    { "&lt;script&gt; &amp;amp; &#x41;&#66; &copy &hellip; &unknown; &", 
      "&lt;script&gt; &amp;amp; AB © … &amp;unknown; &amp;" },
    { "&#128; &#xD800; &#1114112; &#0; &#7;", "€ \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD" },
    { "<a href=\"?a=1&copy=2\" title=\"&copy=\">x</a>", "<a href=\"?a=1&amp;copy=2\" title=\"&amp;copy=\">x</a>" },
    { "住民票の写し（１通３００円）", "住民票の写し（１通３００円）" },
  };

  assert_cases (cases, G_N_ELEMENTS (cases));
}

static void
test_nul_and_invalid_utf8 (void)
{
  static const char with_nul[] = "<p>a\0b<b\0>c</p><img src=\"x\0\">";
  static const char invalid[] = "<p>ok \xFF\xFE end</p>";
  g_autofree char *from_nul = tayori_sanitize_html (with_nul, sizeof with_nul - 1);
  g_autofree char *from_invalid = tayori_sanitize_html (invalid, -1);

  g_assert_true (g_utf8_validate (from_nul, -1, NULL));
  g_assert_null (strstr (from_nul, "<b"));
  g_assert_true (g_str_has_prefix (from_nul, "<p>a"));
  g_assert_true (g_utf8_validate (from_invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (from_invalid, "<p>ok "));
  g_assert_true (g_str_has_suffix (from_invalid, " end</p>"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/render/html/escape", test_escape);
  g_test_add_func ("/tayori/render/html/tokenizer-attributes", test_tokenizer_attributes);
  g_test_add_func ("/tayori/render/html/tokenizer-markup", test_tokenizer_markup);
  g_test_add_func ("/tayori/render/html/tokenizer-raw-text", test_tokenizer_raw_text);
  g_test_add_func ("/tayori/render/sanitizer/url-policy", test_url_policy);
  g_test_add_func ("/tayori/render/sanitizer/allowed-structure", test_allowed_structure);
  g_test_add_func ("/tayori/render/sanitizer/dropped-markup", test_dropped_markup);
  g_test_add_func ("/tayori/render/sanitizer/balancing", test_balancing);
  g_test_add_func ("/tayori/render/sanitizer/text-and-references", test_text_and_references);
  g_test_add_func ("/tayori/render/sanitizer/nul-and-invalid-utf8", test_nul_and_invalid_utf8);

  return g_test_run ();
}
