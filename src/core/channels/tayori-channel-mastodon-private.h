/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the Mastodon channel's files share: posting a status with its media. */
#pragma once

#include "tayori-channel-mastodon.h"
#include "tayori-channel-http.h"

G_BEGIN_DECLS

/* Uploads the images, waits until the instance has processed them, posts the status. */
TayoriChannelReceipt *tayori_mastodon_post (const TayoriChannelApi   *api,
                                            const TayoriChannelPost  *post,
                                            GCancellable             *cancellable,
                                            GError                  **error);

G_END_DECLS
