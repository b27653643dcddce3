/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app-owned WebKitWebContext (never the default one) with an ephemeral network session,
 * and the handlers of "tayori-resource:" (an allow-list of GResource paths) and
 * "tayori-media:HASH" (files of the media store). Nothing else can be loaded from disk. */

#include "tayori-web-context.h"

#include "tayori-media-store.h"
#include "tayori-paths.h"

#define RESOURCE_SCHEME "tayori-resource"
#define MEDIA_SCHEME    "tayori-media"

/* GResource folders the preview page may load from. Anything else, even if bundled (preset
 * defaults, scripts of the preview itself), is answered with a network error. */
static const char * const resource_allow_list[] = {
  "/io/github/tayori/Tayori/core/page/",
};

static WebKitWebContext *web_context;
static WebKitNetworkSession *network_session;
static char *media_dir;

static void
finish_error (WebKitURISchemeRequest *request,
              int                     code,
              const char             *message)
{
  g_autoptr(GError) error = g_error_new_literal (WEBKIT_NETWORK_ERROR, code, message);

  webkit_uri_scheme_request_finish_error (request, error);
}

static void
finish_stream (WebKitURISchemeRequest *request,
               GInputStream           *stream,
               gint64                  length,
               const char             *mime_type)
{
  g_autoptr(WebKitURISchemeResponse) response = webkit_uri_scheme_response_new (stream, length);
  SoupMessageHeaders *headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);

  /* The MIME type is the truth: never let WebKit sniff a stored file into HTML. The headers
   * replace the response's own, so they carry the type too. */
  soup_message_headers_set_content_type (headers, mime_type, NULL);
  soup_message_headers_append (headers, "X-Content-Type-Options", "nosniff");
  webkit_uri_scheme_response_set_content_type (response, mime_type);
  webkit_uri_scheme_response_set_http_headers (response, headers);
  webkit_uri_scheme_request_finish_with_response (request, response);
}

static char *
mime_type_for (const char   *name,
               const guchar *data,
               gsize         size)
{
  g_autofree char *content_type = g_content_type_guess (name, data, size, NULL);
  char *mime_type = g_content_type_get_mime_type (content_type);

  return mime_type ? mime_type : g_strdup ("application/octet-stream");
}

/* The decoded request path when it is an exact, normalised path inside the allow-list. */
static char *
allowed_resource_path (const char *raw_path)
{
  g_autofree char *path = g_uri_unescape_string (raw_path, "/");
  g_auto(GStrv) segments = NULL;
  gboolean allowed = FALSE;

  if (path == NULL || path[0] != '/')
    return NULL;

  segments = g_strsplit (path + 1, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (g_str_equal (segments[i], "") || g_str_equal (segments[i], ".") ||
          g_str_equal (segments[i], ".."))
        return NULL;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (resource_allow_list); i++)
    allowed |= g_str_has_prefix (path, resource_allow_list[i]);

  return allowed ? g_steal_pointer (&path) : NULL;
}

static void
resource_request_cb (WebKitURISchemeRequest *request,
                     gpointer                user_data)
{
  g_autofree char *path = allowed_resource_path (webkit_uri_scheme_request_get_path (request));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autofree char *mime_type = NULL;
  gsize size;
  const guchar *data;

  if (path != NULL)
    bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    {
      finish_error (request, WEBKIT_NETWORK_ERROR_FILE_DOES_NOT_EXIST,
                    "Not a bundled page asset");
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  mime_type = mime_type_for (path, data, size);
  stream = g_memory_input_stream_new_from_bytes (bytes);
  finish_stream (request, stream, size, mime_type);
}

typedef struct {
  char         *dir;
  char         *hash;
  char         *path;
  GInputStream *stream;
  goffset       size;
  char         *mime_type;
} MediaFile;

static void
media_file_free (MediaFile *file)
{
  g_free (file->dir);
  g_free (file->hash);
  g_free (file->path);
  g_clear_object (&file->stream);
  g_free (file->mime_type);
  g_free (file);
}

/* Runs in a worker: the lookup may scan the media folder and opening a file is blocking I/O. */
static void
media_open_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  MediaFile *file = task_data;
  g_autoptr(GFile) gfile = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GError *error = NULL;

  file->path = tayori_media_store_lookup (file->dir, file->hash);
  if (file->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No such media file");
      return;
    }

  gfile = g_file_new_for_path (file->path);
  stream = g_file_read (gfile, cancellable, &error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  file->size = g_file_info_get_size (info);
  file->mime_type = mime_type_for (file->path, NULL, 0);
  file->stream = G_INPUT_STREAM (g_steal_pointer (&stream));
  g_task_return_boolean (task, TRUE);
}

static void
media_open_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(WebKitURISchemeRequest) request = user_data;
  MediaFile *file = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      finish_error (request, WEBKIT_NETWORK_ERROR_FILE_DOES_NOT_EXIST, "Media file unreadable");
      return;
    }

  finish_stream (request, file->stream, file->size, file->mime_type);
}

