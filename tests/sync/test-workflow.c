/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The approval workflow's rules as a table: levels from the preset, statuses after each
 * action, review refusals, remote statuses. */
#include <glib/gstdio.h>
#include "tayori-cms-error.h"
#include "tayori-workflow.h"

static TayoriPreset *
preset_with (const char *text)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int fd = g_file_open_tmp ("tayori-workflow-XXXXXX.conf", &path, &error);
  TayoriPreset *preset;

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  preset = tayori_preset_new_from_file (path, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return preset;
}

static void
test_levels (void)
{
  static const struct {
    const char *text;
    guint       levels;
    guint       emergency;
    const char *last_name;
  } rows[] = {
    { "", 1, 1, NULL },
    { "[workflow]\nlevels=2\nlevel-names=係長;課長\nemergency-levels=1\n", 2, 1, "課長" },
    { "[workflow]\nlevels=3\n", 3, 3, NULL },
    { "[workflow]\nlevels=9\n", 3, 3, NULL },
    { "[workflow]\nlevels=0\n", 1, 1, NULL },
    { "[workflow]\nlevels=2\nemergency-levels=5\n", 2, 2, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(TayoriPreset) preset = preset_with (rows[i].text);
      g_autoptr(TayoriWorkflow) workflow = tayori_workflow_new_from_preset (preset);
      g_autoptr(TayoriArticle) article = tayori_article_new ();

      g_assert_cmpuint (workflow->levels, ==, rows[i].levels);
      g_assert_cmpuint (g_strv_length (workflow->level_names), ==, rows[i].levels);
      if (rows[i].last_name != NULL)
        g_assert_cmpstr (workflow->level_names[rows[i].levels - 1], ==, rows[i].last_name);
      g_assert_cmpuint (tayori_workflow_levels_for (workflow, article), ==, rows[i].levels);
      tayori_article_set_emergency (article, TRUE);
      g_assert_cmpuint (tayori_workflow_levels_for (workflow, article), ==, rows[i].emergency);
    }
}

static void
test_status_after (void)
{
  g_autoptr(TayoriPreset) preset = preset_with ("[workflow]\nlevels=2\n");
  g_autoptr(TayoriWorkflow) workflow = tayori_workflow_new_from_preset (preset);
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  static const struct {
    TayoriCmsReviewAction action;
    guint                 approvals;
    gboolean              scheduled;
    TayoriArticleStatus   status;
  } rows[] = {
    { TAYORI_CMS_REVIEW_SUBMIT, 0, FALSE, TAYORI_ARTICLE_STATUS_IN_REVIEW },
    { TAYORI_CMS_REVIEW_APPROVE, 1, FALSE, TAYORI_ARTICLE_STATUS_IN_REVIEW },
    { TAYORI_CMS_REVIEW_APPROVE, 2, FALSE, TAYORI_ARTICLE_STATUS_PUBLISHED },
    { TAYORI_CMS_REVIEW_APPROVE, 2, TRUE, TAYORI_ARTICLE_STATUS_SCHEDULED },
    { TAYORI_CMS_REVIEW_RETURN, 0, FALSE, TAYORI_ARTICLE_STATUS_RETURNED },
    { TAYORI_CMS_REVIEW_RETURN, 1, FALSE, TAYORI_ARTICLE_STATUS_IN_REVIEW },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (tayori_workflow_status_after (workflow, article, rows[i].action, rows[i].approvals,
                                                   rows[i].scheduled), ==, rows[i].status);
}

static void
test_check_review (void)
{
  g_autoptr(TayoriWorkflow) workflow = tayori_workflow_new_from_preset (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (tayori_workflow_check_review (workflow, "alice", "alice", TAYORI_CMS_REVIEW_APPROVE, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_SELF_APPROVAL);
  g_clear_error (&error);
  g_assert_false (tayori_workflow_check_review (workflow, "alice", "bob", TAYORI_CMS_REVIEW_RETURN, " \n", &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
  g_clear_error (&error);
  g_assert_true (tayori_workflow_check_review (workflow, "alice", "bob", TAYORI_CMS_REVIEW_APPROVE, NULL, &error));
  g_assert_true (tayori_workflow_check_review (workflow, "alice", "bob", TAYORI_CMS_REVIEW_RETURN, "日付", &error));
  /* The author returning their own submission is not an approval. */
  g_assert_true (tayori_workflow_check_review (workflow, "alice", "alice", TAYORI_CMS_REVIEW_RETURN, "取り下げ", &error));
  g_assert_no_error (error);
}

static void
test_status_from_remote (void)
{
  static const struct {
    const char         *remote;
    gboolean            returned;
    TayoriArticleStatus status;
  } rows[] = {
    { "draft", FALSE, TAYORI_ARTICLE_STATUS_DRAFT },
    { "draft", TRUE, TAYORI_ARTICLE_STATUS_RETURNED },
    { "pending", FALSE, TAYORI_ARTICLE_STATUS_IN_REVIEW },
    { "pending", TRUE, TAYORI_ARTICLE_STATUS_IN_REVIEW },
    { "future", FALSE, TAYORI_ARTICLE_STATUS_SCHEDULED },
    { "publish", FALSE, TAYORI_ARTICLE_STATUS_PUBLISHED },
    { "trash", FALSE, TAYORI_ARTICLE_STATUS_ARCHIVED },
    { NULL, FALSE, TAYORI_ARTICLE_STATUS_DRAFT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (tayori_workflow_status_from_remote (rows[i].remote, rows[i].returned), ==, rows[i].status);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/sync/workflow/levels", test_levels);
  g_test_add_func ("/tayori/sync/workflow/status-after", test_status_after);
  g_test_add_func ("/tayori/sync/workflow/check-review", test_check_review);
  g_test_add_func ("/tayori/sync/workflow/status-from-remote", test_status_from_remote);
  return g_test_run ();
}
