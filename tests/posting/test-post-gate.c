/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The posting gate's refusals (each with its reason), the composer's versions inheriting and
 * resolving, and the audit log's CSV. */
#include "posting-test-util.h"
#include "tayori-audit-log.h"
#include "tayori-sns-versions.h"

static GPtrArray *
one_request (const char *account,
             const char *text)
{
  GPtrArray *requests = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_request_free);

  g_ptr_array_add (requests, tayori_post_request_new (account, text));
  return requests;
}

static TayoriArticle *
article_with_status (TayoriArticleStatus status)
{
  TayoriArticle *article = tayori_article_new ();

  tayori_article_set_title (article, "お知らせ");
  tayori_article_set_status (article, status);
  return article;
}

/* The gate's verdict on one post of @text to @account by @actor. */
static GError *
verdict (PostingFixture      *fixture,
         TayoriArticleStatus  status,
         const char          *account,
         const char          *text,
         const char          *actor,
         const char * const  *roles)
{
  g_autoptr(TayoriArticle) article = article_with_status (status);
  g_autoptr(GPtrArray) requests = one_request (account, text);
  GError *error = NULL;

  if (tayori_post_gate_check (article, fixture->preset, requests, actor, roles, &error))
    g_assert_no_error (error);
  return error;
}

static void
test_allows (PostingFixture *fixture,
             gconstpointer   data)
{
  const char * const editor[] = { "role:editor", NULL };
  GError *error;

  error = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "city-x", "夏祭りを開きます", "bob",
                   NULL);
  g_assert_no_error (error);
  error = verdict (fixture, TAYORI_ARTICLE_STATUS_PUBLISHED, "city-bsky", "夏祭り", "bob", NULL);
  g_assert_no_error (error);
  /* Editors may post a draft. */
  error = verdict (fixture, TAYORI_ARTICLE_STATUS_DRAFT, "city-x", "夏祭り", "bob", editor);
  g_assert_no_error (error);
}

static void
test_not_approved (PostingFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = verdict (fixture, TAYORI_ARTICLE_STATUS_IN_REVIEW, "city-x",
                                     "夏祭り", "bob", NULL);

  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_NOT_APPROVED);
  g_assert_nonnull (strstr (error->message,
                            tayori_article_status_to_label (TAYORI_ARTICLE_STATUS_IN_REVIEW)));
}

static void
test_personal_data (PostingFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(GError) error = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "city-x",
                                     "担当の携帯090-1234-5678まで", "bob", NULL);

  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_CHECKS);
  g_assert_nonnull (strstr (error->message, "090-1234-5678"));
  g_assert_nonnull (strstr (error->message, "市X"));
}

static void
test_blocked_word (PostingFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "city-bsky",
                                     "父兄の皆さまへ", "bob", NULL);

  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_CHECKS);
  g_assert_nonnull (strstr (error->message, "父兄"));
}

static void
test_image_without_alt (PostingFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(TayoriArticle) article = article_with_status (TAYORI_ARTICLE_STATUS_APPROVED);
  g_autoptr(GPtrArray) requests = one_request ("city-x", "写真です");
  TayoriPostRequest *request = g_ptr_array_index (requests, 0);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (request->images, tayori_post_image_new ("aa", "会場の写真"));
  g_ptr_array_add (request->images, tayori_post_image_new ("bb", " \u3000"));
  g_assert_false (tayori_post_gate_check (article, fixture->preset, requests, "bob", NULL,
                                          &error));
  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_CHECKS);
  /* The second image, not the first. */
  g_assert_nonnull (strstr (error->message, " 2 "));
  g_assert_null (strstr (error->message, " 1 "));
}

static void
test_too_long (PostingFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) fits = NULL;

  /* 141 kana weigh 282 on X; 140 weigh 280. */
  for (guint i = 0; i < 140; i++)
    g_string_append (text, "あ");
  fits = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "city-x", text->str, "bob", NULL);
  g_assert_no_error (fits);
  g_string_append (text, "あ");
  error = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "city-x", text->str, "bob", NULL);
  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "282"));
  g_assert_nonnull (strstr (error->message, "280"));
}

static void
test_not_allowed (PostingFixture *fixture,
                  gconstpointer   data)
{
  g_autoptr(GError) error = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "ward-x",
                                     "区のお知らせ", "bob", NULL);
  g_autoptr(GError) alice = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "ward-x",
                                     "区のお知らせ", "alice", NULL);
  g_autoptr(GError) unknown = verdict (fixture, TAYORI_ARTICLE_STATUS_APPROVED, "nowhere",
                                       "区のお知らせ", "alice", NULL);

  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "bob"));
  g_assert_no_error (alice);
  g_assert_error (unknown, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_UNKNOWN_ACCOUNT);
}

