/* SPDX-License-Identifier: GPL-3.0-or-later */
/* axe-core in the real preview and in the CLI's own window: pages with known violations give
 * findings with the right rule, severity, WCAG criteria, ACT ids, selector, Japanese and
 * English messages and body range; a clean article has no errors; page scripts never run. */

#include "preview-test-util.h"

#include <string.h>

#include "tayori-axe.h"
#include "tayori-finding.h"
#include "tayori-front-matter.h"

#define SAMPLE "/io/github/tayori/Tayori/core/sample-article.md"

typedef struct {
  gboolean   done;
  GPtrArray *findings;
  GError    *error;
} AxeResult;

static void
axe_done_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AxeResult *axe = user_data;

  axe->findings = tayori_axe_run_finish (WEBKIT_WEB_VIEW (source_object), result, &axe->error);
  axe->done = TRUE;
}

static GPtrArray *
run_axe (PreviewFixture      *fixture,
         TayoriCheckDocument *document)
{
  AxeResult axe = { 0 };

  tayori_axe_run_async (fixture->web_view, document, NULL, axe_done_cb, &axe);
  PREVIEW_WAIT_UNTIL (axe.done);
  g_assert_no_error (axe.error);
  g_assert_nonnull (axe.findings);
  return axe.findings;
}

static void
log_findings (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = findings->pdata[i];

      g_test_message ("%s %s %s [%zu,%zu) %s: %s", tayori_finding_get_rule_id (finding),
                      tayori_severity_to_string (tayori_finding_get_severity (finding)),
                      tayori_finding_get_field (finding), tayori_finding_get_start (finding),
                      tayori_finding_get_end (finding), tayori_finding_get_selector (finding),
                      tayori_finding_get_message_en (finding));
    }
}

/* The one finding of @rule_id with @severity (each test page has one such node per rule). */
static TayoriFinding *
find_rule (GPtrArray      *findings,
           const char     *rule_id,
           TayoriSeverity  severity)
{
  TayoriFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = findings->pdata[i];

      if (g_str_equal (tayori_finding_get_rule_id (finding), rule_id) &&
          tayori_finding_get_severity (finding) == severity)
        {
          g_assert_null (found);
          found = finding;
        }
    }
  if (found == NULL)
    g_error ("no %s finding of severity %s", rule_id, tayori_severity_to_string (severity));
  return found;
}

static guint
count_severity (GPtrArray      *findings,
                TayoriSeverity  severity)
{
  guint count = 0;

  for (guint i = 0; i < findings->len; i++)
    count += tayori_finding_get_severity (findings->pdata[i]) == severity;
  return count;
}

/* Asserts the rest of a finding: @body is the body source its span is cut from; @span NULL
 * for a finding about the page outside the body. */
static void
assert_finding (TayoriFinding      *finding,
                const char * const *wcag,
                const char * const *act,
                const char         *message_ja,
                const char         *message_en,
                const char         *body,
                const char         *span)
{
  g_autofree char *text = NULL;

  g_assert_cmpstr (tayori_finding_get_family (finding), ==, "axe");
  g_assert_cmpstrv (tayori_finding_get_wcag (finding), wcag);
  g_assert_cmpstrv (tayori_finding_get_act (finding), act);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, message_ja);
  g_assert_cmpstr (tayori_finding_get_message_en (finding), ==, message_en);
  g_assert_nonnull (tayori_finding_get_selector (finding));

  if (span == NULL)
    {
      g_assert_cmpstr (tayori_finding_get_field (finding), ==, "page");
      return;
    }
  g_assert_cmpstr (tayori_finding_get_field (finding), ==, "body");
  text = tayori_finding_dup_span (finding, body);
  g_assert_cmpstr (text, ==, span);
}

