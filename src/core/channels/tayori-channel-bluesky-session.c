/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A Bluesky account's session on the worker threads: createSession with the app password,
 * refreshSession when the access JWT expires, the tokens stored back in libsecret next to the
 * password; and connecting an account (checking the app password by creating a session). */
#include <glib/gi18n.h>

#include "tayori-channels-private.h"
#include "tayori-channel-bluesky-private.h"
#include "tayori-channel-match.h"
#include "tayori-channel-secret.h"

#define DEFAULT_PDS "https://bsky.social"

static char *
xrpc_url (const TayoriAccount *account,
          const char          *nsid,
          const char          *query)
{
  const char *base = account->url != NULL && *account->url != '\0' ? account->url : DEFAULT_PDS;
  g_autofree char *path = g_strdup_printf ("/xrpc/%s%s%s", nsid, query != NULL ? "?" : "",
                                           query != NULL ? query : "");

  return tayori_channel_http_url (base, path);
}

/* What the PDS said in an error body: {"error": "ExpiredToken", "message": …}. */
static gboolean
is_stale_token (const TayoriHttpResponse *response)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize length = 0;
  const char *data = response->body != NULL ? g_bytes_get_data (response->body, &length) : NULL;
  const char *name = NULL;

  if (response->status == 401)
    return TRUE;
  if (response->status != 400 || data == NULL ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  name = tayori_channel_json_string (json_node_get_object (json_parser_get_root (parser)),
                                     "error");
  return g_strcmp0 (name, "ExpiredToken") == 0 || g_strcmp0 (name, "InvalidToken") == 0;
}

/* Sends once; sets *@stale (may be NULL) instead of failing when the token was refused. */
static JsonObject *
send_xrpc (TayoriHttpClient            *client,
           const TayoriChannelRequest  *request,
           gboolean                    *stale,
           GCancellable                *cancellable,
           GError                     **error)
{
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean changes = g_strcmp0 (request->method, "GET") != 0;
  gsize length = 0;
  const char *data;

  response = tayori_channel_http_send_raw (client, request, cancellable, error);
  if (response == NULL)
    return NULL;
  if (stale != NULL && (*stale = is_stale_token (response)))
    return NULL;
  if (!tayori_channel_http_check (response, request->token, error))
    return NULL;
  data = g_bytes_get_data (response->body, &length);
  if (data == NULL || !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, changes ? TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME
                                                        : TAYORI_CHANNEL_ERROR_RETRY_LATER,
                   _("The answer from %s could not be read."), request->url);
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* createSession (@refresh NULL) or refreshSession; the new tokens with @password kept. */
static JsonObject *
open_session (TayoriHttpClient     *client,
              const TayoriAccount  *account,
              const char           *password,
              const char           *refresh,
              GCancellable         *cancellable,
              GError              **error)
{
  g_autofree char *url = xrpc_url (account, refresh != NULL ? "com.atproto.server.refreshSession"
                                                            : "com.atproto.server.createSession",
                                   NULL);
  g_autoptr(GBytes) body = NULL;
  TayoriChannelRequest request = { 0 };
  JsonObject *answer;
  static const char * const members[] = { "accessJwt", "refreshJwt", "did", "handle" };
  JsonObject *tokens;

  request.method = "POST";
  request.url = url;
  request.token = refresh;
  if (refresh == NULL)
    {
      g_autoptr(JsonObject) input = json_object_new ();
      g_autoptr(JsonNode) node = json_node_alloc ();

      json_object_set_string_member (input, "identifier", account->user);
      json_object_set_string_member (input, "password", password);
      json_node_init_object (node, input);
      body = tayori_channel_http_json_body (node);
      request.body = body;
      request.content_type = "application/json";
    }
  answer = send_xrpc (client, &request, NULL, cancellable, error);
  if (answer == NULL)
    {
      tayori_channel_error_nothing_posted (error, TRUE);
      return NULL;
    }

  tokens = json_object_new ();
  if (password != NULL)
    json_object_set_string_member (tokens, "password", password);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (tayori_channel_json_string (answer, members[i]) != NULL)
      json_object_set_string_member (tokens, members[i],
                                     tayori_channel_json_string (answer, members[i]));
  json_object_unref (answer);
  if (tayori_channel_json_string (tokens, "accessJwt") == NULL ||
      tayori_channel_json_string (tokens, "did") == NULL)
    {
      g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                           _("Bluesky did not open a session for the account."));
      g_clear_pointer (&tokens, json_object_unref);
    }
  return tokens;
}

