/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench: cms-push — pushes N drafts (default 1000) to the WordPress of
 * tests/cms/wordpress-wrapper.sh through TayoriCmsSync (its outbox, at most 4 in parallel),
 * and the same REST requests with plain libcurl (4 threads, one handle each, a draft's two
 * requests in sequence) in the same run, in alternating rounds so that both see the same
 * machine load and the same growing database. Prints
 * drafts/s of both, the ratio (target >= 0.8) and the requests per draft seen by the server. */

#include <string.h>
#include <curl/curl.h>
#include "bench-cms-push.h"
#include "bench-scratch.h"
#include "bench-util.h"
#include "tayori-cms-sync.h"
#include "tayori-json.h"
#include "tayori-markdown.h"

#define PARALLEL 4
#define ACCOUNT  "bench"
#define USER     "contrib"
#define ROUNDS   10

typedef struct {
  guint done;
  guint failed;
} PushState;

static void
on_pushed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  PushState *state = user_data;
  g_autoptr(TayoriCmsSyncStatus) status = NULL;
  g_autoptr(GError) error = NULL;

  status = tayori_cms_sync_push_finish (TAYORI_CMS_SYNC (source), result, &error);
  if (status == NULL)
    {
      if (state->failed++ == 0)
        g_printerr ("push failed: %s\n", error->message);
    }
  state->done++;
}

/* The connections php -S has logged so far ("… Accepted"; it closes each after one request), -1
 * when unknown. */
static gint64
server_requests (void)
{
  const char *root = g_getenv ("TAYORI_WP_ROOT");
  g_autofree char *path = root != NULL ? g_build_filename (root, "php-server.log", NULL) : NULL;
  g_autofree char *log = NULL;
  gint64 n = 0;

  if (path == NULL || !g_file_get_contents (path, &log, NULL, NULL))
    return -1;
  for (const char *p = log; (p = strstr (p, " Accepted\n")) != NULL; p++)
    n++;
  return n;
}

static BenchDraft *
make_drafts (GPtrArray *articles)
{
  BenchDraft *drafts = g_new0 (BenchDraft, articles->len);

  for (guint i = 0; i < articles->len; i++)
    {
      TayoriArticle *article = g_ptr_array_index (articles, i);
      const char *markdown = tayori_article_get_body (article);
      g_autofree char *html = tayori_markdown_render_body (markdown, -1);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, markdown, -1);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "title", tayori_article_get_title (article));
      tayori_json_add_string (builder, "content", html);
      tayori_json_add_string (builder, "excerpt", tayori_article_get_summary (article));
      tayori_json_add_string (builder, "status", "draft");
      json_builder_set_member_name (builder, "meta");
      json_builder_begin_object (builder);
      tayori_json_add_string (builder, "tayori_client_id", uuid);
      tayori_json_add_string (builder, "tayori_markdown", markdown);
      tayori_json_add_string (builder, "tayori_meta", "{}");
      tayori_json_add_string (builder, "tayori_revision_hash", hash);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      drafts[i].body = json_to_string (root, FALSE);
    }
  return drafts;
}

/* Seconds to push articles [@first, @first + @n) through the sync engine. */
static double
push_with_tayori (TayoriCmsSync *sync, GPtrArray *articles, guint first, guint n)
{
  PushState state = { 0 };
  gint64 start = g_get_monotonic_time ();

  for (guint i = first; i < first + n; i++)
    tayori_cms_sync_push_async (sync, tayori_article_get_id (g_ptr_array_index (articles, i)), ACCOUNT,
                                NULL, on_pushed, &state);
  while (state.done < n)
    g_main_context_iteration (NULL, TRUE);
  if (state.failed > 0)
    g_printerr ("%u pushes failed\n", state.failed);
  return bench_ms_since (start) / 1000.0;
}

static TayoriCmsSync *
sync_new (BenchScratch *scratch, TayoriPreset *preset, const char *password)
{
  TayoriCmsSync *sync = tayori_cms_sync_new (scratch->store, preset);
  g_autoptr(TayoriHttpClient) client = tayori_http_client_new ();
  g_autoptr(TayoriCmsConnector) connector = NULL;
  g_autoptr(GError) error = NULL;

  connector = tayori_cms_connector_new_for_account (scratch->account, password, client, &error);
  if (connector == NULL)
    g_error ("connector: %s", error->message);
  tayori_cms_sync_set_connector (sync, ACCOUNT, connector);
  tayori_outbox_set_max_parallel (tayori_cms_sync_get_outbox (sync), PARALLEL);
  return sync;
}

int
main (int argc, char **argv)
{
  const char *url = g_getenv ("TAYORI_WP_URL");
  const char *password = g_getenv ("TAYORI_WP_CONTRIB_PW");
  g_autoptr(BenchScratch) scratch = NULL;
  g_autoptr(TayoriPreset) preset = tayori_preset_new_defaults ();
  g_autoptr(TayoriCmsSync) sync = NULL;
  BenchDraft *drafts;
  guint n = 1000, curl_failed = 0;
  gint64 start, curl_requests = 0, tayori_requests = 0, mark;
  double curl_seconds = 0, tayori_seconds = 0, curl_rate, tayori_rate;

  if (argc == 3 && g_str_equal (argv[1], "--drafts"))
    n = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  if (url == NULL || password == NULL || n < ROUNDS)
    {
      g_printerr ("usage: tests/cms/wordpress-wrapper.sh -- bench-cms-push [--drafts N (>= %d)]\n", ROUNDS);
      return 2;
    }
  curl_global_init (CURL_GLOBAL_DEFAULT);
  scratch = bench_scratch_new (n, "ベンチマーク下書き", ACCOUNT, url, USER);
  drafts = make_drafts (scratch->articles);
  sync = sync_new (scratch, preset, password);

  g_print ("bench-cms-push: %u drafts to %s as %s, %d at a time, in %d alternating rounds\n", n, url, USER,
           PARALLEL, ROUNDS);
  for (guint round = 0; round < ROUNDS; round++)
    {
      guint first = n * round / ROUNDS;
      guint count = n * (round + 1) / ROUNDS - first;

      mark = server_requests ();
      start = g_get_monotonic_time ();
      curl_failed += bench_curl_push (url, USER, password, drafts, first, count, PARALLEL);
      curl_seconds += bench_ms_since (start) / 1000.0;
      curl_requests += server_requests () - mark;
      mark = server_requests ();
      tayori_seconds += push_with_tayori (sync, scratch->articles, first, count);
      tayori_requests += server_requests () - mark;
    }
  tayori_outbox_stop (tayori_cms_sync_get_outbox (sync));

  curl_rate = n / curl_seconds;
  tayori_rate = n / tayori_seconds;
  g_print ("%-36s %8.1f drafts/s  (%.1f s%s)\n", "libcurl, 4 threads (baseline)", curl_rate, curl_seconds,
           curl_failed > 0 ? ", some failed" : "");
  g_print ("%-36s %8.1f drafts/s  (%.1f s)\n", "TayoriCmsSync outbox, 4 parallel", tayori_rate, tayori_seconds);
  if (mark >= 0)
    g_print ("%-36s %8.2f baseline, %.2f Tayori\n", "requests per draft", (double) curl_requests / n,
             (double) tayori_requests / n);
  g_print ("%-36s %8.2f (target >= 0.80)\n", "ratio Tayori / baseline", tayori_rate / curl_rate);

  for (guint i = 0; i < n; i++)
    g_free (drafts[i].body);
  g_free (drafts);
  curl_global_cleanup ();
  return 0;
}
