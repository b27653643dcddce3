/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A TayoriChannel holding an account session and forwarding the interface's calls to its
 * network's table (tayori-channel-session-channel.h). */
#include "tayori-channel-session-channel.h"

#define TAYORI_TYPE_CHANNEL_SESSION_CHANNEL (tayori_channel_session_channel_get_type ())
G_DECLARE_FINAL_TYPE (TayoriChannelSessionChannel, tayori_channel_session_channel, TAYORI,
                      CHANNEL_SESSION_CHANNEL, GObject)

struct _TayoriChannelSessionChannel
{
  GObject                        parent_instance;
  const TayoriChannelSessionOps *ops;
  TayoriChannelSession          *session;
};

static void tayori_channel_session_channel_iface_init (TayoriChannelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TayoriChannelSessionChannel, tayori_channel_session_channel,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TAYORI_TYPE_CHANNEL,
                                                      tayori_channel_session_channel_iface_init))

#define SELF(channel) TAYORI_CHANNEL_SESSION_CHANNEL (channel)

static TayoriPostNetwork
get_network (TayoriChannel *channel)
{
  return SELF (channel)->ops->network;
}

static TayoriChannelFlags
get_flags (TayoriChannel *channel)
{
  return SELF (channel)->ops->flags;
}

static guint
get_max_images (TayoriChannel *channel)
{
  return SELF (channel)->ops->max_images;
}

static guint
get_char_limit (TayoriChannel  *channel,
                GCancellable   *cancellable,
                GError        **error)
{
  return tayori_post_default_limit (SELF (channel)->ops->network);
}

static gboolean
check_ready (TayoriChannel            *channel,
             const TayoriChannelPost  *post,
             GCancellable             *cancellable,
             GError                  **error)
{
  return SELF (channel)->ops->check_ready (SELF (channel)->session, cancellable, error);
}

static TayoriChannelReceipt *
post_to (TayoriChannel            *channel,
         const TayoriChannelPost  *post,
         GCancellable             *cancellable,
         GError                  **error)
{
  return SELF (channel)->ops->post (SELF (channel)->session, post, cancellable, error);
}

static TayoriChannelReceipt *
find_post (TayoriChannel            *channel,
           const TayoriChannelPost  *post,
           GDateTime                *since,
           GCancellable             *cancellable,
           GError                  **error)
{
  return SELF (channel)->ops->find_post (SELF (channel)->session, post, since, cancellable,
                                         error);
}

static gboolean
delete_post (TayoriChannel  *channel,
             const char     *remote_id,
             GCancellable   *cancellable,
             GError        **error)
{
  return SELF (channel)->ops->delete_post (SELF (channel)->session, remote_id, cancellable,
                                           error);
}

static TayoriChannelMetrics *
get_metrics (TayoriChannel  *channel,
             const char     *remote_id,
             GCancellable   *cancellable,
             GError        **error)
{
  return SELF (channel)->ops->get_metrics (SELF (channel)->session, remote_id, cancellable,
                                           error);
}

static void
tayori_channel_session_channel_iface_init (TayoriChannelInterface *iface)
{
  iface->get_network = get_network;
  iface->get_flags = get_flags;
  iface->get_max_images = get_max_images;
  iface->get_char_limit = get_char_limit;
  iface->check_ready = check_ready;
  iface->post = post_to;
  iface->find_post = find_post;
  iface->delete_post = delete_post;
  iface->get_metrics = get_metrics;
}

static void
tayori_channel_session_channel_finalize (GObject *object)
{
  g_clear_pointer (&SELF (object)->session, tayori_channel_session_free);
  G_OBJECT_CLASS (tayori_channel_session_channel_parent_class)->finalize (object);
}

static void
tayori_channel_session_channel_class_init (TayoriChannelSessionChannelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tayori_channel_session_channel_finalize;
}

static void
tayori_channel_session_channel_init (TayoriChannelSessionChannel *self)
{
}

TayoriChannel *
tayori_channel_session_channel_new (const TayoriChannelSessionOps *ops,
                                    const TayoriAccount           *account,
                                    TayoriHttpClient              *client)
{
  TayoriChannelSessionChannel *self = g_object_new (TAYORI_TYPE_CHANNEL_SESSION_CHANNEL, NULL);

  self->ops = ops;
  self->session = tayori_channel_session_new (account, client);
  return TAYORI_CHANNEL (self);
}