/* The image-alt error of @findings, asserted to cover @span of @body (NULL: the page). */
static TayoriFinding *
assert_image_alt (GPtrArray  *findings,
                  const char *body,
                  const char *span)
{
  TayoriFinding *finding = find_rule (findings, "axe/image-alt", TAYORI_SEVERITY_ERROR);

  assert_finding (finding, (const char *[]) { "1.1.1", NULL }, (const char *[]) { "23a2a8", NULL },
                  "画像には代替テキストがなければなりません", "Images must have alternative text",
                  body, span);
  return finding;
}

/* The element axe's selector names in the live page, as "TAG:text". */
static char *
describe_selected (PreviewFixture *fixture,
                   TayoriFinding  *finding)
{
  GVariantDict arguments;

  g_variant_dict_init (&arguments, NULL);
  g_variant_dict_insert (&arguments, "selector", "s", tayori_finding_get_selector (finding));
  return preview_test_js_string (fixture->web_view,
                                 "const all = document.querySelectorAll(selector);"
                                 "return all.length === 1 ? `${all[0].tagName}:${all[0].textContent}`"
                                 "                        : `${all.length} matches`;",
                                 g_variant_dict_end (&arguments));
}

static void
show_body (PreviewFixture *fixture,
           const char     *body)
{
  guint updates = fixture->updates;

  tayori_article_set_body (fixture->article, body);
  preview_fixture_wait_updates (fixture, updates + 1);
}

static void
test_version (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "package.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *pinned = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  pinned = g_strdup_printf ("\"axe-core\": \"%s\"", tayori_axe_get_version ());
  g_assert_nonnull (strstr (contents, pinned));
}

/* The paragraph of VIOLATIONS_BODY with the image that has no alt text. */
#define VIOLATIONS_IMAGE \
  "会場の写真 <img src=\"https://example.jp/hall.png\" width=\"120\" height=\"80\"> をご覧ください。"
#define VIOLATIONS_BODY \
  "## 写真と問い合わせ\n" \
  "\n" \
  VIOLATIONS_IMAGE "\n" \
  "\n" \
  "詳しくは[](https://example.jp/info)へ。\n"

static void
test_preview_violations (PreviewFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *image = NULL;
  g_autofree char *link = NULL;
  TayoriFinding *finding;

  show_body (fixture, VIOLATIONS_BODY);
  document = tayori_check_document_new_for_article (fixture->article);
  findings = run_axe (fixture, document);
  log_findings (findings);

  finding = assert_image_alt (findings, VIOLATIONS_BODY, VIOLATIONS_IMAGE);
  image = describe_selected (fixture, finding);
  g_assert_cmpstr (image, ==, "IMG:");

  finding = find_rule (findings, "axe/link-name", TAYORI_SEVERITY_ERROR);
  assert_finding (finding, (const char *[]) { "2.4.4", "4.1.2", NULL }, (const char *[]) { "c487ae", NULL },
                  "リンクには認識可能なテキストがなければなりません",
                  "Links must have discernible text",
                  VIOLATIONS_BODY, "詳しくは[](https://example.jp/info)へ。");
  link = describe_selected (fixture, finding);
  g_assert_cmpstr (link, ==, "A:");

  /* The same page checked again (axe already in it) gives the same findings; a fix is seen. */
  g_clear_pointer (&findings, g_ptr_array_unref);
  findings = run_axe (fixture, document);
  g_assert_nonnull (find_rule (findings, "axe/image-alt", TAYORI_SEVERITY_ERROR));

  show_body (fixture, "会場の写真 <img src=\"https://example.jp/hall.png\" alt=\"区民ホールの入口\"> をご覧ください。\n");
  g_clear_object (&document);
  g_clear_pointer (&findings, g_ptr_array_unref);
  document = tayori_check_document_new_for_article (fixture->article);
  findings = run_axe (fixture, document);
  log_findings (findings);
  g_assert_cmpuint (count_severity (findings, TAYORI_SEVERITY_ERROR), ==, 0);
}

