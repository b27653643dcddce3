/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChannelLine: broadcast, narrowcast (or push to one chat) through the LINE Messaging
 * API with X-Line-Retry-Key on every send, the quota checked first, narrowcast progress
 * followed to the end, insight statistics as metrics, and connecting by channel access token. */
#include <glib/gi18n.h>

#include "tayori-channel-line-private.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"

#define MAX_IMAGES      4
#define MAX_SINGLE_WAIT 16000

static guint follow_first_wait_ms = 1000;
static guint follow_max_total_ms = 60000;

void
tayori_channel_line_set_follow_timing (guint first_wait_ms,
                                       guint max_total_ms)
{
  follow_first_wait_ms = MAX (first_wait_ms, 1u);
  follow_max_total_ms = max_total_ms;
}

#define TAYORI_TYPE_CHANNEL_LINE (tayori_channel_line_get_type ())
G_DECLARE_FINAL_TYPE (TayoriChannelLine, tayori_channel_line, TAYORI, CHANNEL_LINE, GObject)

struct _TayoriChannelLine
{
  GObject           parent_instance;
  TayoriAccount    *account;
  TayoriHttpClient *client;
};

static void channel_iface_init (TayoriChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriChannelLine, tayori_channel_line, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHANNEL, channel_iface_init))

static const char *
base_url (const TayoriAccount *account)
{
  return account->url != NULL && account->url[0] != '\0' ? account->url
                                                          : TAYORI_LINE_DEFAULT_URL;
}

static gboolean
api_open (TayoriChannelLine  *self,
          TayoriChannelApi   *api,
          JsonObject        **tokens,
          GCancellable       *cancellable,
          GError            **error)
{
  return tayori_channel_secret_open_api (self->account, self->client, base_url (self->account),
                                         api, tokens, cancellable, error);
}

static TayoriPostNetwork
line_get_network (TayoriChannel *channel)
{
  return TAYORI_POST_NETWORK_LINE;
}

static TayoriChannelFlags
line_get_flags (TayoriChannel *channel)
{
  return TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY | TAYORI_CHANNEL_HAS_METRICS;
}

static guint
line_get_max_images (TayoriChannel *channel)
{
  return MAX_IMAGES;
}

static gboolean
line_check_ready (TayoriChannel            *channel,
                  const TayoriChannelPost  *post,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  TayoriChannelLine *self = TAYORI_CHANNEL_LINE (channel);
  g_autoptr(JsonObject) tokens = NULL;
  TayoriChannelApi api;

  return api_open (self, &api, &tokens, cancellable, error) &&
         tayori_line_check_quota (&api, post,
                                  tayori_account_get_option (self->account, "push-to") != NULL,
                                  cancellable, error);
}

/* The request body and path for @post: push, narrowcast or broadcast. */
static JsonNode *
build_request (TayoriChannelLine        *self,
               const TayoriChannelPost  *post,
               const char              **path,
               GError                  **error)
{
  const char *push_to = tayori_account_get_option (self->account, "push-to");
  const char *label = tayori_account_get_option (self->account, "card-button");
  JsonObject *body = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, body);
  json_object_set_member (body, "messages",
                          tayori_line_build_messages (post,
                                                      tayori_account_get_option (self->account,
                                                                                 "footer"),
                                                      label != NULL ? label : "詳しく見る"));
  if (push_to != NULL)
    {
      json_object_set_string_member (body, "to", push_to);
      *path = "/v2/bot/message/push";
    }
  else if (post->audience_groups != NULL && post->audience_groups[0] != NULL)
    {
      JsonNode *recipient = tayori_line_build_recipient (
        (const char * const *) post->audience_groups, error);

      if (recipient == NULL)
        {
          json_node_unref (node);
          return NULL;
        }
      json_object_set_member (body, "recipient", recipient);
      *path = "/v2/bot/message/narrowcast";
    }
  else
    *path = "/v2/bot/message/broadcast";
  return node;
}

static TayoriChannelReceipt *
make_receipt (const TayoriHttpResponse *response,
              const char               *header,
              const char               *fallback)
{
  TayoriChannelReceipt *receipt = g_new0 (TayoriChannelReceipt, 1);
  const char *id = g_hash_table_lookup (response->headers, header);

  receipt->remote_id = g_strdup (id != NULL ? id : fallback);
  return receipt;
}

