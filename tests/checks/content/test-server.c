/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake web server of the content tests (see test-server.h): a SoupServer on its own
 * thread and main context, counting requests per path and how many overlap. */
#include <libsoup/soup.h>
#include "test-server.h"
#include "soup-thread-server.h"

#define SLOW_MS  5000
#define DELAY_MS 150
#define BIG_SIZE 100000

struct _TestServer
{
  SoupThreadServer *http;

  GMutex        lock;
  GHashTable   *counts;      /* path or path?query → GUINT */
  guint         active;
  guint         max_active;
};

/* A response held back; a /delay one counts as in progress until answered or abandoned. */
typedef struct {
  TestServer        *self;
  SoupServerMessage *message;
  gboolean           concurrent;
  gboolean           done;
} Pending;

/* Every request is counted by path; only /delay requests count as in progress. */
static void
count_request (TestServer *self,
               GUri       *uri,
               gboolean    concurrent)
{
  const char *keys[2] = { g_uri_get_path (uri), NULL };
  g_autofree char *with_query = NULL;

  if (g_uri_get_query (uri) != NULL)
    keys[1] = with_query = g_strconcat (keys[0], "?", g_uri_get_query (uri), NULL);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < G_N_ELEMENTS (keys) && keys[i] != NULL; i++)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, keys[i]));
      g_hash_table_replace (self->counts, g_strdup (keys[i]), GUINT_TO_POINTER (n + 1));
    }
  if (concurrent)
    {
      self->active++;
      self->max_active = MAX (self->max_active, self->active);
    }
  g_mutex_unlock (&self->lock);
}

static void
end_request (Pending *pending)
{
  if (pending->done)
    return;
  pending->done = TRUE;
  if (!pending->concurrent)
    return;
  g_mutex_lock (&pending->self->lock);
  pending->self->active--;
  g_mutex_unlock (&pending->self->lock);
}

static void
pending_free (Pending *pending)
{
  g_signal_handlers_disconnect_by_data (pending->message, pending);
  end_request (pending);
  g_object_unref (pending->message);
  g_free (pending);
}

static void
on_disconnected (SoupServerMessage *message,
                 Pending           *pending)
{
  end_request (pending);
}

static gboolean
answer_later (gpointer data)
{
  Pending *pending = data;

  if (!pending->done)
    {
      end_request (pending);
      soup_server_message_set_status (pending->message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (pending->message, "text/plain", SOUP_MEMORY_STATIC,
                                        "late", 4);
      soup_server_message_unpause (pending->message);
    }
  return G_SOURCE_REMOVE;
}

static void
delay (TestServer        *self,
       SoupServerMessage *message,
       guint              ms,
       gboolean           concurrent)
{
  Pending *pending = g_new0 (Pending, 1);
  g_autoptr(GSource) source = g_timeout_source_new (ms);

  pending->self = self;
  pending->message = g_object_ref (message);
  pending->concurrent = concurrent;
  g_signal_connect (message, "disconnected", G_CALLBACK (on_disconnected), pending);
  soup_server_message_pause (message);
  g_source_set_callback (source, answer_later, pending, (GDestroyNotify) pending_free);
  g_source_attach (source, soup_thread_server_get_context (self->http));
}

static void
redirect (SoupServerMessage *message,
          guint              status,
          const char        *location)
{
  soup_server_message_set_status (message, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Location", location);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *message,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  TestServer *self = user_data;
  gboolean head = g_str_equal (soup_server_message_get_method (message), "HEAD");

  count_request (self, soup_server_message_get_uri (message), g_str_equal (path, "/delay"));
  if (g_str_equal (path, "/slow") || g_str_equal (path, "/delay"))
    {
      delay (self, message, g_str_equal (path, "/slow") ? SLOW_MS : DELAY_MS,
             g_str_equal (path, "/delay"));
      return;
    }

  if (g_str_equal (path, "/ok"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
    }
  else if (g_str_equal (path, "/moved"))
    redirect (message, SOUP_STATUS_MOVED_PERMANENTLY, "/ok");
  else if (g_str_equal (path, "/found"))
    redirect (message, SOUP_STATUS_FOUND, "/moved");
  else if (g_str_equal (path, "/perm308"))
    redirect (message, SOUP_STATUS_PERMANENT_REDIRECT, "/ok");
  else if (g_str_equal (path, "/loop"))
    redirect (message, SOUP_STATUS_FOUND, "/loop");
  else if (g_str_equal (path, "/head405") || g_str_equal (path, "/head501"))
    soup_server_message_set_status (message, !head ? SOUP_STATUS_OK
                                    : g_str_equal (path, "/head405") ? SOUP_STATUS_METHOD_NOT_ALLOWED
                                    : SOUP_STATUS_NOT_IMPLEMENTED, NULL);
  else if (g_str_equal (path, "/big"))
    {
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (message, "application/octet-stream", SOUP_MEMORY_TAKE,
                                        g_malloc0 (BIG_SIZE), BIG_SIZE);
    }
  else if (g_str_equal (path, "/echo"))
    {
      SoupMessageBody *body = soup_server_message_get_request_body (message);
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                    "X-Method", soup_server_message_get_method (message));
      soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  else
    soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
}

TestServer *
test_server_new (const char *tls_pem)
{
  TestServer *self = g_new0 (TestServer, 1);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;

  if (tls_pem != NULL)
    {
      certificate = g_tls_certificate_new_from_file (tls_pem, &error);
      g_assert_no_error (error);
    }
  g_mutex_init (&self->lock);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->http = soup_thread_server_new ("test-server", certificate, handle, self);
  return self;
}

void
test_server_free (TestServer *self)
{
  soup_thread_server_free (self->http);
  g_hash_table_unref (self->counts);
  g_mutex_clear (&self->lock);
  g_free (self);
}

char *
test_server_url (TestServer *self,
                 const char *path)
{
  return g_strconcat (soup_thread_server_get_url (self->http), path, NULL);
}

guint
test_server_count (TestServer *self,
                   const char *path_and_query)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, path_and_query));
  g_mutex_unlock (&self->lock);
  return n;
}

guint
test_server_max_concurrent (TestServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->max_active;
  g_mutex_unlock (&self->lock);
  return n;
}

void
test_server_reset (TestServer *self)
{
  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->counts);
  self->max_active = self->active;
  g_mutex_unlock (&self->lock);
}

guint16
test_server_closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  /* Bound but never listening: connections to it are refused. */
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}
