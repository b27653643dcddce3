/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Bluesky channel's files share: XRPC calls with the account's session (its tokens
 * {password (the app password), accessJwt, refreshJwt, did, handle} in libsecret), the post
 * record and its facets. */
#pragma once

#include "tayori-channel-http.h"
#include "tayori-channel-session.h"

G_BEGIN_DECLS

#define TAYORI_BLUESKY_POST_COLLECTION "app.bsky.feed.post"

/* Makes sure there is a session (createSession with the stored app password when needed);
 * returns the account's DID. */
char       *tayori_bluesky_session_ensure  (TayoriChannelSession  *session,
                                            GCancellable          *cancellable,
                                            GError               **error);
/* An XRPC call: @method "GET" with @query ("actor=…", may be NULL) or "POST" with @body of
 * @content_type. An expired access token is refreshed (refreshSession, else createSession)
 * and the call made once more; the JSON answer or a classified error. */
JsonObject *tayori_bluesky_session_call    (TayoriChannelSession  *session,
                                            const char            *method,
                                            const char            *nsid,
                                            const char            *query,
                                            GBytes                *body,
                                            const char            *content_type,
                                            GCancellable          *cancellable,
                                            GError               **error);

/* The record of an app.bsky.feed.post for @post: text, createdAt (@now), langs ["ja"],
 * facets, and images (uploaded with uploadBlob) or the external link card. */
JsonNode   *tayori_bluesky_post_record     (TayoriChannelSession     *session,
                                            const TayoriChannelPost  *post,
                                            GDateTime                *now,
                                            GCancellable             *cancellable,
                                            GError                  **error);

/* The app.bsky.richtext.facet array for @text: links (http(s):// and www.) and hashtags
 * (# or ＃ after the start or white space), byte offsets into its UTF-8. NULL when none. */
JsonNode   *tayori_bluesky_facets          (const char            *text);

G_END_DECLS
