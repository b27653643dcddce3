/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The TayoriChannel interface: its default methods, the post/image/receipt structures and the
 * TAYORI_CHANNEL_ERROR domain, extended so that RETRY_LATER carries the server's Retry-After. */
#include <glib/gi18n.h>

#include "tayori-channel.h"

typedef struct {
  guint retry_after;
} TayoriChannelErrorPrivate;

static void
tayori_channel_error_private_init (TayoriChannelErrorPrivate *priv)
{
  priv->retry_after = 0;
}

static void
tayori_channel_error_private_copy (const TayoriChannelErrorPrivate *src,
                                   TayoriChannelErrorPrivate       *dest)
{
  dest->retry_after = src->retry_after;
}

static void
tayori_channel_error_private_clear (TayoriChannelErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (TayoriChannelError, tayori_channel_error)

GError *
tayori_channel_error_new_retry_later (guint       retry_after_seconds,
                                      const char *message)
{
  GError *error = g_error_new_literal (TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_RETRY_LATER,
                                       message);

  tayori_channel_error_get_private (error)->retry_after = retry_after_seconds;
  return error;
}

guint
tayori_channel_error_get_retry_after (const GError *error)
{
  if (error == NULL || error->domain != TAYORI_CHANNEL_ERROR)
    return 0;
  return tayori_channel_error_get_private (error)->retry_after;
}

static const struct {
  const char *key;
  const char *advice;
} error_texts[] = {
  [TAYORI_CHANNEL_ERROR_AUTH]            = { "auth", N_("Connect the account again.") },
  [TAYORI_CHANNEL_ERROR_CONTENT]         = { "content", N_("Fix the post and send it again.") },
  [TAYORI_CHANNEL_ERROR_RETRY_LATER]     = { "retry-later", N_("Try again later.") },
  [TAYORI_CHANNEL_ERROR_UNKNOWN_OUTCOME] = { "unknown-outcome",
                                             N_("Check on the account whether the post went out "
                                                "before sending it again.") },
  [TAYORI_CHANNEL_ERROR_QUOTA]           = { "quota",
                                             N_("The monthly message limit would be exceeded: "
                                                "send to fewer people or raise the plan.") },
  [TAYORI_CHANNEL_ERROR_FORBIDDEN]       = { "forbidden",
                                             N_("This account is not allowed to do this; ask "
                                                "its administrator.") },
  [TAYORI_CHANNEL_ERROR_NOT_SUPPORTED]   = { "not-supported",
                                             N_("This network does not offer this.") },
};

const char *
tayori_channel_error_to_key (TayoriChannelError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (error_texts), NULL);
  return error_texts[code].key;
}

const char *
tayori_channel_error_advice (TayoriChannelError code)
{
  g_return_val_if_fail ((guint) code < G_N_ELEMENTS (error_texts), NULL);
  return _(error_texts[code].advice);
}

TayoriChannelImage *
tayori_channel_image_new (GBytes     *data,
                          const char *mime_type,
                          const char *alt,
                          guint       width,
                          guint       height)
{
  TayoriChannelImage *image = g_new0 (TayoriChannelImage, 1);

  image->data = data != NULL ? g_bytes_ref (data) : NULL;
  image->mime_type = g_strdup (mime_type);
  image->alt = g_strdup (alt);
  image->width = width;
  image->height = height;
  return image;
}

TayoriChannelImage *
tayori_channel_image_copy (const TayoriChannelImage *image)
{
  TayoriChannelImage *copy;

  g_return_val_if_fail (image != NULL, NULL);
  copy = tayori_channel_image_new (image->data, image->mime_type, image->alt, image->width,
                                   image->height);
  copy->url = g_strdup (image->url);
  return copy;
}

void
tayori_channel_image_free (TayoriChannelImage *image)
{
  if (image == NULL)
    return;
  g_clear_pointer (&image->data, g_bytes_unref);
  g_free (image->mime_type);
  g_free (image->alt);
  g_free (image->url);
  g_free (image);
}

TayoriChannelPost *
tayori_channel_post_new (void)
{
  TayoriChannelPost *post = g_new0 (TayoriChannelPost, 1);

  post->images = g_ptr_array_new_with_free_func ((GDestroyNotify) tayori_channel_image_free);
  post->audience_groups = g_new0 (char *, 1);
  return post;
}

void
tayori_channel_post_free (TayoriChannelPost *post)
{
  if (post == NULL)
    return;
  g_free (post->text);
  g_clear_pointer (&post->images, g_ptr_array_unref);
  g_free (post->link_url);
  g_free (post->link_title);
  g_free (post->link_description);
  g_clear_pointer (&post->link_thumb, tayori_channel_image_free);
  g_free (post->idempotency_key);
  g_clear_pointer (&post->scheduled_at, g_date_time_unref);
  g_strfreev (post->audience_groups);
  g_free (post);
}

void
tayori_channel_receipt_free (TayoriChannelReceipt *receipt)
{
  if (receipt == NULL)
    return;
  g_free (receipt->remote_id);
  g_free (receipt->remote_url);
  g_free (receipt);
}

