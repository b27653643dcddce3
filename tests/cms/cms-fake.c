/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake WordPress of cms-fake.h: just enough of REST API v2 and the tayori-connector plugin
 * for the connector's requests, plus broken answers on purpose. */
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cms-fake.h"
#include "soup-thread-server.h"

#define USER_JSON "{\"id\":7,\"username\":\"contrib\",\"slug\":\"contrib\",\"name\":\"Contributor Chan\"," \
  "\"roles\":[\"contributor\"],\"capabilities\":{\"read\":true,\"edit_posts\":true,\"publish_posts\":false}}"
#define INFO_JSON "{\"version\":\"1.0.0\",\"approval_levels\":2," \
  "\"user\":{\"id\":7,\"login\":\"contrib\",\"roles\":[\"contributor\"],\"approver_level\":0}}"
#define REVIEW_LOG "[{\"action\":\"submit\",\"actor\":\"contrib\",\"level\":0,\"note\":\"please\"," \
  "\"revision_hash\":\"abc\",\"at\":\"2026-11-20T01:02:03Z\"}]"

struct _CmsFake
{
  SoupThreadServer *http;
  char         *url;
  GMutex        lock;
  GString      *log;
  guint         n_requests;
  char         *last_request;
  char         *last_body;
  SoupMessageHeaders *last_headers;
  GHashTable   *bodies;       /* request line → its body (the latest) */
  GHashTable   *posts;        /* "SCENARIO/ID" → JSON text of the stored post */
};

static void
reply (SoupServerMessage *message,
       guint              status,
       const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static gboolean
answer_late (gpointer data)
{
  SoupServerMessage *message = data;

  reply (message, 200, USER_JSON);
  soup_server_message_unpause (message);
  return G_SOURCE_REMOVE;
}

/* The post WordPress would store: the request's fields plus what the server adds (an update
 * replaces the whole post: the connector always sends every field). */
static char *
store_post (CmsFake    *fake,
            const char *scenario,
            gint64      id,
            gboolean    previous,
            const char *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, scenario, id);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *sent;
  JsonObject *meta;
  char *text;

  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  sent = json_node_get_object (json_parser_get_root (parser));
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, id);
  json_builder_set_member_name (builder, "author");
  json_builder_add_int_value (builder, 7);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, json_object_get_string_member_with_default (sent, "status", "draft"));
  for (const char *const *f = (const char *const[]) { "title", "content", "excerpt", NULL }; *f; f++)
    {
      json_builder_set_member_name (builder, *f);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "raw");
      json_builder_add_string_value (builder, json_object_get_string_member_with_default (sent, *f, ""));
      json_builder_end_object (builder);
    }
  if (json_object_has_member (sent, "categories"))
    {
      json_builder_set_member_name (builder, "categories");
      json_builder_add_value (builder, json_node_copy (json_object_get_member (sent, "categories")));
    }
  json_builder_set_member_name (builder, "link");
  json_builder_add_string_value (builder, "http://fake.example/?p=101");
  json_builder_set_member_name (builder, "modified_gmt");
  json_builder_add_string_value (builder, previous ? "2026-11-21T00:00:00" : "2026-11-20T00:00:00");
  json_builder_set_member_name (builder, "meta");
  json_builder_begin_object (builder);
  meta = json_object_has_member (sent, "meta") ? json_object_get_object_member (sent, "meta") : NULL;
  for (GList *l = meta != NULL ? json_object_get_members (meta) : NULL; l != NULL;
       l = g_list_delete_link (l, l))
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, json_object_get_string_member (meta, l->data));
    }
  json_builder_set_member_name (builder, "tayori_approvals");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "tayori_review_log");
  json_builder_add_string_value (builder, REVIEW_LOG);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  g_hash_table_replace (fake->posts, g_steal_pointer (&key), text);
  return g_strdup (text);
}

