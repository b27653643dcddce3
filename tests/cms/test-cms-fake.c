/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The WordPress connector against a SoupServer fake: discovery in all three ways, the mapping
 * of posts to requests and back, with and without the plugin, terms, lists and media. */
#include <json-glib/json-glib.h>

#include "cms-fake.h"
#include "cms-test-util.h"
#include "tayori-cms-connector.h"
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"

static CmsFake *fake;
static TayoriHttpClient *client;

static TayoriCmsConnector *
connector_for (const char *scenario)
{
  return cms_test_connector (fake, scenario, client);
}

static void
test_discover_pretty (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("pretty");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = cms_fake_site (fake, "pretty");
  g_autofree char *root = g_strconcat (site, "wp-json/", NULL);
  g_autofree char *auth = NULL;
  g_autofree char *credentials = g_base64_encode ((const guchar *) CMS_TEST_USER ":" CMS_TEST_PASSWORD,
                                                  strlen (CMS_TEST_USER ":" CMS_TEST_PASSWORD));
  g_autofree char *expected_auth = g_strconcat ("Basic ", credentials, NULL);

  info = tayori_cms_connector_discover (connector, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->api_root, ==, root);
  g_assert_cmpstr (info->site_name, ==, "Fake City");
  g_assert_cmpint (info->user_id, ==, 7);
  g_assert_cmpstr (info->user_login, ==, "contrib");
  g_assert_cmpstr (info->user_display, ==, "Contributor Chan");
  g_assert_true (g_strv_contains ((const char * const *) info->roles, "contributor"));
  g_assert_true (g_strv_contains ((const char * const *) info->capabilities, "edit_posts"));
  g_assert_false (g_strv_contains ((const char * const *) info->capabilities, "publish_posts"));
  g_assert_false (g_strv_contains ((const char * const *) info->capabilities, "tayori_review"));
  g_assert_true (info->has_plugin);
  g_assert_cmpstr (info->plugin_version, ==, "1.0.0");
  g_assert_cmpuint (info->approval_levels, ==, 2);
  g_assert_cmpuint (info->approver_level, ==, 0);
  /* The last request was the plugin's info, authenticated as the user. */
  auth = cms_fake_last_header (fake, "Authorization");
  g_assert_cmpstr (auth, ==, expected_auth);
}

static void
test_discover_plain (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("plain");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(TayoriCmsPost) post = cms_test_sample_post ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = cms_fake_site (fake, "plain");
  g_autofree char *root = g_strconcat (site, "?rest_route=/", NULL);
  g_autofree char *request = NULL;
  g_autofree char *client_id = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *content = NULL;
  g_autofree char *body = NULL;
  TayoriCmsReviewEntry *entry;

  info = tayori_cms_connector_discover (connector, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->api_root, ==, root);

  created = tayori_cms_connector_create_post (connector, post, NULL, &error);
  g_assert_no_error (error);
  /* The route's own query joined to rest_route with '&'. */
  request = cms_fake_last_request (fake);
  g_assert_cmpstr (request, ==, "POST /wp/v2/posts?context=edit");
  body = cms_fake_last_body (fake);
  client_id = cms_test_json_member (body, "$.meta.tayori_client_id");
  g_assert_cmpstr (client_id, ==, CMS_TEST_CLIENT_ID);
  categories = cms_test_json_member (body, "$.categories");
  g_assert_cmpstr (categories, ==, "[4]");
  content = cms_test_json_member (body, "$.content");
  g_assert_cmpstr (content, ==, post->content_html);

  g_assert_cmpint (created->remote_id, ==, 101);
  g_assert_cmpstr (created->status, ==, "draft");
  g_assert_cmpstr (created->title, ==, "断水のお知らせ");
  g_assert_cmpstr (created->link, ==, "http://fake.example/?p=101");
  g_assert_cmpstr (created->modified_gmt, ==, "2026-11-20T00:00:00");
  g_assert_cmpstr (created->client_id, ==, CMS_TEST_CLIENT_ID);
  g_assert_cmpstr (created->markdown, ==, post->markdown);
  g_assert_cmpstr (created->meta_json, ==, post->meta_json);
  g_assert_cmpstr (created->revision_hash, ==, "abc");
  g_assert_cmpint (created->author_id, ==, 7);
  g_assert_cmpstr (created->author_login, ==, "contrib");
  g_assert_cmpuint (created->approvals, ==, 1);
  g_assert_cmpuint (created->category_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (created->category_ids, gint64, 0), ==, 4);
  g_assert_cmpuint (created->review_log->len, ==, 1);
  entry = g_ptr_array_index (created->review_log, 0);
  g_assert_cmpstr (entry->action, ==, "submit");
  g_assert_cmpstr (entry->actor, ==, "contrib");
  g_assert_cmpstr (entry->note, ==, "please");
  g_assert_cmpstr (entry->at, ==, "2026-11-20T01:02:03Z");
}

