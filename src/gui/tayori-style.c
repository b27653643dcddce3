/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The widgets' stylesheets, added once per display (see tayori-style.h). */
#include "tayori-style.h"

void
tayori_style_load_resource (GtkWidget  *widget,
                            const char *resource_path)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  g_autofree char *key = g_strconcat ("tayori-style:", resource_path, NULL);
  g_autoptr(GtkCssProvider) provider = NULL;

  if (g_object_get_data (G_OBJECT (display), key) != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  /* The display keeps the provider; the data only marks the path as done. */
  g_object_set_data (G_OBJECT (display), key, GINT_TO_POINTER (TRUE));
}
