/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The core's outbound HTTP: one libcurl easy handle per request, run on a small thread pool
 * of its own (network waits never occupy GLib's shared pool), with TLS verification always
 * on, the desktop's proxy, timeouts, a capped body (or the body handed over as it arrives)
 * and cancellation polled by curl. */
#include <curl/curl.h>
#include <glib/gi18n.h>
#include "tayori-http-client.h"

#define DEFAULT_CONNECT_TIMEOUT 10
#define DEFAULT_TIMEOUT         30
#define DEFAULT_MAX_BODY        (16 * 1024 * 1024)
#define POOL_THREADS            8

struct _TayoriHttpClient
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (TayoriHttpClient, tayori_http_client, G_TYPE_OBJECT)

/* What a worker needs of a request, owned by the task. */
typedef struct {
  char    *method;
  char    *url;
  GStrv    headers;
  GBytes  *body;
  guint    connect_timeout;
  guint    timeout;
  guint    max_redirects;
  gsize    max_body;
} Request;

/* State shared with curl's callbacks during one transfer. */
typedef struct {
  CURL               *curl;
  GByteArray         *body;
  gsize               max_body;
  gboolean            truncated;
  GHashTable         *headers;
  GCancellable       *cancellable;
  TayoriHttpChunkFunc on_chunk;   /* streaming: the body goes here instead */
  gpointer            chunk_data;
  TayoriHttpResponse *head;       /* streaming: status and headers, made at the first chunk */
  gboolean            stopped;    /* streaming: on_chunk said stop */
} Transfer;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->url);
  g_strfreev (request->headers);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static Request *
request_copy (const TayoriHttpRequest *request)
{
  Request *copy = g_new0 (Request, 1);

  copy->method = g_strdup (request->method != NULL ? request->method : "GET");
  copy->url = g_strdup (request->url);
  copy->headers = g_strdupv ((char **) request->headers);
  copy->body = request->body != NULL ? g_bytes_ref (request->body) : NULL;
  copy->connect_timeout = request->connect_timeout != 0 ? request->connect_timeout
                                                        : DEFAULT_CONNECT_TIMEOUT;
  copy->timeout = request->timeout != 0 ? request->timeout : DEFAULT_TIMEOUT;
  copy->max_redirects = request->max_redirects;
  copy->max_body = request->max_body != 0 ? request->max_body : DEFAULT_MAX_BODY;
  return copy;
}

void
tayori_http_response_free (TayoriHttpResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->effective_url);
  g_clear_pointer (&response->headers, g_hash_table_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response);
}

/* The response so far: the headers are complete once the body starts. */
static TayoriHttpResponse *
make_head (Transfer *transfer)
{
  TayoriHttpResponse *head = g_new0 (TayoriHttpResponse, 1);
  const char *effective_url = NULL;
  long status = 0;

  curl_easy_getinfo (transfer->curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo (transfer->curl, CURLINFO_EFFECTIVE_URL, &effective_url);
  head->status = (guint) status;
  head->effective_url = g_strdup (effective_url);
  head->headers = g_hash_table_ref (transfer->headers);
  return head;
}

static size_t
on_body (char   *data,
         size_t  size,
         size_t  count,
         void   *user_data)
{
  Transfer *transfer = user_data;
  gsize length = size * count;
  gsize room = transfer->max_body - transfer->body->len;

  if (transfer->on_chunk != NULL)
    {
      if (transfer->head == NULL)
        transfer->head = make_head (transfer);
      if (length > 0 && !transfer->on_chunk (transfer->head, data, length, transfer->chunk_data))
        {
          transfer->stopped = TRUE;
          return 0;
        }
      return length;
    }

  if (length > room)
    {
      /* Keep what fits and stop the transfer: the caller asked for no more. */
      g_byte_array_append (transfer->body, (const guint8 *) data, room);
      transfer->truncated = TRUE;
      return room;
    }
  g_byte_array_append (transfer->body, (const guint8 *) data, length);
  return length;
}

static size_t
on_header (char   *data,
           size_t  size,
           size_t  count,
           void   *user_data)
{
  Transfer *transfer = user_data;
  gsize length = size * count;
  g_autofree char *line = g_strndup (data, length);
  char *colon;

  /* A status line starts the headers of the next response (after a redirect). */
  if (g_str_has_prefix (line, "HTTP/"))
    g_hash_table_remove_all (transfer->headers);
  else if ((colon = strchr (line, ':')) != NULL)
    {
      *colon = '\0';
      g_hash_table_replace (transfer->headers,
                            g_ascii_strdown (g_strstrip (line), -1),
                            g_strdup (g_strstrip (colon + 1)));
    }
  return length;
}

static int
on_progress (void       *user_data,
             curl_off_t  download_total,
             curl_off_t  downloaded,
             curl_off_t  upload_total,
             curl_off_t  uploaded)
{
  Transfer *transfer = user_data;

  return g_cancellable_is_cancelled (transfer->cancellable) ? 1 : 0;
}

/* The first proxy the desktop gives for @url in a form curl understands, or "" for none
 * ("" also stops curl from reading proxy variables on its own). */
static char *
lookup_proxy (const char   *url,
              GCancellable *cancellable)
{
  g_auto(GStrv) proxies = g_proxy_resolver_lookup (g_proxy_resolver_get_default (), url,
                                                   cancellable, NULL);

  for (guint i = 0; proxies != NULL && proxies[i] != NULL; i++)
    {
      if (g_str_equal (proxies[i], "direct://"))
        continue;
      /* GLib's "socks://" leaves the version open; curl wants one. */
      if (g_str_has_prefix (proxies[i], "socks://"))
        return g_strconcat ("socks5h://", proxies[i] + strlen ("socks://"), NULL);
      return g_strdup (proxies[i]);
    }
  return g_strdup ("");
}

static void
set_method (CURL    *curl,
            Request *request)
{
  gboolean has_body = request->body != NULL;

  if (g_ascii_strcasecmp (request->method, "HEAD") == 0)
    curl_easy_setopt (curl, CURLOPT_NOBODY, 1L);
  else if (g_ascii_strcasecmp (request->method, "GET") == 0 && !has_body)
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);
  else if (g_ascii_strcasecmp (request->method, "POST") != 0)
    curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, request->method);

  if (has_body || g_ascii_strcasecmp (request->method, "POST") == 0)
    {
      gsize length = 0;
      const void *data = has_body ? g_bytes_get_data (request->body, &length) : "";

      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) length);
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, data);
    }
}

