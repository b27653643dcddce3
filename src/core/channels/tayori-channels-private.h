/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What each network's files provide to tayori-channels.c, the one table of implementations.
 * Each connect function completes a GTask whose result is a boolean
 * (tayori_channel_connect_finish propagates it). */
#pragma once

#include "tayori-channel.h"
#include "tayori-channel-auth.h"

G_BEGIN_DECLS

typedef TayoriChannel *(*TayoriChannelNewFunc) (const TayoriAccount *account,
                                                TayoriHttpClient    *client);
typedef void (*TayoriChannelConnectFunc) (const TayoriAccount *account,
                                          const char          *secret,
                                          TayoriHttpClient    *client,
                                          TayoriOpenUriFunc    open_uri,
                                          gpointer             open_uri_data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);

TayoriChannel *tayori_channel_line_new          (const TayoriAccount *account, TayoriHttpClient *client);
TayoriChannel *tayori_channel_x_new             (const TayoriAccount *account, TayoriHttpClient *client);
TayoriChannel *tayori_channel_mastodon_new      (const TayoriAccount *account, TayoriHttpClient *client);
TayoriChannel *tayori_channel_bluesky_new       (const TayoriAccount *account, TayoriHttpClient *client);
void           tayori_channel_line_connect      (const TayoriAccount *account, const char *secret,
                                                 TayoriHttpClient *client, TayoriOpenUriFunc open_uri,
                                                 gpointer open_uri_data, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
void           tayori_channel_x_connect         (const TayoriAccount *account, const char *secret,
                                                 TayoriHttpClient *client, TayoriOpenUriFunc open_uri,
                                                 gpointer open_uri_data, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
void           tayori_channel_mastodon_connect  (const TayoriAccount *account, const char *secret,
                                                 TayoriHttpClient *client, TayoriOpenUriFunc open_uri,
                                                 gpointer open_uri_data, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);
void           tayori_channel_bluesky_connect   (const TayoriAccount *account, const char *secret,
                                                 TayoriHttpClient *client, TayoriOpenUriFunc open_uri,
                                                 gpointer open_uri_data, GCancellable *cancellable,
                                                 GAsyncReadyCallback callback, gpointer user_data);

G_END_DECLS
