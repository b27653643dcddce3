/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The startup probe: the window's frame clock exists once it is realized; its first
 * "after-paint" is the moment the person sees the window. */
#define G_LOG_DOMAIN "tayori-startup-probe"

#include "tayori-startup-probe.h"

#define PROBE_ENV "TAYORI_STARTUP_PROBE"

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
}

static void
realize_cb (GtkWindow *window,
            gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  g_signal_handlers_disconnect_by_func (window, realize_cb, user_data);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_paint_cb), window, 0);
}

void
tayori_startup_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv (PROBE_ENV) == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    realize_cb (window, NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}
