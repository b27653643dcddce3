/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widgets' stylesheets: each GResource CSS file is added to a display once, however
 * many widgets ask for it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the CSS at @resource_path to @widget's display, once per display and path. */
void tayori_style_load_resource (GtkWidget  *widget,
                                 const char *resource_path);

G_END_DECLS