static void
set_protocols (CURL *curl)
{
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt (curl, CURLOPT_REDIR_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

static void
set_error (GError     **error,
           CURLcode     code,
           const char  *detail,
           const char  *url)
{
  GIOErrorEnum io_code;

  switch (code)
    {
    case CURLE_OPERATION_TIMEDOUT:
      io_code = G_IO_ERROR_TIMED_OUT;
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      io_code = G_IO_ERROR_HOST_NOT_FOUND;
      break;
    case CURLE_COULDNT_CONNECT:
      io_code = G_IO_ERROR_CONNECTION_REFUSED;
      break;
    case CURLE_ABORTED_BY_CALLBACK:
      io_code = G_IO_ERROR_CANCELLED;
      break;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
      io_code = G_IO_ERROR_CONNECTION_CLOSED;
      break;
    default:
      io_code = G_IO_ERROR_FAILED;
      break;
    }
  g_set_error (error, G_IO_ERROR, io_code, _("The request to %s failed: %s"), url,
               detail[0] != '\0' ? detail : curl_easy_strerror (code));
}

/* Whether the whole request (head and body) left before the transfer ended: the server may
 * then have acted on it even though no answer came back. */
static gboolean
was_request_sent (CURL    *curl,
                  Request *request)
{
  curl_off_t uploaded = 0;
  long head_size = 0;

  curl_easy_getinfo (curl, CURLINFO_REQUEST_SIZE, &head_size);
  curl_easy_getinfo (curl, CURLINFO_SIZE_UPLOAD_T, &uploaded);
  return head_size > 0 &&
         (request->body == NULL || (gsize) uploaded >= g_bytes_get_size (request->body));
}

static TayoriHttpResponse *
perform (Request              *request,
         TayoriHttpChunkFunc   on_chunk,
         gpointer              chunk_data,
         GCancellable         *cancellable,
         gboolean             *request_sent,
         GError              **error)
{
  g_autofree char *proxy = NULL;
  char detail[CURL_ERROR_SIZE] = "";
  struct curl_slist *headers = NULL;
  Transfer transfer = { 0 };
  TayoriHttpResponse *response;
  const char *effective_url = NULL;
  long status = 0;
  long n_redirects = 0;
  CURLcode code;
  CURL *curl;

  if (request_sent != NULL)
    *request_sent = FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  curl = curl_easy_init ();
  if (curl == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not start a network request"));
      return NULL;
    }

  transfer.curl = curl;
  transfer.on_chunk = on_chunk;
  transfer.chunk_data = chunk_data;
  transfer.body = g_byte_array_new ();
  transfer.max_body = request->max_body;
  transfer.headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  transfer.cancellable = cancellable;
  for (guint i = 0; request->headers != NULL && request->headers[i] != NULL; i++)
    headers = curl_slist_append (headers, request->headers[i]);
  proxy = lookup_proxy (request->url, cancellable);

  curl_easy_setopt (curl, CURLOPT_URL, request->url);
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "Tayori/" PACKAGE_VERSION);
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt (curl, CURLOPT_PROXY, proxy);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT, (long) request->connect_timeout);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT, (long) request->timeout);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, request->max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt (curl, CURLOPT_MAXREDIRS, (long) request->max_redirects);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, on_progress);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &transfer);
  set_protocols (curl);
  set_method (curl, request);

  code = curl_easy_perform (curl);
  if (request_sent != NULL)
    *request_sent = was_request_sent (curl, request);
  if (code == CURLE_WRITE_ERROR && (transfer.truncated || transfer.stopped))
    code = CURLE_OK;

  if (code != CURLE_OK)
    {
      set_error (error, code, detail, request->url);
      response = NULL;
    }
  else
    {
      curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
      curl_easy_getinfo (curl, CURLINFO_REDIRECT_COUNT, &n_redirects);
      curl_easy_getinfo (curl, CURLINFO_EFFECTIVE_URL, &effective_url);
      response = transfer.head != NULL ? g_steal_pointer (&transfer.head)
                                       : g_new0 (TayoriHttpResponse, 1);
      g_free (response->effective_url);
      g_clear_pointer (&response->headers, g_hash_table_unref);
      response->status = (guint) status;
      response->n_redirects = (guint) n_redirects;
      response->effective_url = g_strdup (effective_url != NULL ? effective_url : request->url);
      response->headers = g_steal_pointer (&transfer.headers);
      response->body = g_byte_array_free_to_bytes (g_steal_pointer (&transfer.body));
    }

  curl_easy_cleanup (curl);
  curl_slist_free_all (headers);
  g_clear_pointer (&transfer.headers, g_hash_table_unref);
  g_clear_pointer (&transfer.body, g_byte_array_unref);
  g_clear_pointer (&transfer.head, tayori_http_response_free);
  return response;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  TayoriHttpResponse *response;

  response = perform (g_task_get_task_data (task), NULL, NULL, g_task_get_cancellable (task),
                      NULL, &error);
  if (response == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, response, (GDestroyNotify) tayori_http_response_free);
}

