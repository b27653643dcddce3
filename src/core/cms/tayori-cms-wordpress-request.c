/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One WordPress REST call over the shared HTTP client: the route's URL in either API root form,
 * Basic auth with the application password, timeouts, the JSON size limit, pagination, and
 * error messages with every trace of the secret removed. */
#include <glib/gi18n.h>
#include <string.h>

#include "tayori-cms-private.h"
#include "tayori-cms-wordpress-private.h"

#define MAX_JSON        (8 * 1024 * 1024)
#define CONNECT_TIMEOUT 10
#define TIMEOUT         60
#define MEDIA_TIMEOUT   120
#define MAX_REDIRECTS   5
#define PER_PAGE        "100"
#define MAX_PAGES       1000

char *
tayori_cms_wp_url (const TayoriWpSite *site,
                   const char         *route,
                   const char         *query)
{
  if (query == NULL || query[0] == '\0')
    return g_strconcat (site->prefix, route, NULL);
  return g_strconcat (site->prefix, route, site->query_form ? "&" : "?", query, NULL);
}

static void
replace_all (GString    *text,
             const char *secret)
{
  if (secret != NULL && secret[0] != '\0')
    g_string_replace (text, secret, "[…]", 0);
}

/* WordPress or a proxy may echo what it was sent; the secret never reaches a message. */
static void
propagate (TayoriCmsWordpress  *self,
           GError             **error,
           GError              *local)
{
  GString *message = g_string_new (local->message);

  replace_all (message, self->token);
  replace_all (message, self->password);
  g_free (local->message);
  local->message = g_string_free (message, FALSE);
  g_propagate_error (error, local);
}

TayoriHttpResponse *
tayori_cms_wp_fetch (TayoriCmsWordpress  *self,
                     const TayoriWpCall  *call,
                     const char          *url,
                     gboolean             authenticated,
                     GCancellable        *cancellable,
                     GError             **error)
{
  g_autofree char *authorization = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *disposition = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  TayoriHttpRequest request = { 0 };
  GError *local = NULL;

  if (!tayori_cms_check_url (url, error))
    return NULL;

  g_ptr_array_add (headers, "Accept: application/json");
  /* php -S and some proxies answer "100 Continue" slowly or never. */
  g_ptr_array_add (headers, "Expect:");
  if (authenticated)
    {
      authorization = g_strconcat ("Authorization: Basic ", self->token, NULL);
      g_ptr_array_add (headers, authorization);
    }
  if (call->json != NULL)
    {
      char *text = json_to_string (call->json, FALSE);

      body = g_bytes_new_take (text, strlen (text));
      g_ptr_array_add (headers, "Content-Type: application/json; charset=utf-8");
    }
  else if (call->body != NULL)
    {
      body = g_bytes_ref (call->body);
      content_type = g_strconcat ("Content-Type: ", call->content_type, NULL);
      g_ptr_array_add (headers, content_type);
    }
  if (call->disposition != NULL)
    {
      disposition = g_strconcat ("Content-Disposition: ", call->disposition, NULL);
      g_ptr_array_add (headers, disposition);
    }
  g_ptr_array_add (headers, NULL);

  request.method = call->method;
  request.url = url;
  request.body = body;
  request.headers = (const char * const *) headers->pdata;
  request.connect_timeout = CONNECT_TIMEOUT;
  request.timeout = self->timeout != 0 ? self->timeout : call->media ? MEDIA_TIMEOUT : TIMEOUT;
  /* Custom headers may follow a redirect to another host: only anonymous calls follow. */
  request.max_redirects = authenticated ? 0 : MAX_REDIRECTS;
  request.max_body = MAX_JSON + 1;
  response = tayori_http_client_send (self->client, &request, cancellable, &local);
  if (response == NULL)
    {
      if (!g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          local->domain = TAYORI_CMS_ERROR;
          local->code = TAYORI_CMS_ERROR_UNREACHABLE;
        }
      propagate (self, error, local);
      return NULL;
    }
  if (g_bytes_get_size (response->body) > MAX_JSON)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("The answer from %s is larger than %d MiB"), url, MAX_JSON / (1024 * 1024));
      return NULL;
    }
  if (!authenticated && response->effective_url != NULL &&
      !tayori_cms_check_url (response->effective_url, error))
    return NULL;
  return g_steal_pointer (&response);
}

JsonNode *
tayori_cms_wp_parse (const TayoriHttpResponse  *response,
                     GError                   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (response->body, &size);

  if (size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, &local) ||
      json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                   _("The answer from %s is not JSON (HTTP %u): %s"),
                   response->effective_url != NULL ? response->effective_url : "",
                   response->status, local != NULL ? local->message : _("empty"));
      return NULL;
    }
  return json_parser_steal_root (parser);
}

JsonNode *
tayori_cms_wp_send (TayoriCmsWordpress   *self,
                    const TayoriWpSite   *site,
                    const TayoriWpCall   *call,
                    TayoriHttpResponse  **out_response,
                    GCancellable         *cancellable,
                    GError              **error)
{
  g_autofree char *url = tayori_cms_wp_url (site, call->route, call->query);
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *local = NULL;

  response = tayori_cms_wp_fetch (self, call, url, TRUE, cancellable, error);
  if (response == NULL)
    return NULL;
  if (response->status >= 200 && response->status < 300)
    node = tayori_cms_wp_parse (response, &local);
  else
    {
      /* The error answer is read when it is JSON; other bodies are of no use. */
      node = tayori_cms_wp_parse (response, NULL);
      tayori_cms_wp_set_error (&local, site, call, url, response->status, node);
      g_clear_pointer (&node, json_node_unref);
    }
  if (local != NULL)
    {
      propagate (self, error, local);
      return NULL;
    }
  if (out_response != NULL)
    *out_response = g_steal_pointer (&response);
  return g_steal_pointer (&node);
}

GPtrArray *
tayori_cms_wp_get_all (TayoriCmsWordpress  *self,
                       const TayoriWpSite  *site,
                       const char          *route,
                       const char          *query,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  guint64 pages = 1;

  for (guint page = 1; page <= pages && page <= MAX_PAGES; page++)
    {
      g_autofree char *page_query = g_strdup_printf ("%s%sper_page=" PER_PAGE "&page=%u",
                                                     query != NULL ? query : "",
                                                     query != NULL ? "&" : "", page);
      TayoriWpCall call = { .method = "GET", .route = route, .query = page_query,
                            .action = TAYORI_WP_DO_READ };
      g_autoptr(TayoriHttpResponse) response = NULL;
      g_autoptr(JsonNode) node = tayori_cms_wp_send (self, site, &call, &response,
                                                     cancellable, error);
      const char *total;
      JsonArray *array;

      if (node == NULL)
        return NULL;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error (error, TAYORI_CMS_ERROR, TAYORI_CMS_ERROR_BAD_RESPONSE,
                       _("WordPress did not answer %s with a list"), route);
          return NULL;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            g_ptr_array_add (items, json_node_ref (element));
        }
      total = g_hash_table_lookup (response->headers, "x-wp-totalpages");
      if (total != NULL)
        pages = g_ascii_strtoull (total, NULL, 10);
      if (json_array_get_length (array) == 0)
        break;
    }
  return g_steal_pointer (&items);
}
