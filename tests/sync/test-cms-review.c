/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriCmsSync's workflow against the fake site: submit and its checks, reviews by another
 * user with the reviewed snapshot, returns seen by the author, pull, the local status. */
#include <string.h>
#include "sync-test-util.h"
#include "tayori-check-runner.h"
#include "tayori-cms-error.h"

static const char two_levels[] = "[workflow]\nlevels=2\nlevel-names=係長;課長\n";

static void
setup (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_set_up (fixture, data, data != NULL ? 2 : 1);
}

static void
teardown (SyncFixture *fixture, gconstpointer data)
{
  sync_fixture_tear_down (fixture);
}

static void
test_submit_checks (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "臨時休館のお知らせ", "# 大見出し\n\n図書館は臨時休館します。\n");
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(TayoriCheckRunner) runner = tayori_check_runner_new (tayori_check_settings_new (fixture->preset));
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);
  g_autoptr(TayoriCheckReport) report = tayori_check_runner_run (runner, document, NULL);
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriCmsPost) remote = NULL;
  g_autoptr(GError) error = NULL;
  const TayoriCmsReviewEntry *entry;

  /* Precondition: the core checks find an error in this article. */
  g_assert_false (tayori_check_report_can_submit (report, NULL));

  g_assert_null (sync_test_submit (fixture->sync, id, "確認をお願いします", NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_CHECKS_FAILED);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "create_post"), ==, 0);
  g_clear_error (&error);

  status = sync_test_submit (fixture->sync, id, "確認をお願いします", "見出しは広報課の指示どおり", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status->remote_status, ==, "pending");
  remote = fake_site_get (fixture->site, status->remote_id);
  g_assert_cmpstr (remote->status, ==, "pending");
  g_assert_cmpuint (status->review_log->len, ==, 1);
  entry = g_ptr_array_index (status->review_log, 0);
  g_assert_cmpstr (entry->action, ==, "submit");
  g_assert_nonnull (strstr (entry->note, "確認をお願いします"));
  g_assert_nonnull (strstr (entry->note, "見出しは広報課の指示どおり"));
  g_clear_object (&article);
  article = sync_test_load (fixture->store, id);
  g_assert_cmpint (tayori_article_get_status (article), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);
}