/* With the lock held: a new session from the refresh JWT, else from the app password. */
static gboolean
renew (TayoriChannelSession  *session,
       GCancellable          *cancellable,
       GError               **error)
{
  const char *password = tayori_channel_json_string (session->tokens, "password");
  const char *refresh = tayori_channel_json_string (session->tokens, "refreshJwt");
  g_autoptr(JsonObject) tokens = NULL;

  if (refresh != NULL)
    tokens = open_session (session->client, session->account, password, refresh, cancellable,
                           NULL);
  if (tokens == NULL && password == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                   _("The session of “%s” on Bluesky has ended."), session->account->name);
      return FALSE;
    }
  if (tokens == NULL)
    tokens = open_session (session->client, session->account, password, NULL, cancellable, error);
  return tokens != NULL &&
         tayori_channel_session_replace (session, tokens, cancellable, error);
}

/* send_xrpc () for the session's calls: a refused token is an error too. */
static JsonObject *
send_in_session (TayoriChannelSession        *session,
                 const TayoriChannelRequest  *request,
                 gboolean                    *stale,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  JsonObject *answer = send_xrpc (session->client, request, stale, cancellable, error);

  if (*stale)
    g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                 _("Bluesky refused the session of “%s”."), session->account->name);
  return answer;
}

static const TayoriChannelTokenUse token_use = { "accessJwt", NULL, renew, send_in_session };

char *
tayori_bluesky_session_ensure (TayoriChannelSession  *session,
                               GCancellable          *cancellable,
                               GError               **error)
{
  g_autofree char *token = tayori_channel_session_access (session, &token_use, NULL, cancellable,
                                                          error);
  char *did;

  if (token == NULL)
    return NULL;
  did = tayori_channel_session_dup (session, "did", cancellable, error);
  if (did == NULL && error != NULL && *error == NULL)
    g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                 _("The session of “%s” on Bluesky has ended."), session->account->name);
  return did;
}

JsonObject *
tayori_bluesky_session_call (TayoriChannelSession  *session,
                             const char            *method,
                             const char            *nsid,
                             const char            *query,
                             GBytes                *body,
                             const char            *content_type,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autofree char *url = xrpc_url (session->account, nsid, query);
  TayoriChannelRequest request = { .method = method, .url = url, .body = body,
                                   .content_type = content_type };

  return tayori_channel_session_call (session, &token_use, &request, cancellable, error);
}

/* Connecting opens a session with the app password: its tokens are what is stored. */
static JsonObject *
check_password (const TayoriAccount  *account,
                const char           *secret,
                TayoriHttpClient     *client,
                GCancellable         *cancellable,
                GError              **error)
{
  return open_session (client, account, secret, NULL, cancellable, error);
}

void
tayori_channel_bluesky_connect (const TayoriAccount *account,
                                const char          *secret,
                                TayoriHttpClient    *client,
                                TayoriOpenUriFunc    open_uri,
                                gpointer             open_uri_data,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, tayori_channel_bluesky_connect);
  if (secret == NULL || *secret == '\0' || account->user == NULL || *account->user == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Connecting to Bluesky needs the handle and an app password."));
      return;
    }
  tayori_channel_secret_connect (task, account, secret, client, check_password);
}