G_DEFINE_INTERFACE (TayoriChannel, tayori_channel, G_TYPE_OBJECT)

static TayoriChannelFlags
default_get_flags (TayoriChannel *self)
{
  return 0;
}

static guint
default_get_max_images (TayoriChannel *self)
{
  return 0;
}

static guint
default_get_char_limit (TayoriChannel  *self,
                        GCancellable   *cancellable,
                        GError        **error)
{
  return tayori_post_default_limit (tayori_channel_get_network (self));
}

static gboolean
default_check_ready (TayoriChannel            *self,
                     const TayoriChannelPost  *post,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  return TRUE;
}

static TayoriChannelReceipt *
default_find_post (TayoriChannel            *self,
                   const TayoriChannelPost  *post,
                   GDateTime                *since,
                   GCancellable             *cancellable,
                   GError                  **error)
{
  return NULL;
}

static gboolean
default_follow (TayoriChannel               *self,
                const TayoriChannelReceipt  *receipt,
                GCancellable                *cancellable,
                GError                     **error)
{
  return TRUE;
}

static void
set_not_supported (GError **error)
{
  g_set_error_literal (error, TAYORI_CHANNEL_ERROR, TAYORI_CHANNEL_ERROR_NOT_SUPPORTED,
                       _("This network does not offer this."));
}

static gboolean
default_delete_post (TayoriChannel  *self,
                     const char     *remote_id,
                     GCancellable   *cancellable,
                     GError        **error)
{
  set_not_supported (error);
  return FALSE;
}

static TayoriChannelMetrics *
default_get_metrics (TayoriChannel  *self,
                     const char     *remote_id,
                     GCancellable   *cancellable,
                     GError        **error)
{
  set_not_supported (error);
  return NULL;
}

static void
tayori_channel_default_init (TayoriChannelInterface *iface)
{
  iface->get_flags = default_get_flags;
  iface->get_max_images = default_get_max_images;
  iface->get_char_limit = default_get_char_limit;
  iface->check_ready = default_check_ready;
  iface->find_post = default_find_post;
  iface->follow = default_follow;
  iface->delete_post = default_delete_post;
  iface->get_metrics = default_get_metrics;
}

TayoriPostNetwork
tayori_channel_get_network (TayoriChannel *self)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), 0);
  return TAYORI_CHANNEL_GET_IFACE (self)->get_network (self);
}

TayoriChannelFlags
tayori_channel_get_flags (TayoriChannel *self)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), 0);
  return TAYORI_CHANNEL_GET_IFACE (self)->get_flags (self);
}

guint
tayori_channel_get_max_images (TayoriChannel *self)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), 0);
  return TAYORI_CHANNEL_GET_IFACE (self)->get_max_images (self);
}

guint
tayori_channel_get_char_limit (TayoriChannel  *self,
                               GCancellable   *cancellable,
                               GError        **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), 0);
  return TAYORI_CHANNEL_GET_IFACE (self)->get_char_limit (self, cancellable, error);
}

gboolean
tayori_channel_check_ready (TayoriChannel            *self,
                            const TayoriChannelPost  *post,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (post != NULL, FALSE);
  return TAYORI_CHANNEL_GET_IFACE (self)->check_ready (self, post, cancellable, error);
}

TayoriChannelReceipt *
tayori_channel_post (TayoriChannel            *self,
                     const TayoriChannelPost  *post,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (post != NULL, NULL);
  return TAYORI_CHANNEL_GET_IFACE (self)->post (self, post, cancellable, error);
}

TayoriChannelReceipt *
tayori_channel_find_post (TayoriChannel            *self,
                          const TayoriChannelPost  *post,
                          GDateTime                *since,
                          GCancellable             *cancellable,
                          GError                  **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (post != NULL, NULL);
  return TAYORI_CHANNEL_GET_IFACE (self)->find_post (self, post, since, cancellable, error);
}

gboolean
tayori_channel_follow (TayoriChannel               *self,
                       const TayoriChannelReceipt  *receipt,
                       GCancellable                *cancellable,
                       GError                     **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (receipt != NULL, FALSE);
  return TAYORI_CHANNEL_GET_IFACE (self)->follow (self, receipt, cancellable, error);
}

gboolean
tayori_channel_delete_post (TayoriChannel  *self,
                            const char     *remote_id,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), FALSE);
  g_return_val_if_fail (remote_id != NULL, FALSE);
  return TAYORI_CHANNEL_GET_IFACE (self)->delete_post (self, remote_id, cancellable, error);
}

TayoriChannelMetrics *
tayori_channel_get_metrics (TayoriChannel  *self,
                            const char     *remote_id,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_return_val_if_fail (TAYORI_IS_CHANNEL (self), NULL);
  g_return_val_if_fail (remote_id != NULL, NULL);
  return TAYORI_CHANNEL_GET_IFACE (self)->get_metrics (self, remote_id, cancellable, error);
}
