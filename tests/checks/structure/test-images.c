/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The image rules: alternative text missing, empty, a file name or too long; data: images;
 * embedded frames without a title. */
#include <string.h>

#include "structure-test-util.h"

static TayoriChecker *
images (void)
{
  static TayoriChecker *checker;

  if (checker == NULL)
    checker = tayori_check_images_new ();
  return checker;
}

static void
test_missing_markdown (void)
{
  g_autoptr(CheckResult) result = check_markdown (images (),
    "## 利用の方法\n\n![](https://www.city.osaka.lg.jp/hirano/images/churinjo.jpg)\n");
  TayoriFinding *finding = only_finding (result, "image-alt-missing");

  assert_finding (result, finding, TAYORI_SEVERITY_ERROR,
                  "![](https://www.city.osaka.lg.jp/hirano/images/churinjo.jpg)", NULL);
  g_assert_cmpstr (tayori_finding_get_wcag (finding)[0], ==, "1.1.1");
  g_assert_cmpstr (tayori_finding_get_act (finding)[0], ==, "23a2a8");
  g_assert_cmpuint (result->findings->len, ==, 1);
}

static void
test_missing_html (void)
{
  g_autoptr(CheckResult) result = check_html (images (),
    "<p><img src=\"map.png\"></p>\n"
    "<p><img src=\"line.png\" alt=\"\"></p>\n"
    "<p><img src=\"dots.png\" alt=\"\" role=\"presentation\"></p>\n"
    "<p><img src=\"kazari.png\" alt=\"\" aria-hidden=\"true\"></p>\n"
    "<p><img src=\"map2.png\" alt=\"区役所への地図\"></p>\n"
    "<p><img src=\"map3.png\" aria-label=\"駅からの道順\"></p>\n"
    "<p><img src=\"kazari2.png\" role=\"presentation\"></p>\n");
  TayoriFinding *finding = only_finding (result, "image-alt-missing");

  assert_finding (result, finding, TAYORI_SEVERITY_ERROR, "<img src=\"map.png\">", NULL);
  g_assert_cmpstr (tayori_finding_get_selector (finding), ==, "p:nth-of-type(1) > img:nth-of-type(1)");
  assert_finding (result, only_finding (result, "image-alt-empty"), TAYORI_SEVERITY_NOTICE,
                  "<img src=\"line.png\" alt=\"\">", NULL);
  g_assert_cmpuint (result->findings->len, ==, 2);
}

static void
test_missing_raw_in_markdown (void)
{
  g_autoptr(CheckResult) result = check_markdown (images (),
    "地図 <img src=\"map.png\"> と飾り <img src=\"dots.png\" alt=\"\" role=\"presentation\">\n");

  assert_finding (result, only_finding (result, "image-alt-missing"), TAYORI_SEVERITY_ERROR,
                  "<img src=\"map.png\">", NULL);
  g_assert_cmpuint (result->findings->len, ==, 1);
}

static void
test_file_name (void)
{
  static const struct {
    const char *markdown;
    const char *alt;
  } cases[] = {
    { "![IMG_0001](photos/IMG_0001.JPG)", "IMG_0001" },
    { "![churinjo.jpg](https://example.jp/churinjo.jpg)", "churinjo.jpg" },
    { "![churinjo](https://example.jp/churinjo.jpg)", "churinjo" },
    { "![DSC01234](a.jpg)", "DSC01234" },
    { "![photo.jpg](b.png)", "photo.jpg" },
    { "![写真1](c.png)", "写真1" },
    { "![20241101_093000](d.jpg)", "20241101_093000" },
    { "![会場の写真 kaijou.png](kaijou.png)", "会場の写真 kaijou.png" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (images (), cases[i].markdown);
      TayoriFinding *finding;
      g_autofree char *message = NULL;

      g_test_message ("%s", cases[i].markdown);
      finding = only_finding (result, "image-alt-filename");
      assert_finding (result, finding, TAYORI_SEVERITY_ERROR, cases[i].markdown, NULL);
      message = g_strdup_printf ("代替テキスト「%s」がファイル名になっています", cases[i].alt);
      g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, message);
    }
}

static void
test_file_name_attachment (void)
{
  static const char hash[] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_attachment_free);
  g_autofree char *body = g_strdup_printf ("![会場案内図](tayori-media:%s)\n", hash);
  g_autoptr(CheckResult) result = NULL;

  g_ptr_array_add (attachments, tayori_attachment_new ("会場案内図.png", hash, "image/png", 2048));
  tayori_article_set_attachments (article, attachments);
  tayori_article_set_body (article, body);
  result = check_article (images (), article, NULL);
  g_assert_cmpuint (count_rule (result, "image-alt-filename"), ==, 1);
}