static TayoriChannelReceipt *
line_post (TayoriChannel            *channel,
           const TayoriChannelPost  *post,
           GCancellable             *cancellable,
           GError                  **error)
{
  TayoriChannelLine *self = TAYORI_CHANNEL_LINE (channel);
  g_autoptr(JsonObject) tokens = NULL;
  TayoriChannelApi api;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TayoriHttpResponse) response = NULL;
  g_autofree char *url = NULL;
  g_autofree char *retry_key = NULL;
  const char *path = NULL;
  const char *headers[2] = { NULL, NULL };
  TayoriChannelRequest request = { .method = "POST", .content_type = "application/json" };

  g_return_val_if_fail (post->idempotency_key != NULL, NULL);

  if (!api_open (self, &api, &tokens, cancellable, error))
    return NULL;
  body = build_request (self, post, &path, error);
  if (body == NULL)
    return NULL;

  url = tayori_channel_http_url (api.base_url, path);
  bytes = tayori_channel_http_json_body (body);
  retry_key = g_strdup_printf ("X-Line-Retry-Key: %s", post->idempotency_key);
  headers[0] = retry_key;
  request.url = url;
  request.token = api.token;
  request.headers = headers;
  request.body = bytes;

  response = tayori_channel_http_send_raw (self->client, &request, cancellable, error);
  if (response == NULL)
    return NULL;
  /* The same retry key again: LINE already accepted it and says which request that was. */
  if (response->status == 409 &&
      g_hash_table_contains (response->headers, "x-line-accepted-request-id"))
    return make_receipt (response, "x-line-accepted-request-id", post->idempotency_key);
  if (!tayori_channel_http_check (response, api.token, error))
    return NULL;
  return make_receipt (response, "x-line-request-id", post->idempotency_key);
}

