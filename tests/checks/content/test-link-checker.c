/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The link checker against the fake server: dead links (404, timeout, refused) as warnings,
 * redirects as notices with a fix only for permanent ones, HEAD refused then GET, the related
 * links, HTML input (&amp; in hrefs), never more than four requests at a time, the cache for a
 * day, and cancellation. */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "content-test-util.h"
#include "tayori-link-checker.h"
#include "test-server.h"

static TestServer *server;

/* Runs the checker over @document on this thread's main loop; the findings, or NULL and
 * @error. */
static GPtrArray *
run_on_document (TayoriLinkChecker    *checker,
                 TayoriCheckDocument  *document,
                 const char           *preset,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(TayoriCheckSettings) settings = check_test_settings_new (preset);
  GAsyncResult *pending = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  tayori_link_checker_check_async (checker, document, settings, cancellable, content_keep_result,
                                   &pending);
  result = content_wait_result (&pending);
  return tayori_link_checker_check_finish (checker, result, error);
}

static GPtrArray *
run_checker (TayoriLinkChecker  *checker,
             TayoriArticle      *article,
             const char         *preset,
             GCancellable       *cancellable,
             GError            **error)
{
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_article (article);

  return run_on_document (checker, document, preset, cancellable, error);
}

/* "rule field span" of every finding, in order, one per line. */
static char *
describe (GPtrArray     *findings,
          TayoriArticle *article)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);
      const char *field = tayori_finding_get_field (finding);
      g_autofree char *span = tayori_finding_dup_span (finding, g_str_equal (field, "body")
                                                                ? tayori_article_get_body (article) : "");

      g_string_append_printf (text, "%s %s %s\n", tayori_finding_get_rule_id (finding), field, span);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static TayoriFinding *
find_for (GPtrArray  *findings,
          const char *rule,
          const char *url)
{
  for (guint i = 0; i < findings->len; i++)
    {
      TayoriFinding *finding = g_ptr_array_index (findings, i);

      if (g_str_equal (tayori_finding_get_rule_id (finding), rule) &&
          strstr (tayori_finding_get_message_en (finding), url) != NULL)
        return finding;
    }
  g_assert_not_reached ();
}

static void
test_findings (void)
{
  g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (NULL);
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_link_free);
  g_autofree char *base = test_server_url (server, "");
  g_autofree char *body = NULL;
  g_autofree char *related = test_server_url (server, "/missing?related");
  g_autofree char *ok = test_server_url (server, "/ok");
  g_autofree char *moved = test_server_url (server, "/moved");
  g_autofree char *found = test_server_url (server, "/found");
  g_autofree char *slow = test_server_url (server, "/slow");
  g_autofree char *summary = NULL;
  g_autofree char *refused = g_strdup_printf ("http://127.0.0.1:%u/", test_server_closed_port ());
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  TayoriFinding *finding;

  body = g_strdup_printf ("- [開いている](%s/ok)\n- [ない](%s/missing)\n- [移転](%s/moved)\n"
                          "- [一時転送](%s/found)\n- ![地図](%s/head405)\n- [遅い](%s/slow)\n"
                          "- [止まっている](%s)\n- [相対](/local/page)\n\n"
                          "もう一度 [ない](%s/missing)。\n",
                          base, base, base, base, base, base, refused, base);
  tayori_article_set_body (article, body);
  g_ptr_array_add (links, tayori_link_new ("関連ページ", related));
  tayori_article_set_links (article, links);
  test_server_reset (server);

  findings = run_checker (checker, article, "[check:link-dead]\ntimeout=1\n", NULL, &error);
  g_assert_no_error (error);
  summary = describe (findings, article);
  expected = g_strdup_printf ("link-dead body %s/missing\n"
                              "link-redirect body %s/moved\n"
                              "link-redirect body %s/found\n"
                              "link-dead body %s/slow\n"
                              "link-dead body %s\n"
                              "link-dead body %s/missing\n"
                              "link-dead link-title:0 \n",
                              base, base, base, base, refused, base);
  g_assert_cmpstr (summary, ==, expected);

  finding = find_for (findings, "link-dead", "/missing?related");
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_WARNING);
  g_assert_nonnull (strstr (tayori_finding_get_message_en (finding), "HTTP 404"));
  g_assert_nonnull (strstr (tayori_finding_get_message_en (find_for (findings, "link-dead", slow)),
                            "no answer in time"));
  g_assert_nonnull (strstr (tayori_finding_get_message_en (find_for (findings, "link-dead", refused)),
                            "connection refused"));

  /* 301 → the fix puts the final address in; 302 → 301 is not permanent: no fix. */
  finding = find_for (findings, "link-redirect", moved);
  g_assert_cmpint (tayori_finding_get_severity (finding), ==, TAYORI_SEVERITY_NOTICE);
  g_assert_cmpstr (tayori_finding_get_fix (finding), ==, ok);
  g_assert_nonnull (strstr (tayori_finding_get_message_en (finding), ok));
  g_assert_null (tayori_finding_get_fix (find_for (findings, "link-redirect", found)));

  /* HEAD refused with 405, then GET; the repeated link was requested once. */
  g_assert_cmpuint (test_server_count (server, "/head405"), ==, 2);
  g_assert_cmpuint (test_server_count (server, "/missing"), ==, 2);   /* body + related link */
  g_assert_cmpuint (test_server_count (server, "/missing?related"), ==, 1);
}

