/* SPDX-License-Identifier: GPL-3.0-or-later */
/* OAuth 2.0 for native apps (RFC 8252, RFC 7636): PKCE verifier and S256 challenge, a random
 * state, and a SoupServer on 127.0.0.1 with a random port that receives the one redirect,
 * checks the state and answers the browser with a short Japanese page. Used by the X and
 * Mastodon connect flows. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TAYORI_TYPE_OAUTH_LOOPBACK (tayori_oauth_loopback_get_type ())
G_DECLARE_FINAL_TYPE (TayoriOAuthLoopback, tayori_oauth_loopback, TAYORI, OAUTH_LOOPBACK, GObject)

/* Listens at once (G_IO_ERROR on failure). Must be made and used on one main context. */
TayoriOAuthLoopback *tayori_oauth_loopback_new            (GError **error);
/* "http://127.0.0.1:PORT/callback" */
const char          *tayori_oauth_loopback_get_redirect_uri (TayoriOAuthLoopback *self);
const char          *tayori_oauth_loopback_get_state        (TayoriOAuthLoopback *self);
const char          *tayori_oauth_loopback_get_verifier     (TayoriOAuthLoopback *self); /* 43–128 chars */
const char          *tayori_oauth_loopback_get_challenge    (TayoriOAuthLoopback *self); /* S256, base64url */
/* Completes with the authorization code when the redirect arrives with the right state;
 * G_IO_ERROR_PERMISSION_DENIED when the user refused (error=access_denied) or the state does
 * not match; G_IO_ERROR_TIMED_OUT after @timeout_seconds (0 = 300). Stops listening then. */
void                 tayori_oauth_loopback_wait_async       (TayoriOAuthLoopback *self,
                                                             guint                timeout_seconds,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
char                *tayori_oauth_loopback_wait_finish      (TayoriOAuthLoopback *self,
                                                             GAsyncResult        *result,
                                                             GError             **error);

G_END_DECLS
