/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The loopback redirect of OAuth 2.0 for native apps (RFC 8252) with PKCE (RFC 7636): one
 * SoupServer on 127.0.0.1 that takes a single redirect, checks its state and thanks the browser. */
#include <errno.h>
#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <sys/random.h>

#include "tayori-oauth-loopback.h"

#define DEFAULT_TIMEOUT_SECONDS 300

struct _TayoriOAuthLoopback
{
  GObject     parent_instance;

  SoupServer *server;
  char       *redirect_uri;
  char       *state;
  char       *verifier;
  char       *challenge;

  gboolean    received;   /* the one redirect has been taken (single use) */
  char       *code;       /* its outcome, kept until someone waits for it */
  GError     *error;

  GTask      *task;
  GSource    *timeout_source;
  GSource    *cancel_source;
};

G_DEFINE_FINAL_TYPE (TayoriOAuthLoopback, tayori_oauth_loopback, G_TYPE_OBJECT)

static gboolean
fill_random (guint8  *buffer,
             gsize    length,
             GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      gssize n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not make a random key: %s"), g_strerror (saved));
          return FALSE;
        }
      done += n;
    }
  return TRUE;
}

/* base64url without padding (RFC 4648 §5), as PKCE and the state want. */
static char *
base64url (const guint8 *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *padding = strchr (text, '=');

  if (padding != NULL)
    *padding = '\0';
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  return text;
}

static char *
random_token (gsize     n_bytes,
              GError  **error)
{
  guint8 bytes[32];

  g_assert (n_bytes <= sizeof bytes);
  if (!fill_random (bytes, n_bytes, error))
    return NULL;
  return base64url (bytes, n_bytes);
}

static char *
s256_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);
  return base64url (digest, length);
}

static void
stop_waiting (TayoriOAuthLoopback *self)
{
  if (self->timeout_source != NULL)
    g_source_destroy (self->timeout_source);
  g_clear_pointer (&self->timeout_source, g_source_unref);
  if (self->cancel_source != NULL)
    g_source_destroy (self->cancel_source);
  g_clear_pointer (&self->cancel_source, g_source_unref);
}

/* Hands the outcome to the waiting task, if any; both are cleared. */
static void
deliver (TayoriOAuthLoopback *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task == NULL || (self->code == NULL && self->error == NULL))
    {
      self->task = g_steal_pointer (&task);
      return;
    }
  stop_waiting (self);
  if (self->error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->error));
  else
    g_task_return_pointer (task, g_steal_pointer (&self->code), g_free);
}

static void
finish_with_error (TayoriOAuthLoopback *self,
                   GError              *error)
{
  self->received = TRUE;
  g_clear_pointer (&self->code, g_free);
  g_clear_error (&self->error);
  self->error = error;
  soup_server_disconnect (self->server);
  deliver (self);
}

static void
respond_page (SoupServerMessage *msg,
              guint              status,
              const char        *title,
              const char        *text)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autofree char *title_html = g_markup_escape_text (title, -1);
  g_autofree char *text_html = g_markup_escape_text (text, -1);
  /* Translators: the language code of the page shown in the browser after signing in. */
  g_autofree char *lang_html = g_markup_escape_text (C_("html lang", "en"), -1);
  char *page;
  gsize length;

  page = g_strdup_printf ("<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width\">"
                          "<title>%s</title><style>body{font-family:sans-serif;"
                          "max-width:34em;margin:4em auto;padding:0 1em;line-height:1.8}"
                          "</style></head>\n<body><h1>%s</h1><p>%s</p></body></html>\n",
                          lang_html, title_html, title_html, text_html);
  length = strlen (page);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, page,
                                    length);
}

static gboolean
disconnect_in_idle (gpointer user_data)
{
  TayoriOAuthLoopback *self = user_data;

  soup_server_disconnect (self->server);
  return G_SOURCE_REMOVE;
}

/* The browser has been answered: only now may the server stop, outside the message's own
 * signal emission. */
static void
on_message_finished (SoupServerMessage *msg,
                     gpointer           user_data)
{
  g_autoptr(GSource) idle = g_idle_source_new ();

  g_source_set_callback (idle, disconnect_in_idle, g_object_ref (user_data), g_object_unref);
  g_source_attach (idle, g_main_context_get_thread_default ());
}

static gboolean
state_matches (const char *expected,
               const char *given)
{
  gsize length = strlen (expected);
  guint8 difference = 0;

  if (given == NULL || strlen (given) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    difference |= (guint8) (expected[i] ^ given[i]);
  return difference == 0;
}

/* Takes the redirect's parameters: the error for the waiter, or NULL with self->code set. */
static GError *
take_redirect (TayoriOAuthLoopback *self,
               GHashTable          *params,
               SoupServerMessage   *msg)
{
  const char *code = params != NULL ? g_hash_table_lookup (params, "code") : NULL;
  const char *refusal = params != NULL ? g_hash_table_lookup (params, "error") : NULL;
  const char *state = params != NULL ? g_hash_table_lookup (params, "state") : NULL;

  if (!state_matches (self->state, state))
    {
      respond_page (msg, SOUP_STATUS_BAD_REQUEST, _("This sign-in cannot be used"),
                    _("The answer does not belong to the request Tayori made. Close this window "
                      "and connect the account again from Tayori."));
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                  _("The sign-in answer did not match Tayori’s request."));
    }
  if (g_strcmp0 (refusal, "access_denied") == 0)
    {
      respond_page (msg, SOUP_STATUS_OK, _("Access was not allowed"),
                    _("Tayori was not allowed to use the account. You can close this window."));
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                                  _("Access to the account was not allowed."));
    }
  if (refusal != NULL || code == NULL || *code == '\0')
    {
      respond_page (msg, SOUP_STATUS_BAD_REQUEST, _("The sign-in did not succeed"),
                    _("The service did not give Tayori access. Close this window and try "
                      "again from Tayori."));
      return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                  _("The sign-in service did not give an authorization code."));
    }
  respond_page (msg, SOUP_STATUS_OK, _("The account is connected"),
                _("You can close this window and go back to Tayori."));
  self->code = g_strdup (code);
  return NULL;
}

