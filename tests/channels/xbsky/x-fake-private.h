/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The fake X's state, shared by its API handlers (x-fake.c) and its OAuth 2.0 endpoints
 * (x-fake-oauth.c). Handlers run on the fault server's thread with the lock held. */
#pragma once

#include "x-fake.h"

G_BEGIN_DECLS

#define X_FAKE_SCOPES "tweet.read tweet.write users.read offline.access media.write"

typedef struct {
  char    *id;
  char    *text;
  guint    n_media;
  gboolean deleted;
} Tweet;

struct _XFake
{
  FaultServer *server;
  FakeLog      log;
  GMutex       lock;        /* guards what follows */
  gboolean     tamper;
  guint        serial;
  char        *access;
  char        *refresh;
  GHashTable  *codes;       /* code → "challenge redirect_uri" */
  GHashTable  *media;       /* media id → alt text ("" until set) */
  GPtrArray   *tweets;      /* Tweet */
};

/* GET /i/oauth2/authorize: "logs in" at once and redirects to the redirect_uri. */
void x_fake_authorize (XFake             *fake,
                       SoupServerMessage *message);
/* POST /2/oauth2/token for a public client: authorization_code (PKCE checked) or
 * refresh_token (rotating). */
void x_fake_token     (XFake             *fake,
                       SoupServerMessage *message);
/* New access and refresh tokens, the old ones no longer accepted. */
void x_fake_rotate    (XFake             *fake);

G_END_DECLS