static TayoriArticle *
load_sample (void)
{
  g_autoptr(GBytes) sample = g_resources_lookup_data (SAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  TayoriArticle *article;

  g_assert_nonnull (sample);
  article = tayori_front_matter_parse (g_bytes_get_data (sample, NULL), g_bytes_get_size (sample),
                                       SAMPLE, &error);
  g_assert_no_error (error);
  return article;
}

static void
test_preview_clean (PreviewFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(TayoriArticle) sample = load_sample ();
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  guint updates = fixture->updates;

  tayori_article_set_title (fixture->article, tayori_article_get_title (sample));
  tayori_article_set_body (fixture->article, tayori_article_get_body (sample));
  preview_fixture_wait_updates (fixture, updates + 1);

  document = tayori_check_document_new_for_article (fixture->article);
  findings = run_axe (fixture, document);
  log_findings (findings);
  g_assert_cmpuint (count_severity (findings, TAYORI_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (count_severity (findings, TAYORI_SEVERITY_WARNING), ==, 0);
}

static void
test_preview_cancelled (PreviewFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (fixture->article);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AxeResult axe = { 0 };

  g_cancellable_cancel (cancellable);
  tayori_axe_run_async (fixture->web_view, document, cancellable, axe_done_cb, &axe);
  PREVIEW_WAIT_UNTIL (axe.done);
  g_assert_error (axe.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (axe.findings);
  g_clear_error (&axe.error);
}

/* Arbitrary HTML as a CMS gives it: embeds, tables, an iframe, inline styles, and page script
 * that would hide every problem (alt text, emptied body) if it ever ran. */
#define HTML_PAGE \
  "<!DOCTYPE html>\n" \
  "<html lang=\"ja\" xml:lang=\"en\">\n" \
  "<head><meta charset=\"utf-8\"><title>区からのお知らせ</title></head>\n" \
  "<body>\n" \
  "<main>\n" \
  "<h1>区からのお知らせ</h1>\n" \
  "<p style=\"color:#c8c8c8;background:#ffffff\">薄い色の注意書きです。</p>\n" \
  "<p style=\"color:#777777;background-image:linear-gradient(#ffffff,#000000)\">背景が変わる文です。</p>\n" \
  "<img src=\"photo.png\" width=\"100\" height=\"80\" onerror=\"this.alt='写真'\">\n" \
  "<p><a href=\"https://example.jp/\"></a></p>\n" \
  "<iframe src=\"https://example.jp/map\" width=\"300\" height=\"200\"></iframe>\n" \
  "<table>\n" \
  "<tr><th id=\"h1\">地区</th><th>会場</th></tr>\n" \
  "<tr><td headers=\"nowhere\">住之江</td><td>区民ホール</td></tr>\n" \
  "</table>\n" \
  "</main>\n" \
  "<script>document.querySelector('img').alt = '写真'; document.body.innerHTML = '';</script>\n" \
  "</body>\n" \
  "</html>\n"

static void
test_html_input (void)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (HTML_PAGE, -1);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  findings = tayori_axe_check_document (document, &error);
  g_assert_no_error (error);
  log_findings (findings);

  assert_image_alt (findings, HTML_PAGE,
                    "<img src=\"photo.png\" width=\"100\" height=\"80\" onerror=\"this.alt='写真'\">");
  assert_finding (find_rule (findings, "axe/link-name", TAYORI_SEVERITY_ERROR),
                  (const char *[]) { "2.4.4", "4.1.2", NULL }, (const char *[]) { "c487ae", NULL },
                  "リンクには認識可能なテキストがなければなりません",
                  "Links must have discernible text",
                  HTML_PAGE, "<a href=\"https://example.jp/\"></a>");
  assert_finding (find_rule (findings, "axe/frame-title", TAYORI_SEVERITY_ERROR),
                  (const char *[]) { "4.1.2", NULL }, (const char *[]) { "cae760", NULL },
                  "フレームにはアクセシブルな名前がなければなりません",
                  "Frames must have an accessible name",
                  HTML_PAGE,
                  "<iframe src=\"https://example.jp/map\" width=\"300\" height=\"200\"></iframe>");
  assert_finding (find_rule (findings, "axe/td-headers-attr", TAYORI_SEVERITY_ERROR),
                  (const char *[]) { "1.3.1", NULL }, (const char *[]) { "a25f45", NULL },
                  "テーブルのheaders属性を使用するすべてのセルは、同じ表内の他の<th>要素を参照しなければなりません",
                  "Table cell headers attributes must refer to other <th> elements in the same table",
                  HTML_PAGE,
                  "<table>\n"
                  "<tr><th id=\"h1\">地区</th><th>会場</th></tr>\n"
                  "<tr><td headers=\"nowhere\">住之江</td><td>区民ホール</td></tr>\n"
                  "</table>");
  assert_finding (find_rule (findings, "axe/color-contrast", TAYORI_SEVERITY_ERROR),
                  (const char *[]) { "1.4.3", NULL }, (const char *[]) { "afw4f7", "09o5cg", NULL },
                  "要素は色のコントラスト比（最低限）の閾値を満たしていなければなりません",
                  "Elements must meet minimum color contrast ratio thresholds",
                  HTML_PAGE,
                  "<p style=\"color:#c8c8c8;background:#ffffff\">薄い色の注意書きです。</p>");
  assert_finding (find_rule (findings, "axe/html-xml-lang-mismatch", TAYORI_SEVERITY_WARNING),
                  (const char *[]) { "3.1.1", NULL }, (const char *[]) { "5b7ae0", NULL },
                  "HTML要素に指定されたlangおよびxml:lang属性は同じ基本言語を持たなければなりません",
                  "HTML elements with lang and xml:lang must have the same base language",
                  HTML_PAGE, NULL);
  /* Text over a gradient: axe cannot measure it, so a person has to look. */
  assert_finding (find_rule (findings, "axe/color-contrast", TAYORI_SEVERITY_NOTICE),
                  (const char *[]) { "1.4.3", NULL }, (const char *[]) { "afw4f7", "09o5cg", NULL },
                  "要素は色のコントラスト比（最低限）の閾値を満たしていなければなりません",
                  "Elements must meet minimum color contrast ratio thresholds",
                  HTML_PAGE,
                  "<p style=\"color:#777777;background-image:linear-gradient(#ffffff,#000000)\">"
                  "背景が変わる文です。</p>");
}

static void
test_markdown_standalone (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriCheckDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  tayori_article_set_title (article, "写真のお知らせ");
  tayori_article_set_body (article, VIOLATIONS_BODY);
  document = tayori_check_document_new_for_article (article);
  findings = tayori_axe_check_document (document, &error);
  g_assert_no_error (error);
  log_findings (findings);

  assert_image_alt (findings, VIOLATIONS_BODY, VIOLATIONS_IMAGE);
  g_assert_nonnull (find_rule (findings, "axe/link-name", TAYORI_SEVERITY_ERROR));
}

int
main (int   argc,
      char *argv[])
{
  preview_test_init (&argc, &argv, "test-axe");

  g_test_add_func ("/tayori/preview/axe/version", test_version);
  g_test_add ("/tayori/preview/axe/preview-violations", PreviewFixture, NULL,
              preview_fixture_setup, test_preview_violations, preview_fixture_teardown);
  g_test_add ("/tayori/preview/axe/preview-clean", PreviewFixture, NULL,
              preview_fixture_setup, test_preview_clean, preview_fixture_teardown);
  g_test_add ("/tayori/preview/axe/preview-cancelled", PreviewFixture, NULL,
              preview_fixture_setup, test_preview_cancelled, preview_fixture_teardown);
  g_test_add_func ("/tayori/preview/axe/html-input", test_html_input);
  g_test_add_func ("/tayori/preview/axe/markdown-standalone", test_markdown_standalone);

  return g_test_run ();
}
