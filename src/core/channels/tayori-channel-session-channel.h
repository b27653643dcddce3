/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one TayoriChannel type of the networks whose channel is an account session (X,
 * Bluesky): the GObject and the fixed answers here, the network's calls from a table. */
#pragma once

#include "tayori-channel.h"
#include "tayori-channel-session.h"

G_BEGIN_DECLS

/* What a network gives: its fixed answers and the interface's calls on its session. */
typedef struct
{
  TayoriPostNetwork     network;
  TayoriChannelFlags    flags;
  guint                 max_images;
  gboolean              (*check_ready) (TayoriChannelSession     *session,
                                        GCancellable             *cancellable,
                                        GError                  **error);
  TayoriChannelReceipt *(*post)        (TayoriChannelSession     *session,
                                        const TayoriChannelPost  *post,
                                        GCancellable             *cancellable,
                                        GError                  **error);
  TayoriChannelReceipt *(*find_post)   (TayoriChannelSession     *session,
                                        const TayoriChannelPost  *post,
                                        GDateTime                *since,
                                        GCancellable             *cancellable,
                                        GError                  **error);
  gboolean              (*delete_post) (TayoriChannelSession     *session,
                                        const char               *remote_id,
                                        GCancellable             *cancellable,
                                        GError                  **error);
  TayoriChannelMetrics *(*get_metrics) (TayoriChannelSession     *session,
                                        const char               *remote_id,
                                        GCancellable             *cancellable,
                                        GError                  **error);
} TayoriChannelSessionOps;

/* A channel for @account with a session of its own; @ops must outlive it (a static table).
 * Its character limit is the network's default one. */
TayoriChannel *tayori_channel_session_channel_new (const TayoriChannelSessionOps *ops,
                                                   const TayoriAccount           *account,
                                                   TayoriHttpClient              *client);

G_END_DECLS
