/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the CMS connectors share privately: the rule that secrets only travel over HTTPS
 * (plain HTTP to loopback is allowed for local test servers). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for https:// URLs and http:// to 127.0.0.0/8, ::1 or localhost; else
 * TAYORI_CMS_ERROR_INSECURE (G_IO_ERROR_INVALID_ARGUMENT when @url is not a URL). */
gboolean tayori_cms_check_url (const char  *url,
                               GError     **error);

G_END_DECLS