/* One look at the narrowcast's progress: TRUE when it has ended (@done set). */
static gboolean
poll_progress (const TayoriChannelApi      *api,
               const TayoriChannelReceipt  *receipt,
               gboolean                    *done,
               GCancellable                *cancellable,
               GError                     **error)
{
  g_autofree char *escaped = g_uri_escape_string (receipt->remote_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v2/bot/message/progress/narrowcast?requestId=%s",
                                           escaped);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonObject) progress = NULL;
  const char *phase;

  progress = tayori_channel_api_call (api, "GET", path, NULL, NULL, NULL, cancellable,
                                      &local_error);
  /* Not a narrowcast (a broadcast or push has no progress to follow). */
  if (g_error_matches (local_error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT))
    {
      *done = TRUE;
      return TRUE;
    }
  if (progress == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  phase = tayori_channel_json_string (progress, "phase");
  if (phase == NULL)
    phase = "";
  *done = g_str_equal (phase, "succeeded") || g_str_equal (phase, "failed");
  /* errorCode 3: this was a retry of a request already accepted, which goes on. */
  if (g_str_equal (phase, "failed") &&
      tayori_channel_json_int (progress, "errorCode", 0) != 3)
    {
      g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_CONTENT,
                   _("LINE could not deliver the message: %s"),
                   tayori_channel_json_string (progress, "failedDescription") != NULL
                   ? tayori_channel_json_string (progress, "failedDescription")
                   : _("no reason given"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
line_follow (TayoriChannel               *channel,
             const TayoriChannelReceipt  *receipt,
             GCancellable                *cancellable,
             GError                     **error)
{
  TayoriChannelLine *self = TAYORI_CHANNEL_LINE (channel);
  g_autoptr(JsonObject) tokens = NULL;
  TayoriChannelApi api;
  guint wait_ms = follow_first_wait_ms;
  guint waited_ms = 0;

  if (!api_open (self, &api, &tokens, cancellable, error))
    return FALSE;
  for (;;)
    {
      gboolean done = FALSE;

      if (!poll_progress (&api, receipt, &done, cancellable, error))
        return FALSE;
      if (done)
        return TRUE;
      if (waited_ms >= follow_max_total_ms)
        break;
      wait_ms = MIN (wait_ms, follow_max_total_ms - waited_ms);
      if (!tayori_channel_http_sleep (wait_ms, cancellable, error))
        return FALSE;
      waited_ms += wait_ms;
      wait_ms = MIN (wait_ms * 2, MAX_SINGLE_WAIT);
    }
  g_set_error (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME,
               _("LINE is still delivering the message; its end was not seen in time."));
  return FALSE;
}

static TayoriChannelMetrics *
line_get_metrics (TayoriChannel  *channel,
                  const char     *remote_id,
                  GCancellable   *cancellable,
                  GError        **error)
{
  TayoriChannelLine *self = TAYORI_CHANNEL_LINE (channel);
  g_autoptr(JsonObject) tokens = NULL;
  TayoriChannelApi api;
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);
  g_autofree char *path = g_strdup_printf ("/v2/bot/insight/message/event?requestId=%s",
                                           escaped);
  g_autoptr(JsonObject) answer = NULL;
  TayoriChannelMetrics *metrics;
  JsonObject *overview;

  if (!api_open (self, &api, &tokens, cancellable, error))
    return NULL;
  answer = tayori_channel_api_call (&api, "GET", path, NULL, NULL, NULL, cancellable, error);
  if (answer == NULL)
    return NULL;
  metrics = g_new (TayoriChannelMetrics, 1);
  metrics->likes = metrics->reposts = metrics->replies = -1;
  overview = tayori_channel_json_object (answer, "overview");
  metrics->views = tayori_channel_json_int (overview, "uniqueImpression",
                                            tayori_channel_json_int (overview, "delivered", -1));
  return metrics;
}

static void
channel_iface_init (TayoriChannelInterface *iface)
{
  iface->get_network = line_get_network;
  iface->get_flags = line_get_flags;
  iface->get_max_images = line_get_max_images;
  iface->check_ready = line_check_ready;
  iface->post = line_post;
  iface->follow = line_follow;
  iface->get_metrics = line_get_metrics;
}

static void
tayori_channel_line_finalize (GObject *object)
{
  TayoriChannelLine *self = TAYORI_CHANNEL_LINE (object);

  g_clear_pointer (&self->account, tayori_account_free);
  g_clear_object (&self->client);
  G_OBJECT_CLASS (tayori_channel_line_parent_class)->finalize (object);
}

static void
tayori_channel_line_class_init (TayoriChannelLineClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_channel_line_finalize;
}

static void
tayori_channel_line_init (TayoriChannelLine *self)
{
}

TayoriChannel *
tayori_channel_line_new (const TayoriAccount *account,
                         TayoriHttpClient    *client)
{
  TayoriChannelLine *self = g_object_new (TAYORI_TYPE_CHANNEL_LINE, NULL);

  self->account = tayori_account_copy (account);
  self->client = g_object_ref (client);
  return TAYORI_CHANNEL (self);
}

/* Connecting checks the token against the bot's own info, then stores it. */
static JsonObject *
check_token (const TayoriAccount  *account,
             const char           *token,
             TayoriHttpClient     *client,
             GCancellable         *cancellable,
             GError              **error)
{
  TayoriChannelApi api = { client, base_url (account), token };
  g_autoptr(JsonObject) info = NULL;
  JsonObject *tokens;

  info = tayori_channel_api_call (&api, "GET", "/v2/bot/info", NULL, NULL, NULL, cancellable,
                                  error);
  if (info == NULL)
    return NULL;
  tokens = json_object_new ();
  json_object_set_string_member (tokens, "access_token", token);
  return tokens;
}

void
tayori_channel_line_connect (const TayoriAccount *account,
                             const char          *secret,
                             TayoriHttpClient    *client,
                             TayoriOpenUriFunc    open_uri,
                             gpointer             open_uri_data,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *token = g_strstrip (g_strdup (secret != NULL ? secret : ""));

  g_task_set_source_tag (task, tayori_channel_line_connect);
  if (token[0] == '\0')
    {
      g_task_return_new_error (task, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_AUTH,
                               _("Enter the channel access token of the LINE account."));
      return;
    }
  tayori_channel_secret_connect (task, account, token, client, check_token);
}