static char *
post_list (CmsFake    *fake,
           const char *scenario,
           GHashTable *params)
{
  const char *search = params != NULL ? g_hash_table_lookup (params, "search") : NULL;
  const char *page = params != NULL ? g_hash_table_lookup (params, "page") : NULL;
  GString *list = g_string_new ("[");
  GHashTableIter iter;
  gpointer key, value;

  if (g_str_equal (scenario, "paged"))
    {
      g_string_append_printf (list, "{\"id\":%d,\"author\":9,\"status\":\"pending\","
                              "\"title\":{\"raw\":\"page %s\"},\"_embedded\":{\"author\":"
                              "[{\"id\":9,\"slug\":\"author1\"}]}}]",
                              100 + atoi (page), page);
      return g_string_free (list, FALSE);
    }
  g_hash_table_iter_init (&iter, fake->posts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, scenario) && (search == NULL || strstr (value, search) != NULL))
      g_string_append_printf (list, "%s%s", list->len > 1 ? "," : "", (char *) value);
  g_string_append (list, "]");
  return g_string_free (list, FALSE);
}

static const char *
find_client_id (CmsFake    *fake,
                const char *scenario,
                const char *client_id)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, fake->posts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, scenario) && strstr (value, client_id) != NULL)
      return strchr (key, '/') + 1;
  return NULL;
}

