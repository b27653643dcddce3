/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the tests against the real WordPress (wordpress-test-util.h). */
#include <string.h>

#include "wordpress-test-util.h"
#include "tayori-cms-wordpress.h"

gboolean
wp_test_init (int    *argc,
              char ***argv)
{
  g_test_init (argc, argv, NULL);
  if (g_getenv ("TAYORI_WP_URL") == NULL)
    {
      g_printerr ("Run under tests/cms/wordpress-wrapper.sh\n");
      return FALSE;
    }
  return TRUE;
}

TayoriHttpClient *
wp_test_client (void)
{
  static TayoriHttpClient *client;

  if (g_once_init_enter (&client))
    g_once_init_leave (&client, tayori_http_client_new ());
  return client;
}

gboolean
wp_test_with_plugin (void)
{
  return g_strcmp0 (g_getenv ("TAYORI_WP_PLUGIN"), "0") != 0;
}

TayoriCmsConnector *
wp_test_connector (const char *user)
{
  g_autofree char *variable = g_strdup_printf ("TAYORI_WP_%s_PW", user);
  const char *password;

  for (char *p = variable; *p != '\0'; p++)
    *p = g_ascii_toupper (*p);
  password = g_getenv (variable);
  g_assert_nonnull (password);
  return TAYORI_CMS_CONNECTOR (tayori_cms_wordpress_new (g_getenv ("TAYORI_WP_URL"), user,
                                                         password, wp_test_client ()));
}

JsonNode *
wp_test_admin_call (const char *method,
                    const char *route,
                    const char *json)
{
  g_autofree char *credentials = g_strconcat ("admin:", g_getenv ("TAYORI_WP_ADMIN_PW"), NULL);
  g_autofree char *token = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  g_autofree char *authorization = g_strconcat ("Authorization: Basic ", token, NULL);
  g_autofree char *url = g_strconcat (g_getenv ("TAYORI_WP_URL"), "/?rest_route=", route, NULL);
  const char *headers[] = { authorization, "Content-Type: application/json", NULL };
  g_autoptr(GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;
  TayoriHttpRequest request = { .method = method, .url = url, .headers = headers, .body = body };
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data;

  response = tayori_http_client_send (wp_test_client (), &request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (response->status, <, 300);
  data = g_bytes_get_data (response->body, &size);
  json_parser_load_from_data (parser, data, (gssize) size, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

TayoriCmsPost *
wp_test_sample_post (const char *title)
{
  TayoriCmsPost *post = tayori_cms_post_new ();
  g_autofree char *uuid = g_uuid_string_random ();

  post->client_id = g_steal_pointer (&uuid);
  post->status = g_strdup ("draft");
  post->title = g_strdup (title);
  post->content_html = g_strdup ("<p>本日は断水します。</p>\n<table><tr><td>地区</td><td>時間</td></tr></table>");
  post->excerpt = g_strdup ("断水のお知らせ");
  post->markdown = g_strdup ("本日は断水します。");
  post->meta_json = g_strdup ("{\"ward\":\"中央区\"}");
  post->revision_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
  return post;
}

TayoriCmsPost *
wp_test_create (TayoriCmsConnector *connector,
                const char         *title)
{
  g_autoptr(TayoriCmsPost) post = wp_test_sample_post (title);
  g_autoptr(GError) error = NULL;
  TayoriCmsPost *created = tayori_cms_connector_create_post (connector, post, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (created->remote_id, >, 0);
  g_assert_cmpstr (created->client_id, ==, post->client_id);
  return created;
}

TayoriCmsPost *
wp_test_review (TayoriCmsConnector     *connector,
                const TayoriCmsPost    *post,
                TayoriCmsReviewAction   action,
                const char             *note,
                GDateTime              *at,
                GError                **error)
{
  return tayori_cms_connector_review (connector, post->remote_id, action, note,
                                      post->revision_hash, at, NULL, error);
}

gboolean
wp_test_has (GStrv       values,
             const char *value)
{
  return values != NULL && g_strv_contains ((const char * const *) values, value);
}

gboolean
wp_test_contains_post (GPtrArray  *posts,
                       gint64      remote_id,
                       const char *author)
{
  for (guint i = 0; i < posts->len; i++)
    {
      TayoriCmsPost *post = g_ptr_array_index (posts, i);

      if (post->remote_id == remote_id)
        return author == NULL || g_strcmp0 (post->author_login, author) == 0;
    }
  return FALSE;
}
