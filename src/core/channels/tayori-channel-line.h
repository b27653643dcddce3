/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The LINE channel (Messaging API). The account's url is the API base (https://api.line.me when
 * empty); its secret is the channel access token, stored as {"access_token": TOKEN} (a bare token
 * stored by hand is read too). Options: "footer" (appended to every text that lacks it),
 * "push-to" (a user or group id: push to that one chat instead of broadcasting, for test
 * accounts), "card-button" (the card's button label, 「詳しく見る」 by default). The post's
 * audience_groups (numeric audience group ids) select narrowcast. */
#pragma once

#include "tayori-channel.h"

G_BEGIN_DECLS

/* How narrowcast progress is followed: the first wait and the total it gives up after
 * (defaults 1 s doubling, 60 s). For tests. */
void tayori_channel_line_set_follow_timing (guint first_wait_ms,
                                            guint max_total_ms);

/* @text as LINE receives it: with "\n" and @footer appended unless it already ends with it. */
char *tayori_channel_line_text_with_footer  (const char *text,
                                             const char *footer);

G_END_DECLS