/* Answers @route of @scenario; called with the lock held. */
static void
route_request (CmsFake           *fake,
               SoupServerMessage *message,
               const char        *scenario,
               const char        *route,
               GHashTable        *params,
               const char        *body)
{
  const char *method = soup_server_message_get_method (message);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (message);
  g_autofree char *text = NULL;
  gint64 id = 0;

  if (g_str_equal (route, "/"))
    reply (message, 200, "{\"name\":\"Fake City\",\"namespaces\":[\"wp/v2\",\"tayori/v1\"]}");
  else if (g_str_equal (route, "/wp/v2/users/me"))
    {
      if (g_str_equal (scenario, "malformed"))
        reply (message, 200, "{\"id\": 7, \"name\": ");
      else if (g_str_equal (scenario, "huge"))
        {
          gsize size = 9 * 1024 * 1024;
          char *huge = g_malloc (size);

          memset (huge, ' ', size);
          memcpy (huge, "{\"id\":7}", 8);
          soup_server_message_set_status (message, 200, NULL);
          soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE,
                                            huge, size);
        }
      else if (g_str_equal (scenario, "slow"))
        {
          GSource *source = g_timeout_source_new_seconds (3);

          soup_server_message_pause (message);
          g_source_set_callback (source, answer_late, g_object_ref (message), g_object_unref);
          g_source_attach (source, soup_thread_server_get_context (fake->http));
          g_source_unref (source);
        }
      else if (g_str_equal (scenario, "unauth"))
        {
          /* Echoes the credentials, as a careless proxy might. */
          const char *auth = soup_message_headers_get_one (
            soup_server_message_get_request_headers (message), "Authorization");

          text = g_strdup_printf ("{\"code\":\"incorrect_password\",\"message\":"
                                  "\"Wrong password in %s\",\"data\":{\"status\":401}}", auth);
          reply (message, 401, text);
        }
      else if (g_str_equal (scenario, "broken"))
        reply (message, 500, "{\"code\":\"internal_server_error\",\"message\":\"There has been a "
                             "critical error on this website.\"}");
      else
        reply (message, 200, USER_JSON);
    }
  else if (g_str_equal (route, "/tayori/v1/info"))
    {
      if (g_str_equal (scenario, "noplugin") || g_str_equal (scenario, "paged"))
        reply (message, 404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found "
                             "matching the URL and request method.\",\"data\":{\"status\":404}}");
      else
        reply (message, 200, INFO_JSON);
    }
  else if (g_str_equal (route, "/wp/v2/posts") && g_str_equal (method, "POST"))
    {
      if (g_str_equal (scenario, "forbidden"))
        reply (message, 403, "{\"code\":\"rest_cannot_publish\",\"message\":\"Sorry, you are not "
                             "allowed to publish posts as this user.\",\"data\":{\"status\":403}}");
      else
        {
          text = store_post (fake, scenario, 101, FALSE, body);
          reply (message, 201, text);
        }
    }
  else if (g_str_equal (route, "/wp/v2/posts"))
    {
      text = post_list (fake, scenario, params);
      soup_message_headers_replace (response_headers, "X-WP-TotalPages",
                                    g_str_equal (scenario, "paged") ? "2" : "1");
      reply (message, 200, text);
    }
  else if (sscanf (route, "/wp/v2/posts/%" G_GINT64_FORMAT, &id) == 1)
    {
      g_autofree char *key = g_strdup_printf ("%s/%" G_GINT64_FORMAT, scenario, id);

      if (!g_hash_table_contains (fake->posts, key))
        reply (message, 404, "{\"code\":\"rest_post_invalid_id\",\"message\":\"Invalid post ID.\","
                             "\"data\":{\"status\":404}}");
      else if (g_str_equal (method, "POST"))
        {
          text = store_post (fake, scenario, id, TRUE, body);
          reply (message, 200, text);
        }
      else
        reply (message, 200, g_hash_table_lookup (fake->posts, key));
    }
  else if (g_str_equal (route, "/tayori/v1/find"))
    {
      const char *found = find_client_id (fake, scenario, g_hash_table_lookup (params, "client_id"));

      text = g_strdup_printf ("{\"id\":%s}", found != NULL ? found : "0");
      reply (message, 200, text);
    }
  else if (g_str_has_suffix (route, "/media"))
    {
      text = g_strdup_printf ("{\"id\":55,\"source_url\":\"http://fake.example/photo.png\","
                              "\"alt_text\":\"%s\"}", (char *) g_hash_table_lookup (params, "alt"));
      reply (message, 201, text);
    }
  else if (g_str_has_suffix (route, "/review"))
    reply (message, 200, "{\"id\":101,\"status\":\"pending\",\"approvals\":1}");
  else if (g_str_equal (route, "/wp/v2/categories"))
    {
      gboolean first = g_strcmp0 (g_hash_table_lookup (params, "page"), "1") == 0;

      soup_message_headers_replace (response_headers, "X-WP-TotalPages", "2");
      reply (message, 200, first ? "[{\"id\":1,\"name\":\"防災\",\"slug\":\"bousai\",\"parent\":0}]"
                                 : "[{\"id\":2,\"name\":\"避難所\",\"slug\":\"hinanjo\",\"parent\":1}]");
    }
  else
    reply (message, 404, "{\"code\":\"rest_no_route\",\"message\":\"No route\"}");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           data)
{
  CmsFake *fake = data;
  g_autofree char *body = soup_thread_server_request_text (message);
  g_autofree char *scenario = NULL;
  g_autofree char *route = NULL;
  g_autofree char *rest = NULL;
  const char *slash = strchr (path + 1, '/');
  const char *rest_route = query != NULL ? g_hash_table_lookup (query, "rest_route") : NULL;
  GString *line;

  scenario = slash != NULL ? g_strndup (path + 1, (gsize) (slash - path - 1)) : g_strdup ("");
  rest = g_strdup (slash != NULL ? slash : "/");
  if (g_str_has_prefix (rest, "/wp-json"))
    route = g_strdup (rest[8] != '\0' ? rest + 8 : "/");
  else if (rest_route != NULL)
    route = g_strdup (rest_route);

  g_mutex_lock (&fake->lock);
  fake->n_requests++;
  line = g_string_new (soup_server_message_get_method (message));
  g_string_append_printf (line, " %s", route != NULL ? route : path);
  if (query != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;
      g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

      g_hash_table_iter_init (&iter, query);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_str_equal (key, "rest_route"))
          g_ptr_array_add (pairs, g_strdup_printf ("%s=%s", (char *) key, (char *) value));
      g_ptr_array_sort (pairs, compare_strings);
      for (guint i = 0; i < pairs->len; i++)
        g_string_append_printf (line, "%c%s", i == 0 ? '?' : '&',
                                (char *) g_ptr_array_index (pairs, i));
    }
  g_string_append_printf (fake->log, "%s\n", line->str);
  g_hash_table_replace (fake->bodies, g_strdup (line->str), g_strdup (body));
  g_free (fake->last_request);
  fake->last_request = g_string_free (line, FALSE);
  g_free (fake->last_body);
  fake->last_body = g_strdup (body);
  g_clear_pointer (&fake->last_headers, soup_message_headers_unref);
  fake->last_headers = soup_message_headers_ref (soup_server_message_get_request_headers (message));

  if (route != NULL && !(g_str_has_prefix (rest, "/wp-json") &&
                         (g_str_equal (scenario, "plain") || g_str_equal (scenario, "linked"))))
    route_request (fake, message, scenario, route, query, body);
  else
    {
      /* WordPress without pretty permalinks: /wp-json/ is an HTML 404 page. */
      if (g_str_equal (scenario, "linked"))
        {
          g_autofree char *link = g_strdup_printf ("<%slinked/index.php?rest_route=/>; "
                                                   "rel=\"https://api.w.org/\"", fake->url);

          soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                        "Link", link);
        }
      soup_server_message_set_status (message, 404, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<html>Not found</html>", 22);
    }
  g_mutex_unlock (&fake->lock);
}

