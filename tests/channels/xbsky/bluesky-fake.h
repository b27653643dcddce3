/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A fake PDS for the Bluesky tests: the XRPC endpoints Tayori calls, every request body and
 * record validated against the lexicons, sessions from an app password with access tokens it
 * can expire, blobs, records, the author feed and post views. */
#pragma once

#include "fake-util.h"
#include "fault-server.h"
#include "lexicon.h"

G_BEGIN_DECLS

#define BLUESKY_FAKE_HANDLE   "koho.tayori-city.jp"
#define BLUESKY_FAKE_DID      "did:plc:tayoricity2026koho"
#define BLUESKY_FAKE_PASSWORD "abcd-efgh-ijkl-mnop"

typedef struct _BlueskyFake BlueskyFake;

BlueskyFake *bluesky_fake_new            (Lexicons    *lexicons);
void         bluesky_fake_free           (BlueskyFake *fake);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BlueskyFake, bluesky_fake_free)
const char  *bluesky_fake_get_url        (BlueskyFake *fake);
FaultServer *bluesky_fake_get_server     (BlueskyFake *fake);
FakeLog     *bluesky_fake_get_log        (BlueskyFake *fake);
/* From now on the current access token is refused with ExpiredToken. */
void         bluesky_fake_expire_access  (BlueskyFake *fake);
/* Also the refresh token (refreshSession refused): only the app password opens a session. */
void         bluesky_fake_expire_refresh (BlueskyFake *fake);
guint        bluesky_fake_n_records      (BlueskyFake *fake);
/* The @index-th record still in the repository (creation order), a copy. */
JsonNode    *bluesky_fake_get_record     (BlueskyFake *fake,
                                          guint        index);

G_END_DECLS
