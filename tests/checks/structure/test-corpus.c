/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The realistic notices of tests/checks/corpus get no error from the municipal-structure rules,
 * and the deliberately bad structure notice gets the findings it was written to have. */
#include <string.h>

#include "structure-test-util.h"
#include "tayori-front-matter.h"

static GPtrArray *
structure_checkers (void)
{
  GPtrArray *checkers = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (checkers, tayori_check_links_new ());
  g_ptr_array_add (checkers, tayori_check_images_new ());
  g_ptr_array_add (checkers, tayori_check_structure_new ());
  return checkers;
}

static TayoriArticle *
load_notice (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TayoriArticle *article;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  article = tayori_front_matter_parse (text, -1, path, &error);
  g_assert_no_error (error);
  return article;
}

static void
test_notices (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "corpus", "notices", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) checkers = structure_checkers ();
  guint n_notices = 0;
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(TayoriArticle) article = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      article = load_notice (path);
      n_notices++;
      for (guint i = 0; i < checkers->len; i++)
        {
          g_autoptr(CheckResult) result = check_article (g_ptr_array_index (checkers, i), article, NULL);

          for (guint j = 0; j < result->findings->len; j++)
            {
              TayoriFinding *finding = g_ptr_array_index (result->findings, j);
              const char *body = tayori_check_document_get_text (result->document, "body");
              g_autofree char *span = tayori_finding_dup_span (finding, body);

              g_test_message ("%s: %s %s “%s”", name, tayori_finding_get_rule_id (finding),
                              tayori_severity_to_string (tayori_finding_get_severity (finding)), span);
              g_assert_cmpint (tayori_finding_get_severity (finding), !=, TAYORI_SEVERITY_ERROR);
            }
        }
    }
  g_assert_cmpuint (n_notices, >=, 20);
}

static void
test_bad_structure (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "corpus", "bad", "structure.md", NULL);
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(CheckResult) links = NULL;
  g_autoptr(CheckResult) images = NULL;
  g_autoptr(CheckResult) structure = NULL;
  g_autoptr(TayoriChecker) links_checker = tayori_check_links_new ();
  g_autoptr(TayoriChecker) images_checker = tayori_check_images_new ();
  g_autoptr(TayoriChecker) structure_checker = tayori_check_structure_new ();

  article = load_notice (path);
  links = check_article (links_checker, article, NULL);
  images = check_article (images_checker, article, NULL);
  structure = check_article (structure_checker, article, NULL);

  assert_finding (images, only_finding (images, "image-alt-missing"), TAYORI_SEVERITY_ERROR,
                  "![](https://www.city.osaka.lg.jp/hirano/images/churinjo.jpg)", NULL);
  assert_finding (structure, only_finding (structure, "heading-skip"), TAYORI_SEVERITY_WARNING, "#### 料金", NULL);
  g_assert_cmpuint (count_rule (structure, "table-caption"), ==, 1);
  assert_finding (links, only_finding (links, "link-vague-text"), TAYORI_SEVERITY_WARNING,
                  "[こちら](https://www.city.osaka.lg.jp/hirano/cmsfiles/contents/0000800/800123/ryokin.pdf)", NULL);
  g_assert_cmpuint (count_rule (links, "link-file-format"), ==, 1);
  assert_finding (links, only_finding (links, "link-phone-not-tel"), TAYORI_SEVERITY_NOTICE,
                  "06-4302-9683", "[06-4302-9683](tel:0643029683)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/checks/structure/corpus/notices", test_notices);
  g_test_add_func ("/tayori/checks/structure/corpus/bad-structure", test_bad_structure);

  return g_test_run ();
}