CmsFake *
cms_fake_new (void)
{
  CmsFake *fake = g_new0 (CmsFake, 1);

  g_mutex_init (&fake->lock);
  fake->log = g_string_new (NULL);
  fake->bodies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->posts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  fake->http = soup_thread_server_new ("cms-fake", NULL, handle, fake);
  fake->url = g_strconcat (soup_thread_server_get_url (fake->http), "/", NULL);
  return fake;
}

void
cms_fake_free (CmsFake *fake)
{
  soup_thread_server_free (fake->http);
  g_string_free (fake->log, TRUE);
  g_hash_table_unref (fake->posts);
  g_hash_table_unref (fake->bodies);
  g_clear_pointer (&fake->last_headers, soup_message_headers_unref);
  g_free (fake->last_request);
  g_free (fake->last_body);
  g_free (fake->url);
  g_mutex_clear (&fake->lock);
  g_free (fake);
}

char *
cms_fake_site (CmsFake    *fake,
               const char *scenario)
{
  return g_strconcat (fake->url, scenario, "/", NULL);
}

guint
cms_fake_n_requests (CmsFake *fake)
{
  guint n;

  g_mutex_lock (&fake->lock);
  n = fake->n_requests;
  g_mutex_unlock (&fake->lock);
  return n;
}

#define LOCKED_DUP(fake, expression) \
  ({ char *_copy; g_mutex_lock (&(fake)->lock); _copy = g_strdup (expression); \
     g_mutex_unlock (&(fake)->lock); _copy; })

char *
cms_fake_last_request (CmsFake *fake)
{
  return LOCKED_DUP (fake, fake->last_request);
}

char *
cms_fake_last_body (CmsFake *fake)
{
  return LOCKED_DUP (fake, fake->last_body);
}

char *
cms_fake_body_of (CmsFake    *fake,
                  const char *request)
{
  return LOCKED_DUP (fake, g_hash_table_lookup (fake->bodies, request));
}

char *
cms_fake_last_header (CmsFake    *fake,
                      const char *name)
{
  return LOCKED_DUP (fake, fake->last_headers != NULL
                             ? soup_message_headers_get_one (fake->last_headers, name) : NULL);
}

char *
cms_fake_log (CmsFake *fake)
{
  return LOCKED_DUP (fake, fake->log->str);
}
