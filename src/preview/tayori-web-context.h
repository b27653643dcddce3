/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one WebKit context and ephemeral network session Tayori owns, with the two URI schemes
 * the preview may load from: bundled page assets and the media store. */
#pragma once

#include <webkit/webkit.h>

G_BEGIN_DECLS

/* Base URI of the preview shell page; relative URLs in the template resolve against it. */
#define TAYORI_WEB_CONTEXT_PAGE_BASE_URI "tayori-resource:///io/github/tayori/Tayori/core/page/"

WebKitWebContext     *tayori_web_context_get           (void);
WebKitNetworkSession *tayori_web_context_get_session   (void);
/* Directory that "tayori-media:HASH" is served from; defaults to tayori_paths_media_dir(). */
void                  tayori_web_context_set_media_dir (const char *dir);

G_END_DECLS