static void
test_discover_linked (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("linked");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *site = cms_fake_site (fake, "linked");
  g_autofree char *root = g_strconcat (site, "index.php?rest_route=/", NULL);

  info = tayori_cms_connector_discover (connector, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->api_root, ==, root);
  g_assert_cmpstr (info->user_login, ==, "contrib");
}

static void
test_push_plugin (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("pretty");
  g_autoptr(TayoriCmsPost) post = cms_test_sample_post ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(TayoriCmsPost) updated = NULL;
  g_autoptr(TayoriCmsPost) fetched = NULL;
  g_autoptr(TayoriCmsPost) found = NULL;
  g_autoptr(TayoriCmsPost) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *log = NULL;

  /* No discover first: the connector finds the site by itself. */
  created = tayori_cms_connector_create_post (connector, post, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->remote_id, ==, 101);

  g_free (created->title);
  created->title = g_strdup ("断水のお知らせ（更新）");
  updated = tayori_cms_connector_update_post (connector, created, NULL, &error);
  g_assert_no_error (error);
  request = cms_fake_last_request (fake);
  g_assert_cmpstr (request, ==, "POST /wp/v2/posts/101?context=edit");
  g_assert_cmpstr (updated->modified_gmt, ==, "2026-11-21T00:00:00");

  fetched = tayori_cms_connector_get_post (connector, 101, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->title, ==, "断水のお知らせ（更新）");
  g_assert_cmpstr (fetched->content_html, ==, "<p>本日は断水します。</p>");

  found = tayori_cms_connector_find_by_client_id (connector, CMS_TEST_CLIENT_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->remote_id, ==, 101);
  log = cms_fake_log (fake);
  g_assert_nonnull (strstr (log, "GET /tayori/v1/find?client_id=" CMS_TEST_CLIENT_ID "\n"));

  missing = tayori_cms_connector_find_by_client_id (connector, "11111111-2222-3333-4444-555555555555",
                                                    NULL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);

  g_assert_null (tayori_cms_connector_get_post (connector, 999, NULL, &error));
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_NOT_FOUND);
}

static void
test_push_no_plugin (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("noplugin");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(TayoriCmsPost) post = cms_test_sample_post ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(TayoriCmsPost) found = NULL;
  g_autoptr(TayoriCmsPost) submitted = NULL;
  g_autoptr(TayoriCmsPost) approved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *content = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *status = NULL;
  g_autofree char *body = NULL;
  g_autofree char *request = NULL;
  g_autofree char *log = NULL;

  info = tayori_cms_connector_discover (connector, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (info->has_plugin);
  g_assert_cmpuint (info->approval_levels, ==, 0);

  created = tayori_cms_connector_create_post (connector, post, NULL, &error);
  g_assert_no_error (error);
  body = cms_fake_last_body (fake);
  content = cms_test_json_member (body, "$.content");
  g_assert_cmpstr (content, ==, "<p>本日は断水します。</p>\n<!-- tayori-client-id: " CMS_TEST_CLIENT_ID " -->");
  meta = cms_test_json_member (body, "$.meta");
  g_assert_null (meta);
  /* Read back without the comment, the id taken from it. */
  g_assert_cmpstr (created->content_html, ==, "<p>本日は断水します。</p>");
  g_assert_cmpstr (created->client_id, ==, CMS_TEST_CLIENT_ID);

  found = tayori_cms_connector_find_by_client_id (connector, CMS_TEST_CLIENT_ID, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->remote_id, ==, 101);
  request = cms_fake_last_request (fake);
  g_assert_cmpstr (request, ==, "GET /wp/v2/posts?author=7&context=edit&page=1&per_page=100"
                                "&search=" CMS_TEST_CLIENT_ID "&status=any");

  submitted = tayori_cms_connector_review (connector, 101, TAYORI_CMS_REVIEW_SUBMIT, NULL, "abc",
                                           NULL, NULL, &error);
  g_assert_no_error (error);
  g_free (body);
  body = cms_fake_body_of (fake, "POST /wp/v2/posts/101?context=edit");
  status = cms_test_json_member (body, "$.status");
  g_assert_cmpstr (status, ==, "pending");
  g_assert_cmpstr (submitted->status, ==, "pending");

  approved = tayori_cms_connector_review (connector, 101, TAYORI_CMS_REVIEW_APPROVE, NULL, "abc",
                                          NULL, NULL, &error);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_PLUGIN_MISSING);
  g_assert_null (approved);
  log = cms_fake_log (fake);
  g_assert_null (strstr (log, "/review"));
}

