/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The paper newsletter (広報紙): a QR code of the published article's URL (PNG and SVG through
 * libqrencode, error correction M, quiet zone 4) and a print-ready block (title, summary, QR,
 * URL, contact) for the layout, as SVG or PDF (cairo, Noto Sans CJK). */
#pragma once

#include <gio/gio.h>
#include "tayori-article.h"

G_BEGIN_DECLS

typedef enum {
  TAYORI_NEWSLETTER_PNG,
  TAYORI_NEWSLETTER_SVG,
  TAYORI_NEWSLETTER_PDF,   /* print block only */
} TayoriNewsletterFormat;

/* @module_px: pixels per module for PNG (default 8 when 0). */
GBytes *tayori_newsletter_qr          (const char *url, TayoriNewsletterFormat format,
                                       guint module_px, GError **error);
/* SVG or PDF of the block, 90 mm wide. */
GBytes *tayori_newsletter_print_block (TayoriArticle *article, const char *url,
                                       TayoriNewsletterFormat format, GError **error);

G_END_DECLS
