/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An account's tokens as the X and Bluesky channels hold them on worker threads: read from
 * libsecret once, renewed when expired or refused (once, by whichever thread sees it first)
 * and stored back, all under one lock; and the calls made with them. */
#pragma once

#include <json-glib/json-glib.h>
#include "tayori-accounts.h"
#include "tayori-http-client.h"
#include "tayori-channel-http.h"

G_BEGIN_DECLS

typedef struct _TayoriChannelSession TayoriChannelSession;

struct _TayoriChannelSession
{
  TayoriAccount    *account;
  TayoriHttpClient *client;
  GMutex            lock;
  JsonObject       *tokens;   /* NULL until loaded; replaced whole when renewed */
};

/* Called with the lock held: gets new tokens and gives them to
 * tayori_channel_session_replace (). */
typedef gboolean (*TayoriChannelRenewFunc)   (TayoriChannelSession  *session,
                                              GCancellable          *cancellable,
                                              GError               **error);
/* Whether @tokens must be renewed before use (an expiry passed); may be NULL. */
typedef gboolean (*TayoriChannelExpiredFunc) (JsonObject            *tokens);

TayoriChannelSession *tayori_channel_session_new     (const TayoriAccount    *account,
                                                      TayoriHttpClient       *client);
void                  tayori_channel_session_free    (TayoriChannelSession   *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriChannelSession, tayori_channel_session_free)
/* A copy of the token @member to use now: renewed with @renew when absent, expired, or equal
 * to @stale (the one a server just refused) — unless another thread has renewed it since. */
char                 *tayori_channel_session_token   (TayoriChannelSession   *session,
                                                      const char             *member,
                                                      const char             *stale,
                                                      TayoriChannelExpiredFunc expired,
                                                      TayoriChannelRenewFunc  renew,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
/* With the lock held: @tokens become the session's and are stored in libsecret (kept in
 * memory even when storing fails: a renewed refresh token may be the only valid one). */
gboolean              tayori_channel_session_replace (TayoriChannelSession   *session,
                                                      JsonObject             *tokens,
                                                      GCancellable           *cancellable,
                                                      GError                **error);
/* Sends @request (its token set) once: the JSON answer, or NULL with @error — and *@stale
 * set too when the server refused the token as expired or revoked. */
typedef JsonObject *(*TayoriChannelSendFunc) (TayoriChannelSession        *session,
                                              const TayoriChannelRequest  *request,
                                              gboolean                    *stale,
                                              GCancellable                *cancellable,
                                              GError                     **error);

/* How a network's calls use the session's tokens. */
typedef struct
{
  const char               *member;   /* the access token's member */
  TayoriChannelExpiredFunc  expired;  /* may be NULL */
  TayoriChannelRenewFunc    renew;
  TayoriChannelSendFunc     send;
} TayoriChannelTokenUse;

/* tayori_channel_session_token () for the access token of @use. */
char                 *tayori_channel_session_access  (TayoriChannelSession        *session,
                                                      const TayoriChannelTokenUse *use,
                                                      const char                  *stale,
                                                      GCancellable                *cancellable,
                                                      GError                     **error);
/* @request sent with the access token, and once more with a renewed one when the server
 * refused it; the JSON answer or NULL with @error (the second refusal's). */
JsonObject           *tayori_channel_session_call    (TayoriChannelSession        *session,
                                                      const TayoriChannelTokenUse *use,
                                                      TayoriChannelRequest        *request,
                                                      GCancellable                *cancellable,
                                                      GError                     **error);
/* A copy of the string member @member of the tokens (loading them first), NULL when absent. */
char                 *tayori_channel_session_dup     (TayoriChannelSession   *session,
                                                      const char             *member,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

G_END_DECLS
