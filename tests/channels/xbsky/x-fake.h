/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake X for the X tests, following the documented v2 endpoints: the OAuth 2.0 authorize
 * page (redirecting to the loopback) and token endpoint (PKCE S256 checked, rotating refresh
 * tokens), media upload and metadata, posts, the user and their timeline, delete, metrics. */
#pragma once

#include "fake-util.h"
#include "fault-server.h"

G_BEGIN_DECLS

#define X_FAKE_CLIENT_ID "dGF5b3JpLXRlc3QtY2xpZW50"
#define X_FAKE_USER_ID   "1590000000000000001"

typedef struct _XFake XFake;

XFake       *x_fake_new            (void);
void         x_fake_free           (XFake   *fake);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XFake, x_fake_free)
const char  *x_fake_get_url        (XFake   *fake);
FaultServer *x_fake_get_server     (XFake   *fake);
FakeLog     *x_fake_get_log        (XFake   *fake);
/* The authorize page sends the browser back with another state than it was given. */
void         x_fake_tamper_state   (XFake   *fake);
/* Issues tokens as if the account had been connected; returns the secret's JSON text. */
char        *x_fake_issue_tokens   (XFake   *fake);
/* The current access token is refused from now on (401); with @refresh_too the refresh
 * token as well (invalid_grant). */
void         x_fake_revoke         (XFake   *fake,
                                    gboolean refresh_too);
guint        x_fake_n_tweets       (XFake   *fake);
/* The @index-th post's text and how many media it has. */
char        *x_fake_dup_tweet      (XFake   *fake,
                                    guint    index,
                                    guint   *n_media);

G_END_DECLS
