/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Mastodon channel. The account's url is the instance ("https://mastodon.example"); its
 * secret is {"client_id", "client_secret", "access_token"} from connecting (app registration on
 * the instance, then the OAuth code flow with PKCE through the loopback redirect). Posts are
 * public, in Japanese, with an Idempotency-Key; scheduled_at less than 5 minutes ahead (which
 * Mastodon refuses) posts at once. get_char_limit () reads the instance's limit (500 when it
 * cannot be read, with the error). */
#pragma once

#include "tayori-channel.h"

G_BEGIN_DECLS

/* How long media processing is awaited: the first wait and the total (defaults 500 ms
 * doubling, 60 s). For tests. */
void tayori_channel_mastodon_set_media_timing (guint first_wait_ms,
                                               guint max_total_ms);

G_END_DECLS
