/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A channel account's tokens in libsecret (kind "channel", the account's name) as one JSON
 * object, read and written from the worker threads channels run on; connecting with a secret. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-accounts.h"
#include "tayori-channel-http.h"

G_BEGIN_DECLS

/* The stored object; a stored value that is not a JSON object is read as
 * {"access_token": value}. TAYORI_CHANNEL_ERROR_AUTH when nothing is stored. Blocking. */
JsonObject *tayori_channel_secret_load  (const TayoriAccount  *account,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* Stores @tokens, replacing what was there. Blocking: never on the main thread (it runs the
 * store on a main context of its own). */
gboolean    tayori_channel_secret_store (const TayoriAccount  *account,
                                         JsonObject           *tokens,
                                         GCancellable         *cancellable,
                                         GError              **error);
/* The string member @name of @tokens, NULL when absent or not a string. */
const char *tayori_channel_secret_get   (JsonObject           *tokens,
                                         const char           *name);

/* @api for @account at @base_url with its stored "access_token" (AUTH when there is none);
 * @tokens receives the stored object, which owns the token. Blocking. */
gboolean    tayori_channel_secret_open_api (const TayoriAccount  *account,
                                            TayoriHttpClient     *client,
                                            const char           *base_url,
                                            TayoriChannelApi     *api,
                                            JsonObject          **tokens,
                                            GCancellable         *cancellable,
                                            GError              **error);

/* Checks @secret (already validated for form) against the network; the tokens to store for
 * @account, or NULL and @error. Blocking: runs on a worker thread. */
typedef JsonObject *(*TayoriChannelSecretCheckFunc) (const TayoriAccount  *account,
                                                     const char           *secret,
                                                     TayoriHttpClient     *client,
                                                     GCancellable         *cancellable,
                                                     GError              **error);

/* Connecting with a pasted secret (Bluesky, LINE): runs @check on a worker thread, stores the
 * tokens it returns and completes @task (a new GTask of the connect call) with TRUE. */
void        tayori_channel_secret_connect (GTask                        *task,
                                           const TayoriAccount          *account,
                                           const char                   *secret,
                                           TayoriHttpClient             *client,
                                           TayoriChannelSecretCheckFunc  check);

G_END_DECLS
