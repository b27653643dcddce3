/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A channel account's tokens as one JSON object in libsecret, from worker threads: storing
 * runs the asynchronous libsecret call on a main context owned by the calling thread.
 * Connecting with a pasted secret checks it on a worker thread and stores the tokens. */
#include <glib/gi18n.h>

#include "tayori-channel-secret.h"
#include "tayori-secret.h"

JsonObject *
tayori_channel_secret_load (const TayoriAccount  *account,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *stored = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *tokens;

  stored = tayori_secret_lookup_sync (tayori_account_secret_kind (account), account->name,
                                      cancellable, &local_error);
  if (stored == NULL)
    {
      if (local_error != NULL)
        g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                     _("The account “%s” is not connected: %s"), account->name,
                     local_error->message);
      else
        g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                     _("The account “%s” is not connected."), account->name);
      return NULL;
    }
  if (json_parser_load_from_data (parser, stored, -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return json_object_ref (json_node_get_object (json_parser_get_root (parser)));

  tokens = json_object_new ();
  json_object_set_string_member (tokens, "access_token", g_strstrip (stored));
  return tokens;
}

const char *
tayori_channel_secret_get (JsonObject *tokens,
                           const char *name)
{
  JsonNode *node = json_object_get_member (tokens, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
tayori_channel_secret_open_api (const TayoriAccount  *account,
                                TayoriHttpClient     *client,
                                const char           *base_url,
                                TayoriChannelApi     *api,
                                JsonObject          **tokens,
                                GCancellable         *cancellable,
                                GError              **error)
{
  *tokens = tayori_channel_secret_load (account, cancellable, error);
  if (*tokens == NULL)
    return FALSE;
  api->client = client;
  api->base_url = base_url;
  api->token = tayori_channel_secret_get (*tokens, "access_token");
  if (api->token == NULL)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                   _("The account “%s” is not connected."), account->name);
      return FALSE;
    }
  return TRUE;
}

static void
on_stored (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

gboolean
tayori_channel_secret_store (const TayoriAccount  *account,
                             JsonObject           *tokens,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), tokens);
  g_autoptr(GBytes) text = tayori_channel_http_json_body (node);
  g_autofree char *secret = g_strndup (g_bytes_get_data (text, NULL), g_bytes_get_size (text));
  g_autofree char *label = g_strdup_printf ("Tayori: %s", account->label != NULL
                                                          ? account->label : account->name);

  g_main_context_push_thread_default (context);
  tayori_secret_store_async (tayori_account_secret_kind (account), account->name, label, secret,
                             cancellable, on_stored, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  return tayori_secret_store_finish (result, error);
}

typedef struct {
  TayoriAccount                *account;
  char                         *secret;
  TayoriHttpClient             *client;
  TayoriChannelSecretCheckFunc  check;
} SecretConnect;

static void
secret_connect_free (SecretConnect *data)
{
  tayori_account_free (data->account);
  g_free (data->secret);
  g_object_unref (data->client);
  g_free (data);
}

static void
connect_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  SecretConnect *data = task_data;
  g_autoptr(JsonObject) tokens = NULL;
  GError *error = NULL;

  tokens = data->check (data->account, data->secret, data->client, cancellable, &error);
  if (tokens == NULL || !tayori_channel_secret_store (data->account, tokens, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tayori_channel_secret_connect (GTask                        *task,
                               const TayoriAccount          *account,
                               const char                   *secret,
                               TayoriHttpClient             *client,
                               TayoriChannelSecretCheckFunc  check)
{
  SecretConnect *data = g_new0 (SecretConnect, 1);

  data->account = tayori_account_copy (account);
  data->secret = g_strdup (secret);
  data->client = g_object_ref (client);
  data->check = check;
  g_task_set_task_data (task, data, (GDestroyNotify) secret_connect_free);
  g_task_run_in_thread (task, connect_in_thread);
}
