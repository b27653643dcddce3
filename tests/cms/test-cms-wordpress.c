/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The WordPress connector against a real WordPress (tests/cms/wordpress-wrapper.sh): discovery
 * per role, taxonomy, push and read back, media, finding a lost create, lists and a wrong
 * password; with TAYORI_WP_PLUGIN=0 (--no-plugin) what still works without the plugin. */
#include <json-glib/json-glib.h>
#include <string.h>

#include "tayori-cms-connector.h"
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"
#include "wordpress-test-util.h"

/* 1×1 PNG */
#define PNG_BASE64 "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="

static void
test_discover (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsConnector) editor1 = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsConnector) editor2 = wp_test_connector ("editor2");
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(TayoriCmsSiteInfo) info1 = NULL;
  g_autoptr(TayoriCmsSiteInfo) info2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_strconcat (g_getenv ("TAYORI_WP_URL"), "/wp-json/", NULL);
  guint levels = (guint) g_ascii_strtoull (g_getenv ("TAYORI_WP_LEVELS"), NULL, 10);

  info = tayori_cms_connector_discover (contrib, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->api_root, ==, root);
  g_assert_cmpstr (info->user_login, ==, "contrib");
  g_assert_cmpint (info->user_id, >, 0);
  g_assert_true (wp_test_has (info->roles, "contributor"));
  g_assert_true (wp_test_has (info->capabilities, "edit_posts"));
  g_assert_false (wp_test_has (info->capabilities, "publish_posts"));
  g_assert_false (wp_test_has (info->capabilities, "upload_files"));
  g_assert_false (wp_test_has (info->capabilities, "tayori_review"));
  g_assert_cmpint (info->has_plugin, ==, wp_test_with_plugin ());
  g_assert_cmpuint (info->approver_level, ==, 0);
  g_assert_cmpuint (info->approval_levels, ==, wp_test_with_plugin () ? levels : 0);
  if (wp_test_with_plugin ())
    g_assert_nonnull (info->plugin_version);

  info1 = tayori_cms_connector_discover (editor1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wp_test_has (info1->roles, "editor"));
  g_assert_true (wp_test_has (info1->capabilities, "edit_others_posts"));
  g_assert_true (wp_test_has (info1->capabilities, "publish_posts"));
  g_assert_true (wp_test_has (info1->capabilities, "upload_files"));
  g_assert_cmpint (wp_test_has (info1->capabilities, "tayori_review"), ==, wp_test_with_plugin ());
  g_assert_cmpuint (info1->approver_level, ==, wp_test_with_plugin () ? 1 : 0);

  info2 = tayori_cms_connector_discover (editor2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (info2->approver_level, ==, wp_test_with_plugin () ? 2 : 0);
}

static void
test_terms (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(JsonNode) parent = wp_test_admin_call ("POST", "/wp/v2/categories", "{\"name\":\"防災\"}");
  g_autofree char *child_json = g_strdup_printf ("{\"name\":\"避難所\",\"parent\":%" G_GINT64_FORMAT "}",
                                                 json_object_get_int_member (json_node_get_object (parent), "id"));
  g_autoptr(JsonNode) child = wp_test_admin_call ("POST", "/wp/v2/categories", child_json);
  g_autoptr(JsonNode) tag = wp_test_admin_call ("POST", "/wp/v2/tags", "{\"name\":\"断水\"}");
  gint64 child_id = json_object_get_int_member (json_node_get_object (child), "id");
  gint64 tag_id = json_object_get_int_member (json_node_get_object (tag), "id");
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_category = FALSE;
  gboolean found_tag = FALSE;

  categories = tayori_cms_connector_list_terms (contrib, TAYORI_CMS_TAXONOMY_CATEGORY, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < categories->len; i++)
    {
      TayoriCmsTerm *term = g_ptr_array_index (categories, i);

      if (term->id == child_id)
        {
          g_autofree char *path = tayori_cms_term_path (term, categories);

          g_assert_cmpstr (path, ==, "防災/避難所");
          found_category = TRUE;
        }
    }
  g_assert_true (found_category);

  tags = tayori_cms_connector_list_terms (contrib, TAYORI_CMS_TAXONOMY_TAG, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tags->len; i++)
    found_tag |= ((TayoriCmsTerm *) g_ptr_array_index (tags, i))->id == tag_id &&
                 g_strcmp0 (((TayoriCmsTerm *) g_ptr_array_index (tags, i))->name, "断水") == 0;
  g_assert_true (found_tag);
}