/* Shared by every client and never freed: a task keeps its client alive, so freeing the
 * pool with its client could happen on one of the pool's own threads. */
static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (worker, NULL, POOL_THREADS, FALSE, NULL));
  return pool;
}

static void
tayori_http_client_class_init (TayoriHttpClientClass *klass)
{
  /* Type class initialisation runs once, under GType's lock. */
  curl_global_init (CURL_GLOBAL_DEFAULT);
}

static void
tayori_http_client_init (TayoriHttpClient *self)
{
}

TayoriHttpClient *
tayori_http_client_new (void)
{
  return g_object_new (TAYORI_TYPE_HTTP_CLIENT, NULL);
}

void
tayori_http_client_send_async (TayoriHttpClient        *self,
                               const TayoriHttpRequest *request,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  GTask *task;

  g_return_if_fail (TAYORI_IS_HTTP_CLIENT (self));
  g_return_if_fail (request != NULL && request->url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tayori_http_client_send_async);
  g_task_set_task_data (task, request_copy (request), (GDestroyNotify) request_free);
  g_thread_pool_push (get_pool (), task, NULL);
}

TayoriHttpResponse *
tayori_http_client_send_finish (TayoriHttpClient  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

TayoriHttpResponse *
tayori_http_client_send (TayoriHttpClient         *self,
                         const TayoriHttpRequest  *request,
                         GCancellable             *cancellable,
                         GError                  **error)
{
  g_autoptr(Request) copy = NULL;

  g_return_val_if_fail (TAYORI_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (request != NULL && request->url != NULL, NULL);

  copy = request_copy (request);
  return perform (copy, NULL, NULL, cancellable, NULL, error);
}

TayoriHttpResponse *
tayori_http_client_send_tracked (TayoriHttpClient         *self,
                                 const TayoriHttpRequest  *request,
                                 gboolean                 *request_sent,
                                 GCancellable             *cancellable,
                                 GError                  **error)
{
  g_autoptr(Request) copy = NULL;

  g_return_val_if_fail (TAYORI_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (request != NULL && request->url != NULL, NULL);
  g_return_val_if_fail (request_sent != NULL, NULL);

  copy = request_copy (request);
  return perform (copy, NULL, NULL, cancellable, request_sent, error);
}

TayoriHttpResponse *
tayori_http_client_send_streaming (TayoriHttpClient         *self,
                                   const TayoriHttpRequest  *request,
                                   TayoriHttpChunkFunc       on_chunk,
                                   gpointer                  chunk_data,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(Request) copy = NULL;

  g_return_val_if_fail (TAYORI_IS_HTTP_CLIENT (self), NULL);
  g_return_val_if_fail (request != NULL && request->url != NULL, NULL);
  g_return_val_if_fail (on_chunk != NULL, NULL);

  copy = request_copy (request);
  return perform (copy, on_chunk, chunk_data, cancellable, NULL, error);
}