static void
test_review (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("pretty");
  g_autoptr(TayoriCmsPost) post = cms_test_sample_post ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(TayoriCmsPost) reviewed = NULL;
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("+09:00");
  g_autoptr(GDateTime) at = g_date_time_new (tokyo, 2026, 12, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *action = NULL;
  g_autofree char *publish_at = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *body = NULL;

  created = tayori_cms_connector_create_post (connector, post, NULL, &error);
  g_assert_no_error (error);
  reviewed = tayori_cms_connector_review (connector, 101, TAYORI_CMS_REVIEW_APPROVE, "ok", "abc",
                                          at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reviewed->remote_id, ==, 101);
  log = cms_fake_log (fake);
  g_assert_nonnull (strstr (log, "POST /tayori/v1/posts/101/review\nGET /wp/v2/posts/101?"));
  body = cms_fake_body_of (fake, "POST /tayori/v1/posts/101/review");
  action = cms_test_json_member (body, "$.action");
  g_assert_cmpstr (action, ==, "approve");
  publish_at = cms_test_json_member (body, "$.publish_at");
  g_assert_cmpstr (publish_at, ==, "2026-12-01T09:00:00+09:00");
  hash = cms_test_json_member (body, "$.revision_hash");
  g_assert_cmpstr (hash, ==, "abc");
}

static void
test_terms (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("pretty");
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *log = NULL;

  terms = tayori_cms_connector_list_terms (connector, TAYORI_CMS_TAXONOMY_CATEGORY, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 2);
  path = tayori_cms_term_path (g_ptr_array_index (terms, 1), terms);
  g_assert_cmpstr (path, ==, "防災/避難所");
  log = cms_fake_log (fake);
  g_assert_nonnull (strstr (log, "GET /wp/v2/categories?_fields=id,name,slug,parent&hide_empty=false"
                                 "&page=1&per_page=100\n"));
  g_assert_nonnull (strstr (log, "GET /wp/v2/categories?_fields=id,name,slug,parent&hide_empty=false"
                                 "&page=2&per_page=100\n"));
}

static void
test_list_posts (void)
{
  g_autoptr(TayoriCmsConnector) paged = connector_for ("paged");
  g_autoptr(TayoriCmsConnector) mine = connector_for ("pretty");
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) my_posts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  TayoriCmsPost *second;

  posts = tayori_cms_connector_list_posts (paged, TAYORI_CMS_SCOPE_PENDING_REVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 2);
  second = g_ptr_array_index (posts, 1);
  g_assert_cmpint (second->remote_id, ==, 102);
  g_assert_cmpstr (second->title, ==, "page 2");
  g_assert_cmpstr (second->author_login, ==, "author1");
  request = cms_fake_last_request (fake);
  g_assert_nonnull (strstr (request, "&status=pending"));
  g_assert_nonnull (strstr (request, "page=2&per_page=100"));
  g_assert_null (strstr (request, "author="));

  my_posts = tayori_cms_connector_list_posts (mine, TAYORI_CMS_SCOPE_MINE, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&request, g_free);
  request = cms_fake_last_request (fake);
  g_assert_true (g_str_has_prefix (request, "GET /wp/v2/posts?_embed=author&_fields="));
  g_assert_nonnull (strstr (request, "&author=7&"));
  g_assert_nonnull (strstr (request, "&status=draft,pending,future"));
}

static void
test_upload (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("pretty");
  g_autoptr(GBytes) data = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  g_autoptr(TayoriCmsMedia) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *type = NULL;
  g_autofree char *body = NULL;

  media = tayori_cms_connector_upload_media (connector, data, "避難所 地図.png", "image/png",
                                             "避難所の地図", 101, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (media->id, ==, 55);
  g_assert_cmpstr (media->url, ==, "http://fake.example/photo.png");
  request = cms_fake_last_request (fake);
  g_assert_cmpstr (request, ==, "POST /tayori/v1/posts/101/media?alt=避難所の地図");
  disposition = cms_fake_last_header (fake, "Content-Disposition");
  g_assert_cmpstr (disposition, ==, "attachment; filename=\"___ __.png\"; "
                                    "filename*=UTF-8''%E9%81%BF%E9%9B%A3%E6%89%80%20%E5%9C%B0%E5%9B%B3.png");
  type = cms_fake_last_header (fake, "Content-Type");
  g_assert_cmpstr (type, ==, "image/png");
  body = cms_fake_last_body (fake);
  g_assert_cmpmem (body, strlen (body), "\x89PNG\r\n\x1a\n", 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/cms/fake/discover-wp-json", test_discover_pretty);
  g_test_add_func ("/tayori/cms/fake/discover-rest-route", test_discover_plain);
  g_test_add_func ("/tayori/cms/fake/discover-link-header", test_discover_linked);
  g_test_add_func ("/tayori/cms/fake/push-plugin", test_push_plugin);
  g_test_add_func ("/tayori/cms/fake/push-no-plugin", test_push_no_plugin);
  g_test_add_func ("/tayori/cms/fake/review", test_review);
  g_test_add_func ("/tayori/cms/fake/terms", test_terms);
  g_test_add_func ("/tayori/cms/fake/list-posts", test_list_posts);
  g_test_add_func ("/tayori/cms/fake/upload", test_upload);

  return cms_test_run (&fake, &client);
}
