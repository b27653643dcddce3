/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Recognising a post of ours on an account after an attempt whose outcome is unknown (X and
 * Bluesky have no idempotency keys): the network may rewrite links (X's t.co) and escape text;
 * and which failures of the requests around a post leave nothing to reconcile. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @remote, a post's text as the network returns it, is @wanted: compared in NFC
 * without URLs, without white space and with X's HTML entities (&amp; &lt; &gt;) decoded. */
gboolean tayori_channel_text_matches (const char *remote,
                                      const char *wanted);

/* For a failed request that creates no post (an upload, a session, a token): an unknown
 * outcome becomes RETRY_LATER, as trying again is safe; with @refusal_is_auth, CONTENT and
 * FORBIDDEN become AUTH (a refused session or token means connecting the account again). */
void     tayori_channel_error_nothing_posted (GError   **error,
                                              gboolean   refusal_is_auth);

/* Whether @text is NULL or only white space (an alt text that is no description). */
gboolean tayori_channel_text_is_blank (const char *text);

G_END_DECLS
