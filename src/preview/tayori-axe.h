/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The accessibility layer that needs a real page: axe-core (pinned, bundled in the preview
 * resources with its Japanese locale) run in a presented WebKitWebView, tags wcag2a, wcag2aa,
 * wcag21a, wcag21aa. Violations become errors (critical, serious) or warnings (moderate,
 * minor), "incomplete" becomes notices; every finding keeps axe's WCAG criteria and ACT ids,
 * the node's selector, and, through the closest data-sourcepos, its range in the body source. */
#pragma once

#include <webkit/webkit.h>
#include "tayori-check-document.h"

G_BEGIN_DECLS

#define TAYORI_AXE_ERROR (tayori_axe_error_quark ())
typedef enum {
  TAYORI_AXE_ERROR_NO_DISPLAY,   /* no display to run WebKit on */
  TAYORI_AXE_ERROR_FAILED,       /* the script or the page failed */
} TayoriAxeError;
GQuark      tayori_axe_error_quark (void);

const char *tayori_axe_get_version (void);   /* the bundled axe-core version */

/* Runs axe on what @web_view shows now (it must be in a presented window). @document maps
 * data-sourcepos back to body ranges (findings outside the body get the field "page").
 * Finish returns TayoriFinding objects with ids "axe/<axe rule id>", family "axe". */
void        tayori_axe_run_async   (WebKitWebView       *web_view,
                                    TayoriCheckDocument *document,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GPtrArray  *tayori_axe_run_finish  (WebKitWebView       *web_view,
                                    GAsyncResult        *result,
                                    GError             **error);

/* For tayori-cli: initialises GTK (TAYORI_AXE_ERROR_NO_DISPLAY when there is no display),
 * renders @document as the standalone page (HTML input as given, scripts never run) in an
 * offscreen-positioned presented window, runs axe and returns its findings. Blocking: spins
 * its own main loop. */
GPtrArray  *tayori_axe_check_document (TayoriCheckDocument *document,
                                       GError             **error);

G_END_DECLS
