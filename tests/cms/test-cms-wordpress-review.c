/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review workflow against a real WordPress with the plugin: submit, return with a note,
 * resubmit, two approval levels, scheduling, and the refusals (self-approval, publishing
 * without approvals, a contributor publishing); without the plugin, what is refused. */
#include <string.h>

#include "tayori-cms-error.h"
#include "wordpress-test-util.h"

static TayoriCmsReviewEntry *
last_entry (const TayoriCmsPost *post)
{
  g_assert_cmpuint (post->review_log->len, >, 0);
  return g_ptr_array_index (post->review_log, post->review_log->len - 1);
}

/* contrib submits, editor 1 returns with a note, contrib fixes and resubmits, editor 1 and
 * editor 2 approve (two levels): published. */
static void
test_review_workflow (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsConnector) editor1 = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsConnector) editor2 = wp_test_connector ("editor2");
  g_autoptr(TayoriCmsPost) post = wp_test_create (contrib, "審査のお知らせ");
  g_autoptr(TayoriCmsPost) step = NULL;
  g_autoptr(TayoriCmsPost) fixed = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autoptr(GError) error = NULL;

  step = wp_test_review (contrib, post, TAYORI_CMS_REVIEW_SUBMIT, "確認をお願いします", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (step->status, ==, "pending");
  g_assert_cmpstr (last_entry (step)->action, ==, "submit");
  g_assert_cmpstr (last_entry (step)->actor, ==, "contrib");
  g_clear_pointer (&step, tayori_cms_post_free);

  step = wp_test_review (editor1, post, TAYORI_CMS_REVIEW_RETURN, "表の見出しを直してください", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (step->status, ==, "draft");
  g_assert_cmpstr (last_entry (step)->action, ==, "return");
  g_assert_cmpstr (last_entry (step)->actor, ==, "editor1");
  g_assert_cmpstr (last_entry (step)->note, ==, "表の見出しを直してください");
  g_clear_pointer (&step, tayori_cms_post_free);

  /* The fix is a new revision. */
  g_free (post->content_html);
  post->content_html = g_strdup ("<table><tr><th>地区</th><th>時間</th></tr></table>");
  g_free (post->revision_hash);
  post->revision_hash = g_strdup ("0000000000000000000000000000000000000000000000000000000000000002");
  fixed = tayori_cms_connector_update_post (contrib, post, NULL, &error);
  g_assert_no_error (error);
  step = wp_test_review (contrib, post, TAYORI_CMS_REVIEW_SUBMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&step, tayori_cms_post_free);

  /* A return needs a note. */
  g_assert_null (wp_test_review (editor1, post, TAYORI_CMS_REVIEW_RETURN, NULL, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
  g_clear_error (&error);

  step = wp_test_review (editor1, post, TAYORI_CMS_REVIEW_APPROVE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (step->status, ==, "pending");
  g_assert_cmpuint (step->approvals, ==, 1);
  g_assert_cmpstr (last_entry (step)->revision_hash, ==, post->revision_hash);
  g_clear_pointer (&step, tayori_cms_post_free);

  g_assert_null (wp_test_review (editor1, post, TAYORI_CMS_REVIEW_APPROVE, NULL, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
  g_clear_error (&error);

  step = wp_test_review (editor2, post, TAYORI_CMS_REVIEW_APPROVE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (step->status, ==, "publish");
  g_assert_nonnull (step->link);
  published = tayori_cms_connector_list_posts (editor1, TAYORI_CMS_SCOPE_PUBLISHED, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wp_test_contains_post (published, post->remote_id, NULL));
}

static void
test_schedule (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsConnector) editor1 = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsConnector) editor2 = wp_test_connector ("editor2");
  g_autoptr(TayoriCmsPost) post = wp_test_create (contrib, "予約公開のお知らせ");
  g_autoptr(TayoriCmsPost) submitted = NULL;
  g_autoptr(TayoriCmsPost) first = NULL;
  g_autoptr(TayoriCmsPost) scheduled = NULL;
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  g_autoptr(GDateTime) now = g_date_time_new_now (tokyo);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) at = g_date_time_new (tokyo, g_date_time_get_year (tomorrow),
                                             g_date_time_get_month (tomorrow),
                                             g_date_time_get_day_of_month (tomorrow), 9, 0, 0);
  g_autoptr(GDateTime) at_utc = g_date_time_to_utc (at);
  g_autofree char *expected = g_date_time_format (at_utc, "%Y-%m-%dT%H:%M:%S");
  g_autoptr(GError) error = NULL;

  submitted = wp_test_review (contrib, post, TAYORI_CMS_REVIEW_SUBMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  first = wp_test_review (editor1, post, TAYORI_CMS_REVIEW_APPROVE, NULL, at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->status, ==, "pending");
  scheduled = wp_test_review (editor2, post, TAYORI_CMS_REVIEW_APPROVE, NULL, at, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scheduled->status, ==, "future");
  g_assert_cmpstr (scheduled->date_gmt, ==, expected);
}

static void
test_refusals (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsConnector) editor1 = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsPost) own = wp_test_create (editor1, "自分の記事");
  g_autoptr(TayoriCmsPost) other = wp_test_create (contrib, "承認前の記事");
  g_autoptr(TayoriCmsPost) publish = wp_test_sample_post ("寄稿者が公開");
  g_autoptr(TayoriCmsPost) step = NULL;
  g_autoptr(GError) error = NULL;

  step = wp_test_review (editor1, own, TAYORI_CMS_REVIEW_SUBMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&step, tayori_cms_post_free);
  step = wp_test_review (editor1, own, TAYORI_CMS_REVIEW_APPROVE, NULL, NULL, &error);
  g_assert_null (step);
  if (wp_test_with_plugin ())
    g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_SELF_APPROVAL);
  else
    g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING);
  g_clear_error (&error);

  if (wp_test_with_plugin ())
    {
      /* Editors may publish in WordPress; the plugin refuses it without the approvals. */
      step = wp_test_review (contrib, other, TAYORI_CMS_REVIEW_SUBMIT, NULL, NULL, &error);
      g_assert_no_error (error);
      g_clear_pointer (&step, tayori_cms_post_free);
      step = tayori_cms_connector_set_status (editor1, other->remote_id, "publish", NULL, &error);
      g_assert_null (step);
      g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_REJECTED);
      g_assert_nonnull (strstr (error->message, "tayori_approval_required"));
      g_clear_error (&error);
    }

  g_free (publish->status);
  publish->status = g_strdup ("publish");
  step = tayori_cms_connector_create_post (contrib, publish, NULL, &error);
  g_assert_null (step);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "The Contributor role cannot publish posts."));
}

int
main (int   argc,
      char *argv[])
{
  if (!wp_test_init (&argc, &argv))
    return 99;
  if (wp_test_with_plugin ())
    {
      g_test_add_func ("/tayori/cms/wordpress/review-workflow", test_review_workflow);
      g_test_add_func ("/tayori/cms/wordpress/schedule", test_schedule);
    }
  g_test_add_func ("/tayori/cms/wordpress/refusals", test_refusals);
  return g_test_run ();
}
