/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Exact post lengths as each network counts them: X (twitter-text v3 weighted length: NFC, CJK
 * and emoji weigh 2, every URL 23, limit 280), Bluesky (graphemes, 300), Mastodon (characters,
 * URLs as 23, the instance's limit, 500 by default), LINE (UTF-16 code units, 5,000).
 * "Characters" are grapheme clusters, as Mastodon's server counts them: 👨‍👩‍👧 is one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TAYORI_POST_NETWORK_X,
  TAYORI_POST_NETWORK_BLUESKY,
  TAYORI_POST_NETWORK_MASTODON,
  TAYORI_POST_NETWORK_LINE,
} TayoriPostNetwork;

const char *tayori_post_network_to_string (TayoriPostNetwork network); /* "x", "bluesky", … */
gboolean    tayori_post_network_from_string (const char *text, TayoriPostNetwork *network);
guint       tayori_post_count        (TayoriPostNetwork network, const char *text);
guint       tayori_post_default_limit (TayoriPostNetwork network);
/* Bytes of the longest start of @text (valid UTF-8) that counts at most @limit on @network; it
 * ends between grapheme clusters and never inside a URL. For marking where a post overflows. */
gsize       tayori_post_fit          (TayoriPostNetwork network, const char *text, guint limit);

G_END_DECLS
