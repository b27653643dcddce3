/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CMS values and the connector table without any server: error keys and advice, copies of
 * posts, term paths, and which site addresses may carry a password. */
#include <string.h>

#include "tayori-cms-connector.h"
#include "tayori-cms-error.h"
#include "tayori-cms-wordpress.h"

#define USER     "contrib"
#define PASSWORD "abcd EFGH ijkl MNOP qrst UVWX"

static TayoriHttpClient *client;

static void
assert_account (const char *type,
                const char *url,
                GQuark      domain,
                int         code)
{
  g_autoptr(TayoriAccount) account = tayori_account_new (TAYORI_ACCOUNT_CMS, "city", type, url,
                                                         USER);
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(GError) error = NULL;

  connector = tayori_cms_connector_new_for_account (account, PASSWORD, client, &error);
  if (domain == 0)
    {
      g_assert_no_error (error);
      g_assert_true (TAYORI_IS_CMS_WORDPRESS (connector));
    }
  else
    {
      g_assert_null (connector);
      g_assert_error (error, domain, code);
      g_assert_null (strstr (error->message, PASSWORD));
    }
}

static void
test_connectors (void)
{
  assert_account ("wordpress", "https://www.city.example.jp/chuo/", 0, 0);
  assert_account ("wordpress", "http://localhost:8080/", 0, 0);
  assert_account ("wordpress", "http://127.0.0.2/", 0, 0);
  assert_account ("wordpress", "http://[::1]:8080/", 0, 0);
  assert_account ("wordpress", "http://www.city.example.jp/", TAYORI_CMS_ERROR,
                  TAYORI_CMS_ERROR_INSECURE);
  assert_account ("wordpress", "http://127.0.0.1.example.jp/", TAYORI_CMS_ERROR,
                  TAYORI_CMS_ERROR_INSECURE);
  assert_account ("wordpress", "ftp://127.0.0.1/", TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_INSECURE);
  assert_account ("drupal", "https://www.city.example.jp/", G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
}

static void
test_error_keys (void)
{
  for (int code = TAYORI_CMS_ERROR_AUTH; code <= TAYORI_CMS_ERROR_INSECURE; code++)
    {
      const char *key = tayori_cms_error_to_key (code);
      TayoriCmsError back = -1;

      g_assert_nonnull (key);
      g_assert_true (tayori_cms_error_from_key (key, &back));
      g_assert_cmpint (back, ==, code);
      g_assert_nonnull (tayori_cms_error_advice (code));
      g_assert_cmpstr (tayori_cms_error_advice (code), !=, "");
    }
  g_assert_cmpstr (tayori_cms_error_to_key (TAYORI_CMS_ERROR_BAD_RESPONSE), ==, "bad-response");
  g_assert_false (tayori_cms_error_from_key ("nonsense", NULL));
}

static void
test_post_copy (void)
{
  g_autoptr(TayoriCmsPost) post = tayori_cms_post_new ();
  g_autoptr(TayoriCmsPost) copy = NULL;
  gint64 category = 4;
  TayoriCmsReviewEntry *entry = g_new0 (TayoriCmsReviewEntry, 1);

  post->title = g_strdup ("断水のお知らせ");
  g_array_append_val (post->category_ids, category);
  entry->action = g_strdup ("return");
  entry->note = g_strdup ("表を直してください");
  g_ptr_array_add (post->review_log, entry);
  copy = tayori_cms_post_copy (post);
  g_assert_true (copy->title != post->title);
  g_assert_cmpstr (copy->title, ==, post->title);
  g_assert_cmpuint (copy->category_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (copy->category_ids, gint64, 0), ==, 4);
  g_assert_cmpuint (copy->review_log->len, ==, 1);
  g_assert_cmpstr (((TayoriCmsReviewEntry *) g_ptr_array_index (copy->review_log, 0))->note, ==,
                   "表を直してください");
}

static void
test_term_path (void)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_cms_term_free);
  g_autofree char *path = NULL;
  g_autofree char *loop = NULL;

  g_ptr_array_add (terms, tayori_cms_term_new (3, "避難所", "hinanjo", 1));
  g_ptr_array_add (terms, tayori_cms_term_new (1, "防災", "bousai", 0));
  g_ptr_array_add (terms, tayori_cms_term_new (5, "甲", "a", 6));
  g_ptr_array_add (terms, tayori_cms_term_new (6, "乙", "b", 5));
  path = tayori_cms_term_path (g_ptr_array_index (terms, 0), terms);
  g_assert_cmpstr (path, ==, "防災/避難所");
  /* A parent loop in bad data ends instead of spinning. */
  loop = tayori_cms_term_path (g_ptr_array_index (terms, 2), terms);
  g_assert_true (g_str_has_suffix (loop, "乙/甲"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  client = tayori_http_client_new ();
  g_test_add_func ("/tayori/cms/connectors", test_connectors);
  g_test_add_func ("/tayori/cms/error-keys", test_error_keys);
  g_test_add_func ("/tayori/cms/post-copy", test_post_copy);
  g_test_add_func ("/tayori/cms/term-path", test_term_path);
  status = g_test_run ();
  g_clear_object (&client);
  return status;
}
