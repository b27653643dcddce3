/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The baseline of bench-cms-push: the REST requests of a push sent with plain libcurl from a
 * few threads, one easy handle each, no outbox, no store, no conversion. */

#include <curl/curl.h>
#include <json-glib/json-glib.h>
#include "bench-cms-push.h"

typedef struct {
  const char       *url;
  char             *userpwd;
  const BenchDraft *drafts;
  guint             end;
  gint              next;      /* atomic: the next draft to send */
  gint              failures;  /* atomic */
} CurlRun;

static size_t
collect (char *data, size_t size, size_t n, void *user_data)
{
  g_string_append_len (user_data, data, size * n);
  return size * n;
}

/* POSTs @body to @path; returns the "id" of the JSON answer, 0 on failure. */
static gint64
post (CURL *curl, CurlRun *run, struct curl_slist *headers, const char *path, const char *body)
{
  g_autofree char *url = g_strconcat (run->url, "/wp-json", path, NULL);
  g_autoptr(GString) answer = g_string_new (NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  long status = 0;
  JsonNode *root;

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_USERPWD, run->userpwd);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, answer);
  if (curl_easy_perform (curl) != CURLE_OK)
    return 0;
  curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
  if (status / 100 != 2 || !json_parser_load_from_data (parser, answer->str, answer->len, NULL))
    return 0;
  root = json_parser_get_root (parser);
  return JSON_NODE_HOLDS_OBJECT (root)
         ? json_object_get_int_member_with_default (json_node_get_object (root), "id", 0) : 0;
}

static gpointer
curl_thread (gpointer data)
{
  CurlRun *run = data;
  CURL *curl = curl_easy_init ();
  struct curl_slist *headers = curl_slist_append (NULL, "Content-Type: application/json");
  guint i;

  while ((i = (guint) g_atomic_int_add (&run->next, 1)) < run->end)
    {
      const char *body = run->drafts[i].body;
      gint64 id = post (curl, run, headers, "/wp/v2/posts", body);
      g_autofree char *path = g_strdup_printf ("/wp/v2/posts/%" G_GINT64_FORMAT, id);

      if (id == 0 || post (curl, run, headers, path, body) == 0)
        g_atomic_int_inc (&run->failures);
    }
  curl_slist_free_all (headers);
  curl_easy_cleanup (curl);
  return NULL;
}

guint
bench_curl_push (const char       *url,
                 const char       *user,
                 const char       *password,
                 const BenchDraft *drafts,
                 guint             first,
                 guint             n,
                 guint             n_threads)
{
  CurlRun run = { url, g_strdup_printf ("%s:%s", user, password), drafts, first + n, first, 0 };
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();

  for (guint t = 0; t < n_threads; t++)
    g_ptr_array_add (threads, g_thread_new ("bench-curl", curl_thread, &run));
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (g_ptr_array_index (threads, t));
  g_free (run.userpwd);
  return (guint) run.failures;
}
