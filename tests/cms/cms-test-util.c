/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the fake-server CMS tests (cms-test-util.h). */
#include <json-glib/json-glib.h>
#include <string.h>

#include "cms-test-util.h"
#include "tayori-cms-wordpress.h"

#define CREDENTIALS CMS_TEST_USER ":" CMS_TEST_PASSWORD

TayoriCmsConnector *
cms_test_connector (CmsFake          *fake,
                    const char       *scenario,
                    TayoriHttpClient *client)
{
  g_autofree char *site = cms_fake_site (fake, scenario);

  return TAYORI_CMS_CONNECTOR (tayori_cms_wordpress_new (site, CMS_TEST_USER, CMS_TEST_PASSWORD,
                                                         client));
}

TayoriCmsPost *
cms_test_sample_post (void)
{
  TayoriCmsPost *post = tayori_cms_post_new ();
  gint64 category = 4;

  post->client_id = g_strdup (CMS_TEST_CLIENT_ID);
  post->status = g_strdup ("draft");
  post->title = g_strdup ("断水のお知らせ");
  post->content_html = g_strdup ("<p>本日は断水します。</p>");
  post->excerpt = g_strdup ("断水");
  post->markdown = g_strdup ("本日は断水します。");
  post->meta_json = g_strdup ("{\"ward\":\"中央区\"}");
  post->revision_hash = g_strdup ("abc");
  g_array_append_val (post->category_ids, category);
  return post;
}

char *
cms_test_json_member (const char *body,
                      const char *path)
{
  g_autoptr(JsonNode) node = json_from_string (body, NULL);
  g_autoptr(JsonPath) json_path = json_path_new ();
  g_autoptr(JsonNode) found = NULL;
  JsonArray *array;

  g_assert_nonnull (node);
  g_assert_true (json_path_compile (json_path, path, NULL));
  found = json_path_match (json_path, node);
  array = json_node_get_array (found);
  if (json_array_get_length (array) == 0)
    return NULL;
  return json_node_get_value_type (json_array_get_element (array, 0)) == G_TYPE_STRING
           ? g_strdup (json_array_get_string_element (array, 0))
           : json_to_string (json_array_get_element (array, 0), FALSE);
}

void
cms_test_assert_no_secret (const GError *error)
{
  g_autofree char *token = g_base64_encode ((const guchar *) CREDENTIALS, strlen (CREDENTIALS));

  g_assert_null (strstr (error->message, token));
  g_assert_null (strstr (error->message, CMS_TEST_PASSWORD));
}

int
cms_test_run (CmsFake          **fake,
              TayoriHttpClient **client)
{
  int status;

  *fake = cms_fake_new ();
  *client = tayori_http_client_new ();
  status = g_test_run ();
  g_clear_object (client);
  g_clear_pointer (fake, cms_fake_free);
  return status;
}