static void
test_push (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsPost) created = wp_test_create (contrib, "断水のお知らせ");
  g_autoptr(TayoriCmsPost) fetched = NULL;
  g_autoptr(TayoriCmsPost) updated = NULL;
  g_autoptr(TayoriCmsPost) refetched = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (created->status, ==, "draft");
  g_assert_cmpstr (created->author_login, ==, "contrib");
  g_assert_nonnull (created->link);
  g_assert_nonnull (created->modified_gmt);
  /* Without the plugin the client id travels in a comment, which reading back takes off. */
  g_assert_null (strstr (created->content_html, "tayori-client-id"));
  g_assert_nonnull (strstr (created->content_html, "<table>"));

  fetched = tayori_cms_connector_get_post (contrib, created->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->title, ==, "断水のお知らせ");
  g_assert_cmpstr (fetched->excerpt, ==, "断水のお知らせ");
  g_assert_cmpstr (fetched->client_id, ==, created->client_id);
  if (wp_test_with_plugin ())
    {
      g_assert_cmpstr (fetched->markdown, ==, "本日は断水します。");
      g_assert_cmpstr (fetched->meta_json, ==, "{\"ward\":\"中央区\"}");
      g_assert_cmpstr (fetched->revision_hash, ==, created->revision_hash);
      g_assert_cmpuint (fetched->approvals, ==, 0);
    }

  g_free (fetched->title);
  fetched->title = g_strdup ("断水のお知らせ（時間変更）");
  updated = tayori_cms_connector_update_post (contrib, fetched, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (updated->remote_id, ==, created->remote_id);
  refetched = tayori_cms_connector_get_post (contrib, created->remote_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (refetched->title, ==, "断水のお知らせ（時間変更）");
  g_assert_cmpstr (refetched->client_id, ==, created->client_id);
}

static void
test_media (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsPost) post = wp_test_create (contrib, "写真つきのお知らせ");
  gsize size = 0;
  guchar *png = g_base64_decode (PNG_BASE64, &size);
  g_autoptr(GBytes) data = g_bytes_new_take (png, size);
  g_autoptr(TayoriCmsMedia) media = NULL;
  g_autoptr(GError) error = NULL;

  media = tayori_cms_connector_upload_media (contrib, data, "避難所 地図.png", "image/png",
                                             "避難所の地図", post->remote_id, NULL, &error);
  if (!wp_test_with_plugin ())
    {
      /* WordPress itself does not let contributors upload. */
      g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN);
      g_assert_nonnull (strstr (error->message, "Contributor"));
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (media->id, >, 0);
  g_assert_true (g_str_has_suffix (media->url, ".png"));
  {
    g_autofree char *route = g_strdup_printf ("/wp/v2/media/%" G_GINT64_FORMAT, media->id);
    g_autoptr(JsonNode) stored = wp_test_admin_call ("GET", route, NULL);
    JsonObject *object = json_node_get_object (stored);

    g_assert_cmpstr (json_object_get_string_member (object, "alt_text"), ==, "避難所の地図");
    g_assert_cmpint (json_object_get_int_member (object, "post"), ==, post->remote_id);
  }
}

static void
test_find (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsPost) post = wp_test_create (contrib, "応答が失われた作成");
  g_autoptr(TayoriCmsPost) found = NULL;
  g_autoptr(TayoriCmsPost) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unknown = g_uuid_string_random ();

  found = tayori_cms_connector_find_by_client_id (contrib, post->client_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->remote_id, ==, post->remote_id);
  g_assert_cmpstr (found->client_id, ==, post->client_id);

  missing = tayori_cms_connector_find_by_client_id (contrib, unknown, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (missing);
}

static void
test_lists (void)
{
  g_autoptr(TayoriCmsConnector) contrib = wp_test_connector ("contrib");
  g_autoptr(TayoriCmsConnector) editor1 = wp_test_connector ("editor1");
  g_autoptr(TayoriCmsPost) post = wp_test_create (contrib, "一覧のお知らせ");
  g_autoptr(TayoriCmsPost) submitted = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) mine_of_editor = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) published = NULL;
  g_autoptr(GError) error = NULL;

  mine = tayori_cms_connector_list_posts (contrib, TAYORI_CMS_SCOPE_MINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wp_test_contains_post (mine, post->remote_id, "contrib"));
  mine_of_editor = tayori_cms_connector_list_posts (editor1, TAYORI_CMS_SCOPE_MINE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (wp_test_contains_post (mine_of_editor, post->remote_id, NULL));

  submitted = wp_test_review (contrib, post, TAYORI_CMS_REVIEW_SUBMIT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (submitted->status, ==, "pending");
  pending = tayori_cms_connector_list_posts (editor1, TAYORI_CMS_SCOPE_PENDING_REVIEW, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (wp_test_contains_post (pending, post->remote_id, wp_test_with_plugin () ? "contrib" : NULL));
  published = tayori_cms_connector_list_posts (editor1, TAYORI_CMS_SCOPE_PUBLISHED, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (wp_test_contains_post (published, post->remote_id, NULL));
}

static void
test_wrong_password (void)
{
  g_autoptr(TayoriCmsWordpress) wrong = tayori_cms_wordpress_new (g_getenv ("TAYORI_WP_URL"),
                                                                  "contrib", "aaaa bbbb cccc dddd",
                                                                  wp_test_client ());
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = tayori_cms_connector_discover (TAYORI_CMS_CONNECTOR (wrong), NULL, &error);
  g_assert_null (info);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_AUTH);
  g_assert_null (strstr (error->message, "aaaa bbbb"));
}

int
main (int   argc,
      char *argv[])
{
  if (!wp_test_init (&argc, &argv))
    return 99;
  g_test_add_func ("/tayori/cms/wordpress/discover", test_discover);
  g_test_add_func ("/tayori/cms/wordpress/terms", test_terms);
  g_test_add_func ("/tayori/cms/wordpress/push", test_push);
  g_test_add_func ("/tayori/cms/wordpress/media", test_media);
  g_test_add_func ("/tayori/cms/wordpress/find", test_find);
  g_test_add_func ("/tayori/cms/wordpress/lists", test_lists);
  g_test_add_func ("/tayori/cms/wordpress/wrong-password", test_wrong_password);

  return g_test_run ();
}
