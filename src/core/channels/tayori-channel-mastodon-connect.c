/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Connecting a Mastodon account: Tayori registers itself as an app on the instance with the
 * loopback redirect, sends the browser to the instance's authorize page (code flow with PKCE
 * and state), exchanges the code for a token and stores client and token in libsecret. */
#include <glib/gi18n.h>

#include "tayori-channel-mastodon-private.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"
#include "tayori-oauth-loopback.h"

#define SCOPES "read write"

typedef struct {
  TayoriAccount       *account;
  TayoriHttpClient    *client;
  TayoriOAuthLoopback *loopback;
  TayoriOpenUriFunc    open_uri;
  gpointer             open_uri_data;
  char                *redirect_uri;
  char                *verifier;
  char                *client_id;
  char                *client_secret;
  char                *code;
} ConnectData;

static void
connect_data_free (ConnectData *data)
{
  tayori_account_free (data->account);
  g_clear_object (&data->client);
  g_clear_object (&data->loopback);
  g_free (data->redirect_uri);
  g_free (data->verifier);
  g_free (data->client_id);
  g_free (data->client_secret);
  g_free (data->code);
  g_free (data);
}

/* Runs @func on a worker thread for @task, then @next on @task's main context. */
static void
run_step (GTask               *task,
          GTaskThreadFunc      func,
          GAsyncReadyCallback  next)
{
  g_autoptr(GTask) step = g_task_new (NULL, g_task_get_cancellable (task), next,
                                      g_object_ref (task));

  g_task_set_task_data (step, g_task_get_task_data (task), NULL);
  g_task_run_in_thread (step, func);
}

static void
register_app (GTask        *step,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ConnectData *data = task_data;
  TayoriChannelApi api = { data->client, data->account->url, NULL };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonObject) app = NULL;
  GError *error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "client_name");
  json_builder_add_string_value (builder, "Tayori");
  json_builder_set_member_name (builder, "redirect_uris");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, data->redirect_uri);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "scopes");
  json_builder_add_string_value (builder, SCOPES);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  app = tayori_channel_api_call (&api, "POST", "/api/v1/apps", body, NULL, NULL, cancellable,
                                 &error);
  if (app == NULL)
    {
      g_task_return_error (step, error);
      return;
    }
  data->client_id = g_strdup (tayori_channel_json_string (app, "client_id"));
  data->client_secret = g_strdup (tayori_channel_json_string (app, "client_secret"));
  if (data->client_id == NULL || data->client_secret == NULL)
    g_task_return_new_error (step, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                             _("The instance did not register Tayori as an app."));
  else
    g_task_return_boolean (step, TRUE);
}

static char *
authorize_url (ConnectData *data)
{
  g_autofree char *base = tayori_channel_http_url (data->account->url, "/oauth/authorize");
  g_autofree char *client_id = g_uri_escape_string (data->client_id, NULL, FALSE);
  g_autofree char *redirect = g_uri_escape_string (data->redirect_uri, NULL, FALSE);
  g_autofree char *scope = g_uri_escape_string (SCOPES, NULL, FALSE);

  return g_strdup_printf ("%s?response_type=code&client_id=%s&redirect_uri=%s&scope=%s"
                          "&state=%s&code_challenge=%s&code_challenge_method=S256",
                          base, client_id, redirect, scope,
                          tayori_oauth_loopback_get_state (data->loopback),
                          tayori_oauth_loopback_get_challenge (data->loopback));
}

static void
exchange_code (GTask        *step,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ConnectData *data = task_data;
  TayoriChannelApi api = { data->client, data->account->url, NULL };
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) body = json_node_init_object (json_node_alloc (), request);
  g_autoptr(JsonObject) answer = NULL;
  g_autoptr(JsonObject) tokens = json_object_new ();
  const char *access_token;
  GError *error = NULL;

  json_object_set_string_member (request, "grant_type", "authorization_code");
  json_object_set_string_member (request, "code", data->code);
  json_object_set_string_member (request, "client_id", data->client_id);
  json_object_set_string_member (request, "client_secret", data->client_secret);
  json_object_set_string_member (request, "redirect_uri", data->redirect_uri);
  json_object_set_string_member (request, "code_verifier", data->verifier);
  json_object_set_string_member (request, "scope", SCOPES);

  answer = tayori_channel_api_call (&api, "POST", "/oauth/token", body, NULL, NULL, cancellable,
                                    &error);
  if (answer == NULL)
    {
      g_task_return_error (step, error);
      return;
    }
  access_token = tayori_channel_json_string (answer, "access_token");
  if (access_token == NULL)
    {
      g_task_return_new_error (step, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                               _("The instance gave no access token."));
      return;
    }
  json_object_set_string_member (tokens, "client_id", data->client_id);
  json_object_set_string_member (tokens, "client_secret", data->client_secret);
  json_object_set_string_member (tokens, "access_token", access_token);
  if (tayori_channel_secret_store (data->account, tokens, cancellable, &error))
    g_task_return_boolean (step, TRUE);
  else
    g_task_return_error (step, error);
}

static void
on_exchanged (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_code (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  GError *error = NULL;

  data->code = tayori_oauth_loopback_wait_finish (TAYORI_OAUTH_LOOPBACK (source), result,
                                                  &error);
  if (data->code == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  run_step (task, exchange_code, on_exchanged);
}

static void
on_registered (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ConnectData *data = g_task_get_task_data (task);
  g_autofree char *url = NULL;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  url = authorize_url (data);
  tayori_oauth_loopback_wait_async (data->loopback, 0, g_task_get_cancellable (task), on_code,
                                    g_object_ref (task));
  if (data->open_uri != NULL)
    data->open_uri (url, data->open_uri_data);
}

void
tayori_channel_mastodon_connect (const TayoriAccount *account,
                                 const char          *secret,
                                 TayoriHttpClient    *client,
                                 TayoriOpenUriFunc    open_uri,
                                 gpointer             open_uri_data,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ConnectData *data;
  GError *error = NULL;

  g_task_set_source_tag (task, tayori_channel_mastodon_connect);
  if (account->url == NULL || !g_str_has_prefix (account->url, "http"))
    {
      g_task_return_new_error (task, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                               _("Enter the address of the Mastodon instance."));
      return;
    }
  data = g_new0 (ConnectData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) connect_data_free);
  data->loopback = tayori_oauth_loopback_new (&error);
  if (data->loopback == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  data->account = tayori_account_copy (account);
  data->client = g_object_ref (client);
  data->open_uri = open_uri;
  data->open_uri_data = open_uri_data;
  data->redirect_uri = g_strdup (tayori_oauth_loopback_get_redirect_uri (data->loopback));
  data->verifier = g_strdup (tayori_oauth_loopback_get_verifier (data->loopback));
  run_step (task, register_app, on_registered);
}