static void
media_request_cb (WebKitURISchemeRequest *request,
                  gpointer                user_data)
{
  const char *hash = webkit_uri_scheme_request_get_path (request);
  g_autoptr(GTask) task = NULL;
  MediaFile *file;

  /* "tayori-media:HASH": the path is the hash itself, 64 lowercase hex digits. */
  if (hash == NULL || !tayori_media_store_is_hash (hash))
    {
      finish_error (request, WEBKIT_NETWORK_ERROR_FAILED, "Malformed media hash");
      return;
    }

  if (media_dir == NULL)
    media_dir = tayori_paths_media_dir ();

  file = g_new0 (MediaFile, 1);
  file->dir = g_strdup (media_dir);
  file->hash = g_strdup (hash);
  task = g_task_new (NULL, NULL, media_open_cb, g_object_ref (request));
  g_task_set_source_tag (task, media_request_cb);
  g_task_set_task_data (task, file, (GDestroyNotify) media_file_free);
  g_task_run_in_thread (task, media_open_thread);
}

static void
ensure_context (void)
{
  WebKitSecurityManager *security;

  if (web_context != NULL)
    return;

  network_session = webkit_network_session_new_ephemeral ();
  web_context = webkit_web_context_new ();
  /* One preview page at a time, no history: the smallest caches will do. */
  webkit_web_context_set_cache_model (web_context, WEBKIT_CACHE_MODEL_DOCUMENT_VIEWER);

  webkit_web_context_register_uri_scheme (web_context, RESOURCE_SCHEME,
                                          resource_request_cb, NULL, NULL);
  webkit_web_context_register_uri_scheme (web_context, MEDIA_SCHEME,
                                          media_request_cb, NULL, NULL);

  /* Secure: no mixed-content downgrade for the page. Local: web pages of other schemes can
   * never load these URLs. Media URLs are never documents of their own (no access). */
  security = webkit_web_context_get_security_manager (web_context);
  webkit_security_manager_register_uri_scheme_as_secure (security, RESOURCE_SCHEME);
  webkit_security_manager_register_uri_scheme_as_local (security, RESOURCE_SCHEME);
  webkit_security_manager_register_uri_scheme_as_secure (security, MEDIA_SCHEME);
  webkit_security_manager_register_uri_scheme_as_local (security, MEDIA_SCHEME);
  webkit_security_manager_register_uri_scheme_as_no_access (security, MEDIA_SCHEME);
}

/**
 * tayori_web_context_get:
 *
 * Returns: (transfer none): the context every Tayori web view must use. Main thread only.
 */
WebKitWebContext *
tayori_web_context_get (void)
{
  ensure_context ();
  return web_context;
}

/**
 * tayori_web_context_get_session:
 *
 * Returns: (transfer none): the ephemeral network session: nothing is written to disk.
 */
WebKitNetworkSession *
tayori_web_context_get_session (void)
{
  ensure_context ();
  return network_session;
}

void
tayori_web_context_set_media_dir (const char *dir)
{
  g_return_if_fail (dir != NULL);

  g_free (media_dir);
  media_dir = g_strdup (dir);
}