static void
test_file_name_passes (void)
{
  static const char * const good[] = {
    "![駐輪場の入口と料金表](churinjo.jpg)",
    "![令和8年度の住之江区の地図](map2026.png)",
    "![此花区民ホールの外観](konohana-hall.png)",
    "![写真：防災訓練で消火器を使う参加者](bousai.jpg)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(CheckResult) result = check_markdown (images (), good[i]);

      g_test_message ("%s", good[i]);
      g_assert_cmpuint (result->findings->len, ==, 0);
    }
}

static void
test_too_long (void)
{
  g_autoptr(GString) alt = g_string_new (NULL);
  g_autofree char *long_body = NULL;
  g_autofree char *limit_body = NULL;
  g_autoptr(CheckResult) too_long = NULL;
  g_autoptr(CheckResult) at_limit = NULL;
  g_autoptr(CheckResult) configured = NULL;
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  TayoriFinding *finding;

  for (guint i = 0; i < 75; i++)
    g_string_append (alt, "図");
  limit_body = g_strdup_printf ("![%s](a.png)", alt->str);
  long_body = g_strdup_printf ("![%s。](a.png)", alt->str);
  at_limit = check_markdown (images (), limit_body);
  too_long = check_markdown (images (), long_body);
  g_assert_cmpuint (at_limit->findings->len, ==, 0);
  finding = only_finding (too_long, "image-alt-too-long");
  assert_finding (too_long, finding, TAYORI_SEVERITY_WARNING, long_body, NULL);
  g_assert_cmpstr (tayori_finding_get_message_ja (finding), ==, "代替テキストが76文字あります。75文字以内にしてください");

  tayori_article_set_body (article, "![区役所と最寄り駅の地図](map.png)");
  configured = check_article (images (), article, "[check:image-alt-too-long]\nmax-length=10\n");
  g_assert_cmpuint (count_rule (configured, "image-alt-too-long"), ==, 1);
}

static void
test_data_uri (void)
{
  g_autoptr(CheckResult) html = check_html (images (),
    "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"区役所の地図\"></p>");
  g_autoptr(CheckResult) markdown = check_markdown (images (),
    "![区役所の地図](data:image/png;base64,iVBORw0KGgo=)\n");
  g_autoptr(CheckResult) file = check_markdown (images (), "![区役所の地図](map.png)\n");

  assert_finding (html, only_finding (html, "image-data-uri"), TAYORI_SEVERITY_NOTICE,
                  "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"区役所の地図\">", NULL);
  assert_finding (markdown, only_finding (markdown, "image-data-uri"), TAYORI_SEVERITY_NOTICE,
                  "![区役所の地図](data:image/png;base64,iVBORw0KGgo=)", NULL);
  g_assert_cmpuint (file->findings->len, ==, 0);
}

static void
test_iframe (void)
{
  g_autoptr(CheckResult) result = check_html (images (),
    "<h2>会場へのアクセス</h2>\n"
    "<iframe src=\"https://www.google.com/maps/embed?pb=1\" width=\"600\"></iframe>\n"
    "<iframe src=\"https://www.youtube.com/embed/abc\" title=\"\"></iframe>\n"
    "<iframe src=\"https://www.youtube.com/embed/def\" title=\"防災訓練の紹介動画\"></iframe>\n");
  TayoriFinding *finding = nth_finding (result, "iframe-title", 0);

  g_assert_cmpuint (count_rule (result, "iframe-title"), ==, 2);
  assert_finding (result, finding, TAYORI_SEVERITY_ERROR,
                  "<iframe src=\"https://www.google.com/maps/embed?pb=1\" width=\"600\"></iframe>", NULL);
  g_assert_cmpstr (tayori_finding_get_act (finding)[0], ==, "cae760");
  g_assert_cmpstr (tayori_finding_get_selector (finding), ==, "iframe:nth-of-type(1)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/structure/images/missing-markdown", test_missing_markdown);
  g_test_add_func ("/tayori/checks/structure/images/missing-html", test_missing_html);
  g_test_add_func ("/tayori/checks/structure/images/missing-raw-in-markdown", test_missing_raw_in_markdown);
  g_test_add_func ("/tayori/checks/structure/images/file-name", test_file_name);
  g_test_add_func ("/tayori/checks/structure/images/file-name-attachment", test_file_name_attachment);
  g_test_add_func ("/tayori/checks/structure/images/file-name-passes", test_file_name_passes);
  g_test_add_func ("/tayori/checks/structure/images/too-long", test_too_long);
  g_test_add_func ("/tayori/checks/structure/images/data-uri", test_data_uri);
  g_test_add_func ("/tayori/checks/structure/images/iframe", test_iframe);

  return g_test_run ();
}
