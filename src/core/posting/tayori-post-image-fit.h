/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fitting an image to a network's upload limits before it is sent: the longest side, the
 * pixel count and the file size (re-encoded as JPEG at decreasing quality, or PNG when it has
 * transparency and fits). The limits are listed in tayori-post-image-fit.c. */
#pragma once

#include "tayori-channel.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_POST_IMAGE_ATTACHED,   /* an image of the post */
  TAYORI_POST_IMAGE_CARD,       /* a link card's thumbnail (Bluesky allows less) */
} TayoriPostImageUse;

/* A new image within @network's limits for @use (the same pixels, copied, when it already
 * fits). TAYORI_CHANNEL_ERROR_CONTENT when the data is not an image or cannot be made small
 * enough. LINE images go by URL and are returned unchanged. */
TayoriChannelImage *tayori_post_image_fit (const TayoriChannelImage  *image,
                                           TayoriPostNetwork          network,
                                           TayoriPostImageUse         use,
                                           GError                   **error);

G_END_DECLS
