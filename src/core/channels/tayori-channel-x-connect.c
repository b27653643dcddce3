/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Connecting an X account: OAuth 2.0 Authorization Code with PKCE for a public client, the
 * browser sent to X's authorize page and back to Tayori's loopback redirect, then the code
 * exchanged for tokens that go to libsecret. */
#include <glib/gi18n.h>

#include "tayori-channels-private.h"
#include "tayori-channel-x-private.h"
#include "tayori-channel-secret.h"
#include "tayori-oauth-loopback.h"

typedef struct {
  TayoriAccount    *account;
  TayoriHttpClient *client;
  char             *redirect_uri;
  char             *verifier;
  char             *code;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  tayori_account_free (data->account);
  g_clear_object (&data->client);
  g_free (data->redirect_uri);
  g_free (data->verifier);
  g_free (data->code);
  g_free (data);
}

static char *
authorize_url (const TayoriAccount *account,
               TayoriOAuthLoopback *loopback)
{
  const char *base = tayori_account_get_option (account, "authorize-url");
  g_autofree char *client_id = g_uri_escape_string (account->user, NULL, FALSE);
  g_autofree char *redirect = g_uri_escape_string (
    tayori_oauth_loopback_get_redirect_uri (loopback), NULL, FALSE);
  g_autofree char *scope = g_uri_escape_string (TAYORI_X_SCOPES, NULL, FALSE);

  if (base == NULL)
    base = TAYORI_X_AUTHORIZE_URL;
  return g_strdup_printf ("%s%sresponse_type=code&client_id=%s&redirect_uri=%s&scope=%s"
                          "&state=%s&code_challenge=%s&code_challenge_method=S256",
                          base, strchr (base, '?') != NULL ? "&" : "?", client_id, redirect,
                          scope, tayori_oauth_loopback_get_state (loopback),
                          tayori_oauth_loopback_get_challenge (loopback));
}

static void
exchange_code (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ConnectData *data = task_data;
  g_autoptr(JsonObject) tokens = NULL;
  g_autoptr(TayoriChannelSession) session = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;
  GError *error = NULL;

  tokens = tayori_x_token_request (data->client, data->account, NULL, cancellable, &error,
                                   "grant_type", "authorization_code",
                                   "code", data->code,
                                   "redirect_uri", data->redirect_uri,
                                   "code_verifier", data->verifier,
                                   NULL);
  if (tokens == NULL ||
      !tayori_channel_secret_store (data->account, tokens, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  /* Proves the token works and keeps the account's user id for finding posts later. */
  session = tayori_channel_session_new (data->account, data->client);
  if (!tayori_x_session_get_user (session, &user_id, &username, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_code (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(TayoriOAuthLoopback) loopback = TAYORI_OAUTH_LOOPBACK (source);
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->code = tayori_oauth_loopback_wait_finish (loopback, result, &error);
  if (data->code == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, exchange_code);
}

void
tayori_channel_x_connect (const TayoriAccount *account,
                          const char          *secret,
                          TayoriHttpClient    *client,
                          TayoriOpenUriFunc    open_uri,
                          gpointer             open_uri_data,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  TayoriOAuthLoopback *loopback;
  g_autofree char *url = NULL;
  ConnectData *data;
  GError *error = NULL;

  g_task_set_source_tag (task, tayori_channel_x_connect);
  if (account->user == NULL || *account->user == '\0' || open_uri == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Connecting to X needs the app’s client id and a browser."));
      return;
    }
  loopback = tayori_oauth_loopback_new (&error);
  if (loopback == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (ConnectData, 1);
  data->account = tayori_account_copy (account);
  data->client = g_object_ref (client);
  data->redirect_uri = g_strdup (tayori_oauth_loopback_get_redirect_uri (loopback));
  data->verifier = g_strdup (tayori_oauth_loopback_get_verifier (loopback));
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);

  url = authorize_url (account, loopback);
  /* The loopback's reference goes to on_code, which releases it on this main context. */
  tayori_oauth_loopback_wait_async (loopback, 0, cancellable, on_code, g_object_ref (task));
  open_uri (url, open_uri_data);
}
