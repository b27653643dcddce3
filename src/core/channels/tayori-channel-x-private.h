/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the X channel's files share: calls with the account's OAuth 2.0 session (its tokens
 * {access_token, refresh_token, expires_at (Unix time), user_id, username} refreshed when
 * expired or refused), the token endpoint, and the media upload. */
#pragma once

#include "tayori-channel-http.h"
#include "tayori-channel-session.h"

G_BEGIN_DECLS

#define TAYORI_X_AUTHORIZE_URL "https://x.com/i/oauth2/authorize"
#define TAYORI_X_SCOPES        "tweet.read tweet.write users.read offline.access media.write"

/* A call to the API at @path ("/2/tweets") with the access token, refreshed first when it has
 * expired and once more when the server answers 401 (then TAYORI_CHANNEL_ERROR_AUTH). Returns
 * the JSON answer; errors classified by tayori-channel-http. */
JsonObject *tayori_x_session_call     (TayoriChannelSession      *session,
                                       const char                *method,
                                       const char                *path,
                                       GBytes                    *body,
                                       const char                *content_type,
                                       GCancellable              *cancellable,
                                       GError                   **error);
/* Makes sure there is a usable access token (refreshing it when it has expired). */
gboolean    tayori_x_session_ensure   (TayoriChannelSession      *session,
                                       GCancellable              *cancellable,
                                       GError                   **error);
/* The account's user id and name, asked once from /2/users/me and kept with the tokens. */
gboolean    tayori_x_session_get_user (TayoriChannelSession      *session,
                                       char                     **id,
                                       char                     **username,
                                       GCancellable              *cancellable,
                                       GError                   **error);

/* POST /2/oauth2/token with the form fields ("name", value, …, NULL) and the client id of
 * @account; returns the tokens to store: those of the answer, expiry as a Unix time, and
 * what @previous (may be NULL) had that the answer does not replace. */
JsonObject *tayori_x_token_request    (TayoriHttpClient          *client,
                                       const TayoriAccount       *account,
                                       JsonObject                *previous,
                                       GCancellable              *cancellable,
                                       GError                   **error,
                                       const char                *first_field,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Uploads @image (POST /2/media/upload, media_category tweet_image) and sets its alt text
 * (POST /2/media/metadata); returns the media id. */
char       *tayori_x_media_upload     (TayoriChannelSession      *session,
                                       const TayoriChannelImage  *image,
                                       GCancellable              *cancellable,
                                       GError                   **error);

/* The API base of @account ("https://api.x.com" when unset) + @path. */
char       *tayori_x_url              (const TayoriAccount       *account,
                                       const char                *path);

G_END_DECLS