static gint64
submitted_article (SyncFixture *fixture, gint64 *out_remote_id)
{
  gint64 id = sync_fixture_add_article (fixture, "健診のお知らせ", "今年の健診の日程です。\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = sync_test_submit (fixture->sync, id, NULL, NULL, &error);

  g_assert_no_error (error);
  *out_remote_id = status->remote_id;
  return id;
}

static void
test_review_approve (SyncFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *editor = sync_fixture_editor (fixture);
  gint64 remote_id;
  gint64 id = submitted_article (fixture, &remote_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriArticle) reviewed = NULL;
  g_autoptr(TayoriArticle) local = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 editor_id;

  /* Nobody approves their own article: refused before anything is sent. */
  g_assert_null (sync_test_review (fixture->sync, id, TAYORI_CMS_REVIEW_APPROVE, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_SELF_APPROVAL);
  g_assert_cmpuint (fake_site_count_calls (fixture->site, "review"), ==, 1);
  g_clear_error (&error);

  editor_id = sync_test_open_remote (editor, "city-editor", remote_id, &error);
  g_assert_no_error (error);
  local = sync_test_load (fixture->editor_store, editor_id);
  g_assert_cmpstr (tayori_article_get_title (local), ==, "健診のお知らせ");
  g_assert_cmpint (tayori_article_get_status (local), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);

  tayori_cms_sync_reviewed_snapshot_async (editor, editor_id, NULL, sync_test_store_result, &result);
  g_assert_null (tayori_cms_sync_reviewed_snapshot_finish (editor, sync_test_wait (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);

  status = sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_APPROVE, "問題ありません", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status->remote_status, ==, "publish");
  g_assert_cmpuint (status->approvals, ==, 1);
  g_assert_cmpuint (status->approval_levels, ==, 1);
  g_clear_object (&local);
  local = sync_test_load (fixture->editor_store, editor_id);
  g_assert_cmpint (tayori_article_get_status (local), ==, TAYORI_ARTICLE_STATUS_PUBLISHED);

  tayori_cms_sync_reviewed_snapshot_async (editor, editor_id, NULL, sync_test_store_result, &result);
  reviewed = tayori_cms_sync_reviewed_snapshot_finish (editor, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (reviewed);
  g_assert_cmpstr (tayori_article_get_body (reviewed), ==, "今年の健診の日程です。\n");
}

static void
test_review_return (SyncFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *editor = sync_fixture_editor (fixture);
  gint64 remote_id;
  gint64 id = submitted_article (fixture, &remote_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  gint64 editor_id = sync_test_open_remote (editor, "city-editor", remote_id, &error);

  g_assert_no_error (error);
  g_assert_null (sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_RETURN, "  ", &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
  g_clear_error (&error);
  status = sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_RETURN, "日付を確認してください", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status->remote_status, ==, "draft");

  /* The author opens the post again: returned, with the note. */
  g_assert_cmpint (sync_test_open_remote (fixture->sync, "city", remote_id, &error), ==, id);
  g_assert_no_error (error);
  article = sync_test_load (fixture->store, id);
  g_assert_cmpint (tayori_article_get_status (article), ==, TAYORI_ARTICLE_STATUS_RETURNED);
  g_clear_pointer (&status, tayori_cms_sync_status_free);
  status = sync_test_status (fixture->sync, id, &error);
  g_assert_cmpstr (status->review_note, ==, "日付を確認してください");
}

static TayoriCmsRemoteItem *
find_item (GPtrArray *items, gint64 remote_id)
{
  for (guint i = 0; i < items->len; i++)
    if (((TayoriCmsRemoteItem *) g_ptr_array_index (items, i))->remote_id == remote_id)
      return g_ptr_array_index (items, i);
  return NULL;
}

static void
test_pull (SyncFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *editor = sync_fixture_editor (fixture);
  gint64 remote_id;
  gint64 id = submitted_article (fixture, &remote_id);
  g_autoptr(TayoriArticle) article = sync_test_load (fixture->store, id);
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TayoriCmsRemoteItem *item;

  tayori_cms_sync_pull_async (fixture->sync, "city", TAYORI_CMS_SCOPE_MINE, NULL, sync_test_store_result, &result);
  mine = tayori_cms_sync_pull_finish (fixture->sync, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  item = find_item (mine, remote_id);
  g_assert_nonnull (item);
  g_assert_cmpint (item->article_id, ==, id);
  g_assert_cmpstr (item->title, ==, "健診のお知らせ");
  g_assert_cmpstr (item->account, ==, "city");
  g_assert_cmpstr (item->author, ==, "alice");
  g_clear_object (&result);

  tayori_cms_sync_pull_async (editor, "city-editor", TAYORI_CMS_SCOPE_PENDING_REVIEW, NULL,
                              sync_test_store_result, &result);
  queue = tayori_cms_sync_pull_finish (editor, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  item = find_item (queue, remote_id);
  g_assert_nonnull (item);
  g_assert_cmpint (item->article_id, ==, 0);
  g_assert_cmpstr (item->status, ==, "pending");
  g_assert_nonnull (item->submitted_at);
  g_assert_cmpstr (item->ward, ==, "");
}

static void
test_status_local_changes (SyncFixture *fixture, gconstpointer data)
{
  gint64 id = sync_fixture_add_article (fixture, "お知らせ", "本文です。");
  g_autoptr(TayoriCmsSyncStatus) before = NULL;
  g_autoptr(TayoriCmsSyncStatus) pushed = NULL;
  g_autoptr(TayoriCmsSyncStatus) edited = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  before = sync_test_status (fixture->sync, id, NULL);
  g_assert_null (before->account);
  g_assert_cmpint (before->remote_id, ==, 0);
  pushed = sync_test_push (fixture->sync, id, NULL);
  g_assert_false (pushed->local_changed);
  article = sync_test_load (fixture->store, id);
  tayori_article_set_body (article, "本文を直しました。");
  sync_test_save (fixture->store, article);
  g_clear_object (&result);
  edited = sync_test_status (fixture->sync, id, NULL);
  g_assert_true (edited->local_changed);
  g_assert_cmpint (edited->remote_id, ==, pushed->remote_id);
  g_assert_false (edited->conflict);
}

static void
test_two_levels_scheduled (SyncFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *editor = sync_fixture_editor (fixture);
  gint64 remote_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) first = NULL;
  g_autoptr(TayoriCmsSyncStatus) second = NULL;
  g_autoptr(TayoriArticle) local = NULL;
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ("2026-12-01T09:00:00+09:00", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  TayoriCmsSync *chief;
  TayoriStore *chief_store;
  gint64 editor_id, chief_id;

  submitted_article (fixture, &remote_id);
  editor_id = sync_test_open_remote (editor, "city-editor", remote_id, &error);
  g_assert_no_error (error);
  first = sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_APPROVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->remote_status, ==, "pending");
  g_assert_cmpuint (first->approvals, ==, 1);
  g_assert_cmpuint (first->approval_levels, ==, 2);
  local = sync_test_load (fixture->editor_store, editor_id);
  g_assert_cmpint (tayori_article_get_status (local), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);

  /* The same approver twice on one revision is refused; the chief approves on her machine. */
  g_assert_null (sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_APPROVE, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
  g_clear_error (&error);
  chief = sync_fixture_machine (fixture, "chief", &chief_store);
  chief_id = sync_test_open_remote (chief, "city-chief", remote_id, &error);
  g_assert_no_error (error);
  tayori_cms_sync_review_async (chief, chief_id, TAYORI_CMS_REVIEW_APPROVE, NULL, at, NULL,
                                sync_test_store_result, &result);
  second = tayori_cms_sync_review_finish (chief, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (second->remote_status, ==, "future");
  g_clear_object (&local);
  local = sync_test_load (chief_store, chief_id);
  g_assert_cmpint (tayori_article_get_status (local), ==, TAYORI_ARTICLE_STATUS_SCHEDULED);
}

static void
test_unpublish (SyncFixture *fixture, gconstpointer data)
{
  TayoriCmsSync *editor = sync_fixture_editor (fixture);
  gint64 remote_id;
  g_autoptr(GError) error = NULL;
  g_autoptr(TayoriCmsSyncStatus) approved = NULL;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(TayoriArticle) local = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  gint64 editor_id;

  submitted_article (fixture, &remote_id);
  editor_id = sync_test_open_remote (editor, "city-editor", remote_id, &error);
  approved = sync_test_review (editor, editor_id, TAYORI_CMS_REVIEW_APPROVE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (approved->remote_status, ==, "publish");
  tayori_cms_sync_unpublish_async (editor, editor_id, TRUE, NULL, sync_test_store_result, &result);
  status = tayori_cms_sync_unpublish_finish (editor, sync_test_wait (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (status->remote_status, ==, "trash");
  local = sync_test_load (fixture->editor_store, editor_id);
  g_assert_cmpint (tayori_article_get_status (local), ==, TAYORI_ARTICLE_STATUS_ARCHIVED);
}

static void
test_open_plain_html (SyncFixture *fixture, gconstpointer data)
{
  g_autoptr(FakeConnector) bob = fake_connector_new (fixture->site, "bob");
  g_autoptr(TayoriCmsPost) post = tayori_cms_post_new ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(TayoriArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  /* A post written in the CMS itself: no Markdown, no Tayori meta. */
  post->title = g_strdup ("CMSで書いた記事");
  post->status = g_strdup ("pending");
  post->content_html = g_strdup ("<p>CMSの<strong>本文</strong></p>");
  created = tayori_cms_connector_create_post (TAYORI_CMS_CONNECTOR (bob), post, NULL, &error);
  g_assert_no_error (error);
  id = sync_test_open_remote (fixture->sync, "city", created->remote_id, &error);
  g_assert_no_error (error);
  article = sync_test_load (fixture->store, id);
  g_assert_cmpstr (tayori_article_get_title (article), ==, "CMSで書いた記事");
  g_assert_cmpstr (tayori_article_get_body (article), ==, "<p>CMSの<strong>本文</strong></p>");
  g_assert_cmpstr (tayori_article_get_author (article), ==, "bob");
  g_assert_cmpint (tayori_article_get_status (article), ==, TAYORI_ARTICLE_STATUS_IN_REVIEW);
}

int
main (int argc, char **argv)
{
  sync_test_init (&argc, &argv);
#define ADD(path, func) g_test_add ("/tayori/sync/workflow-run/" path, SyncFixture, NULL, setup, func, teardown)
  ADD ("submit-checks", test_submit_checks);
  ADD ("review-approve", test_review_approve);
  ADD ("review-return", test_review_return);
  ADD ("pull", test_pull);
  ADD ("status-local-changes", test_status_local_changes);
  ADD ("unpublish", test_unpublish);
  ADD ("open-plain-html", test_open_plain_html);
  g_test_add ("/tayori/sync/workflow-run/two-levels-scheduled", SyncFixture, two_levels, setup,
              test_two_levels_scheduled, teardown);
#undef ADD
  return g_test_run ();
}
