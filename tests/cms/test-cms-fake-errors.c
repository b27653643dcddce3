/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The WordPress connector's errors against a SoupServer fake: malformed, slow, oversized and
 * refused answers classified, and never a trace of the credentials in a message. */
#include "cms-fake.h"
#include "cms-test-util.h"
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"

static CmsFake *fake;
static TayoriHttpClient *client;

static TayoriCmsConnector *
connector_for (const char *scenario)
{
  return cms_test_connector (fake, scenario, client);
}

/* Scenarios whose users/me answer goes wrong: discovery reports the classified error. */
static GError *
discover_error (const char *scenario,
                guint       timeout)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for (scenario);
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  GError *error = NULL;

  tayori_cms_wordpress_set_timeout (TAYORI_CMS_WORDPRESS (connector), timeout);
  info = tayori_cms_connector_discover (connector, NULL, &error);
  g_assert_null (info);
  g_assert_nonnull (error);
  return error;
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = discover_error ("malformed", 0);

  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE);
  g_assert_true (tayori_cms_error_is_transient (error));
}

static void
test_slow (void)
{
  g_autoptr(GError) error = discover_error ("slow", 1);

  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE);
  cms_test_assert_no_secret (error);
}

static void
test_oversized (void)
{
  g_autoptr(GError) error = discover_error ("huge", 0);

  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "8 MiB"));
}

static void
test_auth (void)
{
  g_autoptr(GError) error = discover_error ("unauth", 0);

  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_AUTH);
  /* WordPress's own message and code are kept for IT, the credentials it echoed are not. */
  g_assert_nonnull (strstr (error->message, "incorrect_password"));
  g_assert_nonnull (strstr (error->message, "Wrong password in"));
  cms_test_assert_no_secret (error);
  g_assert_false (tayori_cms_error_is_transient (error));
}

static void
test_server_error (void)
{
  g_autoptr(GError) error = discover_error ("broken", 0);

  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "critical error"));
  g_assert_true (tayori_cms_error_is_transient (error));
}

static void
test_forbidden (void)
{
  g_autoptr(TayoriCmsConnector) connector = connector_for ("forbidden");
  g_autoptr(TayoriCmsPost) post = cms_test_sample_post ();
  g_autoptr(TayoriCmsPost) created = NULL;
  g_autoptr(GError) error = NULL;

  g_free (post->status);
  post->status = g_strdup ("publish");
  created = tayori_cms_connector_create_post (connector, post, NULL, &error);
  g_assert_null (created);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_FORBIDDEN);
  g_assert_nonnull (strstr (error->message, "The Contributor role cannot publish posts."));
  g_assert_nonnull (strstr (error->message, "rest_cannot_publish"));
  cms_test_assert_no_secret (error);
}

static void
test_insecure (void)
{
  g_autoptr(TayoriCmsWordpress) wordpress = tayori_cms_wordpress_new ("http://192.0.2.1/city",
                                                                      CMS_TEST_USER, CMS_TEST_PASSWORD, client);
  g_autoptr(TayoriCmsSiteInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint before = cms_fake_n_requests (fake);

  /* 192.0.2.1 does not answer: an attempt would time out, not fail at once as INSECURE. */
  info = tayori_cms_connector_discover (TAYORI_CMS_CONNECTOR (wordpress), NULL, &error);
  g_assert_null (info);
  g_assert_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_INSECURE);
  g_assert_cmpuint (cms_fake_n_requests (fake), ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tayori/cms/fake/malformed", test_malformed);
  g_test_add_func ("/tayori/cms/fake/slow", test_slow);
  g_test_add_func ("/tayori/cms/fake/oversized", test_oversized);
  g_test_add_func ("/tayori/cms/fake/auth", test_auth);
  g_test_add_func ("/tayori/cms/fake/server-error", test_server_error);
  g_test_add_func ("/tayori/cms/fake/forbidden", test_forbidden);
  g_test_add_func ("/tayori/cms/fake/insecure", test_insecure);

  return cms_test_run (&fake, &client);
}