static void
test_every_reason (PostingFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(GError) error = verdict (fixture, TAYORI_ARTICLE_STATUS_DRAFT, "ward-x",
                                     "父兄の携帯090-1234-5678", "bob", NULL);
  g_auto(GStrv) lines = NULL;

  /* The first reason's code; every reason on its own line. */
  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_NOT_APPROVED);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
}

static void
test_enqueue_refused (PostingFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, 0);
  g_autoptr(GPtrArray) requests = one_request ("city-x", "携帯090-1234-5678");
  g_autoptr(GPtrArray) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  ids = tayori_post_queue_enqueue (fixture->queue, fixture->article_id, requests, "bob", NULL,
                                   &error);
  g_assert_null (ids);
  g_assert_error (error, TAYORI_POST_GATE_ERROR, TAYORI_POST_GATE_ERROR_CHECKS);
  g_clear_error (&error);
  jobs = tayori_post_queue_list_jobs (fixture->queue, fixture->article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jobs->len, ==, 0);
  g_assert_cmpuint (fake_channel_count_calls (fake, "post"), ==, 0);
}

static void
test_versions (PostingFixture *fixture,
               gconstpointer   data)
{
  TayoriSnsVersion base = { (char *) "base", (char *) "基本の文", NULL };
  TayoriSnsVersion x = { (char *) "x", (char *) "Xの文", NULL };
  TayoriSnsVersion ward = { (char *) "ward-x", (char *) "区の文", NULL };
  TayoriSnsVersion ward_removed = { (char *) "ward-x", NULL, NULL };
  g_autoptr(GPtrArray) images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_post_image_free);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  const TayoriSnsVersion *found;

  g_ptr_array_add (images, tayori_post_image_new ("abc", "会場の地図"));
  x.images = images;
  versions = tayori_sns_versions_load (fixture->store, fixture->article_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);
  g_assert_null (tayori_sns_versions_resolve (versions, "city-x", "x"));
  g_clear_pointer (&versions, g_ptr_array_unref);

  g_assert_true (tayori_sns_versions_save (fixture->store, fixture->article_id, &base, &error));
  g_assert_true (tayori_sns_versions_save (fixture->store, fixture->article_id, &x, &error));
  g_assert_true (tayori_sns_versions_save (fixture->store, fixture->article_id, &ward, &error));
  g_assert_no_error (error);
  versions = tayori_sns_versions_load (fixture->store, fixture->article_id, &error);
  g_assert_cmpuint (versions->len, ==, 3);
  g_assert_cmpstr (tayori_sns_versions_resolve (versions, "ward-x", "x")->text, ==, "区の文");
  found = tayori_sns_versions_resolve (versions, "city-x", "x");
  g_assert_cmpstr (found->text, ==, "Xの文");
  g_assert_cmpuint (found->images->len, ==, 1);
  g_assert_cmpstr (((TayoriPostImage *) g_ptr_array_index (found->images, 0))->alt, ==,
                   "会場の地図");
  g_assert_cmpstr (tayori_sns_versions_resolve (versions, "city-bsky", "bluesky")->text, ==,
                   "基本の文");
  g_clear_pointer (&versions, g_ptr_array_unref);

  /* Saving NULL text goes back to inheriting. */
  g_assert_true (tayori_sns_versions_save (fixture->store, fixture->article_id, &ward_removed,
                                           &error));
  versions = tayori_sns_versions_load (fixture->store, fixture->article_id, &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpstr (tayori_sns_versions_resolve (versions, "ward-x", "x")->text, ==, "Xの文");
}

