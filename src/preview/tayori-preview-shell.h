/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The preview's shell page: the page template (the organisation's or the bundled one) with a
 * Content-Security-Policy that allows no script and the template's stylesheet. */
#pragma once

#include <gio/gio.h>

#include "tayori-preset.h"

G_BEGIN_DECLS

#define TAYORI_PREVIEW_SHELL_CSP_TAIL \
  "img-src tayori-resource: tayori-media:; object-src 'none'; base-uri 'none'; " \
  "form-action 'none'; frame-src 'none'"
/* The policy of the bundled template, which links its page.css through tayori-resource:. */
#define TAYORI_PREVIEW_SHELL_CSP \
  "default-src 'none'; script-src 'none'; style-src tayori-resource: 'unsafe-inline'; " \
  TAYORI_PREVIEW_SHELL_CSP_TAIL
/* The policy of an organisation's template: its files are not bundled, so its CSS comes
 * inline, and a link to "page.css" (which would resolve to the bundled one) is refused. */
#define TAYORI_PREVIEW_SHELL_CSP_INLINE_STYLE \
  "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; " \
  TAYORI_PREVIEW_SHELL_CSP_TAIL

/* The policy for the preview of pages with @preset's template. */
const char *tayori_preview_shell_get_csp      (TayoriPreset         *preset);
/* @template_html with the CSP <meta> first in its head, followed by @inline_css in a <style>
 * element when given (and then the policy only allows inline styles). "{{slot}}" markers are
 * left for tayori_page_fill_template(). */
char       *tayori_preview_shell_build        (const char           *template_html,
                                               const char           *inline_css);
/* Reads the preset's template (falling back to the bundled one) in a worker thread. */
void        tayori_preview_shell_load_async   (TayoriPreset         *preset,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
/* Returns: (transfer full): the shell template, see tayori_preview_shell_build(). */
char       *tayori_preview_shell_load_finish  (GAsyncResult         *result,
                                               GError              **error);

G_END_DECLS
