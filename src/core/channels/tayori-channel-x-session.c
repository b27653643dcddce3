/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An X account's OAuth 2.0 session on the worker threads: calls with its access token,
 * refreshed (public client, rotating refresh tokens stored back) when expired or refused once;
 * the token endpoint, which connecting uses too. */
#include <glib/gi18n.h>

#include "tayori-channel-x-private.h"
#include "tayori-channel-match.h"
#include "tayori-channel-secret.h"

#define DEFAULT_API_BASE "https://api.x.com"
/* Refresh a little before the server would refuse the token. */
#define EXPIRY_MARGIN_SECONDS 60

char *
tayori_x_url (const TayoriAccount *account,
              const char          *path)
{
  const char *base = account->url != NULL && *account->url != '\0' ? account->url
                                                                   : DEFAULT_API_BASE;

  return tayori_channel_http_url (base, path);
}

JsonObject *
tayori_x_token_request (TayoriHttpClient     *client,
                        const TayoriAccount  *account,
                        JsonObject           *previous,
                        GCancellable         *cancellable,
                        GError              **error,
                        const char           *first_field,
                        ...)
{
  g_autofree char *url = tayori_x_url (account, "/2/oauth2/token");
  g_autoptr(GString) form = g_string_new (NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *client_id = g_uri_escape_string (account->user != NULL ? account->user : "",
                                                    NULL, FALSE);
  TayoriChannelRequest request = { 0 };
  JsonObject *tokens = json_object_new ();
  const char *access, *refresh;
  va_list args;

  va_start (args, first_field);
  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *value = g_uri_escape_string (va_arg (args, const char *), NULL, FALSE);

      g_string_append_printf (form, "%s=%s&", name, value);
    }
  va_end (args);
  g_string_append_printf (form, "client_id=%s", client_id);
  body = g_bytes_new (form->str, form->len);

  request.method = "POST";
  request.url = url;
  request.body = body;
  request.content_type = "application/x-www-form-urlencoded";
  answer = tayori_channel_http_send_json (client, &request, NULL, cancellable, error);
  if (answer == NULL)
    {
      tayori_channel_error_nothing_posted (error, TRUE);
      json_object_unref (tokens);
      return NULL;
    }

  access = tayori_channel_json_string (answer, "access_token");
  refresh = tayori_channel_json_string (answer, "refresh_token");
  if (access == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                           _("X did not give an access token."));
      json_object_unref (tokens);
      return NULL;
    }
  if (previous != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *node;

      json_object_iter_init (&iter, previous);
      while (json_object_iter_next (&iter, &name, &node))
        json_object_set_member (tokens, name, json_node_copy (node));
    }
  json_object_set_string_member (tokens, "access_token", access);
  if (refresh != NULL)
    json_object_set_string_member (tokens, "refresh_token", refresh);
  if (tayori_channel_json_int (answer, "expires_in", -1) > 0)
    json_object_set_int_member (tokens, "expires_at",
                                g_get_real_time () / G_USEC_PER_SEC +
                                tayori_channel_json_int (answer, "expires_in", -1));
  else
    json_object_remove_member (tokens, "expires_at");
  return tokens;
}

/* With the lock held: swaps the access token for a new one and stores the result. */
static gboolean
refresh_tokens (TayoriChannelSession  *session,
                GCancellable          *cancellable,
                GError               **error)
{
  const char *refresh = tayori_channel_json_string (session->tokens, "refresh_token");
  g_autoptr(JsonObject) tokens = NULL;

  if (refresh == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                   _("The connection to X for “%s” has expired."), session->account->name);
      return FALSE;
    }
  tokens = tayori_x_token_request (session->client, session->account, session->tokens,
                                   cancellable, error,
                                   "grant_type", "refresh_token",
                                   "refresh_token", refresh,
                                   NULL);
  return tokens != NULL &&
         tayori_channel_session_replace (session, tokens, cancellable, error);
}

static gboolean
expired (JsonObject *tokens)
{
  gint64 expires_at = tayori_channel_json_int (tokens, "expires_at", 0);

  return expires_at != 0 &&
         g_get_real_time () / G_USEC_PER_SEC >= expires_at - EXPIRY_MARGIN_SECONDS;
}

/* One call; a 401 means the token was refused. */
static JsonObject *
send_api (TayoriChannelSession        *session,
          const TayoriChannelRequest  *request,
          gboolean                    *stale,
          GCancellable                *cancellable,
          GError                     **error)
{
  GError *local_error = NULL;
  JsonObject *answer = tayori_channel_http_send_json (session->client, request, NULL,
                                                      cancellable, &local_error);

  *stale = g_error_matches (local_error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return answer;
}

static const TayoriChannelTokenUse token_use = {
  "access_token", expired, refresh_tokens, send_api
};

gboolean
tayori_x_session_ensure (TayoriChannelSession  *session,
                         GCancellable          *cancellable,
                         GError               **error)
{
  g_autofree char *token = tayori_channel_session_access (session, &token_use, NULL, cancellable,
                                                          error);

  return token != NULL;
}

JsonObject *
tayori_x_session_call (TayoriChannelSession  *session,
                       const char            *method,
                       const char            *path,
                       GBytes                *body,
                       const char            *content_type,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autofree char *url = tayori_x_url (session->account, path);
  TayoriChannelRequest request = { .method = method, .url = url, .body = body,
                                   .content_type = content_type };

  return tayori_channel_session_call (session, &token_use, &request, cancellable, error);
}

gboolean
tayori_x_session_get_user (TayoriChannelSession  *session,
                           char                 **id,
                           char                 **username,
                           GCancellable          *cancellable,
                           GError               **error)
{
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *data;

  *id = tayori_channel_session_dup (session, "user_id", cancellable, error);
  *username = tayori_channel_session_dup (session, "username", cancellable, NULL);
  if (*id != NULL)
    return TRUE;
  g_clear_pointer (username, g_free);
  if (error != NULL && *error != NULL)
    return FALSE;

  answer = tayori_x_session_call (session, "GET", "/2/users/me", NULL, NULL, cancellable, error);
  if (answer == NULL)
    return FALSE;
  data = tayori_channel_json_object (answer, "data");
  if (tayori_channel_json_string (data, "id") == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER,
                           _("X did not say which account the token belongs to."));
      return FALSE;
    }
  *id = g_strdup (tayori_channel_json_string (data, "id"));
  *username = g_strdup (tayori_channel_json_string (data, "username"));

  {
    g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&session->lock);

    json_object_set_string_member (session->tokens, "user_id", *id);
    if (*username != NULL)
      json_object_set_string_member (session->tokens, "username", *username);
    /* Only a cache: asking again next time is harmless. */
    tayori_channel_secret_store (session->account, session->tokens, cancellable, NULL);
    return TRUE;
  }
}
