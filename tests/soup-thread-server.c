/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A SoupServer on a thread and main context of its own, started and stopped for the tests'
 * fake services, and reading a request's body (soup-thread-server.h). */
#include "soup-thread-server.h"

struct _SoupThreadServer
{
  GThread            *thread;
  GMainContext       *context;
  GMainLoop          *loop;
  GTlsCertificate    *certificate;
  SoupServerCallback  handler;
  gpointer            user_data;
  char               *url;
  GMutex              lock;
  GCond               ready;
};

static gpointer
serve (gpointer data)
{
  SoupThreadServer *self = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoslist(GUri) uris = NULL;

  g_main_context_push_thread_default (self->context);
  server = soup_server_new ("tls-certificate", self->certificate, NULL);
  soup_server_add_handler (server, NULL, self->handler, self->user_data, NULL);
  if (!soup_server_listen (server, address,
                           self->certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0, &error))
    g_error ("The test server cannot listen: %s", error->message);
  uris = soup_server_get_uris (server);

  g_mutex_lock (&self->lock);
  self->url = g_strdup_printf ("%s://127.0.0.1:%d", self->certificate != NULL ? "https" : "http",
                               g_uri_get_port (uris->data));
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);
  soup_server_disconnect (server);
  g_clear_object (&server);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

SoupThreadServer *
soup_thread_server_new (const char         *name,
                        GTlsCertificate    *certificate,
                        SoupServerCallback  handler,
                        gpointer            user_data)
{
  SoupThreadServer *self = g_new0 (SoupThreadServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->certificate = certificate != NULL ? g_object_ref (certificate) : NULL;
  self->handler = handler;
  self->user_data = user_data;

  g_mutex_lock (&self->lock);
  self->thread = g_thread_new (name, serve, self);
  while (self->url == NULL)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

static gboolean
quit (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
soup_thread_server_free (SoupThreadServer *self)
{
  g_main_context_invoke (self->context, quit, self->loop);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_clear_object (&self->certificate);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);
  g_free (self);
}

const char *
soup_thread_server_get_url (SoupThreadServer *self)
{
  return self->url;
}

GMainContext *
soup_thread_server_get_context (SoupThreadServer *self)
{
  return self->context;
}

char *
soup_thread_server_request_text (SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}
