/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChannelMastodon: statuses with media on one instance, the instance's own character
 * limit, native scheduling, deleting and reading back favourites, boosts and replies. */
#include <glib/gi18n.h>

#include "tayori-channel-mastodon-private.h"
#include "tayori-channel-secret.h"
#include "tayori-channels-private.h"

#define MAX_IMAGES 4

#define TAYORI_TYPE_CHANNEL_MASTODON (tayori_channel_mastodon_get_type ())
G_DECLARE_FINAL_TYPE (TayoriChannelMastodon, tayori_channel_mastodon, TAYORI, CHANNEL_MASTODON,
                      GObject)

struct _TayoriChannelMastodon
{
  GObject           parent_instance;
  TayoriAccount    *account;
  TayoriHttpClient *client;
  GMutex            lock;
  guint             char_limit;   /* 0 until read from the instance */
};

static void channel_iface_init (TayoriChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriChannelMastodon, tayori_channel_mastodon, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHANNEL, channel_iface_init))

static gboolean
api_open (TayoriChannelMastodon  *self,
          TayoriChannelApi       *api,
          JsonObject            **tokens,
          GCancellable           *cancellable,
          GError                **error)
{
  return tayori_channel_secret_open_api (self->account, self->client, self->account->url, api,
                                         tokens, cancellable, error);
}

static TayoriPostNetwork
mastodon_get_network (TayoriChannel *channel)
{
  return TAYORI_POST_NETWORK_MASTODON;
}

static TayoriChannelFlags
mastodon_get_flags (TayoriChannel *channel)
{
  return TAYORI_CHANNEL_CAN_SCHEDULE | TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY |
         TAYORI_CHANNEL_CAN_DELETE | TAYORI_CHANNEL_HAS_METRICS;
}

static guint
mastodon_get_max_images (TayoriChannel *channel)
{
  return MAX_IMAGES;
}

static guint
mastodon_get_char_limit (TayoriChannel  *channel,
                         GCancellable   *cancellable,
                         GError        **error)
{
  TayoriChannelMastodon *self = TAYORI_CHANNEL_MASTODON (channel);
  TayoriChannelApi api = { self->client, self->account->url, NULL };
  g_autoptr(JsonObject) instance = NULL;
  JsonObject *statuses;
  guint limit;

  g_mutex_lock (&self->lock);
  limit = self->char_limit;
  g_mutex_unlock (&self->lock);
  if (limit != 0)
    return limit;

  instance = tayori_channel_api_call (&api, "GET", "/api/v2/instance", NULL, NULL, NULL,
                                      cancellable, error);
  if (instance == NULL)
    return tayori_post_default_limit (TAYORI_POST_NETWORK_MASTODON);
  statuses = tayori_channel_json_object (tayori_channel_json_object (instance, "configuration"),
                                         "statuses");
  limit = (guint) CLAMP (tayori_channel_json_int (statuses, "max_characters", 0), 0, G_MAXINT);
  if (limit == 0)
    limit = tayori_post_default_limit (TAYORI_POST_NETWORK_MASTODON);

  g_mutex_lock (&self->lock);
  self->char_limit = limit;
  g_mutex_unlock (&self->lock);
  return limit;
}

static TayoriChannelReceipt *
mastodon_post (TayoriChannel            *channel,
               const TayoriChannelPost  *post,
               GCancellable             *cancellable,
               GError                  **error)
{
  TayoriChannelMastodon *self = TAYORI_CHANNEL_MASTODON (channel);
  g_autoptr(JsonObject) tokens = NULL;
  TayoriChannelApi api;

  if (!api_open (self, &api, &tokens, cancellable, error))
    return NULL;
  return tayori_mastodon_post (&api, post, cancellable, error);
}

static char *
status_path (const char *remote_id)
{
  g_autofree char *escaped = g_uri_escape_string (remote_id, NULL, FALSE);

  return g_strdup_printf ("/api/v1/statuses/%s", escaped);
}

static gboolean
mastodon_delete_post (TayoriChannel  *channel,
                      const char     *remote_id,
                      GCancellable   *cancellable,
                      GError        **error)
{
  TayoriChannelMastodon *self = TAYORI_CHANNEL_MASTODON (channel);
  g_autoptr(JsonObject) tokens = NULL;
  g_autofree char *path = status_path (remote_id);
  g_autofree char *url = NULL;
  g_autoptr(TayoriHttpResponse) response = NULL;
  TayoriChannelRequest request = { .method = "DELETE" };
  TayoriChannelApi api;

  if (!api_open (self, &api, &tokens, cancellable, error))
    return FALSE;
  url = tayori_channel_http_url (api.base_url, path);
  request.url = url;
  request.token = api.token;
  response = tayori_channel_http_send_raw (self->client, &request, cancellable, error);
  /* Already gone is what was asked for. */
  return response != NULL &&
         (response->status == 404 || tayori_channel_http_check (response, api.token, error));
}

static TayoriChannelMetrics *
mastodon_get_metrics (TayoriChannel  *channel,
                      const char     *remote_id,
                      GCancellable   *cancellable,
                      GError        **error)
{
  TayoriChannelMastodon *self = TAYORI_CHANNEL_MASTODON (channel);
  g_autoptr(JsonObject) tokens = NULL;
  g_autoptr(JsonObject) status = NULL;
  g_autofree char *path = status_path (remote_id);
  TayoriChannelMetrics *metrics;
  TayoriChannelApi api;

  if (!api_open (self, &api, &tokens, cancellable, error))
    return NULL;
  status = tayori_channel_api_call (&api, "GET", path, NULL, NULL, NULL, cancellable, error);
  if (status == NULL)
    return NULL;
  metrics = g_new (TayoriChannelMetrics, 1);
  metrics->likes = tayori_channel_json_int (status, "favourites_count", -1);
  metrics->reposts = tayori_channel_json_int (status, "reblogs_count", -1);
  metrics->replies = tayori_channel_json_int (status, "replies_count", -1);
  metrics->views = -1;
  return metrics;
}

static void
channel_iface_init (TayoriChannelInterface *iface)
{
  iface->get_network = mastodon_get_network;
  iface->get_flags = mastodon_get_flags;
  iface->get_max_images = mastodon_get_max_images;
  iface->get_char_limit = mastodon_get_char_limit;
  iface->post = mastodon_post;
  iface->delete_post = mastodon_delete_post;
  iface->get_metrics = mastodon_get_metrics;
}

static void
tayori_channel_mastodon_finalize (GObject *object)
{
  TayoriChannelMastodon *self = TAYORI_CHANNEL_MASTODON (object);

  g_clear_pointer (&self->account, tayori_account_free);
  g_clear_object (&self->client);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (tayori_channel_mastodon_parent_class)->finalize (object);
}

static void
tayori_channel_mastodon_class_init (TayoriChannelMastodonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_channel_mastodon_finalize;
}

static void
tayori_channel_mastodon_init (TayoriChannelMastodon *self)
{
  g_mutex_init (&self->lock);
}

TayoriChannel *
tayori_channel_mastodon_new (const TayoriAccount *account,
                             TayoriHttpClient    *client)
{
  TayoriChannelMastodon *self = g_object_new (TAYORI_TYPE_CHANNEL_MASTODON, NULL);

  self->account = tayori_account_copy (account);
  self->client = g_object_ref (client);
  return TAYORI_CHANNEL (self);
}
