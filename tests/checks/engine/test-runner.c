/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The runner (sync, async, settings applied, cancellation) with a checker defined here, and
 * the report (order, counts, dismissals, can-submit, replacing a family). */
#include "check-test-util.h"
#include "tayori-check-runner.h"
#include "tayori-checker.h"

/* A checker that reports fixed findings, and can cancel the run it is part of */
#define TEST_TYPE_CHECKER (test_checker_get_type ())
G_DECLARE_FINAL_TYPE (TestChecker, test_checker, TEST, CHECKER, GObject)

struct _TestChecker
{
  GObject parent_instance;
  guint calls;
  gboolean cancel;
};

static void test_checker_iface_init (TayoriCheckerInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestChecker, test_checker, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHECKER, test_checker_iface_init))

static const char *
test_checker_get_family (TayoriChecker *checker)
{
  return "axe";
}

static void
add (GPtrArray  *findings,
     const char *rule_id,
     gsize       start,
     gsize       end)
{
  g_ptr_array_add (findings, tayori_finding_new (rule_id, "body", start, end));
}

static void
test_checker_check (TayoriChecker       *checker,
                    TayoriCheckDocument *document,
                    TayoriCheckSettings *settings,
                    GPtrArray           *findings,
                    GCancellable        *cancellable)
{
  TestChecker *self = TEST_CHECKER (checker);

  self->calls++;
  if (self->cancel)
    g_cancellable_cancel (cancellable);
  g_assert_cmpstr (tayori_check_document_get_text (document, "body"), ==, "①と㈱の説明");
  add (findings, "axe/one", 0, 3);      /* "①" */
  add (findings, "axe/disabled", 6, 9); /* "㈱": off in the preset */
  add (findings, "axe/raised", 6, 9);   /* the preset makes it an error */
}

static void
test_checker_class_init (TestCheckerClass *klass)
{
}

static void
test_checker_init (TestChecker *self)
{
}

static void
test_checker_iface_init (TayoriCheckerInterface *iface)
{
  iface->get_family = test_checker_get_family;
  iface->check = test_checker_check;
}

static TayoriCheckRunner *
test_runner (TestChecker **checker_out)
{
  g_autoptr(TayoriCheckSettings) settings =
    check_test_settings_new ("[check:axe/disabled]\nenabled=false\n"
                             "[check:axe/raised]\nseverity=error\n");
  g_autoptr(GPtrArray) checkers = g_ptr_array_new_with_free_func (g_object_unref);
  TestChecker *checker = g_object_new (TEST_TYPE_CHECKER, NULL);

  g_ptr_array_add (checkers, checker);
  if (checker_out != NULL)
    *checker_out = checker;
  return tayori_check_runner_new_with_checkers (settings, checkers);
}

static TayoriCheckDocument *
test_document (TayoriArticle **article_out)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();

  tayori_article_set_body (article, "①と㈱の説明");
  if (article_out != NULL)
    *article_out = g_object_ref (article);
  return tayori_check_document_new_for_article (article);
}

static TayoriFinding *
item (GListModel *model,
      guint       position)
{
  TayoriFinding *finding = g_list_model_get_item (model, position);

  g_object_unref (finding); /* the report keeps it alive */
  return finding;
}

