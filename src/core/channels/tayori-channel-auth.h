/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Connecting an SNS account: OAuth 2.0 Authorization Code with PKCE through a loopback
 * redirect (RFC 8252: a SoupServer on 127.0.0.1 with a random port, state checked) for X and
 * Mastodon (after registering the app on the instance); an app password for Bluesky
 * (createSession); a channel access token for LINE. The result is stored in libsecret
 * (kind "channel", the account's name) as a JSON object of tokens. */
#pragma once

#include <gio/gio.h>
#include "tayori-accounts.h"
#include "tayori-http-client.h"

G_BEGIN_DECLS

/* Called on the main context with the authorization URL to open in the browser (the GUI uses
 * gtk_show_uri; tests fetch it themselves). */
typedef void (*TayoriOpenUriFunc) (const char *uri, gpointer user_data);

/* For X and Mastodon: the whole loopback flow; for Bluesky and LINE, @secret is the app
 * password or the channel access token and no browser is involved (@open_uri may be NULL).
 * Completes once the tokens are stored. Cancelling stops the loopback server. */
void     tayori_channel_connect_async  (const TayoriAccount *account,
                                        const char          *secret,
                                        TayoriHttpClient    *client,
                                        TayoriOpenUriFunc    open_uri,
                                        gpointer             open_uri_data,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean tayori_channel_connect_finish (GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
