/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A benchmark hook: with TAYORI_STARTUP_PROBE set, the first frame a window paints is
 * reported on stderr as "first-frame <monotonic µs>" (bench/startup measures up to it). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tayori_startup_probe_attach (GtkWindow *window);

G_END_DECLS