static void
assert_settings_applied (TayoriCheckReport *report)
{
  GListModel *model = G_LIST_MODEL (report);

  g_assert_true (g_list_model_get_item_type (model) == TAYORI_TYPE_FINDING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  /* the error first; the disabled rule's finding is gone */
  g_assert_cmpstr (tayori_finding_get_rule_id (item (model, 0)), ==, "axe/raised");
  g_assert_cmpint (tayori_finding_get_severity (item (model, 0)), ==, TAYORI_SEVERITY_ERROR);
  g_assert_cmpstr (tayori_finding_get_rule_id (item (model, 1)), ==, "axe/one");
  g_assert_cmpint (tayori_finding_get_severity (item (model, 1)), ==, TAYORI_SEVERITY_WARNING);
  g_assert_null (g_list_model_get_item (model, 2));
  g_assert_cmpuint (tayori_check_report_count (report, TAYORI_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (tayori_check_report_count (report, TAYORI_SEVERITY_WARNING), ==, 1);
  g_assert_cmpuint (tayori_check_report_count (report, TAYORI_SEVERITY_NOTICE), ==, 0);
}

static void
test_run_sync (void)
{
  g_autoptr(TayoriCheckRunner) runner = test_runner (NULL);
  g_autoptr(TayoriCheckDocument) document = test_document (NULL);
  g_autoptr(TayoriCheckReport) report = tayori_check_runner_run (runner, document, NULL);

  g_assert_nonnull (tayori_check_runner_get_settings (runner));
  assert_settings_applied (report);
}

typedef struct {
  GMainLoop *loop;
  TayoriCheckReport *report;
  GError *error;
  guint pending;
} AsyncResult;

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  AsyncResult *data = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCheckReport) report = tayori_check_runner_run_finish (TAYORI_CHECK_RUNNER (source), result, &error);

  /* The callback comes back to the thread that started the run */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (report != NULL)
    g_set_object (&data->report, report);
  else if (data->error == NULL)
    data->error = g_steal_pointer (&error);
  if (--data->pending == 0)
    g_main_loop_quit (data->loop);
}

static void
test_run_async (void)
{
  g_autoptr(TayoriCheckRunner) runner = test_runner (NULL);
  g_autoptr(TayoriCheckDocument) document = test_document (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncResult data = { loop, NULL, NULL, 1 };

  tayori_check_runner_run_async (runner, document, NULL, run_done, &data);
  g_main_loop_run (loop);
  g_assert_no_error (data.error);
  assert_settings_applied (data.report);
  g_clear_object (&data.report);
}

static void
test_cancelled_before_start (void)
{
  TestChecker *checker = NULL;
  g_autoptr(TayoriCheckRunner) runner = test_runner (&checker);
  g_autoptr(TayoriCheckDocument) document = test_document (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult data = { loop, NULL, NULL, 2 };

  /* A run cancelled before it starts is dropped; the next one still runs */
  g_cancellable_cancel (cancellable);
  tayori_check_runner_run_async (runner, document, cancellable, run_done, &data);
  tayori_check_runner_run_async (runner, document, NULL, run_done, &data);
  g_main_loop_run (loop);

  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (data.report);
  assert_settings_applied (data.report);
  g_assert_cmpuint (checker->calls, ==, 1);
  g_clear_error (&data.error);
  g_clear_object (&data.report);
}

static void
test_cancelled_between_checkers (void)
{
  g_autoptr(TayoriCheckSettings) settings = tayori_check_settings_new_defaults ();
  g_autoptr(GPtrArray) checkers = g_ptr_array_new_with_free_func (g_object_unref);
  TestChecker *first = g_object_new (TEST_TYPE_CHECKER, NULL);
  TestChecker *second = g_object_new (TEST_TYPE_CHECKER, NULL);
  g_autoptr(TayoriCheckRunner) runner = NULL;
  g_autoptr(TayoriCheckDocument) document = test_document (NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) sync_cancellable = g_cancellable_new ();
  AsyncResult data = { loop, NULL, NULL, 1 };

  first->cancel = TRUE;
  g_ptr_array_add (checkers, first);
  g_ptr_array_add (checkers, second);
  runner = tayori_check_runner_new_with_checkers (settings, checkers);

  tayori_check_runner_run_async (runner, document, cancellable, run_done, &data);
  g_main_loop_run (loop);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (data.report);
  g_assert_cmpuint (first->calls, ==, 1);
  g_assert_cmpuint (second->calls, ==, 0);
  g_clear_error (&data.error);

  /* the blocking run gives NULL */
  g_assert_null (tayori_check_runner_run (runner, document, sync_cancellable));
  g_assert_cmpuint (second->calls, ==, 0);
}

static void
test_report_dismissals (void)
{
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(TayoriCheckDocument) document = test_document (&article);
  g_autoptr(TayoriCheckRunner) runner = test_runner (NULL);
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(TayoriDismissal) dismissal = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_auto(GStrv) reasons = NULL;

  report = tayori_check_runner_run (runner, document, NULL);
  g_assert_false (tayori_check_report_can_submit (report, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 1);
  g_assert_cmpstr (reasons[0], ==, tayori_finding_get_message (item (G_LIST_MODEL (report), 0)));
  g_assert_cmpuint (tayori_check_report_get_n_dismissed (report), ==, 0);
  g_clear_object (&report);
  g_clear_pointer (&reasons, g_strfreev);

  /* Dismissed with a reason: matched by rule, field and span text, not by offset */
  dismissal = tayori_dismissal_new ("axe/raised", "body", "㈱", "会社名の正式な表記のため",
                                    "山田", "2026-04-01T09:00:00+09:00");
  tayori_article_add_dismissal (article, dismissal);
  g_clear_object (&document);
  document = tayori_check_document_new_for_article (article);
  report = tayori_check_runner_run (runner, document, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (report)), ==, 1);
  g_assert_cmpstr (tayori_finding_get_rule_id (item (G_LIST_MODEL (report), 0)), ==, "axe/one");
  g_assert_cmpuint (tayori_check_report_get_n_dismissed (report), ==, 1);
  g_assert_cmpuint (tayori_check_report_count (report, TAYORI_SEVERITY_ERROR), ==, 0);
  g_assert_true (tayori_check_report_can_submit (report, &reasons));
  g_assert_cmpuint (g_strv_length (reasons), ==, 0);
  g_assert_true (tayori_check_report_can_submit (report, NULL));

  all = tayori_check_report_dup_all (report);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (tayori_finding_get_rule_id (g_ptr_array_index (all, 0)), ==, "axe/raised");
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               gpointer    user_data)
{
  guint *change = user_data;

  change[0]++;
  change[1] = position;
  change[2] = removed;
  change[3] = added;
}

static void
test_report_replace_family (void)
{
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(TayoriArticle) edited = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) axe = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TayoriCheckReport) report = NULL;
  g_autoptr(TayoriDismissal) dismissal = NULL;
  guint change[4] = { 0 };
  TayoriFinding *finding;

  tayori_article_set_body (article, "本文");
  edited = tayori_article_copy (article);
  add (findings, "axe/one", 0, 3);
  add (findings, "axe/two", 3, 6);
  report = tayori_check_report_new (findings, article);
  g_signal_connect (report, "items-changed", G_CALLBACK (count_changes), change);

  finding = tayori_finding_new ("axe/color-contrast", "body", 0, 6);
  tayori_finding_set_severity (finding, TAYORI_SEVERITY_ERROR);
  g_ptr_array_add (axe, finding);
  tayori_check_report_replace_family (report, "axe", axe);
  g_assert_cmpuint (change[0], ==, 1);
  g_assert_cmpuint (change[1], ==, 0);
  g_assert_cmpuint (change[2], ==, 2);
  g_assert_cmpuint (change[3], ==, 1);
  g_assert_true (item (G_LIST_MODEL (report), 0) == finding);
  g_assert_false (tayori_check_report_can_submit (report, NULL));

  /* dismissing later, on the article being edited: the report filters again when told */
  dismissal = tayori_dismissal_new ("axe/color-contrast", "body", "本文", "テンプレートの色のため", "", "");
  tayori_article_add_dismissal (edited, dismissal);
  g_assert_false (tayori_check_report_can_submit (report, NULL));
  tayori_check_report_set_dismissals (report, tayori_article_get_dismissals (edited));
  g_assert_cmpuint (change[0], ==, 2);
  g_assert_cmpuint (change[2], ==, 1);
  g_assert_cmpuint (change[3], ==, 0);
  g_assert_true (tayori_check_report_can_submit (report, NULL));
  g_assert_cmpuint (tayori_check_report_get_n_dismissed (report), ==, 1);

  tayori_check_report_replace_family (report, "axe", NULL);
  g_assert_cmpuint (change[0], ==, 3);
  g_assert_cmpuint (tayori_check_report_get_n_dismissed (report), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tayori/checks/engine/runner/sync", test_run_sync);
  g_test_add_func ("/tayori/checks/engine/runner/async", test_run_async);
  g_test_add_func ("/tayori/checks/engine/runner/cancelled-before-start", test_cancelled_before_start);
  g_test_add_func ("/tayori/checks/engine/runner/cancelled-between-checkers", test_cancelled_between_checkers);
  g_test_add_func ("/tayori/checks/engine/report/dismissals", test_report_dismissals);
  g_test_add_func ("/tayori/checks/engine/report/replace-family", test_report_replace_family);
  return g_test_run ();
}
