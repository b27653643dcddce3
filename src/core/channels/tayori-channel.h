/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TayoriChannel: one SNS account Tayori posts to (LINE, X, Mastodon, Bluesky), one
 * implementation per network in its own files. Every method is blocking and runs on a worker
 * thread (the post queue's). Errors are TAYORI_CHANNEL_ERROR, classified by what to do. */
#pragma once

#include <gio/gio.h>
#include "tayori-accounts.h"
#include "tayori-http-client.h"
#include "tayori-post-counter.h"

G_BEGIN_DECLS

#define TAYORI_CHANNEL_ERROR (tayori_channel_error_quark ())
typedef enum {
  TAYORI_CHANNEL_ERROR_AUTH,            /* reconnect the account (token revoked, refresh failed) */
  TAYORI_CHANNEL_ERROR_CONTENT,         /* fix the content (too long, bad image, refused text) */
  TAYORI_CHANNEL_ERROR_RETRY_LATER,     /* 429, 5xx, timeouts before sending: retry (Retry-After) */
  TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME, /* the request may have been received: reconcile first */
  TAYORI_CHANNEL_ERROR_QUOTA,           /* LINE monthly message quota would be exceeded */
  TAYORI_CHANNEL_ERROR_FORBIDDEN,       /* the account may not do this */
  TAYORI_CHANNEL_ERROR_NOT_SUPPORTED,   /* the network cannot (delete on LINE, metrics…) */
} TayoriChannelError;
/* An extended error domain (G_DEFINE_EXTENDED_ERROR): RETRY_LATER carries the server's
 * Retry-After in seconds (0 = none given). */
GQuark      tayori_channel_error_quark           (void);
GError     *tayori_channel_error_new_retry_later (guint retry_after_seconds, const char *message);
guint       tayori_channel_error_get_retry_after (const GError *error);
/* "auth", "content", "retry-later", "unknown-outcome", "quota", "forbidden", "not-supported" */
const char *tayori_channel_error_to_key          (TayoriChannelError code);
/* Translated advice for people: 「アカウントに接続し直してください」… */
const char *tayori_channel_error_advice          (TayoriChannelError code);

typedef struct {
  GBytes *data;          /* PNG or JPEG, already resized to the network's limits */
  char   *mime_type;
  char   *alt;           /* required */
  guint   width;
  guint   height;
  char   *url;           /* its public HTTPS address when known (the CMS media URL): LINE sends
                          * images by URL only and skips images without one; NULL otherwise */
} TayoriChannelImage;

typedef struct {
  char       *text;             /* final text as counted, footer included */
  GPtrArray  *images;           /* TayoriChannelImage, at most the network's maximum */
  char       *link_url;         /* the article's URL: card, LINE button, Bluesky external embed */
  char       *link_title;
  char       *link_description;
  TayoriChannelImage *link_thumb;  /* card image, may be NULL */
  char       *idempotency_key;  /* UUID made once by the queue, stored before the first try */
  GDateTime  *scheduled_at;     /* native scheduling only (Mastodon); NULL = now */
  GStrv       audience_groups;  /* LINE narrowcast audience group ids; empty = broadcast */
  gboolean    card;             /* LINE: send the Flex bubble card (else text + image) */
} TayoriChannelPost;

typedef struct {
  char *remote_id;    /* status id, tweet id, at:// URI, LINE request id */
  char *remote_url;   /* a link people can open, NULL when the network has none (LINE) */
} TayoriChannelReceipt;

typedef struct {
  gint64 likes;       /* -1 = unknown */
  gint64 reposts;
  gint64 replies;
  gint64 views;       /* LINE: delivered / impressions when the insight API gives them */
} TayoriChannelMetrics;

typedef enum {
  TAYORI_CHANNEL_CAN_SCHEDULE        = 1 << 0,  /* native scheduled posts */
  TAYORI_CHANNEL_HAS_IDEMPOTENCY_KEY = 1 << 1,  /* the server dedupes by key */
  TAYORI_CHANNEL_CAN_DELETE          = 1 << 2,
  TAYORI_CHANNEL_HAS_METRICS         = 1 << 3,
} TayoriChannelFlags;

TayoriChannelImage   *tayori_channel_image_new    (GBytes *data, const char *mime_type,
                                                   const char *alt, guint width, guint height);
TayoriChannelImage   *tayori_channel_image_copy   (const TayoriChannelImage *image);
void                  tayori_channel_image_free   (TayoriChannelImage *image);
TayoriChannelPost    *tayori_channel_post_new     (void);
void                  tayori_channel_post_free    (TayoriChannelPost *post);
void                  tayori_channel_receipt_free (TayoriChannelReceipt *receipt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriChannelImage, tayori_channel_image_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriChannelPost, tayori_channel_post_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TayoriChannelReceipt, tayori_channel_receipt_free)

#define TAYORI_TYPE_CHANNEL (tayori_channel_get_type ())
G_DECLARE_INTERFACE (TayoriChannel, tayori_channel, TAYORI, CHANNEL, GObject)

struct _TayoriChannelInterface
{
  GTypeInterface parent_iface;

  TayoriPostNetwork     (*get_network)    (TayoriChannel *self);
  TayoriChannelFlags    (*get_flags)      (TayoriChannel *self);
  guint                 (*get_max_images) (TayoriChannel *self);
  guint                 (*get_char_limit) (TayoriChannel *self, GCancellable *cancellable,
                                           GError **error);
  gboolean              (*check_ready)    (TayoriChannel *self, const TayoriChannelPost *post,
                                           GCancellable *cancellable, GError **error);
  TayoriChannelReceipt *(*post)           (TayoriChannel *self, const TayoriChannelPost *post,
                                           GCancellable *cancellable, GError **error);
  TayoriChannelReceipt *(*find_post)      (TayoriChannel *self, const TayoriChannelPost *post,
                                           GDateTime *since, GCancellable *cancellable,
                                           GError **error);
  gboolean              (*follow)         (TayoriChannel *self, const TayoriChannelReceipt *receipt,
                                           GCancellable *cancellable, GError **error);
  gboolean              (*delete_post)    (TayoriChannel *self, const char *remote_id,
                                           GCancellable *cancellable, GError **error);
  TayoriChannelMetrics *(*get_metrics)    (TayoriChannel *self, const char *remote_id,
                                           GCancellable *cancellable, GError **error);
};

TayoriPostNetwork     tayori_channel_get_network    (TayoriChannel *self);
TayoriChannelFlags    tayori_channel_get_flags      (TayoriChannel *self);
guint                 tayori_channel_get_max_images (TayoriChannel *self);
/* The limit the composer counts against: Mastodon reads the instance's configuration
 * (/api/v2/instance, cached); the others return their fixed limit. */
guint                 tayori_channel_get_char_limit (TayoriChannel *self, GCancellable *cancellable,
                                                     GError **error);
/* Before sending: LINE checks the message quota and consumption for this many recipients
 * (TAYORI_CHANNEL_ERROR_QUOTA); others check the token. Default: TRUE. */
gboolean              tayori_channel_check_ready    (TayoriChannel *self,
                                                     const TayoriChannelPost *post,
                                                     GCancellable *cancellable, GError **error);
TayoriChannelReceipt *tayori_channel_post           (TayoriChannel *self,
                                                     const TayoriChannelPost *post,
                                                     GCancellable *cancellable, GError **error);
/* After an UNKNOWN_OUTCOME on a network without idempotency keys: looks on the account for a
 * post of this text made since @since. NULL without error when there is none. */
TayoriChannelReceipt *tayori_channel_find_post      (TayoriChannel *self,
                                                     const TayoriChannelPost *post,
                                                     GDateTime *since,
                                                     GCancellable *cancellable, GError **error);
/* LINE narrowcast: waits (polling with backoff) until the delivery completes or fails.
 * Default: TRUE at once. */
gboolean              tayori_channel_follow         (TayoriChannel *self,
                                                     const TayoriChannelReceipt *receipt,
                                                     GCancellable *cancellable, GError **error);
/* TAYORI_CHANNEL_ERROR_NOT_SUPPORTED by default. */
gboolean              tayori_channel_delete_post    (TayoriChannel *self, const char *remote_id,
                                                     GCancellable *cancellable, GError **error);
TayoriChannelMetrics *tayori_channel_get_metrics    (TayoriChannel *self, const char *remote_id,
                                                     GCancellable *cancellable, GError **error);

/* The channel for an account's type, with its stored credentials (looked up in libsecret by
 * the implementation when it needs them; tokens it refreshes are stored back). NULL with
 * G_IO_ERROR_NOT_SUPPORTED for an unknown type. Defined in tayori-channels.c, the one place
 * that lists the implementations. */
TayoriChannel        *tayori_channel_new_for_account (const TayoriAccount *account,
                                                      TayoriHttpClient    *client,
                                                      GError             **error);

G_END_DECLS