static void
test_html (void)
{
  g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (NULL);
  g_autofree char *base = test_server_url (server, "");
  g_autofree char *html = g_strdup_printf ("<p>地図は<a href=\"%s/moved?a=1&amp;b=2\">こちらの案内</a>"
                                           "<img src=\"%s/missing.png\" alt=\"地図\"></p>",
                                           base, base);
  g_autoptr(TayoriCheckDocument) document = tayori_check_document_new_for_html (html, -1);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *ok = test_server_url (server, "/ok");

  findings = run_on_document (checker, document, NULL, NULL, &error);
  g_assert_no_error (error);
  summary = describe (findings, tayori_check_document_get_article (document));
  /* The href is found as written, &amp; and all, so the fix can replace it. */
  expected = g_strdup_printf ("link-redirect body %s/moved?a=1&amp;b=2\n"
                              "link-dead body %s/missing.png\n", base, base);
  g_assert_cmpstr (summary, ==, expected);
  g_assert_cmpstr (tayori_finding_get_fix (g_ptr_array_index (findings, 0)), ==, ok);
}

static void
test_concurrency (void)
{
  g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (NULL);
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *url = g_strdup_printf ("/delay?n=%u", i);
      g_autofree char *full = test_server_url (server, url);

      g_string_append_printf (body, "- [リンク%u](%s)\n", i, full);
    }
  tayori_article_set_body (article, body->str);
  test_server_reset (server);

  findings = run_checker (checker, article, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (test_server_count (server, "/delay"), ==, 12);
  g_assert_cmpuint (test_server_max_concurrent (server), <=, 4);
  g_assert_cmpuint (test_server_max_concurrent (server), >=, 2);
}

static void
age_cache (const char *path,
           gint64      seconds)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE links SET checked_at = checked_at - %" G_GINT64_FORMAT,
                                          seconds);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 2);
  sqlite3_close (db);
}

static void
test_cache (void)
{
  g_autofree char *folder = g_dir_make_tmp ("tayori-links-XXXXXX", NULL);
  g_autofree char *subfolder = g_build_filename (folder, "cache", NULL);
  g_autofree char *path = g_build_filename (subfolder, "links.db", NULL);
  g_autofree char *base = test_server_url (server, "");
  g_autofree char *body = g_strdup_printf ("[a](%s/ok?cache) [b](%s/missing?cache)", base, base);
  g_autoptr(TayoriArticle) article = content_article_new ("区民まつりの開催について", body);
  GError *error = NULL;

  test_server_reset (server);
  for (guint round = 0; round < 4; round++)
    {
      /* A new checker each time: the cache lives in the file. */
      g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (path);
      g_autoptr(GPtrArray) findings = NULL;

      if (round == 2)
        age_cache (path, 2 * 60 * 60);        /* two hours old: still fresh */
      if (round == 3)
        age_cache (path, 2 * 24 * 60 * 60);   /* two days old: checked again */
      findings = run_checker (checker, article, NULL, NULL, &error);
      g_assert_no_error (error);
      /* The cached dead link is still reported. */
      g_assert_cmpuint (findings->len, ==, 1);
      g_assert_cmpstr (tayori_finding_get_rule_id (g_ptr_array_index (findings, 0)), ==, "link-dead");
      g_assert_cmpuint (test_server_count (server, "/ok?cache"), ==, round < 3 ? 1 : 2);
      g_assert_cmpuint (test_server_count (server, "/missing?cache"), ==, round < 3 ? 1 : 2);
    }
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_unlink (path);
  g_rmdir (subfolder);
  g_rmdir (folder);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(TayoriArticle) article = tayori_article_new ();
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) no_error = NULL;
  g_autofree char *ok = test_server_url (server, "/ok?after-cancel");
  g_autofree char *ok_body = g_strdup_printf ("[ok](%s)", ok);

  /* More slow links than slots: some wait in the queue when the run is cancelled. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *url = g_strdup_printf ("/slow?cancel=%u", i);
      g_autofree char *full = test_server_url (server, url);

      g_string_append_printf (body, "[遅い%u](%s)\n", i, full);
    }
  tayori_article_set_body (article, body->str);
  g_timeout_add (200, cancel_soon, cancellable);
  findings = run_checker (checker, article, "[check:link-dead]\ntimeout=30\n", cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (findings);
  g_assert_cmpuint (test_server_count (server, "/slow?cancel=5"), ==, 0);

  /* The checker is free again afterwards. */
  tayori_article_set_body (article, ok_body);
  again = run_checker (checker, article, NULL, NULL, &no_error);
  g_assert_no_error (no_error);
  g_assert_cmpuint (again->len, ==, 0);
  g_assert_cmpuint (test_server_count (server, "/ok?after-cancel"), ==, 1);
}

static void
test_disabled (void)
{
  g_autoptr(TayoriLinkChecker) checker = tayori_link_checker_new (NULL);
  g_autofree char *missing = test_server_url (server, "/missing?disabled");
  g_autofree char *body = g_strdup_printf ("[ない](%s)", missing);
  g_autoptr(TayoriArticle) article = content_article_new ("区民まつりの開催について", body);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;

  test_server_reset (server);
  findings = run_checker (checker, article,
                          "[check:link-dead]\nenabled=false\n[check:link-redirect]\nenabled=false\n",
                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (findings->len, ==, 0);
  g_assert_cmpuint (test_server_count (server, "/missing?disabled"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  server = test_server_new (NULL);
  g_test_add_func ("/tayori/checks/content/links/findings", test_findings);
  g_test_add_func ("/tayori/checks/content/links/html", test_html);
  g_test_add_func ("/tayori/checks/content/links/concurrency", test_concurrency);
  g_test_add_func ("/tayori/checks/content/links/cache", test_cache);
  g_test_add_func ("/tayori/checks/content/links/cancel", test_cancel);
  g_test_add_func ("/tayori/checks/content/links/disabled", test_disabled);
  status = g_test_run ();
  test_server_free (server);
  return status;
}
