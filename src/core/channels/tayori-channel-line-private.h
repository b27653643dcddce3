/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the LINE channel's files share: the message builder and the quota check. */
#pragma once

#include "tayori-channel-line.h"
#include "tayori-channel-http.h"

G_BEGIN_DECLS

#define TAYORI_LINE_DEFAULT_URL "https://api.line.me"

/* The "messages" array for @post: its text (with @footer when the text lacks it), then the
 * Flex bubble card (when post->card) or the images that have a URL. */
JsonNode   *tayori_line_build_messages (const TayoriChannelPost *post,
                                        const char              *footer,
                                        const char              *button_label);
/* The narrowcast recipient for audience group ids: one audience, or an "or" of them. */
JsonNode   *tayori_line_build_recipient (const char * const *audience_groups,
                                         GError             **error);
/* Refuses with TAYORI_CHANNEL_ERROR_QUOTA when the month's quota cannot cover the recipients
 * (followers for a broadcast, the audiences' sizes for a narrowcast, 1 for a push). */
gboolean    tayori_line_check_quota    (const TayoriChannelApi   *api,
                                        const TayoriChannelPost  *post,
                                        gboolean                  push,
                                        GCancellable             *cancellable,
                                        GError                  **error);

G_END_DECLS