static char *
export_csv (PostingFixture *fixture)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (tayori_audit_log_export_csv (fixture->store, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The CSV time column as a UTC time (it is written in JST, +09:00). */
static GDateTime *
parse_jst (const char *line)
{
  g_autofree char *iso = g_strndup (line, 19);
  g_autoptr(GTimeZone) jst = g_time_zone_new_offset (9 * 60 * 60);
  g_autoptr(GDateTime) local = NULL;

  iso[10] = 'T';
  local = g_date_time_new_from_iso8601 (iso, jst);
  g_assert_nonnull (local);
  return g_date_time_to_utc (local);
}

static void
test_audit_csv (PostingFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(FakeChannel) fake = posting_fake (fixture, "city-x", TAYORI_POST_NETWORK_X, 0);
  const char * const accounts[] = { "city-x", NULL };
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) jobs = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;

  g_assert_true (tayori_audit_log_append (fixture->store, "山田, 太郎", "review-approve",
                                          fixture->article_id, NULL,
                                          "{\"note\": \"a \\\"b\\\"\"}", &error));
  g_assert_no_error (error);
  ids = posting_enqueue (fixture, accounts, "監査", NULL, &error);
  g_assert_no_error (error);
  jobs = posting_wait (fixture->queue, ids);
  after = g_date_time_new_now_utc ();

  csv = export_csv (fixture);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  lines = g_strsplit (csv + 3, "\r\n", -1);
  /* Header, the appended line, post-requested, post-sent, and "" after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[4], ==, "");
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 6);
  g_assert_nonnull (strstr (lines[1], ",\"山田, 太郎\",review-approve,"));
  g_assert_true (g_str_has_suffix (lines[1], ",\"{\"\"note\"\": \"\"a \\\"\"b\\\"\"\"\"}\""));
  g_assert_nonnull (strstr (lines[2], ",tester,post-requested,"));
  g_assert_nonnull (strstr (lines[2], ",city-x,"));
  g_assert_nonnull (strstr (lines[3], ",tester,post-sent,"));

  /* Japan Standard Time: nine hours ahead of the UTC the store keeps. */
  written = parse_jst (lines[1]);
  g_assert_cmpint (g_date_time_to_unix (written), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (written), <=, g_date_time_to_unix (after));
}

/* The composer's "already posted" guard compares texts as the network receives them: a stored
 * LINE text that carries the footer equals the composer's text without it */
static void
test_sent_text_footer (void)
{
  g_autoptr(TayoriAccount) line = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "city-line", "line", "", "");
  g_autoptr(TayoriAccount) x = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "city-x", "x", "", "");
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *other = NULL;
  g_autofree char *plain = NULL;

  tayori_account_set_option (line, "footer", "【中央市公式】");
  typed = tayori_post_gate_sent_text (line, "断水のお知らせ");
  stored = tayori_post_gate_sent_text (line, "断水のお知らせ\n【中央市公式】");
  g_assert_cmpstr (typed, ==, "断水のお知らせ\n【中央市公式】");
  g_assert_cmpstr (typed, ==, stored);
  other = tayori_post_gate_sent_text (line, "給水のお知らせ");
  g_assert_cmpstr (other, !=, stored);
  tayori_account_set_option (x, "footer", "【中央市公式】");
  plain = tayori_post_gate_sent_text (x, "断水のお知らせ");
  g_assert_cmpstr (plain, ==, "断水のお知らせ");
}

/* Mastodon's limit: the account's option first, then the instance's as remembered, then 500 */
static void
test_mastodon_limit (void)
{
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "limit-don", "mastodon",
                                                         "https://example.org", "");
  g_autoptr(TayoriAccount) x = tayori_account_new (TAYORI_ACCOUNT_CHANNEL, "limit-x", "x", "", "");

  g_assert_cmpuint (tayori_post_gate_get_limit (account), ==, 500);
  tayori_post_gate_remember_limit ("limit-don", 1000);
  g_assert_cmpuint (tayori_post_gate_get_limit (account), ==, 1000);
  tayori_account_set_option (account, "max-characters", "800");
  g_assert_cmpuint (tayori_post_gate_get_limit (account), ==, 800);
  tayori_post_gate_remember_limit ("limit-x", 1000);
  g_assert_cmpuint (tayori_post_gate_get_limit (x), ==, 280);
  tayori_post_gate_remember_limit ("limit-don", 0);
  tayori_account_set_option (account, "max-characters", NULL);
  g_assert_cmpuint (tayori_post_gate_get_limit (account), ==, 500);
}

int
main (int    argc,
      char **argv)
{
  posting_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/tayori/posting/" path, PostingFixture, NULL, posting_fixture_set_up, \
              func, posting_fixture_tear_down)
  ADD ("gate/allows", test_allows);
  ADD ("gate/not-approved", test_not_approved);
  ADD ("gate/personal-data", test_personal_data);
  ADD ("gate/blocked-word", test_blocked_word);
  ADD ("gate/image-without-alt", test_image_without_alt);
  ADD ("gate/too-long", test_too_long);
  ADD ("gate/not-allowed", test_not_allowed);
  ADD ("gate/every-reason", test_every_reason);
  ADD ("gate/enqueue-refused", test_enqueue_refused);
  ADD ("versions/inherit-resolve", test_versions);
  ADD ("audit/csv", test_audit_csv);
  g_test_add_func ("/tayori/posting/gate/sent-text-footer", test_sent_text_footer);
  g_test_add_func ("/tayori/posting/gate/mastodon-limit", test_mastodon_limit);
#undef ADD

  return g_test_run ();
}