static void
on_callback (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  TayoriOAuthLoopback *self = user_data;

  if (g_strcmp0 (path, "/callback") != 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    "GET");
      return;
    }
  if (self->received)
    {
      respond_page (msg, SOUP_STATUS_GONE, _("This sign-in page has already been used"),
                    _("You can close this window."));
      return;
    }

  self->received = TRUE;
  self->error = take_redirect (self, query, msg);
  g_signal_connect_data (msg, "finished", G_CALLBACK (on_message_finished), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  deliver (self);
}

static gboolean
on_timeout (gpointer user_data)
{
  TayoriOAuthLoopback *self = user_data;

  finish_with_error (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                                _("Nobody signed in to the account in time.")));
  return G_SOURCE_REMOVE;
}

static gboolean
on_cancelled (GCancellable *cancellable,
              gpointer      user_data)
{
  TayoriOAuthLoopback *self = user_data;
  GError *error = NULL;

  g_cancellable_set_error_if_cancelled (cancellable, &error);
  finish_with_error (self, error);
  return G_SOURCE_REMOVE;
}

static void
tayori_oauth_loopback_dispose (GObject *object)
{
  TayoriOAuthLoopback *self = TAYORI_OAUTH_LOOPBACK (object);

  stop_waiting (self);
  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  G_OBJECT_CLASS (tayori_oauth_loopback_parent_class)->dispose (object);
}

static void
tayori_oauth_loopback_finalize (GObject *object)
{
  TayoriOAuthLoopback *self = TAYORI_OAUTH_LOOPBACK (object);

  g_free (self->redirect_uri);
  g_free (self->state);
  g_free (self->verifier);
  g_free (self->challenge);
  g_free (self->code);
  g_clear_error (&self->error);
  G_OBJECT_CLASS (tayori_oauth_loopback_parent_class)->finalize (object);
}

static void
tayori_oauth_loopback_class_init (TayoriOAuthLoopbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tayori_oauth_loopback_dispose;
  object_class->finalize = tayori_oauth_loopback_finalize;
}

static void
tayori_oauth_loopback_init (TayoriOAuthLoopback *self)
{
  self->server = soup_server_new ("server-header", "", NULL);
  soup_server_add_handler (self->server, "/callback", on_callback, self, NULL);
}

static gboolean
listen_on_loopback (TayoriOAuthLoopback  *self,
                    GError              **error)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  GSList *uris;
  guint port;

  /* 127.0.0.1 literally, not "localhost" (RFC 8252 §8.3). */
  if (!soup_server_listen (self->server, address, 0, error))
    return FALSE;
  uris = soup_server_get_uris (self->server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  self->redirect_uri = g_strdup_printf ("http://127.0.0.1:%u/callback", port);
  return TRUE;
}

TayoriOAuthLoopback *
tayori_oauth_loopback_new (GError **error)
{
  g_autoptr(TayoriOAuthLoopback) self = g_object_new (TAYORI_TYPE_OAUTH_LOOPBACK, NULL);

  self->verifier = random_token (32, error);
  if (self->verifier == NULL)
    return NULL;
  self->state = random_token (16, error);
  if (self->state == NULL)
    return NULL;
  self->challenge = s256_challenge (self->verifier);
  if (!listen_on_loopback (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *
tayori_oauth_loopback_get_redirect_uri (TayoriOAuthLoopback *self)
{
  g_return_val_if_fail (TAYORI_IS_OAUTH_LOOPBACK (self), NULL);
  return self->redirect_uri;
}

const char *
tayori_oauth_loopback_get_state (TayoriOAuthLoopback *self)
{
  g_return_val_if_fail (TAYORI_IS_OAUTH_LOOPBACK (self), NULL);
  return self->state;
}

const char *
tayori_oauth_loopback_get_verifier (TayoriOAuthLoopback *self)
{
  g_return_val_if_fail (TAYORI_IS_OAUTH_LOOPBACK (self), NULL);
  return self->verifier;
}

const char *
tayori_oauth_loopback_get_challenge (TayoriOAuthLoopback *self)
{
  g_return_val_if_fail (TAYORI_IS_OAUTH_LOOPBACK (self), NULL);
  return self->challenge;
}

void
tayori_oauth_loopback_wait_async (TayoriOAuthLoopback *self,
                                  guint                timeout_seconds,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GMainContext *context = g_main_context_get_thread_default ();

  g_return_if_fail (TAYORI_IS_OAUTH_LOOPBACK (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, tayori_oauth_loopback_wait_async);
  if (self->received)
    {
      if (self->code == NULL && self->error == NULL)
        self->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED,
                                           _("This sign-in has already been used."));
      deliver (self);
      return;
    }

  self->timeout_source = g_timeout_source_new_seconds (timeout_seconds > 0
                                                       ? timeout_seconds
                                                       : DEFAULT_TIMEOUT_SECONDS);
  g_source_set_callback (self->timeout_source, on_timeout, self, NULL);
  g_source_attach (self->timeout_source, context);
  if (cancellable != NULL)
    {
      self->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->cancel_source, G_SOURCE_FUNC (on_cancelled), self, NULL);
      g_source_attach (self->cancel_source, context);
    }
}

char *
tayori_oauth_loopback_wait_finish (TayoriOAuthLoopback  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
